using System.Text;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// Comparison with an earlier cycle (<see cref="AuditOptions.Baseline"/>, FR207) against values computed independently
/// (Reference/extra/baseline_reference.py at 60 digits and exact fractions, committed as baseline.json). The earlier
/// report goes through its JSON and <see cref="PublishedAudit.Read"/>, as a real earlier cycle does; the tests never run Python.
/// </summary>
public sealed class BaselineReferenceTests
{
    /// <summary>Relative tolerance of p-values and z (the library's Fisher and normal tail are accurate to about 1e-12).</summary>
    private const double RelativeP = 1e-9;

    /// <summary>Absolute tolerance of rates, ratios and their differences (each a double division or a difference of two).</summary>
    private const double AbsoluteRate = 1e-12;

    private static readonly string[] Group = ["g"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var document = Load();
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateObject())
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BaselineAndChange_MatchTheIndependentReference(string name)
    {
        using var document = Load();
        var expected = document.RootElement.GetProperty("cases").GetProperty(name);
        var k = expected.GetProperty("k").GetInt32();

        var report = Audit(expected, k);
        var analysis = report.Analyses[0];

        analysis.Reference.Should().Equal(expected.GetProperty("referenceNow")[0].GetString());
        foreach (var e in expected.GetProperty("groups").EnumerateArray())
        {
            var value = e.GetProperty("values")[0].GetString()!;
            var g = analysis.Groups.Single(x => x.Values[0] == value);
            if (e.GetProperty("change").ValueKind == JsonValueKind.Null)
            {
                g.Change.Should().BeNull($"{name} {value} is not reported in both cycles");
                if (g.Suppressed)
                {
                    g.Baseline.Should().BeNull($"{name} {value} is suppressed now: nothing is set beside it");
                }

                continue;
            }

            var b = e.GetProperty("baseline");
            g.Baseline!.Suppressed.Should().BeFalse();
            g.Baseline.N.Should().Be(b.GetProperty("n").GetInt64());
            g.Baseline.Favourable.Should().Be(b.GetProperty("favourable").GetInt64());
            Rate(g.Baseline.SelectionRate, b.GetProperty("selectionRate"), $"{name} {value} baseline selectionRate");
            Rate(g.Baseline.ImpactRatio, b.GetProperty("impactRatio"), $"{name} {value} baseline impactRatio");
            var c = e.GetProperty("change");
            Rate(g.Change!.SelectionRate, c.GetProperty("selectionRate"), $"{name} {value} change selectionRate");
            Rate(g.Change.ImpactRatio, c.GetProperty("impactRatio"), $"{name} {value} change impactRatio");
            P(g.Change.Z, c.GetProperty("z"), $"{name} {value} change z");
            P(g.Change.ZP, c.GetProperty("zP"), $"{name} {value} change zP");
            P(g.Change.FisherP, c.GetProperty("fisherP"), $"{name} {value} change fisherP");
            g.Change.FellBelowFourFifths.Should().Be(c.GetProperty("fellBelowFourFifths").GetBoolean(), $"{name} {value}");
            g.Change.FellByAtLeastOneTenth.Should().Be(c.GetProperty("fellByAtLeastOneTenth").GetBoolean(), $"{name} {value}");
        }

        report.Findings.Where(f => f.Id == "FR207").Select(f => f.Values[0]).Order(StringComparer.Ordinal)
            .Should().Equal(expected.GetProperty("fr207").EnumerateArray().Select(v => v.GetString()), name);
    }

    [Fact]
    public void Fr207_ExactlyOneTenthLower_IsReported_AndExactlyFourFifthsIsNotACrossing()
    {
        using var document = Load();
        var report = Audit(document.RootElement.GetProperty("cases").GetProperty("exact-tenth"), 5);

        var x = report.Analyses[0].Groups.Single(g => g.Values[0] == "x");
        x.ImpactRatio.Should().Be(0.8);
        x.Change!.FellBelowFourFifths.Should().BeFalse("0.8 is not below 0.8");
        x.Change.FellByAtLeastOneTenth.Should().BeTrue("0.9 − 0.8 is 0.1 exactly, although 0.9 − 0.8 in doubles is 0.09999999999999998");
        report.Findings.Single(f => f.Id == "FR207").Message.Should().Contain("impact ratio 0.9 in the earlier cycle and 0.8 now, a fall of 0.1");
    }

    /// <summary>Audits the case's earlier cycle, writes its JSON, reads it back, and audits the case's present with it as the baseline.</summary>
    private static AuditReport Audit(JsonElement expected, int k)
    {
        var then = GroupCounts.Report(AuditPopulation.Options(Group, intersect: false, minGroupSize: k), Cells(expected.GetProperty("then")));
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(AuditPopulation.Json(then)));
        var options = AuditPopulation.Options(Group, intersect: false, minGroupSize: k);
        options.Baseline = PublishedAudit.Read(json, "then.json");
        return GroupCounts.Report(options, Cells(expected.GetProperty("now")));
    }

    private static (string?[] Values, int N, int Favourable)[] Cells(JsonElement groups) =>
        [.. groups.EnumerateArray().Select(g => ((string?[])[g.GetProperty("values")[0].GetString()], g.GetProperty("n").GetInt32(), g.GetProperty("favourable").GetInt32()))];

    private static JsonDocument Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "extra", "baseline.json")));

    private static void Rate(double? actual, JsonElement expected, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            actual.Should().BeNull(what);
            return;
        }

        actual.Should().NotBeNull(what);
        actual!.Value.Should().BeApproximately(expected.GetDouble(), AbsoluteRate, what);
    }

    private static void P(double? actual, JsonElement expected, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            actual.Should().BeNull(what);
            return;
        }

        actual.Should().NotBeNull(what);
        var e = expected.GetDouble();
        actual!.Value.Should().BeApproximately(e, Math.Max(Math.Abs(e) * RelativeP, 1e-300), what);
    }
}
