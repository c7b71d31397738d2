using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Model;

public sealed class ContentHashTests
{
    private const string Block = """
        # A comment that does not change the content.
        fairrubrics: 1
        id: hash-test
        version: 1.0.0
        title: Hash test
        scale:
          1: Low
          2: Mid
          3: High
        competencies:
          - id: sharing
            title: Shares knowledge
            weight: 2
            paths:
              - id: talks
                title: Gives talks
                score:
                  rule: count
                  of: [talk, doc]
                  thresholds:
                    1: 1
                    2: 3
                    3: 6
              - id: rated
                title: Rated by peers
                score:
                  rule: rating
                  sources: [peer, manager]
        """;

    private const string FlowReordered = """
        {title: "Hash test", id: 'hash-test', fairrubrics: 1, version: 1.0.0, scale: {3: High, 1: Low, 2: Mid},
         competencies: [{paths: [{score: {thresholds: {3: 6, 1: 1, 2: 3}, of: [doc, talk], rule: count}, title: Gives talks, id: talks},
                                 {id: rated, title: Rated by peers, score: {rule: rating, sources: [manager, peer], aggregate: mean}}],
                         weight: 2.0, id: sharing, title: Shares knowledge, combine: best-of, category: other}],
         missing-evidence: exclude}
        """;

    [Fact]
    public void ContentHash_FormattingCommentsKeyOrderAndDefaults_DoNotChangeIt()
    {
        var a = new RubricLoader().LoadString(Block, "a.yaml").GetRubricOrThrow();
        var b = new RubricLoader().LoadString(FlowReordered, "b.yaml").GetRubricOrThrow();

        b.ContentHash.Should().Be(a.ContentHash);
    }

    [Theory]
    [InlineData("title: Hash test", "title: Hash test!")]
    [InlineData("weight: 2", "weight: 3")]
    [InlineData("3: 6", "3: 7")]
    [InlineData("sources: [peer, manager]", "sources: [peer]")]
    [InlineData("version: 1.0.0", "version: 1.0.1")]
    [InlineData("  3: High", "  3: Highest")]
    public void ContentHash_AnyChangeOfMeaning_ChangesIt(string from, string to)
    {
        var original = new RubricLoader().LoadString(Block).GetRubricOrThrow();
        var changed = new RubricLoader().LoadString(Block.Replace(from, to, StringComparison.Ordinal)).GetRubricOrThrow();

        changed.ContentHash.Should().NotBe(original.ContentHash);
    }

    [Fact]
    public void ContentHash_IsTheSameUnderEveryCulture()
    {
        var expected = new RubricLoader().LoadString(Block).GetRubricOrThrow().ContentHash;

        foreach (var culture in new[] { "de-DE", "tr-TR", "ar-SA", "fr-FR" })
        {
            using var scope = new CultureScope(culture);
            new RubricLoader().LoadString(Block).GetRubricOrThrow().ContentHash.Should().Be(expected, culture);
        }
    }

    [Fact]
    public void ContentHash_OfCustomRuleParameters_IgnoresTheirKeyOrder()
    {
        var one = TestRubrics.Minimal("  - id: tenure\n    title: Tenure\n    paths:\n      - id: t\n        title: T\n        score: { rule: acme/tenure-weighted, years: 3, cap: 5 }");
        var two = one.Replace("years: 3, cap: 5", "cap: 5, years: 3", StringComparison.Ordinal);

        var loader = TestRubrics.LoaderWithCustomRule();

        loader.LoadString(one).GetRubricOrThrow().ContentHash.Should().Be(loader.LoadString(two).GetRubricOrThrow().ContentHash);
    }
}
