using System.Globalization;
using System.Text;
using CsvHelper;
using FairRubrics.Language;
using FairRubrics.Tests.TestSupport;
using Xunit.Abstractions;

namespace FairRubrics.Tests.Language;

/// <summary>
/// Measures FR301–FR303 on the labelled comments in Language/ReviewComments/labelled.csv (half concrete
/// behavioural feedback that must not be flagged, half vague, coded or personality-based feedback) and checks the
/// figures quoted in docs/checks/review-language.md. When a word list changes, run this test, read its output, and
/// update the figures here and in the docs together.
/// </summary>
public sealed class ReviewTextMeasurementTests(ITestOutputHelper output)
{
    private static readonly string[] Checks = ["FR301", "FR302", "FR303"];

    /// <summary>The figures stated in docs/checks/review-language.md: concrete comments flagged, and per check true positives, false positives, false negatives.</summary>
    private static readonly Dictionary<string, (int ConcreteFlagged, Dictionary<string, (int Tp, int Fp, int Fn)> Checks)> Documented = new(StringComparer.Ordinal)
    {
        ["labelled.csv"] = (0, new(StringComparer.Ordinal) { ["FR301"] = (29, 0, 0), ["FR302"] = (41, 0, 0), ["FR303"] = (103, 0, 3) }),
        ["holdout.csv"] = (0, new(StringComparer.Ordinal) { ["FR301"] = (6, 0, 0), ["FR302"] = (4, 0, 0), ["FR303"] = (19, 0, 0) }),
    };

    internal static List<(string Comment, HashSet<string> Expected)> ReadLabelled(string file = "labelled.csv")
    {
        var path = Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Language", "ReviewComments", file);
        using var stream = File.OpenRead(path);
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', HasHeader = true }, leaveOpen: false);
        reader.ReadHeader();
        var rows = new List<(string, HashSet<string>)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), [.. reader.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries)]));
        }

        return rows;
    }

    [Fact]
    public void ReviewText_LabelledComments_PrecisionAndRecallAreAsDocumented()
    {
        var (rows, concrete, concreteFlagged, measured) = Measure("labelled.csv");

        rows.Should().BeGreaterThanOrEqualTo(200);
        concrete.Should().BeGreaterThanOrEqualTo(rows / 2 - 10, "about half of the set is concrete behavioural feedback");
        concreteFlagged.Should().Be(Documented["labelled.csv"].ConcreteFlagged, "the figure in docs/checks/review-language.md; update both together");
        foreach (var id in Checks)
        {
            measured[id].Should().Be(Documented["labelled.csv"].Checks[id], $"the {id} figures in docs/checks/review-language.md; update both together");
        }
    }

    [Fact]
    public void ReviewText_HoldOutComments_PrecisionAndRecallAreAsDocumented()
    {
        var (rows, concrete, concreteFlagged, measured) = Measure("holdout.csv");

        rows.Should().Be(40);
        concrete.Should().Be(20);
        concreteFlagged.Should().Be(Documented["holdout.csv"].ConcreteFlagged, "the figure in docs/checks/review-language.md; update both together");
        foreach (var id in Checks)
        {
            measured[id].Should().Be(Documented["holdout.csv"].Checks[id], $"the {id} figures in docs/checks/review-language.md; update both together");
        }
    }

    private (int Rows, int Concrete, int ConcreteFlagged, Dictionary<string, (int Tp, int Fp, int Fn)> Measured) Measure(string file)
    {
        var rows = ReadLabelled(file);
        var checker = ReviewTextChecker.Create();
        var results = rows.Select(r => (r.Comment, r.Expected, Found: checker.Check(r.Comment).Findings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal))).ToList();

        var concrete = results.Where(r => r.Expected.Count == 0).ToList();
        var concreteFlagged = concrete.Count(r => r.Found.Count > 0);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{file}: {rows.Count} labelled comments, {concrete.Count} concrete (expected no finding); concrete comments flagged: {concreteFlagged}");
        var measured = new Dictionary<string, (int Tp, int Fp, int Fn)>(StringComparer.Ordinal);
        foreach (var id in Checks)
        {
            var tp = results.Count(r => r.Expected.Contains(id) && r.Found.Contains(id));
            var fp = results.Count(r => !r.Expected.Contains(id) && r.Found.Contains(id));
            var fn = results.Count(r => r.Expected.Contains(id) && !r.Found.Contains(id));
            measured[id] = (tp, fp, fn);
            report.AppendLine(CultureInfo.InvariantCulture, $"{id}: {tp + fn} expected, {tp + fp} reported; precision {Ratio(tp, tp + fp)}, recall {Ratio(tp, tp + fn)} (tp {tp}, fp {fp}, fn {fn})");
        }

        foreach (var r in results.Where(r => !r.Expected.SetEquals(r.Found)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  expected [{string.Join(' ', r.Expected.Order(StringComparer.Ordinal))}] got [{string.Join(' ', r.Found.Order(StringComparer.Ordinal))}]: {r.Comment}");
        }

        var naive = concrete.Count(r => NaiveGaucherPrefixMatch(r.Comment));
        report.AppendLine(CultureInfo.InvariantCulture, $"concrete comments that naive prefix matching of the Gaucher et al. lists would flag (every word or stem, no exceptions): {naive}");
        output.WriteLine(report.ToString());
        return (rows.Count, concrete.Count, concreteFlagged, measured);
    }

    /// <summary>What a naive scan does: every Gaucher et al. word or stem as a prefix of any word, no exceptions, no trait filter.</summary>
    private static bool NaiveGaucherPrefixMatch(string text)
    {
        var stems = WordListLoader.BuiltIn.Where(l => l.Id is "masculine-coded" or "feminine-coded").SelectMany(l => l.Entries).Select(e => System.Text.RegularExpressions.Regex.Escape(e.Term.ToLowerInvariant()));
        return System.Text.RegularExpressions.Regex.IsMatch(text.ToLowerInvariant(), $@"\b({string.Join("|", stems)})", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string Ratio(int numerator, int denominator) =>
        denominator == 0 ? "n/a" : (numerator / (double)denominator).ToString("0.00", CultureInfo.InvariantCulture);
}
