using System.Globalization;
using System.Text;
using FairRubrics.Evidence;

namespace FairRubrics.Scoring;

/// <summary>
/// Plain-text explanations of scores, for managers and employees. Numbers are rounded to two decimals, half
/// away from zero (3.125 shows as 3.13), and written with '.' whatever the culture.
/// </summary>
public static class ScoreText
{
    /// <summary>Formats a level or score for people: at most two decimals, midpoint rounded away from zero.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, e.g. <c>3.5</c>.</returns>
    public static string FormatNumber(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Renders a whole result: the overall score and band, then each competency with its paths.</summary>
    /// <param name="score">The result.</param>
    /// <returns>Multi-line text.</returns>
    public static string Render(SubjectScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var rubric = score.Rubric;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{score.Subject}: {rubric.Title} {rubric.Version} (rubric {rubric.Id}, sha256 {rubric.ContentHash[..12]}), as of {score.AsOf:yyyy-MM-dd}\n");
        sb.Append(score.Status == ScoreStatus.Scored
            ? $"Overall {FormatNumber(score.Overall!.Value)}{(score.Band is null ? string.Empty : ": " + score.Band)}\n"
            : "Overall: insufficient evidence\n");
        foreach (var competency in score.Competencies)
        {
            sb.Append("- ").Append(Explain(competency)).Append('\n');
            if (competency.Paths.Count > 1)
            {
                foreach (var path in competency.Paths)
                {
                    sb.Append("    ").Append(path.Path.Title).Append(": ").Append(ExplainPath(path)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// One line for a competency, e.g. "Professional relationships: level 4 via Shares knowledge — 13 items: 6 talks, 7 docs".
    /// </summary>
    /// <param name="competency">The competency result.</param>
    /// <returns>The line.</returns>
    public static string Explain(CompetencyScore competency)
    {
        var title = competency.Competency.Title;
        if (competency.Level is not { } level)
        {
            return $"{title}: insufficient evidence (no path has a level)";
        }

        var winner = competency.Paths[competency.WinningPathIndex];
        var how = competency.Competency.Combine switch
        {
            Model.CombineMode.BestOf => $"via {winner.Path.Title}",
            Model.CombineMode.Mean => $"mean of {Levelled(competency)} path(s), highest {winner.Path.Title}",
            _ => $"weighted mean of {Levelled(competency)} path(s), highest {winner.Path.Title}",
        };
        return $"{title}: level {FormatNumber(level)} {how} — {Evidence(winner)}";
    }

    /// <summary>Explains one path: its level and the evidence behind it, or why it has no level.</summary>
    /// <param name="path">The path result.</param>
    /// <returns>The text.</returns>
    public static string ExplainPath(PathScore path) =>
        path.Level is { } level
            ? $"level {FormatNumber(level)} — {Evidence(path)}"
            : $"no level ({path.Note ?? "no evidence"})";

    private static int Levelled(CompetencyScore competency)
    {
        var n = 0;
        foreach (var p in competency.Paths)
        {
            n += p.Level is null ? 0 : 1;
        }

        return n;
    }

    private static string Evidence(PathScore path)
    {
        var items = path.Evidence;
        if (path.Rule == "rating")
        {
            var ratings = string.Join(", ", items.OrderBy(i => i.Source).ThenBy(i => i.Value).Select(i => $"{i.Source.ToString().ToLowerInvariant()} {FormatNumber(i.Value ?? 0)}"));
            var aggregate = path.Path.Score.Settings is RatingRuleSettings s ? s.Aggregate.ToString().ToLowerInvariant() : "aggregate";
            return items.Count == 1 ? $"1 rating: {ratings}" : $"{aggregate} of {items.Count} ratings: {ratings}";
        }

        var byType = items.GroupBy(i => i.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Type: g.Key, Quantity: g.Sum(i => i.Quantity)))
            .ToList();
        var total = byType.Sum(t => t.Quantity);
        var parts = string.Join(", ", byType.Select(t => $"{FormatNumber(t.Quantity)} {Plural(t.Type, t.Quantity)}"));
        var ids = items.Where(i => i.Id is not null).Select(i => i.Id!).Take(8).ToList();
        var idText = ids.Count == 0 ? string.Empty : $" ({string.Join(", ", ids)}{(items.Count > ids.Count ? ", …" : string.Empty)})";
        return $"{FormatNumber(total)} {(total == 1 ? "item" : "items")}: {parts}{idText}";
    }

    private static string Plural(string type, double quantity)
    {
        var words = type.Replace('-', ' ');
        if (quantity == 1)
        {
            return words;
        }

        if (words.EndsWith('y') && words.Length > 1 && !"aeiou".Contains(words[^2], StringComparison.Ordinal))
        {
            return words[..^1] + "ies";
        }

        return words.EndsWith('s') || words.EndsWith('x') || words.EndsWith("ch", StringComparison.Ordinal) || words.EndsWith("sh", StringComparison.Ordinal)
            ? words + "es"
            : words + "s";
    }

    internal static string Describe(EvidenceItem item) => item.Label;
}
