using System.Globalization;
using System.Text;
using FairRubrics.Reporting;
using static FairRubrics.Audit.AuditText;

namespace FairRubrics.Audit;

/// <summary>
/// Writes an audit report as Markdown for people: findings first, then per analysis a table of groups, then
/// path equivalence. Numbers are rounded for reading (half away from zero); every input-derived text (attribute
/// names and values, ids, messages) is escaped with <see cref="MarkdownText"/>, so no value can break a table, add
/// markup or render as a link, GFM's extended autolinks included.
/// </summary>
public static class AuditMarkdown
{
    /// <summary>The keys of the group table's columns, in order (the Markdown table has z; the HTML table has not).</summary>
    internal static readonly string[] Columns =
        ["audit.column.group", "audit.column.n", "audit.column.favourable", "audit.column.selection-rate", "audit.column.impact-ratio", "audit.column.fisher-p", "audit.column.adjusted-p", "audit.column.z", "audit.column.scoring-rate", "audit.column.scoring-ir", "audit.column.mean-score", "audit.column.hedges-g"];

    /// <summary>The keys of the path equivalence table's columns.</summary>
    internal static readonly string[] PathColumns =
        ["audit.paths.column.competency", "audit.paths.column.path", "audit.paths.column.people", "audit.paths.column.share", "audit.paths.column.mean-level", "audit.paths.column.hedges-g"];

    /// <summary>Renders the report with English labels.</summary>
    /// <param name="report">The report.</param>
    /// <param name="title">The document title.</param>
    /// <param name="helpBaseUri">Where the FairRubrics <c>docs/</c> folder is published (see <see cref="Checks.HelpLinks"/>); findings link their help page there. Without it no help links are written.</param>
    /// <returns>The Markdown.</returns>
    public static string Render(AuditReport report, string title = "Outcome audit", Uri? helpBaseUri = null) =>
        Render(report, new ReportOptions { Title = title, HelpBaseUri = helpBaseUri });

    /// <summary>Renders the report with its labels in a language (<see cref="ReportOptions.Locale"/>); a label or locale without a translation is English, with a note saying so.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The language, title and help links; <see cref="ReportOptions.Notes"/> is not shown in Markdown.</param>
    /// <returns>The Markdown.</returns>
    public static string Render(AuditReport report, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var w = ReportWords.For(options, "audit.");
        var title = options.Title ?? (report.Rubric is null ? w.T("audit.title") : w.T("audit.title.of", ("rubric", report.Rubric)));
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(title)).Append("\n\n");
        foreach (var note in w.FallbackNotes)
        {
            sb.Append("> ").Append(w.T("report.note", ("note", note))).Append("\n\n");
        }

        sb.Append(w.T("audit.summary.results", ("subjects", Count(report.Subjects)), ("scored", Count(report.Scored)), ("insufficient", Count(report.InsufficientEvidence)))).Append(' ');
        sb.Append(w.T("audit.summary.favourable", ("bands", report.Favourable.Count == 0 ? w.T("report.none") : string.Join(", ", report.Favourable.Select(Escape))))).Append(' ');
        sb.Append(w.T("audit.summary.median", ("median", Num(report.MedianScore)))).Append(' ');
        sb.Append(w.T("audit.summary.small-groups", ("k", Count(report.MinGroupSize)))).Append(' ').Append(AdjustmentSentence(report.PValueAdjustment, w)).Append("\n\n");

        sb.Append("## ").Append(w.T("audit.findings.heading")).Append("\n\n");
        if (report.Findings.Count == 0)
        {
            sb.Append(w.T("audit.findings.none")).Append("\n\n");
        }

        foreach (var f in report.Findings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- **{w.Severity(f.Severity)} {Escape(f.Id)}** — {Escape(f.Message)}{(Checks.HelpLinks.ForBuiltInId(f.Id, options.HelpBaseUri) is { } help ? $" ([{w.T("audit.finding.help.short")}](<{help.AbsoluteUri}>))" : string.Empty)}\n");
        }

        if (report.Findings.Count > 0)
        {
            sb.Append('\n');
        }

        foreach (var analysis in report.Analyses)
        {
            sb.Append("## ").Append(w.T("audit.by.heading", ("attributes", string.Join(" × ", analysis.Attributes.Select(Escape))))).Append("\n\n");
            sb.Append(ReferenceSentence(analysis, Escape, w, html: false)).Append(' ');
            sb.Append(analysis.Unknown is { } unknown
                ? w.T("audit.unknown", ("count", Count(unknown)))
                : w.T("audit.unreported", ("count", Count(analysis.Unreported))));
            sb.Append("\n\n| ").Append(string.Join(" | ", Columns.Select(c => w.T(c)))).Append(" |\n");
            sb.Append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (var g in analysis.Groups)
            {
                var name = Escape(string.Join(" × ", g.Values)) + (g.IsReference ? $" ({w.T("report.reference")})" : string.Empty) + (g.ExcludedFromImpactRatios ? $" ({Under(report.ExcludeCategoriesBelowShare, w)})" : string.Empty);
                if (g.Suppressed)
                {
                    var why = g.Suppression switch
                    {
                        SuppressionReason.SmallGroup => w.T("audit.suppressed.small", ("k", Count(report.MinGroupSize))),
                        SuppressionReason.EarlierReport => w.T("audit.suppressed.earlier"),
                        _ => w.T("audit.suppressed.withheld"),
                    };
                    sb.Append(CultureInfo.InvariantCulture, $"| {name} | {why} | | | | | | | | | | |\n");
                    continue;
                }

                var flag = g.BelowFourFifths == true ? " ⚠" : string.Empty;
                sb.Append(CultureInfo.InvariantCulture, $"| {name} | {Count(g.N)} | {Count(g.Favourable)} | {Pct(g.SelectionRate)} ({Pct(g.SelectionRateLower)}–{Pct(g.SelectionRateUpper)}) | {Num(g.ImpactRatio)}{flag} | {P(g.FisherP)} | {P(g.FisherPAdjusted)} | {Num(g.Z)} | {Pct(g.ScoringRate)} | {Num(g.ScoringImpactRatio)} | {Num(g.MeanScore)} | {Num(g.HedgesG)} |\n");
            }

            sb.Append('\n');
            if (report.Baseline is { } baseline)
            {
                sb.Append(AuditChangeTable.Sentence(baseline, w)).Append("\n\n| ").Append(string.Join(" | ", AuditChangeTable.Headings(w))).Append(" |\n| --- |");
                sb.Append(string.Concat(Enumerable.Repeat(" ---: |", AuditChangeTable.Columns - 1))).Append('\n');
                foreach (var g in analysis.Groups)
                {
                    var (cells, reason) = AuditChangeTable.Row(g, w);
                    sb.Append("| ").Append(Escape(string.Join(" × ", g.Values))).Append(" | ");
                    sb.Append(cells is null ? reason + string.Concat(Enumerable.Repeat(" |", AuditChangeTable.Columns - 1)) : string.Join(" | ", cells) + " |").Append('\n');
                }

                sb.Append('\n');
            }
        }

        if (report.Paths.Count > 0)
        {
            sb.Append("## ").Append(w.T("audit.paths.heading")).Append("\n\n").Append(w.T("audit.paths.intro")).Append("\n\n");
            sb.Append("| ").Append(string.Join(" | ", PathColumns.Select(c => w.T(c)))).Append(" |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
            foreach (var p in report.Paths)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {Escape(p.Competency)} | {Escape(p.Path)} | {Count(p.Subjects)} | {Pct(p.Share)} | {Num(p.MeanLevel)} | {Num(p.HedgesG)} |\n");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Escapes text for a Markdown table cell or paragraph: it renders as exactly that text, never as a link, markup or a table break (see <see cref="MarkdownText"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string text) => MarkdownText.Escape(text);
}
