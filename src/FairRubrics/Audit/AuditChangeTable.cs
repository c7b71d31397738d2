using System.Globalization;
using FairRubrics.Reporting;

namespace FairRubrics.Audit;

/// <summary>The rows of the "since the earlier cycle" tables of the Markdown and HTML reports (<see cref="AuditOptions.Baseline"/>).</summary>
internal static class AuditChangeTable
{
    /// <summary>The column headings: group, then the earlier cycle's n, rate and impact ratio, this cycle's, and the change.</summary>
    public static string[] Headings(ReportWords w) =>
        [.. ((string[])["audit.column.group", "audit.change.column.n-then", "audit.change.column.selection-rate-then", "audit.change.column.impact-ratio-then", "audit.change.column.n-now", "audit.change.column.selection-rate-now", "audit.change.column.impact-ratio-now", "audit.change.column.rate", "audit.change.column.impact-ratio-change", "audit.change.column.fisher-p", "audit.change.column.z-p"]).Select(k => w.T(k))];

    /// <summary>The short column headings of the HTML table, under "earlier cycle", "this cycle" and "change" (no group column).</summary>
    public static string[] ShortHeadings(ReportWords w) =>
        [.. ((string[])["audit.change.column.n", "audit.change.column.selection-rate", "audit.change.column.impact-ratio", "audit.change.column.n", "audit.change.column.selection-rate", "audit.change.column.impact-ratio", "audit.change.column.rate", "audit.change.column.impact-ratio-change", "audit.change.column.fisher-p", "audit.change.column.z-p"]).Select(k => w.T(k))];

    /// <summary>The number of columns, the group's included.</summary>
    public const int Columns = 11;

    /// <summary>The sentence under the analysis heading that introduces the table.</summary>
    public static string Sentence(PublishedAudit baseline, ReportWords w) => w.T("audit.change.sentence", ("scored", AuditText.Count(baseline.Scored)));

    /// <summary>One row: the group's label cell, then either every figure or a reason (a single text spanning the rest).</summary>
    public static (string[]? Cells, string? Reason) Row(GroupResult g, ReportWords w)
    {
        if (g.Suppressed)
        {
            return (null, w.T("audit.change.not-reported-now"));
        }

        if (g.Baseline is null)
        {
            return (null, w.T("audit.change.not-in-earlier"));
        }

        if (g.Baseline.Suppressed || g.Change is null)
        {
            return (null, w.T("audit.change.not-reported-earlier"));
        }

        var b = g.Baseline;
        var c = g.Change;
        var flag = c.FellBelowFourFifths || c.FellByAtLeastOneTenth ? " ⚠" : string.Empty;
        return (
        [
            AuditText.Count(b.N), AuditText.Pct(b.SelectionRate), AuditText.Num(b.ImpactRatio),
            AuditText.Count(g.N), AuditText.Pct(g.SelectionRate), AuditText.Num(g.ImpactRatio),
            Points(c.SelectionRate), Signed(c.ImpactRatio) + flag, AuditText.P(c.FisherP), AuditText.P(c.ZP),
        ], null);
    }

    /// <summary>A change of rate in percentage points with its sign, e.g. "+3.2 pp", "−1.0 pp", "0.0 pp".</summary>
    private static string Points(double change)
    {
        var rounded = AuditText.NoNegativeZero(Math.Round(change * 100, 1, MidpointRounding.AwayFromZero));
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : string.Empty) + Math.Abs(rounded).ToString("0.0", CultureInfo.InvariantCulture) + " pp";
    }

    private static string Signed(double? change)
    {
        if (change is not { } v)
        {
            return "—";
        }

        var rounded = AuditText.NoNegativeZero(Math.Round(v, 2, MidpointRounding.AwayFromZero));
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : string.Empty) + Math.Abs(rounded).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
