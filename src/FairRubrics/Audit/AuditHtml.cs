using System.Globalization;
using System.Net;
using System.Text;
using FairRubrics.Reporting;
using static FairRubrics.Audit.AuditText;

namespace FairRubrics.Audit;

/// <summary>
/// Writes an audit report as one self-contained HTML page (no scripts, fonts or network): findings first, then
/// per analysis an inline SVG chart of selection rates with the four-fifths line and Wilson intervals beside a
/// table, the path mix of multi-path competencies, and path equivalence. Every input-derived string is HTML-encoded.
/// </summary>
public static class AuditHtml
{
    internal const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;color:#1b1f24;line-height:1.45;padding:0 1rem}
        h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
        table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:right}
        th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:600;margin-bottom:.3rem}
        .finding{border-left:4px solid #bf8700;padding:.4rem .8rem;margin:.5rem 0;background:#fff8c5}.finding.error{border-color:#cf222e;background:#ffebe9}
        .finding.info{border-color:#0969da;background:#ddf4ff}.muted{color:#57606a}.pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
        .note{background:#f6f8fa;border:1px solid #d0d7de;padding:.5rem .8rem}svg text{font-size:11px;fill:#1b1f24}.finding,code{overflow-wrap:anywhere}
        @media print{body{margin:0;max-width:none}.pair{display:block}}
        """ + HtmlTables.Style;

    /// <summary>Renders the report as HTML with English labels.</summary>
    /// <param name="report">The report.</param>
    /// <param name="title">The page title.</param>
    /// <param name="notes">Paragraphs shown under the title (e.g. "The data is synthetic"); encoded.</param>
    /// <param name="helpBaseUri">Where the FairRubrics <c>docs/</c> folder is published (see <see cref="Checks.HelpLinks"/>); findings link their help page there. Without it, findings name their check id and no link is written.</param>
    /// <returns>The page.</returns>
    public static string Render(AuditReport report, string title = "Outcome audit", IEnumerable<string>? notes = null, Uri? helpBaseUri = null) =>
        Render(report, new ReportOptions { Title = title, Notes = [.. notes ?? []], HelpBaseUri = helpBaseUri });

    /// <summary>
    /// Renders the report as HTML with its labels in a language (<see cref="ReportOptions.Locale"/>) and the page's
    /// <c>lang</c> set to it; a label or locale without a translation is English, with a note saying so.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The language, title, notes and help links.</param>
    /// <returns>The page.</returns>
    public static string Render(AuditReport report, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var w = ReportWords.For(options, "audit.");
        var title = options.Title is { } given ? E(given)
            : report.Rubric is null ? w.Html("audit.title") : w.Html("audit.title.of", ("rubric", E(report.Rubric)));
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(w.Lang)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        sb.Append("<title>").Append(title).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        sb.Append("<h1>").Append(title).Append("</h1>\n");
        foreach (var note in w.FallbackNotes.Select(ReportWords.Encode).Concat(options.Notes.Select(E)))
        {
            sb.Append("<p class=\"note\">").Append(note).Append("</p>\n");
        }

        sb.Append(Body(report, options.HelpBaseUri, "audit-", w));
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>Renders the report's sections without the page around them, for embedding in a larger page.</summary>
    /// <param name="report">The report.</param>
    /// <param name="helpBaseUri">Where the FairRubrics <c>docs/</c> folder is published; without it no help links are written.</param>
    /// <returns>HTML.</returns>
    public static string Body(AuditReport report, Uri? helpBaseUri = null) => Body(report, helpBaseUri, "audit-");

    /// <summary>Renders the report's sections without the page around them, for embedding in a larger page that may hold several reports.</summary>
    /// <param name="report">The report.</param>
    /// <param name="helpBaseUri">Where the FairRubrics <c>docs/</c> folder is published; without it no help links are written.</param>
    /// <param name="idPrefix">Starts every element id the sections write (the tables' captions), e.g. <c>legacy-</c>; give each report on a page its own.</param>
    /// <returns>HTML.</returns>
    public static string Body(AuditReport report, Uri? helpBaseUri, string idPrefix) => Body(report, helpBaseUri, idPrefix, ReportWords.English);

    private static string Body(AuditReport report, Uri? helpBaseUri, string idPrefix, ReportWords w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(idPrefix);
        var tables = new HtmlTables(idPrefix);
        var sb = new StringBuilder();
        sb.Append("<p>").Append(w.Html("audit.summary.results", ("subjects", Count(report.Subjects)), ("scored", Count(report.Scored)), ("insufficient", Count(report.InsufficientEvidence))));
        sb.Append(' ').Append(w.Html("audit.summary.favourable", ("bands", E(string.Join(", ", report.Favourable)))));
        sb.Append(' ').Append(w.Html("audit.summary.median", ("median", Num(report.MedianScore))));
        sb.Append(' ').Append(w.Html("audit.summary.small-groups.withheld", ("k", Count(report.MinGroupSize))));
        sb.Append(' ').Append(ReportWords.Encode(AdjustmentSentence(report.PValueAdjustment, w))).Append("</p>\n");
        sb.Append("<h2>").Append(w.Html("audit.findings.heading")).Append("</h2>\n");
        if (report.Findings.Count == 0)
        {
            sb.Append("<p>").Append(w.Html("audit.findings.none")).Append("</p>\n");
        }

        foreach (var f in report.Findings)
        {
            var severity = f.Severity.ToString().ToLowerInvariant();
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"finding {severity}\"><strong>{ReportWords.Encode(w.Severity(f.Severity))} {E(f.Id)}</strong> — {E(f.Message)}{(Checks.HelpLinks.ForBuiltInId(f.Id, helpBaseUri) is { } help ? $" <a href=\"{E(help.AbsoluteUri)}\">{w.Html("audit.finding.help")}</a>" : string.Empty)}</div>\n");
        }

        foreach (var analysis in report.Analyses)
        {
            var name = string.Join(" × ", analysis.Attributes);
            sb.Append("<h2>").Append(w.Html("audit.by.heading", ("attributes", E(name)))).Append("</h2>\n");
            sb.Append("<p class=\"muted\">").Append(ReferenceSentence(analysis, E, w, html: true)).Append(' ');
            sb.Append(analysis.Unknown is { } unknown
                ? w.Html("audit.unknown", ("count", Count(unknown)))
                : w.Html("audit.unreported", ("count", Count(analysis.Unreported))));
            sb.Append("</p>\n<div class=\"pair\">");
            sb.Append(Chart(analysis, name, w));
            sb.Append(Table(analysis, report.MinGroupSize, report.ExcludeCategoriesBelowShare, name, tables, w));
            sb.Append("</div>\n");
            if (report.Baseline is { } baseline)
            {
                sb.Append(ChangeTable(analysis, baseline, name, tables, w));
            }

            sb.Append(PathMix(analysis, name, tables, w));
        }

        if (report.Paths.Count > 0)
        {
            sb.Append("<h2>").Append(w.Html("audit.paths.heading")).Append("</h2>\n");
            HtmlTables.CloseCaption(tables.Open(sb).Append(w.Html("audit.paths.caption"))).Append("<thead><tr>");
            foreach (var column in AuditMarkdown.PathColumns)
            {
                sb.Append("<th>").Append(w.Html(column)).Append("</th>");
            }

            sb.Append("</tr></thead><tbody>");
            foreach (var p in report.Paths)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.Competency)}</td><td>{E(p.Path)}</td><td>{Count(p.Subjects)}</td><td>{Pct(p.Share)}</td><td>{Num(p.MeanLevel)}</td><td>{Num(p.HedgesG)}</td></tr>");
            }

            HtmlTables.Close(sb.Append("</tbody>")).Append('\n');
        }

        return sb.ToString();
    }

    private static string Chart(AuditAnalysis analysis, string name, ReportWords w)
    {
        var groups = analysis.Groups.ToList();
        const int rowHeight = 26, left = 150, width = 320, top = 24;
        var height = top + (groups.Count * rowHeight) + 24;
        var reference = groups.FirstOrDefault(g => g.IsReference);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{w.Html("audit.chart.label", ("attributes", E(name)))}\" width=\"{left + width + 60}\" height=\"{height}\" viewBox=\"0 0 {left + width + 60} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{w.Html("audit.chart.title", ("attributes", E(name)))}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"14\">{w.Html("audit.chart.axis")}</text>");
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var y = top + (i * rowHeight);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(Truncate(string.Join(" × ", g.Values), 24))}</text>");
            if (g.Suppressed || g.SelectionRate is null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 4}\" y=\"{y + 15}\" class=\"muted\" fill=\"#57606a\">{w.Html("audit.chart.not-reported")}</text>");
                continue;
            }

            var colour = g.BelowFourFifths == true ? "#cf222e" : g.IsReference ? "#0969da" : "#54aeff";
            var barWidth = g.SelectionRate.Value * width;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{F(barWidth)}\" height=\"14\" fill=\"{colour}\"><title>{E(string.Join(" × ", g.Values))}: {Pct(g.SelectionRate)}</title></rect>");
            if (g.SelectionRateLower is { } lo && g.SelectionRateUpper is { } hi)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(left + (lo * width))}\" x2=\"{F(left + (hi * width))}\" y1=\"{y + 11}\" y2=\"{y + 11}\" stroke=\"#1b1f24\" stroke-width=\"1.5\"/>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + width + 6}\" y=\"{y + 15}\">{Pct(g.SelectionRate)}</text>");
        }

        if (reference?.SelectionRate is { } refRate)
        {
            var x = left + (0.8 * refRate * width);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"{top - 4}\" y2=\"{height - 18}\" stroke=\"#bf8700\" stroke-dasharray=\"4 3\" stroke-width=\"2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 3)}\" y=\"{height - 6}\">{w.Html("audit.chart.four-fifths")}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Table(AuditAnalysis analysis, int k, double? share, string name, HtmlTables tables, ReportWords w)
    {
        var sb = new StringBuilder();
        HtmlTables.CloseCaption(tables.Open(sb).Append(w.Html("audit.table.caption", ("attributes", E(name)))));
        sb.Append("<thead><tr>");
        foreach (var column in AuditMarkdown.Columns.Where(c => c != "audit.column.z"))
        {
            sb.Append("<th>").Append(w.Html(column)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var g in analysis.Groups)
        {
            var label = E(string.Join(" × ", g.Values)) + (g.IsReference ? $" <em>({w.Html("report.reference")})</em>" : string.Empty) + (g.ExcludedFromImpactRatios ? $" <em>({ReportWords.Encode(Under(share, w))})</em>" : string.Empty);
            if (g.Suppressed)
            {
                var why = g.Suppression switch
                {
                    SuppressionReason.SmallGroup => w.Html("audit.suppressed.small", ("k", k.ToString(CultureInfo.InvariantCulture))),
                    SuppressionReason.EarlierReport => w.Html("audit.suppressed.earlier"),
                    _ => w.Html("audit.suppressed.withheld"),
                };
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{label}</td><td colspan=\"10\" class=\"muted\">{why}</td></tr>");
                continue;
            }

            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{label}</td><td>{Count(g.N)}</td><td>{Count(g.Favourable)}</td><td>{Pct(g.SelectionRate)} ({Pct(g.SelectionRateLower)}–{Pct(g.SelectionRateUpper)})</td><td>{Num(g.ImpactRatio)}{(g.BelowFourFifths == true ? " ⚠" : string.Empty)}</td><td>{E(P(g.FisherP))}</td><td>{E(P(g.FisherPAdjusted))}</td><td>{Pct(g.ScoringRate)}</td><td>{Num(g.ScoringImpactRatio)}</td><td>{Num(g.MeanScore)}</td><td>{Num(g.HedgesG)}</td></tr>");
        }

        HtmlTables.Close(sb.Append("</tbody>"));
        return sb.ToString();
    }

    /// <summary>Both cycles side by side: the earlier cycle's n, rate and impact ratio, this cycle's, and the change with its tests.</summary>
    private static string ChangeTable(AuditAnalysis analysis, PublishedAudit baseline, string name, HtmlTables tables, ReportWords w)
    {
        var sb = new StringBuilder();
        HtmlTables.CloseCaption(tables.Open(sb).Append(w.Html("audit.change.caption", ("attributes", E(name)))))
            .Append(CultureInfo.InvariantCulture, $"<thead><tr><th rowspan=\"2\">{w.Html("audit.column.group")}</th><th colspan=\"3\">{w.Html("audit.change.earlier")}</th><th colspan=\"3\">{w.Html("audit.change.now")}</th><th colspan=\"4\">{w.Html("audit.change.change")}</th></tr><tr>");
        foreach (var heading in AuditChangeTable.ShortHeadings(w))
        {
            sb.Append("<th>").Append(ReportWords.Encode(heading)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var g in analysis.Groups)
        {
            var (cells, reason) = AuditChangeTable.Row(g, w);
            sb.Append("<tr><td>").Append(E(string.Join(" × ", g.Values))).Append("</td>");
            sb.Append(cells is null
                ? $"<td colspan=\"{AuditChangeTable.Columns - 1}\" class=\"muted\">{ReportWords.Encode(reason!)}</td>"
                : string.Concat(cells.Select(c => "<td>" + E(c) + "</td>")));
            sb.Append("</tr>");
        }

        HtmlTables.Close(sb.Append("</tbody>")).Append("\n<p class=\"muted\">").Append(ReportWords.Encode(AuditChangeTable.Sentence(baseline, w))).Append("</p>\n");
        return sb.ToString();
    }

    private static string PathMix(AuditAnalysis analysis, string name, HtmlTables tables, ReportWords w)
    {
        var reported = analysis.Groups.Where(g => !g.Suppressed && g.PathMix.Count > 0).ToList();
        if (reported.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var competency in reported[0].PathMix.Select(p => p.Competency).Distinct(StringComparer.Ordinal))
        {
            var paths = reported[0].PathMix.Where(p => p.Competency == competency).Select(p => p.Path).ToList();
            HtmlTables.CloseCaption(tables.Open(sb).Append(w.Html("audit.path-mix.caption", ("attributes", E(name)), ("competency", E(competency))))).Append("<thead><tr><th>").Append(w.Html("audit.column.group")).Append("</th>");
            foreach (var path in paths)
            {
                sb.Append("<th>").Append(E(path)).Append("</th>");
            }

            sb.Append("</tr></thead><tbody>");
            foreach (var g in reported)
            {
                sb.Append("<tr><td>").Append(E(string.Join(" × ", g.Values))).Append("</td>");
                foreach (var path in paths)
                {
                    var share = g.PathMix.FirstOrDefault(p => p.Competency == competency && p.Path == path)?.Share;
                    sb.Append("<td>").Append(Pct(share)).Append("</td>");
                }

                sb.Append("</tr>");
            }

            HtmlTables.Close(sb.Append("</tbody>")).Append('\n');
        }

        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
