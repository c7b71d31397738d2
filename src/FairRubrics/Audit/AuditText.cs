using System.Globalization;
using FairRubrics.Reporting;

namespace FairRubrics.Audit;

/// <summary>How the Markdown and HTML reports write numbers: rounded for reading (half away from zero), invariant, "—" for none.</summary>
internal static class AuditText
{
    /// <summary>Two decimals, e.g. "0.80".</summary>
    public static string Num(double? value) => value is { } v ? NoNegativeZero(Math.Round(v, 2, MidpointRounding.AwayFromZero)).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>A count with thousands separators, invariant, e.g. "12,345".</summary>
    public static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";

    /// <summary>A value rounded to zero as "0", never "-0" (−0.001 rounds to −0, which .NET writes with its sign).</summary>
    public static double NoNegativeZero(double rounded) => rounded == 0 ? 0 : rounded;

    /// <summary>A percentage with one decimal, e.g. "41.7%".</summary>
    public static string Pct(double? value) => value is { } v ? NoNegativeZero(Math.Round(v * 100, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A p-value with four decimals, or "&lt; 0.0001" (not encoded).</summary>
    public static string P(double? value) => value is { } v ? (v < 0.0001 ? "< 0.0001" : Math.Round(v, 4, MidpointRounding.AwayFromZero).ToString("0.0000", CultureInfo.InvariantCulture)) : "—";

    /// <summary>
    /// The label of a group left out of impact ratios, with the configured share as written ("under 2%" for 0.02,
    /// "under 1.5%" for 0.015): the share as a decimal, so no binary digits show. Plain text.
    /// </summary>
    public static string Under(double? share, ReportWords w) => share is { } s
        ? w.T("audit.group.under", ("share", ((decimal)s * 100).ToString("0.############", CultureInfo.InvariantCulture)))
        : w.T("audit.group.left-out");

    /// <summary>The name of a reference rule in JSON and CSV: <c>highest</c>, <c>largest</c> or <c>named</c>.</summary>
    public static string RuleName(ReferenceRule rule) => rule switch
    {
        ReferenceRule.Largest => "largest",
        ReferenceRule.Named => "named",
        _ => "highest",
    };

    /// <summary>
    /// The sentence on an analysis' reference group for people, e.g. "Reference group: male (highest selection rate).",
    /// with every input-derived text passed through <paramref name="escape"/> and the labels encoded when <paramref name="html"/>.
    /// </summary>
    public static string ReferenceSentence(AuditAnalysis analysis, Func<string, string> escape, ReportWords w, bool html)
    {
        var why = w.T(analysis.ReferenceRule switch
        {
            ReferenceRule.Largest => "audit.reference.largest",
            ReferenceRule.Named => "audit.reference.named",
            _ => "audit.reference.highest",
        });
        var text = analysis.Reference is null
            ? w.Text(html, "audit.reference.none")
            : w.Text(html, "audit.reference", ("group", escape(string.Join(" × ", analysis.Reference))), ("why", html ? ReportWords.Encode(why) : why));
        return analysis.UnavailableReference is { } named
            ? text + " " + w.Text(html, "audit.reference.unavailable", ("group", escape(string.Join(" × ", named))))
            : text;
    }

    /// <summary>The name of an adjustment for people: "Holm", "Benjamini–Hochberg" or "no".</summary>
    public static string AdjustmentName(PValueAdjustment adjustment) => adjustment switch
    {
        PValueAdjustment.Holm => "Holm",
        PValueAdjustment.BenjaminiHochberg => "Benjamini–Hochberg",
        _ => "no",
    };

    /// <summary>The name of an adjustment in JSON and CSV: <c>none</c>, <c>holm</c> or <c>bh</c>.</summary>
    public static string AdjustmentKey(PValueAdjustment adjustment) => adjustment switch
    {
        PValueAdjustment.Holm => "holm",
        PValueAdjustment.BenjaminiHochberg => "bh",
        _ => "none",
    };

    /// <summary>The sentence on the p-value adjustment for people, plain text.</summary>
    public static string AdjustmentSentence(PValueAdjustment adjustment, ReportWords w) => adjustment == PValueAdjustment.None
        ? w.T("audit.adjustment.none")
        : w.T("audit.adjustment", ("method", w.T(adjustment == PValueAdjustment.Holm ? "audit.adjustment.holm" : "audit.adjustment.bh")));
}
