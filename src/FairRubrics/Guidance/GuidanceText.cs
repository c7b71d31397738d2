using System.Globalization;
using System.Text;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Guidance;

/// <summary>
/// Plain-language guidance for an employee-facing screen, e.g. "To reach Advanced in Builds professional
/// relationships: hold 3 more mentoring sessions, …; or give 12 more talks, …". Culture-invariant (numbers with '.',
/// dates as yyyy-MM-dd), plural-aware, with evidence types worded by <see cref="EvidencePhrases"/>.
/// </summary>
public static class GuidanceText
{
    /// <summary>Renders all of a subject's guidance: each competency's routes, items that stop counting, and the band steps.</summary>
    /// <param name="guidance">The guidance.</param>
    /// <returns>Multi-line text.</returns>
    public static string Render(SubjectGuidance guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        var rubric = guidance.Rubric;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{guidance.Subject}: next steps in {rubric.Title} {rubric.Version}, as of {guidance.AsOf:yyyy-MM-dd}\n");
        if (guidance.Competencies.Count == 0)
        {
            sb.Append("Every competency is at the top of the scale.\n");
        }

        foreach (var competency in guidance.Competencies)
        {
            sb.Append('\n');
            var now = competency.Level is { } level ? "now " + ScoreText.FormatNumber(level) : "no level yet";
            var target = LevelName(rubric.Scale, competency.TargetLevel);
            if (competency.Routes.Count == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{competency.Text} ({competency.Competency.Title}: {now})\n");
                continue;
            }

            sb.Append(CultureInfo.InvariantCulture, $"To reach {target} in {competency.Competency.Title} ({now}){(competency.Routes.Count > 1 ? ", any one of these is enough" : string.Empty)}:\n");
            foreach (var route in competency.Routes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {route.Path.Title}: {route.Text}.");
                if (route.Expiring.Count > 0)
                {
                    sb.Append(' ').Append(ExpiryNote(route));
                }

                sb.Append('\n');
            }
        }

        if (guidance.Band is not null || guidance.BandSteps.Count > 0)
        {
            sb.Append('\n').Append(guidance.Band is null ? "Overall: no band yet." : $"Overall: {guidance.Band} now.");
            foreach (var step in guidance.BandSteps)
            {
                sb.Append(' ').Append(step.Text);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>"To reach Advanced in X: A, or B, or C." — routes joined with "; or" when a route lists several types.</summary>
    internal static string Sentence(Competency competency, RatingScale scale, int target, IReadOnlyList<PathRoute> routes)
    {
        var label = scale.LabelOf(target);
        if (routes.Count == 0)
        {
            return $"No path of {competency.Title} reaches {label} with more evidence now; ask your manager how to get there.";
        }

        var texts = routes.Select(r => r.Text).ToList();
        var separator = texts.Any(t => t.Contains(',', StringComparison.Ordinal)) ? "; or " : ", or ";
        return $"To reach {label} in {competency.Title}: {string.Join(separator, texts)}.";
    }

    /// <summary>What a route asks for, e.g. "give 3 more talks or write 3 more documents (any mix of these adds up)".</summary>
    internal static string Route(EvidencePath path, PathAdvice? advice, RatingScale scale, EvidencePhrases phrases)
    {
        if (advice is null)
        {
            return $"ask your manager what evidence counts for {path.Title}";
        }

        return advice.IsReachable
            ? string.Join(" and ", advice.Needs.Select(n => Need(n, scale, phrases)))
            : advice.Reason!;
    }

    internal static string Step(Competency competency, RatingScale scale, int target, string? from, string? to, bool raises)
    {
        var reached = $"Reaching {LevelName(scale, target)} in {competency.Title}";
        if (raises)
        {
            return from is null ? $"{reached} would give you the band {to}." : $"{reached} would move you from {from} to {to}.";
        }

        return to is null
            ? $"{reached} would make it count in your overall result and take you below every band."
            : $"{reached} would make it count in your overall result and move you from {from} to {to}.";
    }

    private static string Need(EvidenceNeed need, RatingScale scale, EvidencePhrases phrases) => need switch
    {
        OccurrenceNeed o => Occurrences(o, phrases),
        RatingNeed r => Ratings(r, scale),
        DescribedNeed d => d.Text,
        _ => need.ToString() ?? string.Empty,
    };

    private static string Occurrences(OccurrenceNeed need, EvidencePhrases phrases)
    {
        if (need.Types.Count == 1)
        {
            return phrases.Describe(need.Types[0], need.Count);
        }

        var mix = need.Count > 1 ? " (any mix of these adds up)" : string.Empty;
        if (need.Types.All(t => !phrases.TryGetPhrase(t, out _)))
        {
            var count = need.Count.ToString(CultureInfo.InvariantCulture);
            return $"{count} more {(need.Count == 1 ? "item" : "items")} of type {JoinOr(need.Types.Select(t => $"'{t}'"))}{mix}";
        }

        return JoinOr(need.Types.Select(t => phrases.Describe(t, need.Count))) + mix;
    }

    private static string Ratings(RatingNeed need, RatingScale scale)
    {
        var plural = need.Count > 1;
        var ratings = string.Create(CultureInfo.InvariantCulture, $"get {need.Count} more {(plural ? "ratings" : "rating")}");
        var from = need.Sources.Count == 0 ? string.Empty : " from " + JoinOr(need.Sources.Select(s => SourceName(s, plural)));
        if (need.MinimumLevel <= 1)
        {
            return ratings + from;
        }

        var level = string.Create(CultureInfo.InvariantCulture, $"{need.MinimumLevel} ({scale.LabelOf(need.MinimumLevel)}) or higher");
        return need.CountAtMinimum == need.Count
            ? $"{ratings} of {level}{from}"
            : string.Create(CultureInfo.InvariantCulture, $"{ratings}{from}, at least {need.CountAtMinimum} of them {level}");
    }

    private static string SourceName(RaterSource source, bool plural) => source switch
    {
        RaterSource.Self => "yourself",
        RaterSource.Manager => plural ? "managers" : "a manager",
        RaterSource.Peer => plural ? "peers" : "a peer",
        RaterSource.Report => plural ? "direct reports" : "a direct report",
        _ => plural ? "systems of record" : "a system of record",
    };

    /// <summary>"2 of the 7 items counted now stop counting on 2027-01-16." — the first date the route needs more than it says.</summary>
    private static string ExpiryNote(PathRoute route)
    {
        var first = route.Expiring[0];
        var total = route.Expiring.Sum(e => e.Count);
        var noun = route.Path.Score.Implementation.UsesRatingsOf(route.Path.Score.Settings) ? "rating" : "item";
        var nouns = total == 1 ? noun : noun + "s";
        var verb = first.Count == 1 ? "stops" : "stop";
        return first.Count == total
            ? string.Create(CultureInfo.InvariantCulture, $"The {total} {nouns} counted now {verb} counting on {first.StopsCountingOn:yyyy-MM-dd}.")
            : string.Create(CultureInfo.InvariantCulture, $"{first.Count} of the {total} {nouns} counted now {verb} counting on {first.StopsCountingOn:yyyy-MM-dd}.");
    }

    private static string LevelName(RatingScale scale, int level) => string.Create(CultureInfo.InvariantCulture, $"{scale.LabelOf(level)} ({level})");

    private static string JoinOr(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }
}
