using FairRubrics.Checks;
using FairRubrics.DependencyInjection;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.DependencyInjection;

public sealed class AddFairRubricsTests
{
    [Fact]
    public void AddFairRubrics_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();

        services.AddFairRubrics(o => o.Loader.MaxDepth = 20);
        var countAfterFirst = services.Count;
        services.AddFairRubrics(o => o.Loader.MaxNodes = 1000).AddScoringRule<ScoringRuleExtensionTests.TenureRule>().AddScoringRule<ScoringRuleExtensionTests.TenureRule>();

        services.Count.Should().Be(countAfterFirst + 1, "the second call adds only the new scoring rule");
        using var provider = services.BuildServiceProvider(validateScopes: true);
        var options = provider.GetRequiredService<FairRubricsOptions>();
        options.Loader.MaxDepth.Should().Be(20);
        options.Loader.MaxNodes.Should().Be(1000);
        provider.GetServices<ScoringRule>().Select(r => r.Name).Should().Equal("rating", "count", "presence", "acme/tenure-weighted");
    }

    [Fact]
    public void AddFairRubrics_LoaderKnowsTheCustomRule()
    {
        using var provider = new ServiceCollection().AddFairRubrics().AddScoringRule<ScoringRuleExtensionTests.TenureRule>().Services.BuildServiceProvider();

        var loader = provider.GetRequiredService<RubricLoader>();

        loader.Rules.Names.Should().Contain("acme/tenure-weighted");
        loader.LoadString(TestRubrics.Minimal("  - id: t\n    title: T\n    paths:\n      - id: t\n        title: T\n        score: { rule: acme/tenure-weighted, years: 2 }")).Succeeded.Should().BeTrue();
        provider.GetRequiredService<RubricLoader>().Should().BeSameAs(loader);
    }

    [Fact]
    public void AddFairRubrics_InvalidOptions_FailAtRegistration()
    {
        var act = () => new ServiceCollection().AddFairRubrics(o => o.Loader.MaxDepth = 1000);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void AddRubricCheck_TheLinterRunsItAndAppliesRubricSettings()
    {
        using var provider = new ServiceCollection().AddFairRubrics().AddRubricCheck<TitleLengthCheck>().AddRubricCheck<TitleLengthCheck>().Services.BuildServiceProvider();
        var linter = provider.GetRequiredService<IRubricLinter>();
        var loader = provider.GetRequiredService<RubricLoader>();

        var plain = loader.LoadString(TestRubrics.Minimal(), "p.yaml").GetRubricOrThrow();
        linter.Lint(plain).Where(d => d.Id == "ACME001").Should().ContainSingle().Which.ToString().Should().Be("p.yaml:4:8: warning ACME001: the title 'Minimal' is shorter than 10 characters");

        var raised = loader.LoadString(TestRubrics.Minimal(extra: "checks: { severity: { ACME001: error } }")).GetRubricOrThrow();
        linter.Lint(raised).Single(d => d.Id == "ACME001").Severity.Should().Be(DiagnosticSeverity.Error);

        var off = loader.LoadString(TestRubrics.Minimal(extra: "checks: { severity: { ACME001: none } }")).GetRubricOrThrow();
        linter.Lint(off).Should().NotContain(d => d.Id == "ACME001");

        var suppressed = loader.LoadString(TestRubrics.Minimal(extra: "checks: { suppress: [ { id: ACME001, at: title, reason: Short on purpose } ] }")).GetRubricOrThrow();
        linter.Lint(suppressed).Should().NotContain(d => d.Id == "ACME001");

        var commented = loader.LoadString(TestRubrics.Minimal().Replace("title: Minimal", "# fairrubrics-disable-next-line ACME001 -- short on purpose\ntitle: Minimal", StringComparison.Ordinal)).GetRubricOrThrow();
        commented.Checks.LineSuppressions.Should().ContainSingle().Which.Reason.Should().Be("short on purpose");
        linter.Lint(commented).Should().NotContain(d => d.Id == "ACME001");
    }

    [Fact]
    public void Linter_OptionsInCode_ChangeSeverityAndSuppress()
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal()).GetRubricOrThrow();
        var options = new RubricLinterOptions();
        options.Severities["ACME001"] = DiagnosticSeverity.Info;

        new RubricLinter([new TitleLengthCheck()], options).Lint(rubric).Single().Severity.Should().Be(DiagnosticSeverity.Info);

        options.Suppressed.Add("ACME001");
        new RubricLinter([new TitleLengthCheck()], options).Lint(rubric).Should().BeEmpty();
    }

    [Fact]
    public void Linter_ReportingAnUndescribedId_IsAnError()
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal()).GetRubricOrThrow();

        var act = () => new RubricLinter([new UndescribedCheck()]).Lint(rubric);

        act.Should().Throw<ArgumentException>().WithMessage("*ACME404*");
    }

    private sealed class TitleLengthCheck : IRubricCheck
    {
        public IReadOnlyList<CheckDescriptor> Descriptors { get; } = [new("ACME001", "Short title", DiagnosticSeverity.Warning, null)];

        public void Check(Rubric rubric, RubricCheckContext context)
        {
            if (rubric.Title.Length < 10)
            {
                var titleLocation = rubric.TitleLocation;
                context.Report("ACME001", titleLocation, $"the title '{rubric.Title}' is shorter than 10 characters", "title");
            }
        }
    }

    private sealed class UndescribedCheck : IRubricCheck
    {
        public IReadOnlyList<CheckDescriptor> Descriptors { get; } = [];

        public void Check(Rubric rubric, RubricCheckContext context) => context.Report("ACME404", rubric.Location, "x");
    }
}
