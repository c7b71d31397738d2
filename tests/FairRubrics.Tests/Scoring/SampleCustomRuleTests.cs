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

    [Fact]
    public void SampleRule_Guide_SaysExactlyHowManyItemsRecordedTodayAreNeeded()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new RecentCountRule()]));
        var rubric = loader.LoadString(Yaml).GetRubricOrThrow();
        var scorer = new RubricScorer();
        var asOf = new DateOnly(2026, 6, 30);
        var options = new ScoringOptions { AsOf = asOf };
        EvidenceItem[] evidence = [new("s", "talk", Date: asOf), new("s", "doc", Date: asOf.AddDays(-100)), new("s", "doc", Date: asOf.AddDays(-100))];

        var score = scorer.Score(rubric, "s", evidence, options);
        var guidance = new FairRubrics.Guidance.GuidanceAdvisor().Advise(score);

        score.Competencies[0].Level.Should().Be(1, "1 + 0.5 + 0.5 = 2 weighted");
        var sharing = guidance.Competencies.Single(c => c.Competency.Id == "sharing");
        sharing.TargetLevel.Should().Be(2);
        sharing.Text.Should().Be("To reach Mid in Shares knowledge: give 1 more talk or write 1 more document.");
        var more = evidence.Append(new EvidenceItem("s", "doc", Date: asOf)).ToArray();
        scorer.Score(rubric, "s", more, options).Competencies[0].Level.Should().Be(2);
    }

    [Fact]
    public void SampleRule_Guide_NeverSuggestsALevelThePathCannotReach()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new RecentCountRule()]));
        var rubric = loader.LoadString(Yaml.Replace(", 3: 5 }", " }", StringComparison.Ordinal)).GetRubricOrThrow();
        var asOf = new DateOnly(2026, 6, 30);
        var score = new RubricScorer().Score(rubric, "s", [new EvidenceItem("s", "talk", Value: 3, Date: asOf)], new ScoringOptions { AsOf = asOf });

        var sharing = new FairRubrics.Guidance.GuidanceAdvisor().Advise(score).Competencies.Single(c => c.Competency.Id == "sharing");

        sharing.Routes.Should().BeEmpty();
        sharing.Unreachable.Single().Text.Should().Be("the highest level this path gives is 2");
    }
}
