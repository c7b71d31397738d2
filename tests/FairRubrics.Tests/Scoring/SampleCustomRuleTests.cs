using Acme.Scoring;
using FairRubrics.DependencyInjection;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Scoring;

/// <summary>The documented sample rule in samples/CustomScoringRule, used exactly as an integrator would.</summary>
public sealed class SampleCustomRuleTests
{
    private static readonly string Yaml = TestRubrics.Minimal("""
          - id: sharing
            title: Shares knowledge
            paths:
              - id: recent
                title: Recent knowledge sharing
                score:
                  rule: acme/recent-count
                  of: [talk, doc]
                  half-life-days: 100
                  thresholds: { 1: 1, 2: 2.5, 3: 5 }
        """);

    [Fact]
    public void SampleRule_RegisteredThroughDI_ScoresRecentEvidenceHigher()
    {
        using var provider = new ServiceCollection().AddFairRubrics().AddScoringRule<RecentCountRule>()
            .AddRubricsFromString(Yaml, "sample.yaml").Services.BuildServiceProvider();
        var rubric = provider.GetRequiredService<FairRubrics.Catalog.IRubricCatalog>().GetRubric("minimal");
        var scorer = provider.GetRequiredService<IRubricScorer>();
        var asOf = new DateOnly(2026, 6, 30);

        var recent = scorer.Score(rubric, "s", [new EvidenceItem("s", "talk", Date: asOf), new EvidenceItem("s", "doc", Date: asOf), new EvidenceItem("s", "doc", Date: asOf.AddDays(-10))], new ScoringOptions { AsOf = asOf });
        var old = scorer.Score(rubric, "s", [new EvidenceItem("s", "talk", Date: asOf.AddDays(-300)), new EvidenceItem("s", "doc", Date: asOf.AddDays(-300)), new EvidenceItem("s", "doc", Date: asOf.AddDays(-300))], new ScoringOptions { AsOf = asOf });

        recent.Competencies[0].Level.Should().Be(2);
        old.Competencies[0].Level.Should().BeNull();
        old.Competencies[0].Paths[0].Note.Should().Be("weighted count 0.38");
    }

    [Fact]
    public void SampleRule_InvalidParameters_AreReportedAtLoadTimeWithPositions()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new RecentCountRule()]));
        var broken = Yaml.Replace("half-life-days: 100", "half-life: 100", StringComparison.Ordinal).Replace("2: 2.5", "2: 0.5", StringComparison.Ordinal);

        var result = loader.LoadString(broken, "broken.yaml");

        result.Diagnostics.Select(d => d.ToString()).Should().BeEquivalentTo(
            "broken.yaml:15:11: error FR003: unknown key 'half-life' in the 'acme/recent-count' rule's parameters; did you mean 'half-life-days'?",
            "broken.yaml:16:34: error FR018: thresholds must not decrease as levels rise");
    }
}
