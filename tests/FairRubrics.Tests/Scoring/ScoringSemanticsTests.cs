using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Scoring;

/// <summary>PRODUCT.md section 4, case by case: rules, combinations, missing-evidence policies, window and bands.</summary>
public sealed class ScoringSemanticsTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private const string Rubric = """
        fairrubrics: 1
        id: semantics
        version: 1.0.0
        title: Semantics
        scale: { 1: One, 2: Two, 3: Three, 4: Four, 5: Five }
        competencies:
          - id: relationships
            title: Relationships
            category: interpersonal
            weight: 2
            combine: COMBINE
            paths:
              - id: network
                title: Network
                weight: 3
                score: { rule: rating, sources: [manager, peer], aggregate: AGGREGATE, min-ratings: MINRATINGS }
              - id: helping
                title: Helping
                weight: 1
                score: { rule: count, of: [mentoring, cross-team-help], thresholds: { 1: 1, 2: 3, 3: 6, 4: 10, 5: 15 } }
              - id: certified
                title: Certified
                score: { rule: presence, of: [certificate], level: 2 }
          - id: delivery
            title: Delivery
            paths:
              - id: manager
                title: Manager
                score: { rule: rating, sources: [manager] }
        bands:
          - { label: Strong, min: 3.5 }
          - { label: Solid, min: 2.5 }
          - { label: Developing, min: 1 }
        favourable: [Strong]
        missing-evidence: MISSING
        WINDOW
        """;

    private static Rubric Load(string combine = "best-of", string aggregate = "mean", int minRatings = 1, string missing = "exclude", string window = "") =>
        new RubricLoader().LoadString(Rubric
            .Replace("COMBINE", combine, StringComparison.Ordinal)
            .Replace("AGGREGATE", aggregate, StringComparison.Ordinal)
            .Replace("MINRATINGS", minRatings.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("MISSING", missing, StringComparison.Ordinal)
            .Replace("WINDOW", window, StringComparison.Ordinal)).GetRubricOrThrow();

    private static EvidenceItem Rating(string competency, string path, double value, RaterSource source = RaterSource.Manager, DateOnly? date = null, string subject = "s1") =>
        new(subject, "rating", competency, path, value, source, Date: date);

    private static EvidenceItem Occurrence(string type, double? quantity = null, DateOnly? date = null, string subject = "s1", string? id = null) =>
        new(subject, type, Value: quantity, Date: date, Id: id);

    private static SubjectScore Score(Rubric rubric, params EvidenceItem[] items) =>
        new RubricScorer().Score(rubric, "s1", items, new ScoringOptions { AsOf = AsOf });

    private static PathScore PathOf(SubjectScore score, string competency, string path) =>
        score.Competencies.Single(c => c.Competency.Id == competency).Paths.Single(p => p.Path.Id == path);

    [Fact]
    public void Scoring_Rating_MeanMayBeFractional()
    {
        var score = Score(Load(), Rating("relationships", "network", 3), Rating("relationships", "network", 4, RaterSource.Peer));

        PathOf(score, "relationships", "network").Level.Should().Be(3.5);
    }

    [Theory]
    [InlineData("median", new double[] { 1, 5, 2 }, 2)]
    [InlineData("median", new double[] { 1, 5, 2, 4 }, 3)]
    [InlineData("min", new double[] { 4, 2, 5 }, 2)]
    [InlineData("max", new double[] { 4, 2, 5 }, 5)]
    [InlineData("mean", new double[] { 4, 2, 5 }, 11.0 / 3)]
    public void Scoring_Rating_AggregatesTheCountedRatings(string aggregate, double[] values, double expected)
    {
        var items = values.Select(v => Rating("relationships", "network", v)).ToArray();

        PathOf(Score(Load(aggregate: aggregate), items), "relationships", "network").Level.Should().Be(expected);
    }

    [Fact]
    public void Scoring_Rating_OnlyListedSourcesCount_OthersAreReportedNotDropped()
    {
        var score = Score(Load(), Rating("relationships", "network", 5, RaterSource.Self), Rating("relationships", "network", 2, RaterSource.Manager));

        PathOf(score, "relationships", "network").Level.Should().Be(2);
        score.Issues.Should().ContainSingle().Which.Should().Match<EvidenceIssue>(i => !i.Rejected && i.Reason.Contains("'self'"));
        score.UsedItems.Should().Be(1);
    }

    [Fact]
    public void Scoring_Rating_FewerThanMinRatings_GivesNoLevelNotZero()
    {
        var score = Score(Load(minRatings: 2), Rating("relationships", "network", 4));

        var path = PathOf(score, "relationships", "network");
        path.Level.Should().BeNull();
        path.Note.Should().Be("1 rating(s), 2 needed");
        score.Competencies[0].Status.Should().Be(ScoreStatus.InsufficientEvidence);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(9, 3)]
    [InlineData(10, 4)]
    [InlineData(40, 5)]
    public void Scoring_Count_MapsTheCountThroughThresholds(int count, int? expected)
    {
        var items = Enumerable.Range(0, count).Select(i => Occurrence(i % 2 == 0 ? "mentoring" : "cross-team-help")).ToArray();

        PathOf(Score(Load(), items), "relationships", "helping").Level.Should().Be(expected);
    }

    [Fact]
    public void Scoring_Count_SumsQuantities()
    {
        var score = Score(Load(), Occurrence("mentoring", 4), Occurrence("mentoring", 2.5));

        PathOf(score, "relationships", "helping").Level.Should().Be(3);
    }

    [Fact]
    public void Scoring_Presence_GivesItsLevelWhenAnItemExists()
    {
        var rubric = Load();

        PathOf(Score(rubric, Occurrence("certificate")), "relationships", "certified").Level.Should().Be(2);
        PathOf(Score(rubric), "relationships", "certified").Level.Should().BeNull();
    }

    [Fact]
    public void Scoring_BestOf_TakesHighestPathLevel()
    {
        var items = new[] { Rating("relationships", "network", 2) }.Concat(Enumerable.Repeat(Occurrence("mentoring"), 10)).ToArray();

        var competency = Score(Load(), items).Competencies[0];

        competency.Level.Should().Be(4);
        competency.WinningPath!.Id.Should().Be("helping");
    }

    [Fact]
    public void Scoring_BestOf_TieGoesToTheFirstPathInRubricOrder()
    {
        var items = new[] { Rating("relationships", "network", 2), Occurrence("certificate") };

        Score(Load(), items).Competencies[0].WinningPath!.Id.Should().Be("network");
    }

    [Fact]
    public void Scoring_Mean_AveragesThePathsThatHaveALevel()
    {
        var items = new[] { Rating("relationships", "network", 4) }.Concat(Enumerable.Repeat(Occurrence("mentoring"), 3)).ToArray();

        Score(Load(combine: "mean"), items).Competencies[0].Level.Should().Be(3);
    }

    [Fact]
    public void Scoring_WeightedMean_UsesPathWeights()
    {
        var items = new[] { Rating("relationships", "network", 4) }.Concat(Enumerable.Repeat(Occurrence("mentoring"), 3)).ToArray();

        Score(Load(combine: "weighted-mean"), items).Competencies[0].Level.Should().Be(((3 * 4) + (1 * 2)) / 4.0);
    }

    [Fact]
    public void Scoring_Overall_IsTheWeightedMeanOfCompetencyLevels()
    {
        var score = Score(Load(), Rating("relationships", "network", 4), Rating("delivery", "manager", 1));

        score.Overall.Should().Be(((2 * 4) + (1 * 1)) / 3.0);
        score.Status.Should().Be(ScoreStatus.Scored);
    }

    [Fact]
    public void Scoring_MissingEvidenceExclude_RenormalisesTheWeights()
    {
        var score = Score(Load(missing: "exclude"), Rating("delivery", "manager", 3));

        score.Overall.Should().Be(3);
        score.Band.Should().Be("Solid");
    }

    [Fact]
    public void Scoring_MissingEvidenceZero_CountsInsufficientCompetenciesAsZero()
    {
        var score = Score(Load(missing: "zero"), Rating("delivery", "manager", 3));

        score.Overall.Should().Be(1);
        score.Band.Should().Be("Developing");
    }

    [Fact]
    public void Scoring_MissingEvidenceFail_MakesTheSubjectInsufficient()
    {
        var score = Score(Load(missing: "fail"), Rating("delivery", "manager", 3));

        score.Status.Should().Be(ScoreStatus.InsufficientEvidence);
        score.Overall.Should().BeNull();
        score.Band.Should().BeNull();
    }

    [Fact]
    public void Scoring_NoEvidenceAtAll_IsInsufficientNeverZero()
    {
        var score = Score(Load());

        score.Status.Should().Be(ScoreStatus.InsufficientEvidence);
        score.Overall.Should().BeNull();
        score.Competencies.Should().OnlyContain(c => c.Status == ScoreStatus.InsufficientEvidence && c.Level == null);
    }

    [Theory]
    [InlineData(3.5, "Strong")]
    [InlineData(3.4999, "Solid")]
    [InlineData(2.5, "Solid")]
    [InlineData(1, "Developing")]
    public void Scoring_Band_IsTheFirstBandInDescendingMinThatTheOverallReaches(double level, string band)
    {
        var rubric = Load(aggregate: "max");

        Score(rubric, Rating("delivery", "manager", level)).Band.Should().Be(band);
    }

    [Fact]
    public void Scoring_Window_IgnoresEvidenceOlderThanTheWindowAndAfterTheScoringDate()
    {
        var rubric = Load(window: "window: { months: 6 }");
        var items = new[]
        {
            Occurrence("mentoring", date: new DateOnly(2025, 12, 29)),   // one day too old
            Occurrence("mentoring", date: new DateOnly(2025, 12, 30)),   // exactly six months: the first counted day
            Occurrence("mentoring", date: new DateOnly(2026, 6, 30)),    // the scoring date itself
            Occurrence("mentoring", date: new DateOnly(2026, 7, 1)),     // after the scoring date
        };

        var score = Score(rubric, items);

        PathOf(score, "relationships", "helping").Evidence.Should().HaveCount(2);
        score.Issues.Select(i => i.Reason).Should().Contain(r => r.Contains("older than the rubric's window")).And.Contain(r => r.Contains("after the scoring date"));
    }

    [Fact]
    public void Scoring_WindowInDays_CountsFromTheRightDay()
    {
        var rubric = Load(window: "window: { days: 30 }");
        var items = new[] { Occurrence("certificate", date: new DateOnly(2026, 5, 31)), Occurrence("mentoring", date: new DateOnly(2026, 5, 30)) };

        var score = Score(rubric, items);

        PathOf(score, "relationships", "certified").Level.Should().Be(2);
        PathOf(score, "relationships", "helping").Level.Should().BeNull();
    }

    [Fact]
    public void Scoring_WindowWithoutADate_RejectsTheItem()
    {
        var score = Score(Load(window: "window: { months: 6 }"), Occurrence("mentoring"));

        score.Issues.Should().ContainSingle().Which.Rejected.Should().BeTrue();
    }

    [Fact]
    public void Scoring_InvalidItems_AreRejectedWithReasons()
    {
        var score = Score(
            Load(),
            Rating("nope", "network", 3),
            Rating("relationships", "nope", 3),
            Rating("relationships", "network", 6),
            Rating("relationships", "helping", 3),
            Occurrence("unknown-type"),
            new EvidenceItem("someone-else", "mentoring"));

        score.Issues.Select(i => (i.Rejected, i.Reason)).Should().BeEquivalentTo(new[]
        {
            (true, "the rubric 'semantics' has no competency 'nope'"),
            (true, "competency 'relationships' has no path 'nope'"),
            (true, "rating 6 is outside the scale 1..5"),
            (true, "path 'helping' of 'relationships' is not scored by ratings (its rule is 'count')"),
            (false, "no path of the rubric 'semantics' counts evidence of type 'unknown-type'"),
            (true, "the item belongs to another subject"),
        });
        score.UsedItems.Should().Be(0);
    }

    [Fact]
    public void Scoring_OccurrenceAddressedToAPath_CountsOnlyThere()
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal("""
              - id: a
                title: A
                paths:
                  - id: talks
                    title: Talks
                    score: { rule: count, of: [talk], thresholds: { 1: 1, 2: 2, 3: 3 } }
              - id: b
                title: B
                paths:
                  - id: talks
                    title: Talks
                    score: { rule: count, of: [talk], thresholds: { 1: 1, 2: 2, 3: 3 } }
            """)).GetRubricOrThrow();

        var score = new RubricScorer().Score(rubric, "s1", [new EvidenceItem("s1", "talk"), new EvidenceItem("s1", "talk", "b", "talks")], new ScoringOptions { AsOf = AsOf });

        score.Competencies[0].Level.Should().Be(1);
        score.Competencies[1].Level.Should().Be(2);
    }

    [Fact]
    public void Scoring_Result_RecordsTheRubricIdentity()
    {
        var rubric = Load();

        var score = Score(rubric, Rating("delivery", "manager", 3));

        score.Rubric.Id.Should().Be("semantics");
        score.Rubric.Version.Should().Be("1.0.0");
        score.Rubric.ContentHash.Should().Be(rubric.ContentHash);
        score.AsOf.Should().Be(AsOf);
    }

    [Fact]
    public void Scoring_DefaultScoringDate_ComesFromTheTimeProvider()
    {
        var time = new FixedTime(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var score = new RubricScorer(time).Score(Load(), "s1", []);

        score.AsOf.Should().Be(new DateOnly(2030, 1, 2));
    }

    [Fact]
    public void Scoring_Explanation_SaysWhichPathWonAndWhatEvidence()
    {
        var items = new[] { Rating("relationships", "network", 2) }
            .Concat(Enumerable.Range(0, 6).Select(i => Occurrence("mentoring", id: $"m{i}")))
            .Concat(Enumerable.Range(0, 4).Select(_ => Occurrence("cross-team-help")))
            .ToArray();

        var score = Score(Load(), items);

        ScoreText.Explain(score.Competencies[0]).Should().Be("Relationships: level 4 via Helping — 10 items: 4 cross team helps, 6 mentorings (m0, m1, m2, m3, m4, m5, …)");
        ScoreText.ExplainPath(PathOf(score, "relationships", "network")).Should().Be("level 2 — 1 rating: manager 2");
        score.ToString().Should().Contain("Overall 4: Strong").And.Contain("Delivery: insufficient evidence");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
