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

    /// <summary>Renders the comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="title">The page title; null for "What changes from … to …".</param>
    /// <returns>The page.</returns>
    public static string Render(RubricComparison comparison, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        title ??= $"What changes from {comparison.From.Rubric} {comparison.From.Version} to {comparison.To.Rubric} {comparison.To.Version}";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        sb.Append("<title>").Append(E(title)).Append("</title><style>").Append(AuditHtml.Style).Append(Extra).Append("</style></head><body>\n");
        sb.Append("<h1>").Append(E(title)).Append("</h1>\n");
        sb.Append(Body(comparison));
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>Renders the comparison's sections without the page around them, for embedding in a larger page.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>HTML.</returns>
    public static string Body(RubricComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var tables = new HtmlTables("compare-");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<p>{ComparisonText.Count(comparison.Subjects)} people scored with both rubrics on the same evidence; <strong>{ComparisonText.Count(comparison.Changed)}</strong> change band.</p>\n");
        foreach (var note in comparison.Notes)
        {
            sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        sb.Append("<h2>Who moves</h2>\n");
        HtmlTables.CloseCaption(tables.Open(sb).Append("People by band before (rows) and after (columns); moves highlighted")).Append("<thead><tr><th scope=\"col\">before \\ after</th>");
        var (rows, columns, cells) = ComparisonText.Matrix(comparison);
        foreach (var c in columns)
        {
            sb.Append("<th scope=\"col\">").Append(E(ComparisonText.Band(c))).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(ComparisonText.Band(r))).Append("</th>");
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
            Analysis(sb, comparison, analysis, tables);
        }

        if (comparison.IntroducedAdverseImpact.Count > 0)
        {
            sb.Append("<h2>Adverse impact the change introduces</h2>\n<ul>");
            foreach (var f in comparison.IntroducedAdverseImpact)
            {
                sb.Append("<li><strong>").Append(E(string.Join(" × ", f.Values))).Append("</strong>: ").Append(E(f.Message)).Append("</li>");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("<h2>Design findings</h2>\n");
        Design(sb, "Introduced by the change", comparison.Design.Introduced);
        Design(sb, "Fixed by the change", comparison.Design.Fixed);
        sb.Append("<h2>Competencies</h2>\n");
        HtmlTables.CloseCaption(tables.Open(sb).Append("Whose competency level rose or fell, and through which paths")).Append("<thead><tr><th scope=\"col\">competency</th><th scope=\"col\">rose</th><th scope=\"col\">fell</th><th scope=\"col\">rose through</th><th scope=\"col\">fell from</th></tr></thead><tbody>");
        foreach (var c in comparison.Competencies)
        {
            var name = c.Competency + (c.InFrom && c.InTo ? string.Empty : c.InFrom ? " (removed)" : " (new)");
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(name)}</th><td>{ComparisonText.Count(c.Rose)}</td><td>{ComparisonText.Count(c.Fell)}</td><td>{E(ComparisonText.Paths(c.RoseThrough))}</td><td>{E(ComparisonText.Paths(c.FellFrom))}</td></tr>");
        }

        HtmlTables.Close(sb.Append("</tbody>")).Append('\n');
        return sb.ToString();
    }

    private static void Analysis(StringBuilder sb, RubricComparison comparison, ComparisonAnalysis analysis, HtmlTables tables)
    {
        var name = string.Join(" × ", analysis.Attributes);
        sb.Append("<h2>Outcomes by ").Append(E(name)).Append("</h2>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p>Favourable: {E(string.Join(", ", comparison.FromFavourable))} (before), {E(string.Join(", ", comparison.ToFavourable))} (after); insufficient evidence counts as not favourable. Groups with fewer than {comparison.MinGroupSize} people are not reported, and other groups are withheld where they would reveal them.</p>\n");
        HtmlTables.CloseCaption(tables.Open(sb).Append("Selection rate by ").Append(E(name)).Append(" before and after")).Append("<thead><tr>");
        foreach (var h in (string[])["group", "n", "rate before", "rate after", "change", "impact ratio before", "impact ratio after", "gained", "lost", "McNemar p"])
        {
            sb.Append("<th scope=\"col\">").Append(h).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var g in analysis.Groups)
        {
            var group = E(string.Join(" × ", g.Values));
            if (g.Suppressed)
            {
                sb.Append("<tr><th scope=\"row\">").Append(group).Append("</th><td colspan=\"9\">suppressed (small group, or to protect one)</td></tr>");
                continue;
            }

            var change = ComparisonText.Change(g);
            var css = change.StartsWith('+') ? "up" : change.StartsWith('−') ? "down" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{group}</th><td>{ComparisonText.Count(g.N!.Value)}</td><td>{AuditText.Pct(g.From!.SelectionRate)}</td><td>{AuditText.Pct(g.To!.SelectionRate)}</td>");
            sb.Append(css.Length == 0 ? "<td>" : $"<td class=\"{css}\">").Append(change).Append("</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{Ratio(g.From)}</td><td>{Ratio(g.To)}</td><td>{ComparisonText.Count(g.Gained!.Value)}</td><td>{ComparisonText.Count(g.Lost!.Value)}</td><td>{ComparisonText.P(g.McNemarP)}</td></tr>");
        }

        HtmlTables.Close(sb.Append("</tbody>")).Append('\n');
        if (analysis.Unreported is { } unreported)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Not in a reported group (suppressed or unknown): {ComparisonText.Count(unreported)}.</p>\n");
        }
    }

    private static void Design(StringBuilder sb, string heading, IReadOnlyList<DesignChange> changes)
    {
        sb.Append("<h3>").Append(E(heading)).Append("</h3>\n");
        if (changes.Count == 0)
        {
            sb.Append("<p>None.</p>\n");
            return;
        }

        sb.Append("<ul class=\"design\">");
        foreach (var d in changes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li class=\"finding {d.Severity.ToString().ToLowerInvariant()}\"><strong>{E(d.Id)}</strong> ({d.Severity.ToString().ToLowerInvariant()}){(d.At is null ? string.Empty : " at <code>" + E(d.At) + "</code>")}: {E(d.Message)}</li>");
        }

        sb.Append("</ul>\n");
    }

    private static string Ratio(SideOutcome side) => AuditText.Num(side.ImpactRatio) + (side.IsReference ? " (reference)" : side.BelowFourFifths == true ? " <span aria-label=\"below four fifths\">⚠</span>" : string.Empty);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
