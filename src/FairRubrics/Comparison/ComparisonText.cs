using System.Globalization;
using FairRubrics.Audit;
using FairRubrics.Reporting;

namespace FairRubrics.Comparison;

/// <summary>Shared wording and number formats of the Markdown and HTML comparison reports (invariant culture).</summary>
internal static class ComparisonText
{
    /// <summary>The label of a band, or of insufficient evidence (null).</summary>
    public static string Band(string? band, ReportWords w) => band ?? w.T("compare.insufficient");

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
    public static string Paths(IReadOnlyList<PathCount> paths, ReportWords w) =>
        paths.Count == 0 ? "—" : string.Join(", ", paths.Select(p => $"{p.Path ?? w.T("compare.insufficient")} ({Count(p.Count)})"));

    /// <summary>The column keys of the outcomes table, in order.</summary>
    public static readonly string[] OutcomeColumns =
        ["compare.column.group", "compare.column.n", "compare.column.rate-before", "compare.column.rate-after", "compare.column.change", "compare.column.impact-ratio-before", "compare.column.impact-ratio-after", "compare.column.gained", "compare.column.lost", "compare.column.mcnemar-p"];

    /// <summary>The column keys of the competencies table, in order.</summary>
    public static readonly string[] CompetencyColumns =
        ["compare.column.competency", "compare.column.rose", "compare.column.fell", "compare.column.rose-through", "compare.column.fell-from"];

    /// <summary>The default title: "What changes from … to …", plain text.</summary>
    public static string Title(RubricComparison c, ReportWords w) =>
        w.T("compare.title", ("from", c.From.Rubric), ("from-version", c.From.Version), ("to", c.To.Rubric), ("to-version", c.To.Version));

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
