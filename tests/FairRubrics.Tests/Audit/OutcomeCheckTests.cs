using System.Globalization;
using FairRubrics.Audit;
using FairRubrics.Checks;

namespace FairRubrics.Tests.Audit;

/// <summary>FR202–FR206, each on a population that triggers it and one that only just does not.</summary>
public sealed class OutcomeCheckTests
{
    private static readonly string[] Group = ["group"];

    private static int _next;

    [Fact]
    public void Audit_FR201_Message_GivesTinyPValuesAsAnInequality()
    {
        var report = Audit(Scores("A", (4, 30), (2, 10)), Scores("B", (4, 5), (2, 35)));

        var finding = report.Findings.Should().ContainSingle(f => f.Id == "FR201").Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Message.Should().Contain("Fisher exact p < 0.0001, statistically significant");
    }

    [Fact]
    public void Audit_FR202_ScoringRateBelowFourFifths_IsReported()
    {
        // Above the median (2.0): A 10 of 12, B 19 of 30: 0.633 / 0.833 = 0.76.
        var report = Audit(Scores("A", (4, 10), (2, 2)), Scores("B", (4, 19), (2, 11)), Scores("C", (2, 30)));

        report.MedianScore.Should().Be(2);
        var finding = report.Findings.Should().ContainSingle(f => f.Id == "FR202" && f.Values[0] == "B").Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Message.Should().Contain("63.3% score above the median overall score (2)").And.Contain("0.76");
    }

    [Fact]
    public void Audit_FR202_ScoringRateExactlyFourFifths_IsNotReported()
    {
        // A 10 of 12 and B 20 of 30: exactly 0.8, although (20/30) / (10/12) is 0.7999999999999999 in doubles.
        var report = Audit(Scores("A", (4, 10), (2, 2)), Scores("B", (4, 20), (2, 10)), Scores("C", (2, 30)));

        report.Analyses[0].Groups.Single(g => g.Values[0] == "B").ScoringImpactRatio.Should().Be(0.8);
        report.Findings.Should().NotContain(f => f.Id == "FR202" && f.Values[0] == "B");
        report.Findings.Should().Contain(f => f.Id == "FR202" && f.Values[0] == "C", "nobody in C scores above the median");
    }

    [Fact]
    public void Audit_FR203_ScoreGapFromThreshold_IsReported()
    {
        // Equal selection rates (10 of 30 favourable each), so A is the reference by name; B scores lower below the band.
        var report = Audit(Scores("A", (4, 10), (3, 10), (2, 10)), Scores("B", (4, 10), (3, 4), (2, 16)));

        var b = report.Analyses[0].Groups.Single(g => g.Values[0] == "B");
        b.HedgesG.Should().BeApproximately(-0.22460936112757413, 1e-12);
        report.Findings.Should().ContainSingle(f => f.Id == "FR203").Which.Message.Should().Contain("Hedges' g = -0.22");
    }

    [Fact]
    public void Audit_FR203_GroupScoringHigher_NamesTheLargestGapInThatDirection()
    {
        // A is the reference (favoured 10 times in 20, against 8 for B), but B scores higher on average, most of all in relationships.
        var a = Enumerable.Range(0, 20).Select(i => (AuditPopulation.Scored(Id(), i < 10 ? 4 : 3), "A")).ToList();
        var b = Enumerable.Range(0, 20).Select(i => i < 8 ? 4.5 : 3.4).Select(x => (AuditPopulation.Scored(Id(), x, "broad-network", Math.Min(5, x + 0.5)), "B")).ToList();

        var report = Audit(a, b);

        report.Analyses[0].Reference.Should().Equal("A");
        var finding = report.Findings.Should().ContainSingle(f => f.Id == "FR203").Subject;
        report.Analyses[0].Groups.Single(g => g.Values[0] == "B").HedgesG.Should().BePositive();
        finding.Competency.Should().Be("relationships");
        finding.Message.Should().Contain("The largest gap is in 'relationships'");
    }

    [Fact]
    public void Audit_FR203_ScoreGapJustBelowThreshold_IsNotReported()
    {
        var report = Audit(Scores("A", (4, 10), (3, 10), (2, 10)), Scores("B", (4, 10), (3, 5), (2, 15)));

        report.Analyses[0].Groups.Single(g => g.Values[0] == "B").HedgesG.Should().BeApproximately(-0.18851169644720867, 1e-12);
        report.Findings.Should().NotContain(f => f.Id == "FR203");
    }

    [Fact]
    public void Audit_FR204_GroupReliesOnLowerScoringPath_IsReported()
    {
        // 'helping-others' averages level 3 against 4 on 'broad-network'; A reaches the competency that way 13 times in 20 (0.65 against 0.5 overall).
        var report = Audit(Paths("A", helping: 13, network: 7), Paths("B", helping: 7, network: 13));

        var finding = report.Findings.Should().ContainSingle(f => f.Id == "FR204").Subject;
        finding.Values.Should().Equal("A");
        finding.Competency.Should().Be("relationships");
        finding.Path.Should().Be("helping-others");
        finding.Message.Should().Contain("65% of its people against 50% overall");
    }

    [Fact]
    public void Audit_FR204_RelianceBelowThreshold_IsNotReported()
    {
        // The same gap between the paths, but A relies on the lower path only 0.05 more than everyone.
        var report = Audit(Paths("A", helping: 11, network: 9), Paths("B", helping: 9, network: 11));

        report.Paths.Single(p => p.Path == "helping-others").HedgesG.Should().BeLessThan(-1);
        report.Findings.Should().NotContain(f => f.Id == "FR204");
    }

    [Fact]
    public void Audit_FR204_RelianceExactlyAtThreshold_IsReported()
    {
        // A reaches the competency through 'helping-others' 13 times in 20 (0.65) against 22 in 40 overall (0.55):
        // exactly 0.10 above, although 0.65 - 0.55 is 0.09999999999999998 in doubles.
        var report = Audit(Paths("A", helping: 13, network: 7), Paths("B", helping: 9, network: 11));

        var overall = report.Paths.Single(p => p.Path == "helping-others").Share;
        var share = report.Analyses[0].Groups.Single(g => g.Values[0] == "A").PathMix.Single(m => m.Path == "helping-others").Share;
        (share - overall).Should().BeLessThan(0.1, "this is the case the check must not be fooled by");
        report.Findings.Should().ContainSingle(f => f.Id == "FR204").Which.Values.Should().Equal("A");
    }

    [Fact]
    public void Audit_FR204_RelianceJustBelowAConfiguredThreshold_IsNotReported()
    {
        // The same 0.10, with the threshold raised to 0.100000001: not reached.
        var options = AuditPopulation.Options(Group, intersect: false);
        options.PathRelianceThreshold = 0.100000001;

        var report = Audit(options, Paths("A", helping: 13, network: 7), Paths("B", helping: 9, network: 11));

        report.Findings.Should().NotContain(f => f.Id == "FR204");
    }

    [Fact]
    public void Audit_FR205_GroupWithMoreMissingEvidence_IsReported()
    {
        // A: 4 of 20 without evidence, 20% of competencies against 10% overall.
        var report = Audit([.. Scores("A", (3, 16)), .. Insufficient("A", 4)], Scores("B", (3, 20)));

        report.OverallInsufficientEvidenceRate.Should().Be(0.1);
        report.Findings.Should().ContainSingle(f => f.Id == "FR205").Which.Values.Should().Equal("A");
    }

    [Fact]
    public void Audit_FR205_DifferenceOfExactlyTheThreshold_IsReported()
    {
        // A: 5 of 20 without evidence (25%), against 5 of 25 overall (20%): exactly 0.05 above, though
        // 0.25 - 0.2 is 0.04999999999999999 in doubles. Decided on the counts, as FR204 is.
        var report = Audit([.. Scores("A", (3, 15)), .. Insufficient("A", 5)], Scores("B", (3, 5)));

        (0.25 - report.OverallInsufficientEvidenceRate!.Value).Should().BeLessThan(0.05);
        report.Findings.Should().ContainSingle(f => f.Id == "FR205").Which.Values.Should().Equal("A");
    }

    [Fact]
    public void Audit_FR205_MissingEvidenceBelowThreshold_IsNotReported()
    {
        // A: 1 of 20, 5% against 2.5% overall: 0.025 above, the threshold is 0.05.
        var report = Audit([.. Scores("A", (3, 19)), .. Insufficient("A", 1)], Scores("B", (3, 20)));

        report.Findings.Should().NotContain(f => f.Id == "FR205");
    }

    [Fact]
    public void Audit_FR206_RaterRatesOneGroupLower_IsReported()
    {
        var report = AuditWithRatings(ratingsOfA: 10);

        var findings = report.Findings.Where(f => f.Id == "FR206").ToList();
        findings.Should().HaveCount(2, "the rater rates A lower and, as the same comparison seen from B, B higher");
        var a = findings.Single(f => f.Values[0] == "A");
        a.Rater.Should().Be("r1");
        a.Message.Should().Contain("Rater 'r1' gives group 'A' a mean rating of 2.5 (10 ratings) against 4.5 for others (10 ratings), Hedges' g = -3.63");
        report.Findings.Should().NotContain(f => f.Rater == "r2", "r2 rates everyone alike");
    }

    [Fact]
    public void Audit_FR206_ComparisonLeavesOutSuppressedGroups()
    {
        // C has two people, so it is suppressed (five unknowns keep A and B reported); r1's ten ratings of C
        // must not show up as part of "others".
        var accumulator = new AuditAccumulator(Group, intersect: false);
        foreach (var (subject, value) in Scores("A", (3, 10)).Concat(Scores("B", (3, 10))).Concat(Scores("C", (3, 2))))
        {
            accumulator.Add(subject, [value]);
        }

        foreach (var (subject, _) in Scores("?", (3, 5)))
        {
            accumulator.Add(subject, [null]);
        }

        for (var i = 0; i < 10; i++)
        {
            accumulator.AddRating(new AuditRating("x", "r1", 2 + (i % 2)), ["A"]);
            accumulator.AddRating(new AuditRating("x", "r1", 4 + (i % 2)), ["B"]);
            accumulator.AddRating(new AuditRating("x", "r1", 1), ["C"]);
        }

        var report = new BiasAuditor().Report(accumulator, AuditPopulation.Options(Group, intersect: false));

        report.Analyses[0].Groups.Single(g => g.Values[0] == "C").Suppressed.Should().BeTrue();
        var a = report.Findings.Single(f => f.Id == "FR206" && f.Values[0] == "A");
        a.Message.Should().Contain("against 4.5 for others (10 ratings)");
        report.Findings.Should().NotContain(f => f.Values.Contains("C"));
    }

    [Fact]
    public void Audit_FR206_TooFewRatings_IsNotReported()
    {
        var report = AuditWithRatings(ratingsOfA: 9);

        report.Findings.Should().NotContain(f => f.Id == "FR206");
    }

    private static AuditReport AuditWithRatings(int ratingsOfA)
    {
        var options = AuditPopulation.Options(Group, intersect: false);
        var accumulator = new AuditAccumulator(Group, intersect: false);
        foreach (var (subject, value) in Scores("A", (3, 10)).Concat(Scores("B", (3, 10))))
        {
            accumulator.Add(subject, [value]);
        }

        for (var i = 0; i < 10; i++)
        {
            if (i < ratingsOfA)
            {
                accumulator.AddRating(new AuditRating("x", "r1", 2 + (i % 2)), ["A"]);
            }

            accumulator.AddRating(new AuditRating("x", "r1", 4 + (i % 2)), ["B"]);
            accumulator.AddRating(new AuditRating("x", "r2", 3 + (i % 2)), ["A"]);
            accumulator.AddRating(new AuditRating("x", "r2", 3 + (i % 2)), ["B"]);
        }

        return new BiasAuditor().Report(accumulator, options);
    }

    private static AuditReport Audit(params IEnumerable<(AuditSubject Subject, string Value)>[] groups) =>
        Audit(AuditPopulation.Options(Group, intersect: false), groups);

    private static AuditReport Audit(AuditOptions options, params IEnumerable<(AuditSubject Subject, string Value)>[] groups)
    {
        var accumulator = new AuditAccumulator(Group, intersect: false);
        foreach (var (subject, value) in groups.SelectMany(g => g))
        {
            accumulator.Add(subject, [value]);
        }

        return new BiasAuditor().Report(accumulator, options);
    }

    private static List<(AuditSubject Subject, string Value)> Scores(string group, params (double Score, int Count)[] scores) =>
        scores.SelectMany(s => Enumerable.Range(0, s.Count).Select(_ => (AuditPopulation.Scored(Id(), s.Score), group))).ToList();

    private static List<(AuditSubject Subject, string Value)> Insufficient(string group, int count) =>
        Enumerable.Range(0, count).Select(_ => (AuditPopulation.Insufficient(Id()), group)).ToList();

    /// <summary>Everyone scores 3 overall; 'helping-others' gives level 2.5 or 3.5, 'broad-network' 3.5 or 4.5.</summary>
    private static List<(AuditSubject Subject, string Value)> Paths(string group, int helping, int network) =>
        Enumerable.Range(0, helping).Select(i => (AuditPopulation.Scored(Id(), 3, "helping-others", 2.5 + (i % 2)), group))
            .Concat(Enumerable.Range(0, network).Select(i => (AuditPopulation.Scored(Id(), 3, "broad-network", 3.5 + (i % 2)), group)))
            .ToList();

    private static string Id() => "s" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
