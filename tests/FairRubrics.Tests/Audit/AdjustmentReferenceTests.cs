using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// Adjusted p-values (Holm, Benjamini–Hochberg) against values computed independently at 60 digits
/// (Reference/extra/multiple_testing_reference.py, committed as multiple_testing.json); the tests never run Python.
/// </summary>
public sealed class AdjustmentReferenceTests
{
    private const double Relative = 1e-9;

    private static readonly string[] Group = ["g"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        using var document = Load();
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateObject())
        {
            data.Add(c.Name, "holm");
            data.Add(c.Name, "bh");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AdjustedPValues_MatchTheIndependentReference(string name, string method)
    {
        using var document = Load();
        var expected = document.RootElement.GetProperty("cases").GetProperty(name);
        var options = AuditPopulation.Options(Group, intersect: false);
        options.PValueAdjustment = method == "holm" ? PValueAdjustment.Holm : PValueAdjustment.BenjaminiHochberg;
        var cells = expected.GetProperty("groups").EnumerateArray()
            .Select(g => ((string?[])[g.GetProperty("values")[0].GetString()], g.GetProperty("n").GetInt32(), g.GetProperty("favourable").GetInt32()))
            .ToArray();

        var analysis = GroupCounts.Report(options, cells).Analyses[0];

        analysis.Reference.Should().Equal(expected.GetProperty("reference")[0].GetString());
        foreach (var e in expected.GetProperty(method).EnumerateArray())
        {
            var value = e.GetProperty("values")[0].GetString()!;
            var g = analysis.Groups.Single(x => x.Values[0] == value);
            Close(g.FisherP, e.GetProperty("fisherP"), $"{name} {value} fisherP");
            Close(g.ZP, e.GetProperty("zP"), $"{name} {value} zP");
            Close(g.FisherPAdjusted, e.GetProperty("fisherPAdjusted"), $"{name} {value} {method} fisherPAdjusted");
            Close(g.ZPAdjusted, e.GetProperty("zPAdjusted"), $"{name} {value} {method} zPAdjusted");
        }

        analysis.Groups.Single(g => g.IsReference).FisherPAdjusted.Should().BeNull();
    }

    [Fact]
    public void NoAdjustment_LeavesAdjustedPValuesNull_AndFR201UsesTheRawP()
    {
        // B 45/120 against A 110/200: raw Fisher p 0.0027; with 40 such groups Holm would lift it above 0.05.
        var options = AuditPopulation.Options(Group, intersect: false);
        options.PValueAdjustment = PValueAdjustment.None;
        var report = GroupCounts.Report(options, (["A"], 200, 110), (["B"], 120, 45));

        report.Analyses[0].Groups.Should().OnlyContain(g => g.FisherPAdjusted == null && g.ZPAdjusted == null);
        report.Findings.Single(f => f.Id == "FR201").Severity.Should().Be(DiagnosticSeverity.Error);
        AuditPopulation.Json(report).Should().Contain("\"pAdjustment\": \"none\"");
    }

    [Fact]
    public void Holm_DecidesFR201Significance_OnTheAdjustedP()
    {
        // Six groups 19/40 against 30/40: each raw Fisher p ≈ 0.021 < 0.05, but Holm multiplies the smallest by 6.
        var options = AuditPopulation.Options(Group, intersect: false);
        (string?[], int, int)[] cells = [(["ref"], 40, 30), .. Enumerable.Range(0, 6).Select(i => ((string?[])[$"g{i}"], 40, 19))];

        var report = GroupCounts.Report(options, cells);

        report.Analyses[0].Groups.Where(g => !g.IsReference).Should().OnlyContain(g => g.FisherP < 0.05 && g.FisherPAdjusted >= 0.05);
        report.Findings.Where(f => f.Id == "FR201").Should().HaveCount(6).And.OnlyContain(f => f.Severity == DiagnosticSeverity.Warning);
        report.Findings.First(f => f.Id == "FR201").Message.Should().Contain("Holm-adjusted p = ");
        AuditMarkdown.Render(report).Should().Contain("adjusted p").And.Contain("(Holm, within each analysis)");
        AuditHtml.Render(report).Should().Contain("<th>adjusted p</th>");
    }

    private static JsonDocument Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "extra", "multiple_testing.json")));

    private static void Close(double? actual, JsonElement expected, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            actual.Should().BeNull(what);
            return;
        }

        actual.Should().NotBeNull(what);
        var e = expected.GetDouble();
        actual!.Value.Should().BeApproximately(e, Math.Max(Math.Abs(e) * Relative, 1e-300), what);
    }
}
