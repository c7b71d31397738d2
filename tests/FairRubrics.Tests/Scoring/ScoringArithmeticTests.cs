using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Scoring;

/// <summary>
/// The built-in rules' arithmetic is the same whatever route the scorer takes (one pass for whole numbers, sorting
/// for fractions): path levels are checked bit for bit against an oracle written here, in evidence of any order.
/// </summary>
public sealed class ScoringArithmeticTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly Lazy<Rubric> Arithmetic = new(() => new RubricLoader().LoadString("""
        fairrubrics: 1
        id: arithmetic
        version: 1.0.0
        title: Arithmetic
        scale: { 1: One, 2: Two, 3: Three, 4: Four, 5: Five }
        competencies:
          - id: rated
            title: Rated
            paths:
              - { id: mean, title: Mean, score: { rule: rating, aggregate: mean } }
              - { id: median, title: Median, score: { rule: rating, aggregate: median } }
              - { id: min, title: Min, score: { rule: rating, aggregate: min } }
              - { id: max, title: Max, score: { rule: rating, aggregate: max, min-ratings: 2 } }
          - id: counted
            title: Counted
            paths:
              - { id: tally, title: Tally, score: { rule: count, of: [talk], thresholds: { 1: 1, 2: 3, 3: 4, 4: 7, 5: 12 } } }
              - { id: big, title: Big, score: { rule: count, of: [talk], thresholds: { 1: 20, 2: 257, 3: 300 } } }
              - { id: any, title: Any, score: { rule: presence, of: [talk], level: 2 } }
        """).GetRubricOrThrow());

    private static readonly string[] RatedPaths = ["mean", "median", "min", "max"];

    public static TheoryData<int> Seeds() => RandomSeeds.UpTo(60);

    [Fact]
    public void Scoring_Count_AddsFractionalQuantitiesInAscendingOrder()
    {
        // 0.7 + 0.2 + 0.1 falls just short of 1 in the order given; in ascending order it reaches 1.0000000000000002.
        var items = new[] { Talk(0.7), Talk(0.2), Talk(0.1) };

        var path = Score(items).Competencies[1].Paths[0];

        path.Level.Should().Be(1);
    }

    [Fact]
    public void Scoring_Count_FractionsShortOfAThresholdInAscendingOrderDoNotReachIt()
    {
        // 0.7 + 0.6 + 0.9 + 0.8 is exactly 3 in the order given; in ascending order it is 2.9999999999999996, short of level 2.
        var items = new[] { Talk(0.7), Talk(0.6), Talk(0.9), Talk(0.8) };

        var path = Score(items).Competencies[1].Paths[0];

        path.Level.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Scoring_BuiltInRules_MatchTheSortedArithmeticBitForBit(int seed)
    {
        var random = new Random(seed);
        var fractions = seed % 3 != 0;
        var items = new List<EvidenceItem>();
        var ratings = RatedPaths.ToDictionary(p => p, _ => new List<double>());
        var quantities = new List<double>();
        for (var i = random.Next(1, 25); i > 0; i--)
        {
            if (random.Next(2) == 0)
            {
                var path = RatedPaths[random.Next(RatedPaths.Length)];
                var value = fractions && random.Next(3) == 0 ? Math.Round(1 + (random.NextDouble() * 4), 2) : random.Next(1, 6);
                ratings[path].Add(value);
                items.Add(new EvidenceItem("s", "rating", "rated", path, value, RaterSource.Peer, Date: AsOf));
            }
            else
            {
                double? quantity = random.Next(6) switch
                {
                    0 => null,
                    1 when fractions => new[] { 0.1, 0.2, 0.3, 0.6, 0.7, 0.8, 0.9, 1.1, 2.35 }[random.Next(9)],
                    2 when seed % 7 == 0 => new[] { -1.0, -2.5, double.NaN, 1e12 }[random.Next(4)],
                    3 => random.Next(1, 40),
                    _ => random.Next(1, 4),
                };
                quantities.Add(quantity ?? 1);
                items.Add(Talk(quantity));
            }
        }

        var score = Score([.. items.OrderBy(_ => random.Next())]);

        var rated = score.Competencies[0].Paths;
        rated[0].Level.Should().Be(Oracle(ratings["mean"], v => InOrder(v) / v.Length));
        rated[1].Level.Should().Be(Oracle(ratings["median"], v => v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2));
        rated[2].Level.Should().Be(Oracle(ratings["min"], v => v[0]));
        rated[3].Level.Should().Be(ratings["max"].Count >= 2 ? ratings["max"].Max() : null);
        var counted = score.Competencies[1].Paths;
        counted[0].Level.Should().Be(CountLevel(quantities, [(1, 1), (2, 3), (3, 4), (4, 7), (5, 12)]));
        counted[1].Level.Should().Be(CountLevel(quantities, [(1, 20), (2, 257), (3, 300)]));
        counted[2].Level.Should().Be(quantities.Count > 0 ? 2 : null);
        counted[2].EvidenceCount.Should().Be(quantities.Count);
        counted[1].Evidence.Should().HaveCount(quantities.Count);
    }

    private static double? Oracle(List<double> values, Func<double[], double> aggregate)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        return aggregate(sorted);
    }

    private static double? CountLevel(List<double> quantities, (int Level, int Min)[] thresholds)
    {
        var total = InOrder([.. quantities.Order()]);

        int? level = null;
        foreach (var (l, min) in thresholds)
        {
            if (total >= min)
            {
                level = l;
            }
        }

        return quantities.Count == 0 ? null : level;
    }

    /// <summary>The sum from first to last, one addition at a time.</summary>
    private static double InOrder(double[] values)
    {
        var total = 0.0;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }

    private static EvidenceItem Talk(double? quantity) => new("s", "talk", Value: quantity, Date: AsOf);

    private static SubjectScore Score(EvidenceItem[] items) =>
        new RubricScorer().Score(Arithmetic.Value, "s", items, new ScoringOptions { AsOf = AsOf });
}
