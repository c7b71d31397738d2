using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Guidance;

/// <summary>PRODUCT.md section 4 item 7, case by case: the routes to each competency's next level and what they take.</summary>
public sealed class GuidanceAdvisorTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly Lazy<Rubric> Relationships = new(() =>
        new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow());

    private const string Rubric = """
        fairrubrics: 1
        id: guidance
        version: 1.0.0
        title: Guidance
        scale: { 1: One, 2: Two, 3: Three, 4: Four, 5: Five }
        competencies:
          - id: relationships
            title: Relationships
            combine: COMBINE
            paths:
              - id: network
                title: Network
                score: { rule: rating, sources: [manager, peer] }
              - id: helping
                title: Helping
                score: { rule: count, of: [mentoring, cross-team-help], thresholds: { 1: 1, 2: 3, 3: 6, 4: 10, 5: 15 } }
              - id: certified
                title: Certified
                score: { rule: presence, of: [certificate], level: 2 }
          - id: delivery
            title: Delivery
            weight: 2
            paths:
              - id: manager
                title: Manager
                score: { rule: rating, sources: [manager] }
        bands:
          - { label: Strong, min: 3.5 }
          - { label: Solid, min: 2.5 }
          - { label: Developing, min: 0 }
        missing-evidence: MISSING
        WINDOW
        """;

    private static Rubric Load(string combine = "best-of", string missing = "exclude", string window = "") =>
        new RubricLoader().LoadString(Rubric
            .Replace("COMBINE", combine, StringComparison.Ordinal)
            .Replace("MISSING", missing, StringComparison.Ordinal)
            .Replace("WINDOW", window, StringComparison.Ordinal)).GetRubricOrThrow();

    private static SubjectScore Score(Rubric rubric, IEnumerable<EvidenceItem> items, DateOnly? asOf = null) =>
        new RubricScorer().Score(rubric, "s1", items.ToArray(), new ScoringOptions { AsOf = asOf ?? AsOf });

    private static SubjectGuidance Advise(Rubric rubric, params EvidenceItem[] items) => new GuidanceAdvisor().Advise(Score(rubric, items));

    private static EvidenceItem Occurrence(string type, int day = 0, string? id = null) => new("s1", type, Date: AsOf.AddDays(-day), Id: id);

    private static EvidenceItem Rating(string competency, string path, double value, RaterSource source = RaterSource.Manager) =>
        new("s1", "rating", competency, path, value, source, Date: AsOf);

    private static IEnumerable<EvidenceItem> Many(string type, int count) => Enumerable.Range(0, count).Select(i => Occurrence(type, id: $"{type}-{i}"));

    [Fact]
    public void Guidance_SomeoneWhoHelpsOthers_SeesEveryRouteInTheRubricsOrderAndExactlyHowFar()
    {
        var rubric = Relationships.Value;
        var evidence = Many("mentoring", 4).Concat(Many("cross-team-help", 3)).ToList();

        var guidance = new GuidanceAdvisor().Advise(Score(rubric, evidence));

        var relationships = guidance.Competencies.Single(c => c.Competency.Id == "relationships");
        relationships.Level.Should().Be(3);
        (relationships.TargetLevel, relationships.TargetLabel).Should().Be((4, "Advanced"));
        relationships.Routes.Select(r => r.Path.Id).Should().Equal("broad-network", "altruistic-contribution", "knowledge-sharing");
        relationships.Unreachable.Should().BeEmpty();
        var helping = (OccurrenceNeed)relationships.Routes[1].Advice!.Needs.Single();
        (helping.Count, string.Join(",", helping.Types)).Should().Be((3, "mentoring,cross-team-help,onboarding-buddy"));
        ((OccurrenceNeed)relationships.Routes[2].Advice!.Needs.Single()).Count.Should().Be(12);
        var ratings = (RatingNeed)relationships.Routes[0].Advice!.Needs.Single();
        (ratings.Count, ratings.MinimumLevel, ratings.CountAtMinimum).Should().Be((2, 4, 2), "median of at least 2 ratings");
        ratings.Sources.Should().Equal(RaterSource.Manager, RaterSource.Peer, RaterSource.Report);

        // Adding exactly what the guidance says gets there.
        evidence.AddRange(Many("onboarding-buddy", 3));
        Score(rubric, evidence).Competencies[0].Level.Should().Be(4);
    }

    [Fact]
    public void Guidance_InsufficientEvidence_TargetsLevelOne()
    {
        var guidance = Advise(Load(), Rating("delivery", "manager", 3));

        var relationships = guidance.Competencies[0];
        relationships.Level.Should().BeNull();
        relationships.TargetLevel.Should().Be(1);
        relationships.Routes.Select(r => r.Advice!.Needs.Single().ToString()).Should().Equal(
            "1 rating(s), 1 at 1+, from manager|peer", "1 more of mentoring|cross-team-help", "1 more of certificate");
    }

    [Fact]
    public void Guidance_CompetencyAtTheTop_IsLeftOut()
    {
        var guidance = Advise(Load(), Rating("delivery", "manager", 5), Rating("relationships", "network", 2));

        guidance.Competencies.Select(c => c.Competency.Id).Should().Equal("relationships");
    }

    [Fact]
    public void Guidance_FractionalLevel_TargetsTheNextWholeLevel()
    {
        var guidance = Advise(Load(), Rating("relationships", "network", 3), Rating("relationships", "network", 4, RaterSource.Peer));

        guidance.Competencies[0].Level.Should().Be(3.5);
        guidance.Competencies[0].TargetLevel.Should().Be(4);
        var need = (RatingNeed)guidance.Competencies[0].Routes[0].Advice!.Needs.Single();
        (need.Count, need.MinimumLevel).Should().Be((1, 5), "(3 + 4 + 5) / 3 = 4");
    }

    [Fact]
    public void Guidance_CappedPath_IsNeverSuggested()
    {
        // Relationships at 2 via the presence path: level 3 is beyond it, so it is listed as unreachable, not as a route.
        var guidance = Advise(Load(), Occurrence("certificate"));

        var relationships = guidance.Competencies[0];
        relationships.TargetLevel.Should().Be(3);
        relationships.Routes.Select(r => r.Path.Id).Should().Equal("network", "helping");
        var capped = relationships.Unreachable.Should().ContainSingle().Subject;
        capped.Path.Id.Should().Be("certified");
        capped.Advice!.Reason.Should().Be("this path gives level 2 and no higher");
    }

    [Fact]
    public void Guidance_MeanCombine_AsksAPathForEnoughToLiftTheMean()
    {
        var rubric = Load(combine: "mean");
        var evidence = new List<EvidenceItem> { Rating("relationships", "network", 2) };
        evidence.AddRange(Many("mentoring", 3));

        var guidance = new GuidanceAdvisor().Advise(Score(rubric, evidence));

        var relationships = guidance.Competencies[0];
        relationships.Level.Should().Be(2);
        relationships.Routes.Select(r => (r.Path.Id, r.RequiredLevel)).Should().Equal(("network", 4.0), ("helping", 4.0));
        ((OccurrenceNeed)relationships.Routes[1].Advice!.Needs[0]).Count.Should().Be(7, "level 4 needs 10");
        var certified = relationships.Unreachable.Single();
        certified.RequiredLevel.Should().Be(5, "(2 + 2 + x) / 3 >= 3");
        certified.Advice!.Reason.Should().Be("this path gives level 2 and no higher");
        evidence.AddRange(Many("cross-team-help", 7));
        Score(rubric, evidence).Competencies[0].Level.Should().Be(3);
    }

    [Fact]
    public void Guidance_MeanCombine_JudgesEachPathWithTheOthersAsTheyAre()
    {
        var guidance = Advise(Load(combine: "mean"), Rating("relationships", "network", 1), Occurrence("certificate"), Occurrence("mentoring"));

        // Levels 1, 1 and 2 (mean 1.33): for a mean of 2 the network or helping path needs 6 - 3 = 3, the presence path 4.
        var relationships = guidance.Competencies[0];
        relationships.Routes.Select(r => (r.Path.Id, r.RequiredLevel)).Should().Equal(("network", 3.0), ("helping", 3.0));
        var certified = relationships.Unreachable.Single();
        certified.RequiredLevel.Should().Be(4);
        certified.Advice!.Reason.Should().Be("this path gives level 2 and no higher");
    }

    [Fact]
    public void Guidance_WeightedMean_PathThatCannotLiftTheMeanEvenAtTheTop_IsUnreachable()
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal("""
              - id: c
                title: C
                combine: weighted-mean
                paths:
                  - id: network
                    title: Network
                    weight: 1
                    score: { rule: rating }
                  - id: helping
                    title: Helping
                    weight: 4
                    score: { rule: count, of: [mentoring], thresholds: { 1: 1, 2: 2, 3: 3 } }
            """)).GetRubricOrThrow();

        var guidance = new GuidanceAdvisor().Advise(Score(rubric, [Rating("c", "network", 1), Occurrence("mentoring")]));

        var network = guidance.Competencies[0].Unreachable.Single();
        network.RequiredLevel.Should().Be(6, "(1·x + 4·1) / 5 >= 2");
        network.Advice!.Reason.Should().Be("even level 3 on this path would not bring the weighted mean of the paths to 2");
        var helping = guidance.Competencies[0].Routes.Single();
        helping.RequiredLevel.Should().Be(2.25);
        helping.Advice!.Needs.Single().ToString().Should().Be("2 more of mentoring", "a fractional level needs the next whole threshold, 3");
    }

    private static readonly string TwoCountPaths = TestRubrics.Minimal("""
          - id: c
            title: C
            combine: mean
            paths:
              - id: wide
                title: Wide
                score: { rule: count, of: [talk, doc], thresholds: { 1: 1, 2: 2, 3: 3 } }
              - id: docs
                title: Docs
                score: { rule: count, of: [doc], thresholds: { 1: 1, 2: 5, 3: 9 } }
        """);

    [Fact]
    public void Guidance_MeanCombine_TypeThatWouldGiveAnotherPathItsFirstLevel_IsLeftOut()
    {
        var rubric = new RubricLoader().LoadString(TwoCountPaths).GetRubricOrThrow();

        var guidance = new GuidanceAdvisor().Advise(Score(rubric, [Occurrence("talk")]));

        guidance.Competencies[0].Routes.Select(r => r.Advice!.Needs.Single().ToString()).Should().Equal(
            ["1 more of talk", "9 more of doc"],
            "a doc would also give 'Docs' its first level, 1, and hold the mean at 1.5");
    }

    [Fact]
    public void Guidance_MeanCombine_WhenEveryTypeWouldGiveAnotherPathItsFirstLevel_IsUnreachable()
    {
        var rubric = new RubricLoader().LoadString(TwoCountPaths.Replace("of: [talk, doc]", "of: [doc]", StringComparison.Ordinal)).GetRubricOrThrow();

        // A doc recorded for 'wide' only; any further doc (routed by type) would also reach 'docs'.
        var guidance = new GuidanceAdvisor().Advise(Score(rubric, [new EvidenceItem("s1", "doc", "c", "wide", Date: AsOf)]));

        var wide = guidance.Competencies[0].Unreachable.Single();
        wide.Path.Id.Should().Be("wide");
        wide.Advice!.Reason.Should().Be("its evidence also counts for 'Docs', which has no level yet, so how far more of it moves the mean of the paths depends on both; ask your manager");
        guidance.Competencies[0].Routes.Single().Path.Id.Should().Be("docs");
    }

    [Fact]
    public void Guidance_Window_SaysWhenCountedItemsStopCounting()
    {
        var rubric = Load(window: "window: { months: 12 }");
        var evidence = new[]
        {
            new EvidenceItem("s1", "mentoring", Date: new DateOnly(2025, 7, 31), Id: "m1"),
            new EvidenceItem("s1", "mentoring", Value: 2, Date: new DateOnly(2025, 7, 31), Id: "m2"),
            new EvidenceItem("s1", "mentoring", Date: new DateOnly(2026, 2, 28), Id: "m3"),
        };

        var guidance = new GuidanceAdvisor().Advise(Score(rubric, evidence));

        var expiring = guidance.Competencies[0].Routes.Single(r => r.Path.Id == "helping").Expiring;
        expiring.Select(e => (e.StopsCountingOn, e.Count, e.Quantity, string.Join(",", e.Items))).Should().Equal(
            (new DateOnly(2026, 8, 1), 2, 3.0, "m1,m2"),
            (new DateOnly(2027, 3, 1), 1, 1.0, "m3"));
        PathEvidence(rubric, evidence, new DateOnly(2026, 7, 31)).Should().Be(3);
        PathEvidence(rubric, evidence, new DateOnly(2026, 8, 1)).Should().Be(1);
    }

    [Theory]
    [InlineData("months: 1", "2025-02-28", "2025-04-01")]
    [InlineData("months: 1", "2024-01-31", "2024-03-01")]
    [InlineData("months: 12", "2024-02-29", "2025-03-01")]
    [InlineData("days: 30", "2026-06-01", "2026-07-02")]
    public void Guidance_Window_FirstDateAnItemStopsCounting_IsExact(string window, string date, string expected)
    {
        var rubric = Load(window: $"window: {{ {window} }}");
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var stops = rubric.Window!.StopsCountingOn(day);

        stops.Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        rubric.Window.EarliestCountedDate(stops!.Value.AddDays(-1)).Should().BeOnOrBefore(day);
        rubric.Window.EarliestCountedDate(stops.Value).Should().BeAfter(day);
    }

    [Fact]
    public void Guidance_Window_AtTheEndOfTheCalendar_HasNoExpiryDate()
    {
        Load(window: "window: { months: 3 }").Window!.StopsCountingOn(DateOnly.MaxValue).Should().BeNull();
        Load(window: "window: { days: 3 }").Window!.StopsCountingOn(DateOnly.MaxValue.AddDays(-2)).Should().BeNull();
    }

    [Fact]
    public void Guidance_BandSteps_NameTheSingleCompetencyStepThatChangesTheBand()
    {
        // Relationships 3 (weight 1), delivery 3 (weight 2): overall 3, Solid. Delivery to 4 gives 11/3 = 3.67 (Strong);
        // relationships to 4 gives 10/3 = 3.33 (still Solid).
        var guidance = Advise(Load(), Rating("relationships", "network", 3), Rating("delivery", "manager", 3));

        guidance.Band.Should().Be("Solid");
        var step = guidance.BandSteps.Should().ContainSingle().Subject;
        (step.Competency.Id, step.TargetLevel, step.TargetLabel, step.FromBand, step.ToBand, step.Raises).Should().Be(("delivery", 4, "Four", "Solid", "Strong", true));
        step.Overall.Should().BeApproximately(11.0 / 3, 1e-12);
    }

    [Fact]
    public void Guidance_BandStep_IsNotReportedWhenNoRouteReachesTheLevel()
    {
        // Overall (1 + 2·4) / 3 = 3, Solid; delivery at 5 would give Strong, but a mean that already counts a 4 cannot reach 5.
        var guidance = Advise(Load(), Rating("relationships", "network", 1), Rating("delivery", "manager", 4));

        var delivery = guidance.Competencies.Single(c => c.Competency.Id == "delivery");
        delivery.Routes.Should().BeEmpty();
        delivery.Unreachable.Single().Advice!.Reason.Should().Be("this path takes the mean rating, and a rating of 4 already counts, so more ratings cannot bring the mean to 5");
        guidance.BandSteps.Should().BeEmpty();
    }

    [Fact]
    public void Guidance_BandStep_CanLowerTheBandWhenAnExcludedCompetencyStartsToCount()
    {
        var guidance = Advise(Load(), Rating("delivery", "manager", 4));

        guidance.Band.Should().Be("Strong");
        var step = guidance.BandSteps.Single();
        (step.Competency.Id, step.ToBand, step.Raises).Should().Be(("relationships", "Solid", false));
    }

    [Fact]
    public void Guidance_BandStep_UnderFail_NamesTheLastMissingCompetency()
    {
        var guidance = Advise(Load(missing: "fail"), Rating("delivery", "manager", 4));

        guidance.Band.Should().BeNull();
        var step = guidance.BandSteps.Single();
        (step.Competency.Id, step.FromBand, step.ToBand, step.Raises).Should().Be(("relationships", null, "Solid", true));
    }

    [Fact]
    public void Guidance_CustomRuleWithoutGuide_IsARouteWithoutAdvice()
    {
        var rubric = TestRubrics.LoaderWithCustomRule().LoadString(TestRubrics.Minimal(
            "  - id: c\n    title: C\n    paths:\n      - id: tenure\n        title: Tenure\n        score: { rule: acme/tenure-weighted }")).GetRubricOrThrow();

        var guidance = new GuidanceAdvisor().Advise(Score(rubric, []));

        var route = guidance.Competencies[0].Routes.Single();
        route.Advice.Should().BeNull();
        route.RequiredLevel.Should().Be(1);
    }

    [Fact]
    public void Guidance_CustomRuleAdvisingATypeItsPathDoesNotCount_IsReportedAsADefect()
    {
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new WrongAdviceRule()]));
        var rubric = loader.LoadString(TestRubrics.Minimal(
            "  - id: c\n    title: C\n    paths:\n      - id: p\n        title: P\n        score: { rule: acme/wrong }")).GetRubricOrThrow();

        FluentActions.Invoking(() => new GuidanceAdvisor().Advise(Score(rubric, [])))
            .Should().Throw<FairRubricsException>().WithMessage("The scoring rule 'acme/wrong' advised path 'p' with a need that names the type 'doc', which the path does not count; this is a defect in that rule's Guide.");
    }

    [Fact]
    public void Guidance_SameScoreTwice_IsTheSame()
    {
        var score = Score(Relationships.Value, Many("talk", 5));
        var advisor = new GuidanceAdvisor();

        var first = advisor.Advise(score);
        var second = advisor.Advise(score);

        first.Competencies.Select(c => string.Join(";", c.Routes.Select(r => r.Advice?.ToString())))
            .Should().Equal(second.Competencies.Select(c => string.Join(";", c.Routes.Select(r => r.Advice?.ToString()))));
    }

    private static int PathEvidence(Rubric rubric, IEnumerable<EvidenceItem> evidence, DateOnly asOf) =>
        Score(rubric, evidence, asOf).Competencies[0].Paths.Single(p => p.Path.Id == "helping").EvidenceCount;

    private sealed class WrongAdviceRule : ScoringRule<object>
    {
        public override string Name => "acme/wrong";

        public override object? Bind(ScoringRuleParameters parameters, ScoringRuleContext context) => new object();

        public override IReadOnlyCollection<string> OccurrenceTypes(object settings) => ["talk"];

        public override PathOutcome Evaluate(object settings, in PathEvidence evidence) => PathOutcome.AtLevel(1);

        public override PathAdvice? Guide(object settings, in PathEvidence evidence, double targetLevel) => PathAdvice.ByAdding(new OccurrenceNeed(["doc"], 1));
    }
}
