using System.Globalization;
using System.Text;
using FairRubrics.Audit;

namespace FairRubrics.Comparison;

/// <summary>Renders a comparison as Markdown: the transition matrix, each group's rates before and after, the design diff and the competencies.</summary>
public static class ComparisonMarkdown
{
    /// <summary>Renders the comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>Markdown text.</returns>
    public static string Render(RubricComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var sb = new StringBuilder();
        var from = comparison.From;
        var to = comparison.To;
        sb.Append(CultureInfo.InvariantCulture, $"# What changes from {E(from.Rubric)} {E(from.Version)} to {E(to.Rubric)} {E(to.Version)}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{ComparisonText.Count(comparison.Subjects)} people scored with both rubrics on the same evidence; **{ComparisonText.Count(comparison.Changed)}** change band.\n\n");
        foreach (var note in comparison.Notes)
        {
            sb.Append("> Note: ").Append(E(note)).Append("\n\n");
        }

        sb.Append("## Who moves\n\n");
        var (rows, columns, cells) = ComparisonText.Matrix(comparison);
        sb.Append("| before → after | ").Append(string.Join(" | ", columns.Select(c => E(ComparisonText.Band(c))))).Append(" |\n");
        sb.Append("| --- |").Append(string.Concat(columns.Select(_ => " ---: |"))).Append('\n');
        foreach (var r in rows)
        {
            sb.Append("| ").Append(E(ComparisonText.Band(r))).Append(" | ")
                .Append(string.Join(" | ", columns.Select(c => cells.TryGetValue((r, c), out var n) ? (string.Equals(r, c, StringComparison.Ordinal) ? ComparisonText.Count(n) : $"**{ComparisonText.Count(n)}**") : "0")))
                .Append(" |\n");
        }

        sb.Append('\n');
        foreach (var analysis in comparison.Analyses)
        {
            sb.Append("## Outcomes by ").Append(E(string.Join(" × ", analysis.Attributes))).Append("\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"Favourable: {E(string.Join(", ", comparison.FromFavourable))} (before), {E(string.Join(", ", comparison.ToFavourable))} (after). Insufficient evidence counts as not favourable. Groups with fewer than {comparison.MinGroupSize} people are not reported, and other groups are withheld where they would reveal them.\n\n");
            sb.Append("| group | n | rate before | rate after | change | impact ratio before | impact ratio after | gained | lost | McNemar p |\n");
            sb.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (var g in analysis.Groups)
            {
                var name = E(string.Join(" × ", g.Values));
                if (g.Suppressed)
                {
                    sb.Append("| ").Append(name).Append(" | suppressed | — | — | — | — | — | — | — | — |\n");
                    continue;
                }

                var change = ComparisonText.Change(g);
                sb.Append(CultureInfo.InvariantCulture, $"| {name} | {ComparisonText.Count(g.N!.Value)} | {AuditText.Pct(g.From!.SelectionRate)} | {AuditText.Pct(g.To!.SelectionRate)} | {(change.Length > 0 && change[0] == '−' ? $"**{change}**" : change)} | {Ratio(g.From)} | {Ratio(g.To)} | {ComparisonText.Count(g.Gained!.Value)} | {ComparisonText.Count(g.Lost!.Value)} | {AuditText.P(g.McNemarP)} |\n");
            }

            if (analysis.Unreported is { } unreported)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\nNot in a reported group (suppressed or unknown): {ComparisonText.Count(unreported)}.\n");
            }

            sb.Append('\n');
        }

        if (comparison.IntroducedAdverseImpact.Count > 0)
        {
            sb.Append("## Adverse impact the change introduces\n\n");
            foreach (var f in comparison.IntroducedAdverseImpact)
            {
                sb.Append("- ").Append(E(string.Join(" × ", f.Values))).Append(": ").Append(E(f.Message)).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append("## Design findings\n\n");
        Design(sb, "Introduced by the change", comparison.Design.Introduced);
        Design(sb, "Fixed by the change", comparison.Design.Fixed);
        sb.Append("## Competencies\n\n| competency | rose | fell | rose through | fell from |\n| --- | ---: | ---: | --- | --- |\n");
        foreach (var c in comparison.Competencies)
        {
            var name = E(c.Competency) + (c.InFrom && c.InTo ? string.Empty : c.InFrom ? " (removed)" : " (new)");
            sb.Append(CultureInfo.InvariantCulture, $"| {name} | {ComparisonText.Count(c.Rose)} | {ComparisonText.Count(c.Fell)} | {E(ComparisonText.Paths(c.RoseThrough))} | {E(ComparisonText.Paths(c.FellFrom))} |\n");
        }

        return sb.ToString();
    }

    private static void Design(StringBuilder sb, string heading, IReadOnlyList<DesignChange> changes)
    {
        sb.Append("### ").Append(heading).Append("\n\n");
        if (changes.Count == 0)
        {
            sb.Append("None.\n\n");
            return;
        }

        foreach (var d in changes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- **{E(d.Id)}** ({d.Severity.ToString().ToLowerInvariant()}){(d.At is null ? string.Empty : " at " + E(d.At))}: {E(d.Message)}\n");
        }

        sb.Append('\n');
    }

    private static string Ratio(SideOutcome side) => AuditText.Num(side.ImpactRatio) + (side.IsReference ? " (reference)" : side.BelowFourFifths == true ? " ⚠" : string.Empty);

    private static string E(string text) => Reporting.MarkdownText.Escape(text);
}
