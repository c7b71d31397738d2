using System.Text;
using System.Text.Json;
using FairRubrics.Demo;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Demo;

/// <summary>IDemoRunner, the engine of <c>fairrubrics demo</c>, on the shipped synthetic organisation.</summary>
public sealed class DemoRunnerTests
{
    private static readonly Lazy<DemoRunResult> Result = new(() => RunAsync().GetAwaiter().GetResult());

    [Fact]
    public void RunAsync_SampleOrganisation_WomensImpactRatioIsWhatTheScoresGive()
    {
        var result = Result.Value;

        // Computed here from the scores and the attributes file: favourable (the rubric's bands) among a group's people with a score (insufficient evidence is left out), against the reference group's.
        foreach (var run in new[] { result.Legacy, result.Rubric })
        {
            var reference = run.Audit.Analyses.Single(a => a.Attributes.SequenceEqual(["gender"])).Reference!.Single();
            var expected = Rate(run, "female") / Rate(run, reference);
            run.ImpactRatio("gender", "female").Should().BeApproximately(expected, 1e-9, run.Rubric.Id);
        }

        result.Legacy.ImpactRatio("gender", "female").Should().BeLessThan(0.8, "the contact-counting rubric fails the four-fifths rule");
        result.Rubric.ImpactRatio("gender", "female").Should().BeGreaterThanOrEqualTo(0.8);
        result.Legacy.Findings.Select(d => d.Id).Should().Contain("FR102");
        result.Rubric.Findings.Should().BeEmpty("the shipped rubric is lint-clean");
        result.Comparison.Subjects.Should().Be(result.Legacy.Scores.Count);
    }

    [Fact]
    public void RunAsync_SampleOrganisation_ReturnsEveryFileOfTheReportWithTheInputsCopied()
    {
        var result = Result.Value;

        result.Files.Select(f => f.Path).Should().OnlyHaveUniqueItems().And.Contain(
            [DemoRunResult.ReportPath, "scores-legacy.jsonl", "scores-alternative-paths.jsonl", "audit-legacy.json", "audit-alternative-paths.json", "compare.json", "evidence.csv", "attributes.csv", "pages/professional-relationships.en.html"]);
        Text(result, "evidence.csv").Should().Be(File.ReadAllText(Sample("evidence.csv")));
        var scoreLines = Text(result, "scores-legacy.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        scoreLines.Should().HaveCount(result.Legacy.Scores.Count);
        JsonDocument.Parse(scoreLines[0]).RootElement.GetProperty("subject").GetString().Should().Be(result.Legacy.Scores[0].Subject);
        JsonDocument.Parse(Text(result, "audit-legacy.json")).RootElement.GetProperty("findings").GetArrayLength().Should().Be(result.Legacy.Audit.Findings.Count);
        Text(result, DemoRunResult.ReportPath).Should().StartWith("<!DOCTYPE html>").And.Contain("The data in this report is synthetic")
            .And.Contain("--as-of 2026-06-30").And.Contain("pages/professional-relationships.en.html");
        (result.Legacy.Used + result.Legacy.Rejected + result.Legacy.Unmatched).Should().BeLessThanOrEqualTo(result.EvidenceRows);
    }

    private static double Rate(DemoRubricRun run, string gender)
    {
        var genders = File.ReadLines(Sample("attributes.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var group = run.Scores.Where(s => s.Status == ScoreStatus.Scored && genders.GetValueOrDefault(s.Subject) == gender).ToList();
        return group.Count(s => s.Band is { } b && run.Rubric.Favourable.Contains(b)) / (double)group.Count;
    }

    private static string Text(DemoRunResult result, string path) => Encoding.UTF8.GetString(result.Files.Single(f => f.Path == path).Content.Span);

    private static string Sample(string file) => Path.Combine(TestRubrics.RepositoryRoot, "samples", "org", file);

    private static async Task<DemoRunResult> RunAsync()
    {
        var root = TestRubrics.RepositoryRoot;
        await using var legacy = File.OpenRead(Path.Combine(root, "samples", "legacy-networking.yaml"));
        await using var fair = File.OpenRead(Path.Combine(root, "rubrics", "professional-relationships.yaml"));
        await using var evidence = File.OpenRead(Sample("evidence.csv"));
        await using var attributes = File.OpenRead(Sample("attributes.csv"));
        var runner = new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider().GetRequiredService<IDemoRunner>();
        return await runner.RunAsync(new DemoRequest
        {
            LegacyRubric = legacy, LegacyRubricName = "samples/legacy-networking.yaml", Rubric = fair, RubricName = "rubrics/professional-relationships.yaml",
            Evidence = evidence, Attributes = attributes, AsOf = new DateOnly(2026, 6, 30),
        });
    }
}
