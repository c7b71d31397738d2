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

    /// <summary>Renders the report as HTML.</summary>
    /// <param name="report">The report.</param>
    /// <param name="title">The page title.</param>
    /// <param name="notes">Paragraphs shown under the title (e.g. "The data is synthetic"); encoded.</param>
    /// <param name="helpBaseUri">Where the FairRubrics <c>docs/</c> folder is published (see <see cref="Checks.HelpLinks"/>); findings link their help page there. Without it, findings name their check id and no link is written.</param>
    /// <returns>The page.</returns>
    public static string Render(AuditReport report, string title = "Outcome audit", IEnumerable<string>? notes = null, Uri? helpBaseUri = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        sb.Append("<title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        sb.Append("<h1>").Append(E(title)).Append("</h1>\n");
        foreach (var note in notes ?? [])
        {
            sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        sb.Append(Body(report, helpBaseUri));
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
    public static string Body(AuditReport report, Uri? helpBaseUri, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(idPrefix);
        var tables = new HtmlTables(idPrefix);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<p>{Count(report.Subjects)} results: {Count(report.Scored)} scored, {Count(report.InsufficientEvidence)} with insufficient evidence. Favourable bands: {E(string.Join(", ", report.Favourable))}. Median overall score: {Num(report.MedianScore)}. Groups with fewer than {Count(report.MinGroupSize)} people are not reported, and other figures are withheld where they would reveal them. {E(AdjustmentSentence(report.PValueAdjustment))}</p>\n");
        sb.Append("<h2>Findings</h2>\n");
        if (report.Findings.Count == 0)
        {
            sb.Append("<p>No findings.</p>\n");
        }

        foreach (var f in report.Findings)
        {
            var severity = f.Severity.ToString().ToLowerInvariant();
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"finding {severity}\"><strong>{severity} {E(f.Id)}</strong> — {E(f.Message)}{(Checks.HelpLinks.ForBuiltInId(f.Id, helpBaseUri) is { } help ? $" <a href=\"{E(help.AbsoluteUri)}\">What this means</a>" : string.Empty)}</div>\n");
        }

        foreach (var analysis in report.Analyses)
        {
            var name = string.Join(" × ", analysis.Attributes);
            sb.Append("<h2>By ").Append(E(name)).Append("</h2>\n");
            sb.Append("<p class=\"muted\">").Append(ReferenceSentence(analysis, E));
            sb.Append(analysis.Unknown is { } unknown
                ? string.Create(CultureInfo.InvariantCulture, $" Unknown: {Count(unknown)}.")
                : string.Create(CultureInfo.InvariantCulture, $" Not reported (small groups and unknown values together): {Count(analysis.Unreported)}."));
            sb.Append("</p>\n<div class=\"pair\">");
            sb.Append(Chart(analysis, name));
            sb.Append(Table(analysis, report.MinGroupSize, report.ExcludeCategoriesBelowShare, name, tables));
            sb.Append("</div>\n");
            if (report.Baseline is { } baseline)
            {
                sb.Append(ChangeTable(analysis, baseline, name, tables));
            }

            sb.Append(PathMix(analysis, name, tables));
        }

        if (report.Paths.Count > 0)
        {
            sb.Append("<h2>Path equivalence</h2>\n");
            HtmlTables.CloseCaption(tables.Open(sb).Append("How people who reach a competency through each path score (everyone)")).Append("<thead><tr><th>competency</th><th>path</th><th>people</th><th>share</th><th>mean level</th><th>Hedges' g vs other paths</th></tr></thead><tbody>");
            foreach (var p in report.Paths)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.Competency)}</td><td>{E(p.Path)}</td><td>{Count(p.Subjects)}</td><td>{Pct(p.Share)}</td><td>{Num(p.MeanLevel)}</td><td>{Num(p.HedgesG)}</td></tr>");
            }

            HtmlTables.Close(sb.Append("</tbody>")).Append('\n');
        }

        return sb.ToString();
    }

    private static string Chart(AuditAnalysis analysis, string name)
    {
        var groups = analysis.Groups.ToList();
        const int rowHeight = 26, left = 150, width = 320, top = 24;
        var height = top + (groups.Count * rowHeight) + 24;
        var reference = groups.FirstOrDefault(g => g.IsReference);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"Selection rate by {E(name)}\" width=\"{left + width + 60}\" height=\"{height}\" viewBox=\"0 0 {left + width + 60} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>Selection rate by {E(name)}, with 95% Wilson intervals and the four-fifths line</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"14\">selection rate (0–100%)</text>");
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var y = top + (i * rowHeight);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(Truncate(string.Join(" × ", g.Values), 24))}</text>");
            if (g.Suppressed || g.SelectionRate is null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 4}\" y=\"{y + 15}\" class=\"muted\" fill=\"#57606a\">not reported</text>");
                continue;
            }

            var colour = g.BelowFourFifths == true ? "#cf222e" : g.IsReference ? "#0969da" : "#54aeff";
            var w = g.SelectionRate.Value * width;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{F(w)}\" height=\"14\" fill=\"{colour}\"><title>{E(string.Join(" × ", g.Values))}: {Pct(g.SelectionRate)}</title></rect>");
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
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 3)}\" y=\"{height - 6}\">four fifths of the reference rate</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Table(AuditAnalysis analysis, int k, double? share, string name, HtmlTables tables)
    {
        var sb = new StringBuilder();
        HtmlTables.CloseCaption(tables.Open(sb).Append("Outcomes by ").Append(E(name)));
        sb.Append(CultureInfo.InvariantCulture, $"<thead><tr><th>group</th><th>n</th><th>favourable</th><th>selection rate (95% CI)</th><th>impact ratio</th><th>Fisher p</th><th>adjusted p</th><th>scoring rate</th><th>scoring IR</th><th>mean score</th><th>Hedges' g</th></tr></thead><tbody>");
        foreach (var g in analysis.Groups)
        {
            var label = E(string.Join(" × ", g.Values)) + (g.IsReference ? " <em>(reference)</em>" : string.Empty) + (g.ExcludedFromImpactRatios ? $" <em>({Under(share)})</em>" : string.Empty);
            if (g.Suppressed)
            {
                var why = g.Suppression switch
                {
                    SuppressionReason.SmallGroup => $"fewer than {k}",
                    SuppressionReason.EarlierReport => "withheld as in the earlier report",
                    _ => "withheld to protect a small group",
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
    private static string ChangeTable(AuditAnalysis analysis, PublishedAudit baseline, string name, HtmlTables tables)
    {
        var sb = new StringBuilder();
        HtmlTables.CloseCaption(tables.Open(sb).Append(CultureInfo.InvariantCulture, $"Outcomes by {E(name)}, earlier cycle and now")).Append("<thead><tr><th rowspan=\"2\">group</th><th colspan=\"3\">earlier cycle</th><th colspan=\"3\">this cycle</th><th colspan=\"4\">change</th></tr><tr>");
        foreach (var heading in AuditChangeTable.Headings.Skip(1))
        {
            sb.Append("<th>").Append(E(heading.Replace(" then", string.Empty, StringComparison.Ordinal).Replace(" now", string.Empty, StringComparison.Ordinal))).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var g in analysis.Groups)
        {
            var (cells, reason) = AuditChangeTable.Row(g);
            sb.Append("<tr><td>").Append(E(string.Join(" × ", g.Values))).Append("</td>");
            sb.Append(cells is null
                ? $"<td colspan=\"{AuditChangeTable.Headings.Length - 1}\" class=\"muted\">{E(reason!)}</td>"
                : string.Concat(cells.Select(c => "<td>" + E(c) + "</td>")));
            sb.Append("</tr>");
        }

        HtmlTables.Close(sb.Append("</tbody>")).Append("\n<p class=\"muted\">").Append(E(AuditChangeTable.Sentence(baseline))).Append("</p>\n");
        return sb.ToString();
    }

    private static string PathMix(AuditAnalysis analysis, string name, HtmlTables tables)
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
            HtmlTables.CloseCaption(tables.Open(sb).Append(CultureInfo.InvariantCulture, $"How each {E(name)} group reaches '{E(competency)}' (share of people by winning path)")).Append("<thead><tr><th>group</th>");
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
