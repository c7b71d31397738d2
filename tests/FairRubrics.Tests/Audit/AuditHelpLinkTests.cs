using System.Globalization;
using System.Text;
using System.Text.Json;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>Help links in the library's audit reports: absolute against the docs base URI, none without one (#23 item 1).</summary>
public sealed class AuditHelpLinkTests
{
    private static readonly string[] Group = ["group"];
    private static readonly Uri Docs = new("https://docs.example.org/fairrubrics/docs/");

    [Fact]
    public void Reports_WithoutAHelpBase_WriteNoRelativeHelpLinks()
    {
        var report = AdverseImpact();
        report.Findings.Should().Contain(f => f.Id == "FR201");

        AuditHtml.Render(report).Should().NotContain("docs/checks").And.NotContain("What this means");
        AuditMarkdown.Render(report).Should().NotContain("docs/checks").And.NotContain("[help]").And.Contain("FR201");
        using var json = JsonDocument.Parse(Json(report, null));
        json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.TryGetProperty("helpUri", out _)).Should().BeEmpty();
    }

    [Fact]
    public void Reports_WithAHelpBase_LinkTheHelpPageUnderTheDocsFolder()
    {
        var report = AdverseImpact();
        const string page = "https://docs.example.org/fairrubrics/docs/checks/FR201.md";

        AuditHtml.Render(report, helpBaseUri: Docs).Should().Contain($"<a href=\"{page}\">What this means</a>");
        AuditHtml.Body(report, new Uri("https://docs.example.org/fairrubrics/docs")).Should().Contain($"<a href=\"{page}\">");
        AuditMarkdown.Render(report, helpBaseUri: Docs).Should().Contain($"([help](<{page}>))");
        using var json = JsonDocument.Parse(Json(report, Docs));
        json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == "FR201").GetProperty("helpUri").GetString().Should().Be(page);
    }

    private static string Json(AuditReport report, Uri? docs)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            AuditJson.Write(writer, report, docs);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static AuditReport AdverseImpact()
    {
        var options = AuditPopulation.Options(Group, intersect: false);
        var accumulator = new AuditAccumulator(Group, intersect: false);
        var next = 0;
        foreach (var (group, favourable) in new[] { ("A", 80), ("B", 20) })
        {
            for (var i = 0; i < 100; i++)
            {
                accumulator.Add(AuditPopulation.Scored("s" + (next++).ToString(CultureInfo.InvariantCulture), i < favourable ? 4 : 3), [group]);
            }
        }

        return new BiasAuditor().Report(accumulator, options);
    }
}
