using System.Buffers;
using System.Text.Json;
using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Tests.Scoring;

/// <summary>
/// Issue #24 item 4: quantities whose sum is not finite (two occurrences of 1e308) are rejected with their row, so
/// every sum the scorer, the explanations and the guidance make is finite and every output is valid JSON.
/// </summary>
public sealed class QuantityOverflowTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly Lazy<Rubric> Counted = new(() => new RubricLoader().LoadString("""
        fairrubrics: 1
        id: counted
        version: 1.0.0
        title: Counted
        scale: { 1: One, 2: Two, 3: Three }
        competencies:
          - id: sharing
            title: Sharing
            paths:
              - { id: talks, title: Talks, score: { rule: count, of: [talk, doc], thresholds: { 1: 1, 2: 3, 3: 5 } } }
              - { id: docs, title: Docs, score: { rule: count, of: [doc], thresholds: { 1: 1, 2: 2, 3: 4 } } }
              - { id: any, title: Any, score: { rule: presence, of: [talk], level: 2 } }
        """).GetRubricOrThrow());

    private static EvidenceItem Item(string type, double value, long row) => new("s", type, Value: value, Date: AsOf, Row: row);

    private static SubjectScore Score(params EvidenceItem[] items) =>
        new RubricScorer().Score(Counted.Value, "s", items, new ScoringOptions { AsOf = AsOf });

    private static string Json(SubjectScore score, bool guidance)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (guidance)
            {
                ScoreJson.Write(writer, score, new GuidanceAdvisor().Advise(score), explain: true);
            }
            else
            {
                ScoreJson.Write(writer, score, explain: true);
            }
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        using var parsed = JsonDocument.Parse(text);
        return text;
    }

    [Fact]
    public void TwoOccurrencesOf1e308_TheSecondIsRejectedWithItsRow_AndTheExplanationIsValidJson()
    {
        var score = Score(Item("talk", 1e308, 1), Item("talk", 1e308, 2));

        score.Issues.Should().ContainSingle().Which.Should().Match<EvidenceIssue>(i => i.Rejected && i.Item.Row == 2 && i.Reason.Contains("too large", StringComparison.Ordinal));
        score.UsedItems.Should().Be(1);
        score.Competencies[0].Paths[0].Level.Should().Be(3);
        var json = Json(score, guidance: false);
        json.Should().Contain("\"talk\":1E+308");
        Json(score, guidance: true).Should().NotBeEmpty();
    }

    [Fact]
    public void LargestAndSmallestFiniteQuantities_Alone_AreCounted()
    {
        var largest = Score(Item("talk", double.MaxValue, 1));
        var smallest = Score(Item("talk", double.Epsilon, 1));

        largest.Issues.Should().BeEmpty();
        largest.UsedItems.Should().Be(1);
        Json(largest, guidance: true).Should().Contain("1.7976931348623157E+308");
        smallest.Issues.Should().BeEmpty();
        Json(smallest, guidance: true).Should().Contain("5E-324");
    }

    [Fact]
    public void QuantitiesNearTheLargestDouble_InAnyOrder_RejectTheSameItems_AndEverySumIsFinite()
    {
        // A doc counts on two paths and in two types' totals: every one of those sums must stay finite.
        EvidenceItem[] items =
        [
            Item("talk", 6e307, 1), Item("doc", 6e307, 2), Item("talk", 6e307, 3), Item("doc", 1, 4), Item("talk", double.MaxValue, 5),
        ];

        var forward = Score(items);
        var backward = Score([.. items.Reverse()]);

        forward.Issues.Select(i => i.Item.Row).Order().Should().Equal(3, 5);
        backward.Issues.Select(i => i.Item.Row).Order().Should().Equal(3, 5);
        Json(forward, guidance: true).Should().Be(Json(Score(items), guidance: true));
        forward.Competencies[0].Paths.Select(p => p.Level).Should().Equal(backward.Competencies[0].Paths.Select(p => p.Level));
        foreach (var path in forward.Competencies[0].Paths)
        {
            double.IsFinite(path.Evidence.Sum(i => i.Quantity)).Should().BeTrue();
        }
    }

    [Fact]
    public void OrdinaryQuantities_AreNeverRejected()
    {
        var score = Score(Item("talk", 1e300, 1), Item("talk", 1e300, 2), Item("doc", 2.5, 3));

        score.Issues.Should().BeEmpty();
        score.UsedItems.Should().Be(3);
    }
}
