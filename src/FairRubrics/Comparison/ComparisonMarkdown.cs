using System.Globalization;
using System.Text;
using FairRubrics.Audit;
using FairRubrics.Reporting;

namespace FairRubrics.Comparison;

/// <summary>Renders a comparison as Markdown: the transition matrix, each group's rates before and after, the design diff and the competencies.</summary>
public static class ComparisonMarkdown
{
    /// <summary>Renders the comparison with English labels.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>Markdown text.</returns>
    public static string Render(RubricComparison comparison) => Render(comparison, new ReportOptions());

    /// <summary>Renders the comparison with its labels in a language (<see cref="ReportOptions.Locale"/>); a label or locale without a translation is English, with a note saying so.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="options">The language and title (null: "What changes from … to …" in the language); notes and help links are not used.</param>
    /// <returns>Markdown text.</returns>
    public static string Render(RubricComparison comparison, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(options);
        var w = ReportWords.For(options, "compare.");
        var sb = new StringBuilder();
        var from = comparison.From;
        var to = comparison.To;
        sb.Append("# ").Append(options.Title is { } title ? E(title) : w.T("compare.title", ("from", E(from.Rubric)), ("from-version", E(from.Version)), ("to", E(to.Rubric)), ("to-version", E(to.Version)))).Append("\n\n");
        foreach (var note in w.FallbackNotes)
        {
            sb.Append("> ").Append(w.T("report.note", ("note", note))).Append("\n\n");
        }

        sb.Append(w.T("compare.summary", ("people", ComparisonText.Count(comparison.Subjects)), ("changed", $"**{ComparisonText.Count(comparison.Changed)}**"))).Append("\n\n");
        foreach (var note in comparison.Notes)
        {
            sb.Append("> ").Append(w.T("report.note", ("note", E(note)))).Append("\n\n");
        }

        sb.Append("## ").Append(w.T("compare.moves.heading")).Append("\n\n");
        var (rows, columns, cells) = ComparisonText.Matrix(comparison);
        sb.Append("| ").Append(w.T("compare.moves.corner.short")).Append(" | ").Append(string.Join(" | ", columns.Select(c => E(ComparisonText.Band(c, w))))).Append(" |\n");
        sb.Append("| --- |").Append(string.Concat(columns.Select(_ => " ---: |"))).Append('\n');
        foreach (var r in rows)
        {
            sb.Append("| ").Append(E(ComparisonText.Band(r, w))).Append(" | ")
                .Append(string.Join(" | ", columns.Select(c => cells.TryGetValue((r, c), out var n) ? (string.Equals(r, c, StringComparison.Ordinal) ? ComparisonText.Count(n) : $"**{ComparisonText.Count(n)}**") : "0")))
                .Append(" |\n");
        }

        sb.Append('\n');
        foreach (var analysis in comparison.Analyses)
        {
            sb.Append("## ").Append(w.T("compare.outcomes.heading", ("attributes", E(string.Join(" × ", analysis.Attributes))))).Append("\n\n");
            sb.Append(w.T("compare.outcomes.favourable.sentences", ("from", E(string.Join(", ", comparison.FromFavourable))), ("to", E(string.Join(", ", comparison.ToFavourable))), ("k", comparison.MinGroupSize.ToString(CultureInfo.InvariantCulture)))).Append("\n\n");
            sb.Append("| ").Append(string.Join(" | ", ComparisonText.OutcomeColumns.Select(c => w.T(c)))).Append(" |\n");
            sb.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (var g in analysis.Groups)
            {
                var name = E(string.Join(" × ", g.Values));
                if (g.Suppressed)
                {
                    sb.Append("| ").Append(name).Append(" | ").Append(w.T("compare.suppressed.short")).Append(" | — | — | — | — | — | — | — | — |\n");
                    continue;
                }

                var change = ComparisonText.Change(g);
                sb.Append(CultureInfo.InvariantCulture, $"| {name} | {ComparisonText.Count(g.N!.Value)} | {AuditText.Pct(g.From!.SelectionRate)} | {AuditText.Pct(g.To!.SelectionRate)} | {(change.Length > 0 && change[0] == '−' ? $"**{change}**" : change)} | {Ratio(g.From, w)} | {Ratio(g.To, w)} | {ComparisonText.Count(g.Gained!.Value)} | {ComparisonText.Count(g.Lost!.Value)} | {AuditText.P(g.McNemarP)} |\n");
            }

            if (analysis.Unreported is { } unreported)
            {
                sb.Append('\n').Append(w.T("compare.unreported", ("count", ComparisonText.Count(unreported)))).Append('\n');
            }

            sb.Append('\n');
        }

        if (comparison.IntroducedAdverseImpact.Count > 0)
        {
            sb.Append("## ").Append(w.T("compare.adverse.heading")).Append("\n\n");
            foreach (var f in comparison.IntroducedAdverseImpact)
            {
                sb.Append("- ").Append(E(string.Join(" × ", f.Values))).Append(": ").Append(E(f.Message)).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append("## ").Append(w.T("compare.design.heading")).Append("\n\n");
        Design(sb, w.T("compare.design.introduced"), comparison.Design.Introduced, w);
        Design(sb, w.T("compare.design.fixed"), comparison.Design.Fixed, w);
        sb.Append("## ").Append(w.T("compare.competencies.heading")).Append("\n\n| ").Append(string.Join(" | ", ComparisonText.CompetencyColumns.Select(c => w.T(c)))).Append(" |\n| --- | ---: | ---: | --- | --- |\n");
        foreach (var c in comparison.Competencies)
        {
            var name = E(c.Competency) + (c.InFrom && c.InTo ? string.Empty : c.InFrom ? $" ({w.T("compare.competency.removed")})" : $" ({w.T("compare.competency.new")})");
            sb.Append(CultureInfo.InvariantCulture, $"| {name} | {ComparisonText.Count(c.Rose)} | {ComparisonText.Count(c.Fell)} | {E(ComparisonText.Paths(c.RoseThrough, w))} | {E(ComparisonText.Paths(c.FellFrom, w))} |\n");
        }

        return sb.ToString();
    }

    private static void Design(StringBuilder sb, string heading, IReadOnlyList<DesignChange> changes, ReportWords w)
    {
        sb.Append("### ").Append(heading).Append("\n\n");
        if (changes.Count == 0)
        {
            sb.Append(w.T("compare.design.none")).Append("\n\n");
            return;
        }

        foreach (var d in changes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- **{E(d.Id)}** ({w.Severity(d.Severity)}){(d.At is null ? string.Empty : " " + w.T("compare.design.at") + " " + E(d.At))}: {E(d.Message)}\n");
        }

        sb.Append('\n');
    }

    private static string Ratio(SideOutcome side, ReportWords w) => AuditText.Num(side.ImpactRatio) + (side.IsReference ? $" ({w.T("report.reference")})" : side.BelowFourFifths == true ? " ⚠" : string.Empty);

    private static string E(string text) => Reporting.MarkdownText.Escape(text);
}
