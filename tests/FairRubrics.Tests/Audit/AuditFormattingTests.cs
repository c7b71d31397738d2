using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>How Markdown and HTML write numbers: no "-0.00", thousands separators in counts, the same in every culture (issue #21).</summary>
public sealed class AuditFormattingTests
{
    private static readonly string[] Group = ["group"];

    [Theory]
    [InlineData(-0.001, "0.00")]
    [InlineData(-0.004999, "0.00")]
    [InlineData(-0.005, "-0.01")]
    [InlineData(0.0, "0.00")]
    public void Num_NeverWritesMinusZero(double value, string expected)
    {
        AuditText.Num(value).Should().Be(expected);
        AuditText.Pct(value / 100).Should().NotStartWith("-0.0%");
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("fr-CH")]
    public void Reports_WriteCountsWithCommas_InEveryCulture(string culture)
    {
        using var scope = new CultureScope(culture);
        var options = AuditPopulation.Options(Group, intersect: false);

        var report = GroupCounts.Report(options, (["A"], 1200, 600), (["B"], 1001, 450));
        var markdown = AuditMarkdown.Render(report);
        var html = AuditHtml.Render(report);

        markdown.Should().Contain("2,201 results: 2,201 scored").And.Contain("| A (reference) | 1,200 | 600 |").And.Contain("| B | 1,001 | 450 |");
        html.Should().Contain("2,201 results: 2,201 scored").And.Contain("<td>1,001</td><td>450</td>");
        markdown.Should().NotContain("-0.00").And.NotContain("1.200");
    }
}
