using System.Globalization;
using System.Text;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>Reading an earlier audit report (<see cref="PublishedAudit"/>): what is refused, with file, line and column.</summary>
public sealed class PublishedAuditTests
{
    private static readonly string[] Group = ["g"];

    [Theory]
    [InlineData("", "then.json:1:1: not an audit JSON report (fairrubrics audit --format json): the file is empty", "empty")]
    [InlineData(" \n ", "then.json:1:1: not an audit JSON report (fairrubrics audit --format json): the file is empty", "blank")]
    [InlineData("{\n  \"subjects\": 3,\n  \"analyses\": [\n", "then.json:4:1: not valid JSON", "truncated")]
    [InlineData("{\"a\": 1}", "then.json:1:1: not an audit JSON report (fairrubrics audit --format json): no 'analyses'", "no analyses")]
    [InlineData("[1, 2]", "then.json:1:1: not an audit JSON report (fairrubrics audit --format json): the report is a JSON object", "an array")]
    [InlineData("{\"subjects\": 1, \"scored\": 1, \"minGroupSize\": 5,\n \"analyses\": [{\"attributes\": [\"g\"], \"groups\": [\n  {\"values\": [\"a\"], \"n\": 7, \"suppressed\": \"no\"}]}]}", "then.json:3:43: not an audit JSON report (fairrubrics audit --format json): 'suppressed' is true or false", "a string for a boolean")]
    [InlineData("{\"subjects\": 1, \"scored\": 1, \"minGroupSize\": 5,\n \"analyses\": [{\"attributes\": [\"g\"], \"groups\": [\n  {\"values\": [\"a\"], \"n\": null, \"suppressed\": false}]}]}", "then.json:3:3: not an audit JSON report (fairrubrics audit --format json): a reported group has 'n'", "a reported group without n")]
    [InlineData("{\"subjects\": 1, \"scored\": 1, \"minGroupSize\": 5,\n \"analyses\": [{\"attributes\": [\"g\"], \"groups\": [\n  {\"values\": [\"a\"], \"n\": 7, \"favourable\": 2, \"suppressed\": true}]}]}", "then.json:3:3: not an audit JSON report (fairrubrics audit --format json): a suppressed group publishes no figures", "a suppressed group with figures")]
    public void Read_NotAnAuditReport_IsRefusedWithFileLineAndColumn(string json, string message, string because)
    {
        var act = () => PublishedAudit.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "then.json");

        act.Should().Throw<AuditReportFormatException>(because).Which.Message.Should().StartWith(message, because);
    }

    [Fact]
    public void Read_AnAuditReport_GivesItsGroupsAsPublished_AndSuppressedOnesWithoutFigures()
    {
        var report = GroupCounts.Report(AuditPopulation.Options(Group, intersect: false), ([(string?)"a"], 40, 20), (["b"], 30, 9), (["c"], 3, 1));

        var read = PublishedAudit.Read(new MemoryStream(Encoding.UTF8.GetBytes(AuditPopulation.Json(report))), "then.json");

        read.Rubric.Should().Be("audit-test");
        read.Scored.Should().Be(73);
        var analysis = read.Find(Group)!;
        analysis.Find(["a"])!.Should().Match<PublishedGroup>(g => g.IsReference && g.N == 40 && g.Favourable == 20 && g.ImpactRatio == 1);
        analysis.Find(["b"])!.ImpactRatio.Should().Be(report.Analyses[0].Groups.Single(g => g.Values[0] == "b").ImpactRatio);
        analysis.Find(["c"])!.Should().Match<PublishedGroup>(g => g.Suppressed && g.N == null && g.Favourable == null);
    }

    [Fact]
    public void Baseline_OfAnotherRubric_IsRefusedNamingTheFile()
    {
        var then = GroupCounts.Report(AuditPopulation.Options(Group, intersect: false), ([(string?)"a"], 40, 20), (["b"], 30, 9));
        var json = AuditPopulation.Json(then).Replace("\"rubric\": \"audit-test\"", "\"rubric\": \"other-rubric\"", StringComparison.Ordinal);
        var options = AuditPopulation.Options(Group, intersect: false);
        options.Baseline = PublishedAudit.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "cycle-2025.json");

        var act = () => GroupCounts.Report(options, ([(string?)"a"], 40, 20), (["b"], 30, 9));

        act.Should().Throw<FairRubricsException>().WithMessage("cycle-2025.json: the baseline is an audit of rubric 'other-rubric', but the results audited now are of rubric 'audit-test'*");
    }

    [Fact]
    public void Baseline_GroupSuppressedThenOrNow_GetsNoChange_AndNothingAboutASuppressedGroupIsWritten()
    {
        var then = GroupCounts.Report(AuditPopulation.Options(Group, intersect: false), ([(string?)"a"], 40, 20), (["b"], 30, 9), (["c"], 3, 1), (["d"], 12, 6), (["e"], 2, 1));
        var options = AuditPopulation.Options(Group, intersect: false);
        options.Baseline = PublishedAudit.Read(new MemoryStream(Encoding.UTF8.GetBytes(AuditPopulation.Json(then))), "then.json");

        var now = GroupCounts.Report(options, ([(string?)"a"], 42, 20), (["b"], 31, 9), (["c"], 8, 2), (["d"], 4, 1), (["e"], 3, 1));

        var groups = now.Analyses[0].Groups.ToDictionary(g => g.Values[0]);
        groups["c"].Baseline.Should().Be(new GroupBaseline(true, null, null, null, null), "c was suppressed then");
        groups["c"].Change.Should().BeNull();
        groups["d"].Suppressed.Should().BeTrue();
        groups["d"].Baseline.Should().BeNull("d is suppressed now: its earlier figures are not set beside it");
        groups["d"].Change.Should().BeNull();
        groups["b"].Change.Should().NotBeNull();
        var json = AuditPopulation.Json(now);
        json.Should().Contain("\"baseline\": {").And.Contain("\"change\": {");
        foreach (var format in new[] { AuditMarkdown.Render(now), AuditHtml.Render(now) })
        {
            format.Should().Contain("not reported now").And.Contain("not reported in the earlier cycle");
        }

        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        AuditCsv.Write(csv, now);
        csv.ToString().Split('\n')[0].Should().EndWith("\"changeFisherP\"");
    }
}
