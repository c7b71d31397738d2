using System.Globalization;
using FairRubrics.Audit;

namespace FairRubrics.Comparison;

/// <summary>Shared wording and number formats of the Markdown and HTML comparison reports (invariant culture).</summary>
internal static class ComparisonText
{
    /// <summary>The label of a band, or of insufficient evidence (null).</summary>
    public static string Band(string? band) => band ?? "insufficient evidence";

    /// <summary>A count with thousands separators: 12,345.</summary>
    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The change in selection rate in percentage points, signed (+2.5 pp, −1.0 pp), never "-0.0".</summary>
    public static string Change(ComparisonGroup g)
    {
        var points = Math.Round((g.To!.SelectionRate - g.From!.SelectionRate) * 100, 1, MidpointRounding.AwayFromZero);
        if (points == 0)
        {
            return "0.0 pp";
        }

        var text = Math.Abs(points).ToString("0.0", CultureInfo.InvariantCulture);
        return (points > 0 ? "+" : "−") + text + " pp";
    }

    /// <summary>Paths and counts, most frequent first: "mentoring (12), broad-network (3)".</summary>
    public static string Paths(IReadOnlyList<PathCount> paths) =>
        paths.Count == 0 ? "—" : string.Join(", ", paths.Select(p => $"{p.Path ?? "insufficient evidence"} ({Count(p.Count)})"));

    /// <summary>The transition matrix: rows (bands before, highest first, then insufficient evidence), columns (bands after), counts.</summary>
    public static (List<string?> Rows, List<string?> Columns, Dictionary<(string?, string?), long> Cells) Matrix(RubricComparison comparison)
    {
        static List<string?> Axis(IReadOnlyList<string> bands, IEnumerable<string?> seen)
        {
            var axis = bands.Cast<string?>().ToList();
            axis.AddRange(seen.Where(b => b is not null && !axis.Contains(b)).Distinct());
            axis.Add(null);
            return axis;
        }

        var cells = new Dictionary<(string?, string?), long>();
        foreach (var t in comparison.Transitions)
        {
            cells[(t.From, t.To)] = t.Count;
        }

        return (Axis(comparison.FromBands, comparison.Transitions.Select(t => t.From)), Axis(comparison.ToBands, comparison.Transitions.Select(t => t.To)), cells);
    }

    /// <summary>A p-value as the audit prints it.</summary>
    public static string P(double? p) => AuditText.P(p);
}
