using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>The choice of the reference group: highest rate (default), largest group, or a named group (issue #21).</summary>
public sealed class ReferenceRuleTests
{
    private static readonly string[] Gender = ["gender"];

    // A small group with the highest rate, a large one, and a middling one.
    private static readonly (string?[], int, int)[] Cells = [(["female"], 40, 12), (["male"], 200, 80), (["non-binary"], 8, 6)];

    [Fact]
    public void Highest_IsTheDefault_AndPicksTheHighestRate()
    {
        var analysis = GroupCounts.Report(AuditPopulation.Options(Gender, intersect: false), Cells).Analyses[0];

        analysis.Reference.Should().Equal("non-binary");
        analysis.ReferenceRule.Should().Be(ReferenceRule.Highest);
        analysis.UnavailableReference.Should().BeNull();
    }

    [Fact]
    public void Largest_PicksTheGroupWithMostScoredMembers_AndRatiosFollowIt()
    {
        var options = AuditPopulation.Options(Gender, intersect: false);
        options.ReferenceRule = ReferenceRule.Largest;

        var analysis = GroupCounts.Report(options, Cells).Analyses[0];

        analysis.Reference.Should().Equal("male");
        analysis.ReferenceRule.Should().Be(ReferenceRule.Largest);
        // female 12/40 = 0.3 against male 80/200 = 0.4: 0.75; non-binary 6/8 against 0.4: 1.875.
        analysis.Groups.Single(g => g.Values[0] == "female").ImpactRatio.Should().Be(0.75);
        analysis.Groups.Single(g => g.Values[0] == "non-binary").ImpactRatio.Should().Be(1.875);
        analysis.Groups.Single(g => g.Values[0] == "male").FisherP.Should().BeNull();
    }

    [Fact]
    public void Named_UsesTheNamedGroup_AndTheReportSaysSo()
    {
        var options = AuditPopulation.Options(Gender, intersect: false);
        options.ReferenceGroups["gender"] = "female";

        var report = GroupCounts.Report(options, Cells);

        report.Analyses[0].Reference.Should().Equal("female");
        report.Analyses[0].ReferenceRule.Should().Be(ReferenceRule.Named);
        AuditPopulation.Json(report).Should().Contain("\"referenceRule\": \"named\"");
        AuditMarkdown.Render(report).Should().Contain("Reference group: female (the named reference).");
        AuditHtml.Render(report).Should().Contain("Reference group: female (the named reference).");
    }

    [Fact]
    public void Named_GroupBelowMinGroupSize_CannotBeTheReference_AndTheRuleChoosesInstead()
    {
        var options = AuditPopulation.Options(Gender, intersect: false, minGroupSize: 10);
        options.ReferenceGroups["gender"] = "non-binary";   // 8 people, below k = 10

        var report = GroupCounts.Report(options, Cells);

        report.Analyses[0].Reference.Should().Equal("male");
        report.Analyses[0].ReferenceRule.Should().Be(ReferenceRule.Highest);
        report.Analyses[0].UnavailableReference.Should().Equal("non-binary");
        AuditMarkdown.Render(report).Should().Contain($"The named reference {AuditMarkdown.Escape("non-binary")} is not reported");
    }

    [Fact]
    public void Intersection_UsesANamedReference_OnlyWhenEveryAttributeIsNamed()
    {
        string[] both = ["gender", "ethnicity"];
        (string?[], int, int)[] cells = [(["female", "A"], 30, 9), (["female", "B"], 30, 15), (["male", "A"], 60, 24), (["male", "B"], 30, 21)];
        var options = AuditPopulation.Options(both, intersect: true);
        options.ReferenceGroups["gender"] = "male";

        var partly = GroupCounts.Report(options, cells);
        options.ReferenceGroups["ethnicity"] = "A";
        var fully = GroupCounts.Report(options, cells);

        partly.Analyses.Single(a => a.Attributes.SequenceEqual(["gender"])).Reference.Should().Equal("male");
        partly.Analyses.Single(a => a.Attributes.SequenceEqual(["ethnicity"])).ReferenceRule.Should().Be(ReferenceRule.Highest);
        partly.Analyses.Single(a => a.Attributes.Count == 2).Reference.Should().Equal("male", "B");
        partly.Analyses.Single(a => a.Attributes.Count == 2).ReferenceRule.Should().Be(ReferenceRule.Highest);
        fully.Analyses.Single(a => a.Attributes.Count == 2).Reference.Should().Equal("male", "A");
        fully.Analyses.Single(a => a.Attributes.Count == 2).ReferenceRule.Should().Be(ReferenceRule.Named);
    }

    [Fact]
    public void Options_NamedAsARule_IsRejected()
    {
        var options = AuditPopulation.Options(Gender, intersect: false);
        options.ReferenceRule = ReferenceRule.Named;

        var act = () => options.Validate();

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ReferenceGroups*");
    }
}
