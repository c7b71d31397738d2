using FairRubrics.Audit;
using FairRubrics.Language;

namespace FairRubrics.Tests.Language;

public sealed class ReviewTextPopulationTests
{
    private static readonly IReviewTextChecker Checker = ReviewTextChecker.Create();

    private const string Vague = "Great job this year, a real asset.";
    private const string Concrete = "Shipped the billing migration in March with no downtime and wrote the rollback runbook.";
    private const string Personality = "She is abrasive in the weekly planning meeting.";

    /// <summary>Adds <paramref name="people"/> people of a group, each with the given comments.</summary>
    private static void AddGroup(ReviewTextAccumulator acc, string prefix, string? gender, int people, params string[] comments)
    {
        for (var p = 0; p < people; p++)
        {
            foreach (var comment in comments)
            {
                acc.Add($"{prefix}-{p}", Checker.Check(comment), [gender]);
            }
        }
    }

    private static ReviewTextAccumulator VaguerForWomen()
    {
        var acc = new ReviewTextAccumulator(["gender"], intersect: false);
        AddGroup(acc, "f", "female", 40, Vague, Vague, Concrete);
        AddGroup(acc, "m", "male", 40, Vague, Concrete, Concrete, Concrete);
        return acc;
    }

    [Fact]
    public void ReviewText_FR304_OneGroupsReviewsAreVaguer_IsReportedWithTheFigures()
    {
        var report = Checker.Report(VaguerForWomen(), new ReviewTextAuditOptions());

        report.Comments.Should().Be(280);
        report.Subjects.Should().Be(80);
        var female = report.Analyses.Single().Groups.Single(g => g.Values[0] == "female");
        female.Subjects.Should().Be(40);
        female.Comments.Should().Be(120);
        female.Vague!.Rate.Should().BeApproximately(2.0 / 3, 1e-12);
        female.Vague.OthersRate.Should().Be(0.25);
        female.Vague.FisherP.Should().BeLessThan(1e-10);
        report.Findings.Select(f => (f.Measure, f.Values[0])).Should().Equal(("FR303", "female"), ("length", "female"));
        var finding = report.Findings[0];
        finding.Should().BeEquivalentTo(new { Id = "FR304", Severity = DiagnosticSeverity.Warning, Measure = "FR303", Values = new[] { "female" }, Attributes = new[] { "gender" } });
        finding.Message.Should().StartWith("gender 'female': 66.7% of the 120 comments about this group give no concrete example (FR303), against 25% for the other reported groups (a difference of 41.7%, threshold 10%); Fisher exact p < 0.0001, statistically significant.");
        report.Analyses.Single().Groups.Single(g => g.Values[0] == "male").Vague!.Difference.Should().BeNegative();
    }

    [Fact]
    public void ReviewText_FR304_ShorterComments_AreReported()
    {
        var acc = new ReviewTextAccumulator(["gender"], intersect: false);
        AddGroup(acc, "f", "female", 30, "Shipped the v2 API in March.", "Fixed the login bug in June.");
        AddGroup(acc, "m", "male", 30, Concrete, "Ran the May incident review, wrote the postmortem the same day and closed all five actions by the end of the sprint.");

        var report = Checker.Report(acc, new ReviewTextAuditOptions());

        var finding = report.Findings.Should().ContainSingle(f => f.Measure == "length").Which;
        finding.Values.Should().Equal("female");
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Message.Should().StartWith("gender 'female': comments about this group are shorter, 6 words on average against 18 for the other reported groups (Hedges' g = ");
        var female = report.Analyses[0].Groups[0];
        female.MeanWords.Should().Be(6);
        female.LengthHedgesG.Should().BeLessThan(-1);
    }

    [Fact]
    public void ReviewText_FR304_PersonalityWords_AreCountedPerThousandWords()
    {
        var acc = new ReviewTextAccumulator(["gender"], intersect: false);
        AddGroup(acc, "f", "female", 20, Personality, Concrete);
        AddGroup(acc, "m", "male", 20, Concrete, Concrete);

        var report = Checker.Report(acc, new ReviewTextAuditOptions());

        var female = report.Analyses[0].Groups[0];
        female.Personality!.Rate.Should().Be(0.5);
        female.PersonalityWordsPerThousand.Should().BeApproximately(1000.0 / (8 + 14), 1e-9);
        report.Findings.Should().ContainSingle(f => f.Measure == "FR302" && f.Values[0] == "female");
    }

    [Fact]
    public void ReviewText_FR304_SmallGroup_IsSuppressedByPeopleNotComments()
    {
        var acc = VaguerForWomen();
        AddGroup(acc, "x", "non-binary", 3, Vague, Vague, Vague, Vague, Vague, Vague, Vague, Vague);

        var report = Checker.Report(acc, new ReviewTextAuditOptions());

        var analysis = report.Analyses.Single();
        var small = analysis.Groups.Single(g => g.Values[0] == "non-binary");
        small.Suppressed.Should().BeTrue("3 people, although 24 comments");
        small.Should().BeEquivalentTo(new ReviewTextGroup { Values = ["non-binary"], Suppression = SuppressionReason.SmallGroup });
        report.Findings.Should().NotContain(f => f.Values.Contains("non-binary"));
        analysis.UnknownSubjects.Should().BeNull("the unknown count is withheld when a group is suppressed");
        analysis.Groups.Count(g => g.Suppressed).Should().Be(2, "three unreported people would expose the small group, so the next smallest is withheld too, as in the outcome audit");
        analysis.Unreported.Should().Be(43);
    }

    [Fact]
    public void ReviewText_FR304_ComparisonsUseReportedGroupsOnly()
    {
        var acc = new ReviewTextAccumulator(["gender"], intersect: false);
        AddGroup(acc, "f", "female", 20, Vague);
        AddGroup(acc, "m", "male", 20, Concrete);
        AddGroup(acc, "x", "non-binary", 2, Concrete);
        AddGroup(acc, "u", null, 10, Concrete);

        var report = Checker.Report(acc, new ReviewTextAuditOptions { ComplementarySuppression = false });

        var female = report.Analyses[0].Groups.Single(g => g.Values[0] == "female");
        female.Vague!.OthersRate.Should().Be(0, "only 'male' is compared with, not the suppressed or unknown comments");
        report.Analyses[0].UnknownSubjects.Should().Be(10);
        report.Analyses[0].UnknownComments.Should().Be(10);
    }

    [Fact]
    public void ReviewText_FR304_MergedPartitions_GiveTheSameReport()
    {
        var whole = VaguerForWomen();
        var left = new ReviewTextAccumulator(["gender"], intersect: false);
        var right = new ReviewTextAccumulator(["gender"], intersect: false);
        AddGroup(left, "f", "female", 40, Vague, Vague);
        AddGroup(right, "f", "female", 40, Concrete);
        AddGroup(right, "m", "male", 40, Vague, Concrete);
        AddGroup(left, "m", "male", 40, Concrete, Concrete);
        left.Merge(right);

        var merged = Checker.Report(left, new ReviewTextAuditOptions());
        var single = Checker.Report(whole, new ReviewTextAuditOptions());

        merged.Subjects.Should().Be(80, "a person whose comments are in both partitions is counted once");
        merged.Should().BeEquivalentTo(single, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Fact]
    public void ReviewText_FR304_Intersections_AreAnalysed()
    {
        var acc = new ReviewTextAccumulator(["gender", "age-band"], intersect: true);
        for (var p = 0; p < 40; p++)
        {
            acc.Add($"p{p}", Checker.Check(p % 2 == 0 ? Vague : Concrete), [p % 2 == 0 ? "female" : "male", p < 20 ? "under-40" : "40-plus"]);
        }

        var report = Checker.Report(acc, new ReviewTextAuditOptions());

        report.Analyses.Select(a => string.Join(" x ", a.Attributes)).Should().Equal("gender", "age-band", "gender x age-band");
        report.Analyses[2].Groups.Select(g => string.Join("/", g.Values)).Should().Equal("female/40-plus", "female/under-40", "male/40-plus", "male/under-40");
    }

    [Fact]
    public void ReviewText_FR304_SmallDifferenceOrFewComments_IsInfoOrNothing()
    {
        var acc = new ReviewTextAccumulator(["team"], intersect: false);
        AddGroup(acc, "a", "a", 3, Vague, Concrete);
        AddGroup(acc, "a2", "a", 2, Concrete, Concrete);
        AddGroup(acc, "b", "b", 1, Vague, Concrete);
        AddGroup(acc, "b2", "b", 4, Concrete, Concrete);

        var report = Checker.Report(acc, new ReviewTextAuditOptions());

        var vague = report.Findings.Should().ContainSingle(f => f.Measure == "FR303").Which;
        vague.Severity.Should().Be(DiagnosticSeverity.Info, "30% against 10% in ten comments each is not significant at 0.05");
        vague.Message.Should().Contain("not statistically significant: read it as a signal to look closer");
    }

    [Fact]
    public void ReviewText_FR304_SwitchedOff_ReportsFiguresButNoFindings()
    {
        var options = new ReviewTextOptions();
        options.Severities["FR304"] = null;

        var report = ReviewTextChecker.Create(options).Report(VaguerForWomen(), new ReviewTextAuditOptions());

        report.Findings.Should().BeEmpty();
        report.Analyses[0].Groups[0].Vague!.Rate.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void ReviewText_FR304_Messages_NeverContainSubjectIds()
    {
        var report = Checker.Report(VaguerForWomen(), new ReviewTextAuditOptions());

        report.Findings.Should().NotBeEmpty();
        report.Findings.Should().AllSatisfy(f => f.Message.Should().NotMatchRegex("[fm]-[0-9]"));
    }

    [Fact]
    public void ReviewText_FR304_Options_AreValidated()
    {
        var act = () => Checker.Report(VaguerForWomen(), new ReviewTextAuditOptions { MinGroupSize = 2 });
        var alpha = () => Checker.Report(VaguerForWomen(), new ReviewTextAuditOptions { Alpha = 0.9 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinGroupSize");
        alpha.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Alpha");
    }
}
