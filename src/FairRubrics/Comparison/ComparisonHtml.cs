using System.Globalization;
using System.Net;
using System.Text;
using FairRubrics.Audit;
using FairRubrics.Reporting;

namespace FairRubrics.Comparison;

/// <summary>Renders a comparison as one self-contained HTML page (no scripts): the transition matrix, each group's rates before and after with the change highlighted, the design diff and the competencies.</summary>
public static class ComparisonHtml
{
    private const string Extra = ".up{color:#1a7f37;font-weight:600}.down{color:#cf222e;font-weight:600}td.moved{background:#fff8c5;font-weight:600}"
        + "ul.design li{margin:.3rem 0}";

    /// <summary>Renders the comparison with English labels.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="title">The page title; null for "What changes from … to …".</param>
    /// <returns>The page.</returns>
    public static string Render(RubricComparison comparison, string? title = null) => Render(comparison, new ReportOptions { Title = title });

    /// <summary>
    /// Renders the comparison with its labels in a language (<see cref="ReportOptions.Locale"/>) and the page's
    /// <c>lang</c> set to it; a label or locale without a translation is English, with a note saying so.
    /// </summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="options">The language and title (null: "What changes from … to …" in the language); notes and help links are not used.</param>
    /// <returns>The page.</returns>
    public static string Render(RubricComparison comparison, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(options);
        var w = ReportWords.For(options, "compare.");
        var title = options.Title ?? ComparisonText.Title(comparison, w);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(w.Lang)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        sb.Append("<title>").Append(Title(title, options)).Append("</title><style>").Append(AuditHtml.Style).Append(Extra).Append("</style></head><body>\n");
        sb.Append("<h1>").Append(Title(title, options)).Append("</h1>\n");
        foreach (var note in w.FallbackNotes)
        {
            sb.Append("<p class=\"note\">").Append(ReportWords.Encode(note)).Append("</p>\n");
        }

        sb.Append(Body(comparison, w));
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>Renders the comparison's sections without the page around them, for embedding in a larger page.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>HTML.</returns>
    public static string Body(RubricComparison comparison) => Body(comparison, ReportWords.English);

    private static string Body(RubricComparison comparison, ReportWords w)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var tables = new HtmlTables("compare-");
        var sb = new StringBuilder();
        sb.Append("<p>").Append(w.Html("compare.summary", ("people", ComparisonText.Count(comparison.Subjects)), ("changed", "<strong>" + ComparisonText.Count(comparison.Changed) + "</strong>"))).Append("</p>\n");
        foreach (var note in comparison.Notes)
        {
            sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        sb.Append("<h2>").Append(w.Html("compare.moves.heading")).Append("</h2>\n");
        HtmlTables.CloseCaption(tables.Open(sb).Append(w.Html("compare.moves.caption"))).Append("<thead><tr><th scope=\"col\">").Append(w.Html("compare.moves.corner")).Append("</th>");
        var (rows, columns, cells) = ComparisonText.Matrix(comparison);
        foreach (var c in columns)
        {
            sb.Append("<th scope=\"col\">").Append(E(ComparisonText.Band(c, w))).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(ComparisonText.Band(r, w))).Append("</th>");
            foreach (var c in columns)
            {
                var n = cells.GetValueOrDefault((r, c));
                var moved = n > 0 && !string.Equals(r, c, StringComparison.Ordinal);
                sb.Append(moved ? "<td class=\"moved\">" : "<td>").Append(ComparisonText.Count(n)).Append("</td>");
            }

            sb.Append("</tr>");
        }

        HtmlTables.Close(sb.Append("</tbody>")).Append('\n');
        foreach (var analysis in comparison.Analyses)
        {
            Analysis(sb, comparison, analysis, tables, w);
        }

        if (comparison.IntroducedAdverseImpact.Count > 0)
        {
            sb.Append("<h2>").Append(w.Html("compare.adverse.heading")).Append("</h2>\n<ul>");
            foreach (var f in comparison.IntroducedAdverseImpact)
            {
                sb.Append("<li><strong>").Append(E(string.Join(" × ", f.Values))).Append("</strong>: ").Append(E(f.Message)).Append("</li>");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("<h2>").Append(w.Html("compare.design.heading")).Append("</h2>\n");
        Design(sb, w.Html("compare.design.introduced"), comparison.Design.Introduced, w);
        Design(sb, w.Html("compare.design.fixed"), comparison.Design.Fixed, w);
        sb.Append("<h2>").Append(w.Html("compare.competencies.heading")).Append("</h2>\n");
        HtmlTables.CloseCaption(tables.Open(sb).Append(w.Html("compare.competencies.caption"))).Append("<thead><tr>");
        foreach (var column in ComparisonText.CompetencyColumns)
        {
            sb.Append("<th scope=\"col\">").Append(w.Html(column)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var c in comparison.Competencies)
        {
            var name = c.Competency + (c.InFrom && c.InTo ? string.Empty : c.InFrom ? $" ({w.T("compare.competency.removed")})" : $" ({w.T("compare.competency.new")})");
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(name)}</th><td>{ComparisonText.Count(c.Rose)}</td><td>{ComparisonText.Count(c.Fell)}</td><td>{E(ComparisonText.Paths(c.RoseThrough, w))}</td><td>{E(ComparisonText.Paths(c.FellFrom, w))}</td></tr>");
        }

        HtmlTables.Close(sb.Append("</tbody>")).Append('\n');
        return sb.ToString();
    }

    private static void Analysis(StringBuilder sb, RubricComparison comparison, ComparisonAnalysis analysis, HtmlTables tables, ReportWords w)
    {
        var name = string.Join(" × ", analysis.Attributes);
        sb.Append("<h2>").Append(w.Html("compare.outcomes.heading", ("attributes", E(name)))).Append("</h2>\n");
        sb.Append("<p>").Append(w.Html("compare.outcomes.favourable", ("from", E(string.Join(", ", comparison.FromFavourable))), ("to", E(string.Join(", ", comparison.ToFavourable))), ("k", comparison.MinGroupSize.ToString(CultureInfo.InvariantCulture)))).Append("</p>\n");
        HtmlTables.CloseCaption(tables.Open(sb).Append(w.Html("compare.outcomes.caption", ("attributes", E(name))))).Append("<thead><tr>");
        foreach (var h in ComparisonText.OutcomeColumns)
        {
            sb.Append("<th scope=\"col\">").Append(w.Html(h)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var g in analysis.Groups)
        {
            var group = E(string.Join(" × ", g.Values));
            if (g.Suppressed)
            {
                sb.Append("<tr><th scope=\"row\">").Append(group).Append("</th><td colspan=\"9\">").Append(w.Html("compare.suppressed")).Append("</td></tr>");
                continue;
            }

            var change = ComparisonText.Change(g);
            var css = change.StartsWith('+') ? "up" : change.StartsWith('−') ? "down" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{group}</th><td>{ComparisonText.Count(g.N!.Value)}</td><td>{AuditText.Pct(g.From!.SelectionRate)}</td><td>{AuditText.Pct(g.To!.SelectionRate)}</td>");
            sb.Append(css.Length == 0 ? "<td>" : $"<td class=\"{css}\">").Append(change).Append("</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{Ratio(g.From, w)}</td><td>{Ratio(g.To, w)}</td><td>{ComparisonText.Count(g.Gained!.Value)}</td><td>{ComparisonText.Count(g.Lost!.Value)}</td><td>{ComparisonText.P(g.McNemarP)}</td></tr>");
        }

        HtmlTables.Close(sb.Append("</tbody>")).Append('\n');
        if (analysis.Unreported is { } unreported)
        {
            sb.Append("<p class=\"muted\">").Append(w.Html("compare.unreported", ("count", ComparisonText.Count(unreported)))).Append("</p>\n");
        }
    }

    /// <summary>A list of design changes under a heading (HTML already).</summary>
    private static void Design(StringBuilder sb, string heading, IReadOnlyList<DesignChange> changes, ReportWords w)
    {
        sb.Append("<h3>").Append(heading).Append("</h3>\n");
        if (changes.Count == 0)
        {
            sb.Append("<p>").Append(w.Html("compare.design.none")).Append("</p>\n");
            return;
        }

        sb.Append("<ul class=\"design\">");
        foreach (var d in changes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li class=\"finding {d.Severity.ToString().ToLowerInvariant()}\"><strong>{E(d.Id)}</strong> ({ReportWords.Encode(w.Severity(d.Severity))}){(d.At is null ? string.Empty : " " + w.Html("compare.design.at") + " <code>" + E(d.At) + "</code>")}: {E(d.Message)}</li>");
        }

        sb.Append("</ul>\n");
    }

    private static string Ratio(SideOutcome side, ReportWords w) => AuditText.Num(side.ImpactRatio)
        + (side.IsReference ? $" ({w.Html("report.reference")})" : side.BelowFourFifths == true ? $" <span aria-label=\"{w.Html("compare.below-four-fifths")}\">⚠</span>" : string.Empty);

    /// <summary>A title given by the caller is encoded as a whole; the default one is the label with its rubric ids and versions.</summary>
    private static string Title(string title, ReportOptions options) => options.Title is null ? ReportWords.Encode(title) : E(title);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
