using FairRubrics.Loading;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Scoring;

public sealed class ScoringRuleExtensionTests
{
    private static string WithScore(string score) =>
        TestRubrics.Minimal($"  - id: tenure\n    title: Tenure\n    paths:\n      - id: t\n        title: T\n        score: {score}");

    [Fact]
    public void CustomRule_ValidParameters_AreBoundOnceAtLoadTime()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new TenureRule()]));

        var rubric = loader.LoadString(WithScore("{ rule: acme/tenure-weighted, years: 3 }")).GetRubricOrThrow();

        var spec = rubric.Competencies[0].Paths[0].Score;
        spec.Rule.Should().Be("acme/tenure-weighted");
        spec.Settings.Should().Be(new TenureSettings(3));
        spec.Parameters.TryGetValue("years", out var years).Should().BeTrue();
        years!.Location.Line.Should().Be(12);
    }

    [Fact]
    public void CustomRule_InvalidParameters_AreReportedAtTheirPositions()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new TenureRule()]));

        var result = loader.LoadString(WithScore("{ rule: acme/tenure-weighted, years: 99, yeers: 1 }"), "r.yaml");

        result.Diagnostics.Select(d => $"{d.Id} {d.Location}").Should().BeEquivalentTo(
            "FR011 r.yaml:12:53", "FR003 r.yaml:12:57");
        result.Diagnostics.Single(d => d.Id == "FR003").Message.Should().Contain("did you mean 'years'?");
    }

    [Fact]
    public void CustomRule_MissingRequiredParameter_IsReported()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new TenureRule()]));

        var diagnostic = loader.LoadString(WithScore("{ rule: acme/tenure-weighted }")).Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR005");
        diagnostic.Message.Should().Contain("'years'");
    }

    [Fact]
    public void CustomRule_ThatThrows_BecomesAnFR018AtTheRuleInsteadOfCrashingTheLoad()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new ThrowingRule()]));

        var diagnostic = loader.LoadString(WithScore("{ rule: acme/broken }")).Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR018");
        diagnostic.Message.Should().Contain("acme/broken").And.Contain("defect");
    }

    [Fact]
    public void CustomRule_ReturningNullSilently_StillFailsTheLoadWithAReason()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new SilentRule()]));

        var result = loader.LoadString(WithScore("{ rule: acme/silent }"));

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Id.Should().Be("FR018");
    }

    [Fact]
    public void RuleSet_TwoRulesWithOneName_IsAConfigurationError()
    {
        var act = () => new ScoringRuleSet([new TenureRule(), new OtherTenureRule()]);

        act.Should().Throw<FairRubricsConfigurationException>().WithMessage("*'acme/tenure-weighted'*");
    }

    [Fact]
    public void RuleSet_ACustomRuleNamedLikeABuiltIn_IsAConfigurationError()
    {
        var act = () => new ScoringRuleSet([new FakeCountRule()]);

        act.Should().Throw<FairRubricsConfigurationException>().WithMessage("*'count'*");
    }

    [Theory]
    [InlineData("Acme/Tenure")]
    [InlineData("acme//x")]
    [InlineData("")]
    [InlineData("acme/")]
    public void RuleSet_MalformedName_IsAConfigurationError(string name)
    {
        var act = () => new ScoringRuleSet([new NamedRule(name)]);

        act.Should().Throw<FairRubricsConfigurationException>();
    }

    [Fact]
    public void RuleSet_BuiltIns_AreAlwaysPresent()
    {
        ScoringRuleSet.BuiltInOnly.Names.Should().Equal("count", "presence", "rating");
        new ScoringRuleSet([new TenureRule()]).Names.Should().Equal("acme/tenure-weighted", "count", "presence", "rating");
    }

    internal sealed record TenureSettings(int Years);

    internal sealed class TenureRule : ScoringRule<TenureSettings>
    {
        public override string Name => "acme/tenure-weighted";

        public override TenureSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context)
        {
            context.RejectUnknownParameters(parameters, "years");
            var years = context.Get(parameters, "years", required: true) is { } node ? context.ReadInteger(node, "'years'", 1, 40) : null;
            return years is null ? null : new TenureSettings(years.Value);
        }

        public override PathOutcome Evaluate(TenureSettings settings, in PathEvidence evidence) => evidence.Count == 0 ? PathOutcome.NoLevel() : PathOutcome.AtLevel(1);
    }

    private sealed class OtherTenureRule : ScoringRule<TenureSettings>
    {
        public override string Name => "acme/tenure-weighted";

        public override TenureSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context) => new(1);

        public override PathOutcome Evaluate(TenureSettings settings, in PathEvidence evidence) => evidence.Count == 0 ? PathOutcome.NoLevel() : PathOutcome.AtLevel(1);
    }

    private sealed class FakeCountRule : ScoringRule<TenureSettings>
    {
        public override string Name => "count";

        public override TenureSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context) => new(1);

        public override PathOutcome Evaluate(TenureSettings settings, in PathEvidence evidence) => evidence.Count == 0 ? PathOutcome.NoLevel() : PathOutcome.AtLevel(1);
    }

    private sealed class NamedRule(string name) : ScoringRule<TenureSettings>
    {
        public override string Name => name;

        public override TenureSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context) => new(1);

        public override PathOutcome Evaluate(TenureSettings settings, in PathEvidence evidence) => evidence.Count == 0 ? PathOutcome.NoLevel() : PathOutcome.AtLevel(1);
    }

    private sealed class ThrowingRule : ScoringRule<TenureSettings>
    {
        public override string Name => "acme/broken";

        public override TenureSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context) => throw new InvalidOperationException("boom");

        public override PathOutcome Evaluate(TenureSettings settings, in PathEvidence evidence) => evidence.Count == 0 ? PathOutcome.NoLevel() : PathOutcome.AtLevel(1);
    }

    private sealed class SilentRule : ScoringRule<TenureSettings>
    {
        public override string Name => "acme/silent";

        public override TenureSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context) => null;

        public override PathOutcome Evaluate(TenureSettings settings, in PathEvidence evidence) => evidence.Count == 0 ? PathOutcome.NoLevel() : PathOutcome.AtLevel(1);
    }
}
