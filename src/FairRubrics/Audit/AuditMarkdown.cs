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
    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="title">The document title.</param>
    /// <param name="helpBaseUri">Where the FairRubrics <c>docs/</c> folder is published (see <see cref="Checks.HelpLinks"/>); findings link their help page there. Without it no help links are written.</param>
    /// <returns>The Markdown.</returns>
    public static string Render(AuditReport report, string title = "Outcome audit", Uri? helpBaseUri = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(title)).Append("\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{Count(report.Subjects)} results: {Count(report.Scored)} scored, {Count(report.InsufficientEvidence)} with insufficient evidence. ");
        sb.Append(CultureInfo.InvariantCulture, $"Favourable bands: {(report.Favourable.Count == 0 ? "none" : string.Join(", ", report.Favourable.Select(Escape)))}. ");
        sb.Append(CultureInfo.InvariantCulture, $"Median overall score: {Num(report.MedianScore)}. Groups with fewer than {Count(report.MinGroupSize)} people are not reported. {AdjustmentSentence(report.PValueAdjustment)}\n\n");

        sb.Append("## Findings\n\n");
        if (report.Findings.Count == 0)
        {
            sb.Append("No findings.\n\n");
        }

        foreach (var f in report.Findings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- **{f.Severity.ToString().ToLowerInvariant()} {Escape(f.Id)}** — {Escape(f.Message)}{(Checks.HelpLinks.ForBuiltInId(f.Id, helpBaseUri) is { } help ? $" ([help](<{help.AbsoluteUri}>))" : string.Empty)}\n");
        }

        if (report.Findings.Count > 0)
        {
            sb.Append('\n');
        }

        foreach (var analysis in report.Analyses)
        {
            sb.Append("## By ").Append(string.Join(" × ", analysis.Attributes.Select(Escape))).Append("\n\n");
            sb.Append(ReferenceSentence(analysis, Escape)).Append(' ');
            sb.Append(analysis.Unknown is { } unknown
                ? string.Create(CultureInfo.InvariantCulture, $"Unknown: {Count(unknown)}.")
                : string.Create(CultureInfo.InvariantCulture, $"Not reported (small groups and unknown values together): {Count(analysis.Unreported)}."));
            sb.Append("\n\n| group | n | favourable | selection rate (95% CI) | impact ratio | Fisher p | adjusted p | z | scoring rate | scoring IR | mean score | Hedges' g |\n");
            sb.Append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (var g in analysis.Groups)
            {
                var name = Escape(string.Join(" × ", g.Values)) + (g.IsReference ? " (reference)" : string.Empty) + (g.ExcludedFromImpactRatios ? $" ({Under(report.ExcludeCategoriesBelowShare)})" : string.Empty);
                if (g.Suppressed)
                {
                    var why = g.Suppression switch
                    {
                        SuppressionReason.SmallGroup => $"fewer than {Count(report.MinGroupSize)}",
                        SuppressionReason.EarlierReport => "withheld as in the earlier report",
                        _ => "withheld to protect a small group",
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
                sb.Append(AuditChangeTable.Sentence(baseline)).Append("\n\n| ").Append(string.Join(" | ", AuditChangeTable.Headings)).Append(" |\n| --- |");
                sb.Append(string.Concat(Enumerable.Repeat(" ---: |", AuditChangeTable.Headings.Length - 1))).Append('\n');
                foreach (var g in analysis.Groups)
                {
                    var (cells, reason) = AuditChangeTable.Row(g);
                    sb.Append("| ").Append(Escape(string.Join(" × ", g.Values))).Append(" | ");
                    sb.Append(cells is null ? reason + string.Concat(Enumerable.Repeat(" |", AuditChangeTable.Headings.Length - 1)) : string.Join(" | ", cells) + " |").Append('\n');
                }

                sb.Append('\n');
            }
        }

        if (report.Paths.Count > 0)
        {
            sb.Append("## Path equivalence\n\nHow people who reach a competency through each path score (everyone, no groups).\n\n");
            sb.Append("| competency | path | people | share | mean level | Hedges' g vs other paths |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
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
