using System.Globalization;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>The exclusion of small categories from impact ratios (<see cref="AuditOptions.ExcludeCategoriesBelowShare"/>) and how reports label it.</summary>
public sealed class ExcludedCategoryTests
{
    private static readonly string[] Group = ["group"];

    private static int _next;

    [Fact]
    public void Reports_LabelExcludedGroups_WithTheConfiguredShare()
    {
        // C has 5 of 405 scored subjects (1.2%), under the configured 1.5%.
        var report = Audit(0.015, ("A", 200), ("B", 200), ("C", 5));

        report.Analyses[0].Groups.Single(g => g.Values[0] == "C").ExcludedFromImpactRatios.Should().BeTrue();
        var markdown = AuditMarkdown.Render(report);
        var html = AuditHtml.Render(report);
        markdown.Should().Contain("| C (under 1.5%) |").And.NotContain("under 2%");
        html.Should().Contain("<td>C <em>(under 1.5%)</em></td>").And.NotContain("under 2%");
    }

    [Fact]
    public void Reports_LabelExcludedGroups_WithTheLocalLaw144Share()
    {
        // C has 5 of 405 (1.2%), under 2%.
        var report = Audit(0.02, ("A", 200), ("B", 200), ("C", 5));

        AuditMarkdown.Render(report).Should().Contain("| C (under 2%) |");
        AuditHtml.Render(report).Should().Contain("<td>C <em>(under 2%)</em></td>");
    }

    [Fact]
    public void Reports_WithoutExclusion_LabelNoGroup()
    {
        var report = Audit(null, ("A", 100), ("B", 100), ("C", 5));

        report.Analyses[0].Groups.Should().NotContain(g => g.ExcludedFromImpactRatios);
        AuditMarkdown.Render(report).Should().NotContain("(under");
        AuditHtml.Render(report).Should().NotContain("(under");
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(6, true)]
    public void Exclusion_GroupOfExactlyTheShare_StaysIn(int sizeOfC, bool excluded)
    {
        // 100 scored with C = 7: exactly 7%, although 0.07 * 100 is 7.000000000000001 in doubles.
        var report = Audit(0.07, ("A", 50), ("B", 50 - sizeOfC), ("C", sizeOfC));

        report.Analyses[0].Groups.Single(g => g.Values[0] == "C").ExcludedFromImpactRatios.Should().Be(excluded);
    }

    [Fact]
    public void Exclusion_LeavesTheCategoryOutOfImpactRatiosAndTheReferenceOnly_ItsTestsStay()
    {
        // C (5 of 405, 1.2%) has the highest rate, but is excluded: A and B tie at 0.5 and A (first) is the reference.
        var options = AuditPopulation.Options(Group, intersect: false);
        options.ExcludeCategoriesBelowShare = 0.02;
        var report = GroupCounts.Report(options, (["A"], 200, 100), (["B"], 200, 100), (["C"], 5, 1));

        var analysis = report.Analyses[0];
        var c = analysis.Groups.Single(g => g.Values[0] == "C");
        analysis.Reference.Should().Equal("A");
        c.ImpactRatio.Should().BeNull();
        c.BelowFourFifths.Should().BeNull();
        c.ScoringImpactRatio.Should().BeNull();
        c.FlipFlopFourFifths.Should().BeNull();
        // 1/5 against 100/200: scipy.stats.fisher_exact([[1, 4], [100, 100]]) gives p = 0.3691000369870404.
        c.FisherP.Should().BeApproximately(0.3691000369870404, 1e-12);
        c.Z.Should().BeNegative();
        c.Shortfall.Should().Be(2);   // 2.5 → 3 favourable needed: 1 + 2
        c.FisherPAdjusted.Should().NotBeNull();
        report.Findings.Should().NotContain(f => f.Id == "FR201" && f.Values[0] == "C");
    }

    private static AuditReport Audit(double? share, params (string Group, int Count)[] groups)
    {
        var options = AuditPopulation.Options(Group, intersect: false);
        options.ExcludeCategoriesBelowShare = share;
        var accumulator = new AuditAccumulator(Group, intersect: false);
        foreach (var (group, count) in groups)
        {
            for (var i = 0; i < count; i++)
            {
                // Half of every group favourable, so that no group is below four fifths.
                accumulator.Add(AuditPopulation.Scored(Id(), i % 2 == 0 ? 4 : 3), [group]);
            }
        }

        return new BiasAuditor().Report(accumulator, options);
    }

    private static string Id() => "x" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
