using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Scoring;

/// <summary>What the built-in rules say a path needs to reach a level (<see cref="ScoringRule{TSettings}.Guide"/>), rule by rule.</summary>
public sealed class RuleGuideTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static EvidencePath PathWith(string score)
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal(
            $"  - id: c\n    title: C\n    paths:\n      - id: p\n        title: P\n        score: {score}")).GetRubricOrThrow();
        return rubric.Competencies[0].Paths[0];
    }

    private static PathAdvice? Guide(string score, double target, params EvidenceItem[] items)
    {
        var path = PathWith(score);
        var scale = new RubricLoader().LoadString(TestRubrics.Minimal()).GetRubricOrThrow().Scale;
        return path.Score.Implementation.GuidePath(path.Score.Settings, new PathEvidence(items, scale, AsOf), target);
    }

    private static EvidenceItem Item(string type, double? quantity = null) => new("s", type, Value: quantity);

    private static EvidenceItem Rating(double value, RaterSource source = RaterSource.Peer) => new("s", "rating", "c", "p", value, source);

    private const string Count = "{ rule: count, of: [mentoring, cross-team-help], thresholds: { 1: 1, 2: 3, 3: 6 } }";

    [Fact]
    public void Guidance_Count_SuggestsExactlyTheMissingItems()
    {
        var advice = Guide(Count, 3, Item("mentoring"), Item("cross-team-help"), Item("mentoring"), Item("mentoring"));

        advice!.IsReachable.Should().BeTrue();
        var need = advice.Needs.Should().ContainSingle().Which.Should().BeOfType<OccurrenceNeed>().Subject;
        need.Count.Should().Be(2);
        need.Types.Should().Equal("mentoring", "cross-team-help");
    }

    [Fact]
    public void Guidance_Count_FractionalQuantities_AreRoundedUpToWholeItems()
    {
        var advice = Guide(Count, 2, Item("mentoring", 0.5), Item("mentoring", 1.25));

        ((OccurrenceNeed)advice!.Needs[0]).Count.Should().Be(2, "1.75 counted, 3 needed: 1.25 more is two whole items");
    }

    [Fact]
    public void Guidance_Count_RoundingOfTheSum_IsReplayed()
    {
        // 0.6 + 0.7 + 0.7 sums to 1.9999999999999998, so 3 - sum rounds up to 2 items; but the rule's own
        // summation with one more item gives exactly 3.0, so one item is the exact answer.
        var advice = Guide(Count, 2, Item("mentoring", 0.6), Item("mentoring", 0.7), Item("mentoring", 0.7));

        ((OccurrenceNeed)advice!.Needs[0]).Count.Should().Be(1);
    }

    [Fact]
    public void Guidance_Count_FractionalTarget_UsesTheFirstThresholdAtOrAboveIt()
    {
        var advice = Guide(Count, 2.2, Item("mentoring"));

        ((OccurrenceNeed)advice!.Needs[0]).Count.Should().Be(5, "level 3 needs 6");
    }

    [Fact]
    public void Guidance_Count_CappedPath_IsUnreachable()
    {
        var advice = Guide("{ rule: count, of: [talk], thresholds: { 1: 1, 2: 3 } }", 3, Item("talk"));

        advice!.IsReachable.Should().BeFalse();
        advice.Reason.Should().Be("the highest level this path gives is 2");
        advice.Needs.Should().BeEmpty();
    }

    [Fact]
    public void Guidance_Presence_WithoutEvidence_SuggestsOneItem()
    {
        var advice = Guide("{ rule: presence, of: [certificate, award], level: 2 }", 2);

        var need = (OccurrenceNeed)advice!.Needs.Single();
        need.Count.Should().Be(1);
        need.Types.Should().Equal("certificate", "award");
    }

    [Theory]
    [InlineData(3, false, "this path gives level 2 and no higher")]
    [InlineData(2, true, "this path already gives its level 2, and more evidence does not raise it")]
    public void Guidance_Presence_BelowTheTargetOrAlreadyGiven_IsUnreachable(double target, bool present, string reason)
    {
        var advice = present
            ? Guide("{ rule: presence, of: [certificate], level: 2 }", target, Item("certificate"))
            : Guide("{ rule: presence, of: [certificate], level: 2 }", target);

        advice!.IsReachable.Should().BeFalse();
        advice.Reason.Should().Be(reason);
    }

    [Fact]
    public void Guidance_Rating_Mean_SaysTheLevelOneMoreRatingNeeds()
    {
        var advice = Guide("{ rule: rating, sources: [peer, manager] }", 2, Rating(1), Rating(2));

        var need = (RatingNeed)advice!.Needs.Single();
        (need.Count, need.MinimumLevel, need.CountAtMinimum).Should().Be((1, 3, 1), "(1 + 2 + 3) / 3 = 2, while a 2 would give 1.67");
        need.Sources.Should().Equal(RaterSource.Peer, RaterSource.Manager);
    }

    [Fact]
    public void Guidance_Rating_Mean_AsksForAsFewRatingsAsPossible()
    {
        var advice = Guide("{ rule: rating }", 2, Rating(1), Rating(1));

        var need = (RatingNeed)advice!.Needs.Single();
        (need.Count, need.MinimumLevel, need.CountAtMinimum).Should().Be((2, 3, 2), "one more rating gives at most (1 + 1 + 3) / 3 = 1.67; two 3s give 2");
        need.Sources.Should().BeEmpty("any source counts");
    }

    [Fact]
    public void Guidance_Rating_MinRatings_AsksForEnoughRatings()
    {
        var advice = Guide("{ rule: rating, min-ratings: 3 }", 2, Rating(3));

        var need = (RatingNeed)advice!.Needs.Single();
        (need.Count, need.MinimumLevel, need.CountAtMinimum).Should().Be((2, 2, 1), "(3 + 2 + 1) / 3 = 2");
    }

    [Fact]
    public void Guidance_Rating_Max_NeedsOneHighRatingAmongTheMinimumNumber()
    {
        var advice = Guide("{ rule: rating, aggregate: max, min-ratings: 3 }", 3);

        var need = (RatingNeed)advice!.Needs.Single();
        (need.Count, need.MinimumLevel, need.CountAtMinimum).Should().Be((3, 3, 1));
    }

    [Theory]
    [InlineData(1, 3, 2, 1, 2, 1)]
    [InlineData(1, 2, 3, 3, 3, 3)]
    public void Guidance_Rating_Median_AsksForTheFewestRatings(double first, double second, double target, int count, int level, int atLevel)
    {
        var advice = Guide("{ rule: rating, aggregate: median }", target, Rating(first), Rating(second));

        var need = (RatingNeed)advice!.Needs.Single();
        (need.Count, need.MinimumLevel, need.CountAtMinimum).Should().Be((count, level, atLevel));
    }

    [Fact]
    public void Guidance_Rating_Min_WithALowerRatingCounted_IsUnreachable()
    {
        var advice = Guide("{ rule: rating, aggregate: min }", 3, Rating(2), Rating(3));

        advice!.IsReachable.Should().BeFalse();
        advice.Reason.Should().Be("this path takes the lowest rating, and a rating of 2 already counts, so more ratings cannot bring it to 3");
    }

    [Fact]
    public void Guidance_Rating_MeanToTheTop_WithALowerRatingCounted_IsUnreachable()
    {
        var advice = Guide("{ rule: rating }", 3, Rating(2.5));

        advice!.IsReachable.Should().BeFalse();
        advice.Reason.Should().Be("this path takes the mean rating, and a rating of 2.5 already counts, so more ratings cannot bring the mean to 3");
    }

    [Fact]
    public void Guidance_Rating_Mean_CountsHowManyTopRatingsAreNeeded()
    {
        var advice = Guide("{ rule: rating }", 2.9, Rating(1));

        var need = (RatingNeed)advice!.Needs.Single();
        (need.Count, need.MinimumLevel, need.CountAtMinimum).Should().Be((19, 3, 19), "(1 + 3k) / (1 + k) >= 2.9 first holds at k = 19");
    }

    [Fact]
    public void Guidance_CustomRuleWithoutGuide_SaysNothing()
    {
        var loader = TestRubrics.LoaderWithCustomRule();
        var rubric = loader.LoadString(TestRubrics.Minimal("  - id: c\n    title: C\n    paths:\n      - id: p\n        title: P\n        score: { rule: acme/tenure-weighted }")).GetRubricOrThrow();
        var path = rubric.Competencies[0].Paths[0];

        path.Score.Implementation.GuidePath(path.Score.Settings, new PathEvidence([], rubric.Scale, AsOf), 1).Should().BeNull();
    }

    [Fact]
    public void Guidance_Needs_ValidateTheirArguments()
    {
        FluentActions.Invoking(() => new OccurrenceNeed([], 1)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new OccurrenceNeed(["rating"], 1)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new OccurrenceNeed(["talk"], 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new RatingNeed([], 1, 3, 2)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => PathAdvice.ByAdding()).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => PathAdvice.Unreachable(" ")).Should().Throw<ArgumentException>();
    }
}
