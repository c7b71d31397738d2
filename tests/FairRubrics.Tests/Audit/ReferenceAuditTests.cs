using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// The auditor against independently computed values (pandas + SciPy/mpmath, Reference/reference_audit.py; see
/// Reference/README.md). Counts must match exactly; rates, ratios and p-values to 1e-9 relative; z, Wilson and
/// Hedges' g to 1e-9 relative (the reference computes them at 50 digits and rounds once).
/// </summary>
public sealed class ReferenceAuditTests
{
    private const double Relative = 1e-9;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(CasesDirectory).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    private static string CasesDirectory => Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Audit_ReferenceCase_MatchesPandasAndSciPy(string name)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(CasesDirectory, name, "expected.json")));
        var root = expected.RootElement;
        var singles = Run(name, ["gender", "ethnicity", "age-band"], intersect: false);
        var intersection = Run(name, ["gender", "ethnicity"], intersect: true);

        singles.Subjects.Should().Be(root.GetProperty("subjects").GetInt64());
        singles.Scored.Should().Be(root.GetProperty("scored").GetInt64());
        singles.InsufficientEvidence.Should().Be(root.GetProperty("insufficientEvidence").GetInt64());
        Close(singles.MedianScore, root.GetProperty("medianScore"), "medianScore");

        foreach (var analysis in root.GetProperty("analyses").EnumerateArray())
        {
            var attributes = analysis.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!).ToArray();
            var report = attributes.Length == 1 ? singles : intersection;
            var mine = report.Analyses.Single(a => a.Attributes.SequenceEqual(attributes));
            var where = $"{name} by {string.Join(" x ", attributes)}";
            if (mine.Unknown is { } unknown)
            {
                unknown.Should().Be(analysis.GetProperty("unknown").GetInt64(), where);
            }

            var expectedReference = analysis.GetProperty("reference");
            if (expectedReference.ValueKind == JsonValueKind.Null)
            {
                mine.Reference.Should().BeNull(where);
            }
            else
            {
                mine.Reference.Should().Equal(expectedReference.EnumerateArray().Select(v => v.GetString()!), where);
            }

            foreach (var group in analysis.GetProperty("groups").EnumerateArray())
            {
                var values = group.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToArray();
                var g = mine.Groups.Single(x => x.Values.SequenceEqual(values));
                var at = $"{where} '{string.Join("/", values)}'";
                if (group.GetProperty("suppressed").GetBoolean())
                {
                    g.Suppressed.Should().BeTrue(at);
                    g.N.Should().BeNull(at);
                    g.SelectionRate.Should().BeNull(at);
                    continue;
                }

                if (g.Suppression == SuppressionReason.Complementary)
                {
                    continue;   // withheld to protect a smaller group: the reference does not model this
                }

                g.N.Should().Be(group.GetProperty("n").GetInt64(), at);
                g.Favourable.Should().Be(group.GetProperty("favourable").GetInt64(), at);
                Close(g.SelectionRate, group.GetProperty("selectionRate"), at + " selectionRate");
                Close(g.ImpactRatio, group.GetProperty("impactRatio"), at + " impactRatio");
                Close(g.FisherP, group.GetProperty("fisherP"), at + " fisherP");
                Close(g.Z, group.GetProperty("z"), at + " z");
                Close(g.ZP, group.GetProperty("zP"), at + " zP");
                Close(g.SelectionRateLower, group.GetProperty("wilsonLower"), at + " wilsonLower");
                Close(g.SelectionRateUpper, group.GetProperty("wilsonUpper"), at + " wilsonUpper");
                Close(g.ScoringRate, group.GetProperty("scoringRate"), at + " scoringRate");
                Close(g.ScoringImpactRatio, group.GetProperty("scoringImpactRatio"), at + " scoringImpactRatio");
                Close(g.MeanScore, group.GetProperty("meanScore"), at + " meanScore");
                Close(g.HedgesG, group.GetProperty("hedgesG"), at + " hedgesG");

                var fr201 = group.GetProperty("fr201");
                var finding = report.Findings.SingleOrDefault(f => f.Id == "FR201" && f.Attributes.SequenceEqual(attributes) && f.Values.SequenceEqual(values));
                if (fr201.ValueKind == JsonValueKind.Null)
                {
                    finding.Should().BeNull(at);
                }
                else
                {
                    finding.Should().NotBeNull(at);
                    finding!.Severity.ToString().ToLowerInvariant().Should().Be(fr201.GetString(), at);
                }
            }
        }
    }

    internal static AuditReport Run(string name, string[] attributes, bool intersect, int minGroupSize = 5)
    {
        var dir = Path.Combine(CasesDirectory, name);
        AttributeTable table;
        using (var stream = File.OpenRead(Path.Combine(dir, "attributes.csv")))
        {
            table = AuditInputReader.ReadAttributes(stream);
        }

        // The reference models small-group suppression only; complementary suppression is tested on its own.
        // The reference decides FR201 on the raw Fisher p; adjusted p-values are tested against their own reference (AdjustmentReferenceTests).
        var options = new AuditOptions { MinGroupSize = minGroupSize, Intersect = intersect, ComplementarySuppression = false, PValueAdjustment = PValueAdjustment.None };
        options.FavourableBands.Add("Exceptional");
        options.FavourableBands.Add("Strong");
        foreach (var a in attributes)
        {
            options.Attributes.Add(a);
        }

        var indexes = attributes.Select(a => table.Columns.ToList().IndexOf(a)).ToArray();
        var accumulator = new AuditAccumulator(attributes, intersect);
        var values = new string?[attributes.Length];
        using (var stream = File.OpenRead(Path.Combine(dir, "scores.jsonl")))
        {
            foreach (var line in AuditInputReader.ReadScores(stream))
            {
                line.Error.Should().BeNull();
                table.TryGetValues(line.Subject!.Subject, indexes, values);
                accumulator.Add(line.Subject, values);
            }
        }

        return new BiasAuditor().Report(accumulator, options);
    }

    private static void Close(double? actual, JsonElement expected, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            actual.Should().BeNull(what);
            return;
        }

        actual.Should().NotBeNull(what);
        var e = expected.GetDouble();
        var tolerance = Math.Max(Math.Abs(e) * Relative, 1e-300);
        actual!.Value.Should().BeApproximately(e, tolerance, what);
    }
}
