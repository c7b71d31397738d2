using System.Globalization;

namespace FairRubrics.Audit;

/// <summary>The rows of the "since the earlier cycle" tables of the Markdown and HTML reports (<see cref="AuditOptions.Baseline"/>).</summary>
internal static class AuditChangeTable
{
    /// <summary>The column headings: group, then the earlier cycle's n, rate and impact ratio, this cycle's, and the change.</summary>
    public static readonly string[] Headings =
        ["group", "n then", "selection rate then", "impact ratio then", "n now", "selection rate now", "impact ratio now", "change in rate", "change in impact ratio", "Fisher p (change)", "z p (change)"];

    /// <summary>The sentence under the analysis heading that introduces the table.</summary>
    public static string Sentence(PublishedAudit baseline) => string.Create(
        CultureInfo.InvariantCulture,
        $"Since the earlier cycle ({AuditText.Count(baseline.Scored)} scored then): groups reported in both cycles side by side, with a two-sided test of the change in selection rate (the cycles taken as independent samples). Groups not reported in either cycle are not compared.");

    /// <summary>One row: the group's label cell, then either every figure or a reason (a single text spanning the rest).</summary>
    public static (string[]? Cells, string? Reason) Row(GroupResult g)
    {
        if (g.Suppressed)
        {
            return (null, "not reported now");
        }

        if (g.Baseline is null)
        {
            return (null, "not in the earlier report");
        }

        if (g.Baseline.Suppressed || g.Change is null)
        {
            return (null, "not reported in the earlier cycle");
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
