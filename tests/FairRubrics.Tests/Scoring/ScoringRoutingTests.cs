using System.Globalization;
using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Tests.Scoring;

/// <summary>How the scorer routes items to paths on the plan's precomputed tables (ids, fan-out, window date).</summary>
public sealed class ScoringRoutingTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly ScoringOptions Options = new() { AsOf = AsOf };

    private static Rubric Load(int paths = 2, bool window = false)
    {
        var sb = new StringBuilder("""
            fairrubrics: 1
            id: routing
            version: 1.0.0
            title: Routing
            scale: { 1: One, 2: Two, 3: Three, 4: Four, 5: Five }
            competencies:
              - id: relationships
                title: Relationships
                paths:
                  - id: network
                    title: Network
                    score: { rule: rating }
                  - id: helping
                    title: Helping
                    score: { rule: count, of: [mentoring], thresholds: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 } }

            """);
        for (var p = 2; p < paths; p++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
                      - id: extra-{p}
                        title: Extra {p}
                        score: {"{"} rule: count, of: [mentoring, extra-{p}], thresholds: {"{"} 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 {"}"} {"}"}

                """);
        }

        sb.Append("""
              - id: delivery
                title: Delivery
                paths:
                  - id: shipped
                    title: Shipped
                    score: { rule: count, of: [mentoring, release], thresholds: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 } }

            """);
        if (window)
        {
            sb.Append("window: { months: 1 }\n");
        }

        return new RubricLoader().LoadString(sb.ToString()).GetRubricOrThrow();
    }

    private static EvidenceItem Rating(string competency, string path, double value) =>
        new("e1", "rating", competency, path, value, RaterSource.Manager, Date: AsOf);

    private static EvidenceItem Occurrence(string type) => new("e1", type, Date: AsOf);

    [Fact]
    public void Scoring_Routing_MatchesTypeCaseSensitively()
    {
        var score = new RubricScorer().Score(Load(), "e1", [Occurrence("Mentoring"), Occurrence("mentoring")], Options);

        score.UsedItems.Should().Be(1);
        score.Issues.Should().ContainSingle().Which.Reason.Should().Contain("type 'Mentoring'");
    }

    [Fact]
    public void Scoring_Routing_MatchesCompetencyAndPathCaseSensitively()
    {
        var score = new RubricScorer().Score(Load(), "e1", [Rating("Relationships", "network", 4), Rating("relationships", "Network", 4), Rating("relationships", "network", 3)], Options);

        score.UsedItems.Should().Be(1);
        score.Issues.Select(i => i.Reason).Should().Equal("the rubric 'routing' has no competency 'Relationships'", "competency 'relationships' has no path 'Network'");
        score.Competencies[0].Paths[0].Level.Should().Be(3);
    }

    [Fact]
    public void Scoring_Routing_GivesTheSameResultForDistinctAndSharedStringInstances()
    {
        var rubric = Load();
        EvidenceItem[] shared = [Rating("relationships", "network", 4), Occurrence("mentoring"), Occurrence("release"), Rating("relationships", "network", 2)];
        var distinct = shared.Select(i => i with
        {
            Subject = new string(i.Subject.AsSpan()),
            Type = new string(i.Type.AsSpan()),
            Competency = i.Competency is null ? null : new string(i.Competency.AsSpan()),
            Path = i.Path is null ? null : new string(i.Path.AsSpan()),
        }).ToArray();
        distinct.Should().OnlyContain(i => !ReferenceEquals(i.Type, "rating") && !ReferenceEquals(i.Type, "mentoring"));

        var scorer = new RubricScorer();
        var a = scorer.Score(rubric, "e1", shared, Options);
        var b = scorer.Score(rubric, new string("e1".AsSpan()), distinct, Options);

        b.ToString().Should().Be(a.ToString());
        b.UsedItems.Should().Be(4);
        b.Competencies[0].Paths[0].Level.Should().Be(3);
    }

    [Fact]
    public void Scoring_Routing_FindsEveryPathOfACompetencyWithManyPaths()
    {
        // More paths than the scan limit: path ids are then looked up in the competency's table.
        var rubric = Load(paths: 12);
        var items = Enumerable.Range(2, 10).Select(p => new EvidenceItem("e1", $"extra-{p}", "relationships", $"extra-{p}", p % 5 + 1, Date: AsOf))
            .Append(Rating("relationships", "network", 5))
            .Append(new EvidenceItem("e1", "mentoring", "relationships", "no-such-path", Date: AsOf))
            .ToArray();

        var score = new RubricScorer().Score(rubric, "e1", items, Options);

        score.UsedItems.Should().Be(11);
        score.Issues.Should().ContainSingle().Which.Reason.Should().Be("competency 'relationships' has no path 'no-such-path'");
        score.Competencies[0].Paths.Select(p => p.EvidenceCount).Should().Equal([1, 0, .. Enumerable.Repeat(1, 10)]);
    }

    [Fact]
    public void Scoring_Routing_AnItemOfATypeCountedByManyPathsGoesToEach()
    {
        // 'mentoring' is counted by 12 paths: 300 of them make 3,600 (path, item) pairs, beyond the stack buffer.
        var rubric = Load(paths: 12);
        var items = Enumerable.Repeat(Occurrence("mentoring"), 300).ToArray();

        var score = new RubricScorer().Score(rubric, "e1", items, Options);

        score.UsedItems.Should().Be(300);
        score.Competencies[0].Paths.Select(p => p.EvidenceCount).Should().Equal([0, .. Enumerable.Repeat(300, 11)]);
        score.Competencies[1].Paths[0].EvidenceCount.Should().Be(300);
        score.Competencies[0].Paths[1].Level.Should().Be(5);
        score.Competencies[0].Paths[5].Evidence.Should().HaveCount(300).And.OnlyContain(i => i.Type == "mentoring");
        score.Competencies[1].Paths[0].Evidence.Should().Equal(items);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2100)]
    public void Scoring_Explanations_ListEachPathsItemsInEvidenceOrder(int paths)
    {
        // Beyond 2,048 paths the score keeps its (path, item) pairs in two ints each instead of one.
        var rubric = Load(paths);
        var last = $"extra-{paths - 1}";
        EvidenceItem[] items =
        [
            Occurrence("release") with { Id = "a" },
            Rating("relationships", "network", 4) with { Id = "b" },
            Occurrence(last) with { Id = "c" },
            Occurrence("mentoring") with { Id = "d" },
            Rating("relationships", "network", 2) with { Id = "e" },
            Occurrence(last) with { Id = "f" },
        ];

        var score = new RubricScorer().Score(rubric, "e1", items, Options);

        var relationships = score.Competencies[0].Paths;
        relationships[0].Evidence.Select(i => i.Id).Should().Equal("b", "e");
        relationships[0].Level.Should().Be(3);
        relationships[1].Evidence.Select(i => i.Id).Should().Equal("d");
        relationships[^1].Evidence.Select(i => i.Id).Should().Equal("c", "d", "f");
        relationships[^1].EvidenceCount.Should().Be(3);
        relationships[^1].Level.Should().Be(3);
        score.Competencies[1].Paths[0].Evidence.Select(i => i.Id).Should().Equal("a", "d");
    }

    [Fact]
    public void Scoring_Routing_AnOccurrenceNamingItsCompetencyGoesOnlyToThatCompetencysPaths()
    {
        var score = new RubricScorer().Score(Load(), "e1", [new EvidenceItem("e1", "mentoring", "delivery", Date: AsOf)], Options);

        score.Competencies[0].Paths.Select(p => p.EvidenceCount).Should().Equal(0, 0);
        score.Competencies[1].Paths[0].EvidenceCount.Should().Be(1);
    }

    [Fact]
    public void Scoring_Window_EachScoringDateUsesItsOwnWindow()
    {
        // The plan remembers the window's first date for the last scoring date; alternating dates must not mix them up.
        var rubric = Load(window: true);
        var scorer = new RubricScorer();
        EvidenceItem[] items = [new("e1", "release", Date: new DateOnly(2026, 5, 15))];

        for (var round = 0; round < 3; round++)
        {
            scorer.Score(rubric, "e1", items, new ScoringOptions { AsOf = new DateOnly(2026, 6, 10) }).UsedItems.Should().Be(1);
            scorer.Score(rubric, "e1", items, new ScoringOptions { AsOf = new DateOnly(2026, 6, 20) }).UsedItems.Should().Be(0);
        }
    }

    [Fact]
    public void Scoring_SmallSort_OrdersValuesExactlyAsSpanSortDoes()
    {
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var values = new double[random.Next(0, 40)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = random.Next(10) switch
                {
                    0 => double.NaN,
                    1 => -0.0,
                    2 => 0.0,
                    _ => Math.Round(random.NextDouble() * 10, 1),
                };
            }

            var expected = (double[])values.Clone();
            expected.AsSpan().Sort();
            SmallSort.Ascending(values);

            values.Select(BitConverter.DoubleToInt64Bits).Where((_, i) => !double.IsNaN(values[i]) && values[i] != 0)
                .Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits).Where((_, i) => !double.IsNaN(expected[i]) && expected[i] != 0));
            values.Select(v => double.IsNaN(v) ? "NaN" : v == 0 ? "0" : "x").Should().Equal(expected.Select(v => double.IsNaN(v) ? "NaN" : v == 0 ? "0" : "x"));
        }
    }
}
