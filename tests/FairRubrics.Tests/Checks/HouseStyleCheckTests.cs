using Acme.HouseStyle;
using FairRubrics.Checks;
using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Checks;

public sealed class HouseStyleCheckTests
{
    private static IRubricLinter Linter()
    {
        var provider = new ServiceCollection()
            .AddFairRubrics()
            .AddRubricCheck<HouseStyleCheck>()
            .Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return provider.GetRequiredService<IRubricLinter>();
    }

    [Fact]
    public void Check_CustomCheckRegisteredThroughTheBuilder_ReportsItsFindingsWithTheBuiltIns()
    {
        var rubric = new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "samples", "legacy-networking.yaml")).GetRubricOrThrow();

        var findings = Linter().Lint(rubric);

        findings.Where(f => f.Id == HouseStyleCheck.PathWithoutDescription).Select(f => f.ToString()).Should().Equal(
            $"{rubric.Source}:38:9: warning ACME001: path 'contacts' has no description; add one that tells employees what evidence counts, e.g. description: \"Mentoring sessions held, counted over the window\"",
            $"{rubric.Source}:57:9: warning ACME001: path 'outcomes' has no description; add one that tells employees what evidence counts, e.g. description: \"Mentoring sessions held, counted over the window\"");
        findings.Should().Contain(f => f.Id == "FR101", "the built-in checks still run");
        Linter().Descriptors.Should().ContainKey("ACME002");
    }

    [Fact]
    public void Check_CustomCheckFindings_CanBeSuppressedAndReconfiguredInTheRubric()
    {
        var yaml = Lint.Rubric(Lint.GoodRelationships, extra: """
            window: { months: 12 }
            checks:
              suppress:
                - { id: ACME001, at: competencies.delivery, reason: Descriptions follow in version 2 }
              severity: { ACME002: error }
            """);

        var findings = Linter().Lint(Lint.Load(yaml));

        findings.Where(f => f.Id == "ACME001").Should().HaveCount(3).And.OnlyContain(f => f.Location.Line > 18, "the delivery path's finding is suppressed");
        findings.Should().ContainSingle(f => f.Id == "ACME002").Which.Severity.Should().Be(DiagnosticSeverity.Error);
    }

    [Fact]
    public void Check_CustomCheck_WorksWithoutAContainer()
    {
        var linter = new RubricLinter([.. BuiltInChecks.Create(), new HouseStyleCheck()]);

        linter.Lint(Lint.Load(Lint.Rubric(Lint.GoodRelationships))).Select(f => f.Id).Should().BeEquivalentTo(["ACME001", "ACME001", "ACME001", "ACME001", "ACME002"]);
    }
}
