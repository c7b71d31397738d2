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
    internal static string Sentence(Competency competency, RatingScale scale, int target, IReadOnlyList<PathRoute> routes, GuidanceWords w)
    {
        var label = w.Label(scale, target);
        var title = w.Title(competency);
        if (routes.Count == 0)
        {
            return w.T("guidance.sentence.none", ("competency", title), ("label", label));
        }

        var texts = routes.Select(r => r.Text).ToList();
        var separator = w.T(texts.Any(t => t.Contains(',', StringComparison.Ordinal)) ? "guidance.routes.separator.long" : "guidance.routes.separator");
        return w.T("guidance.sentence", ("label", label), ("competency", title), ("routes", string.Join(separator, texts)));
    }

    /// <summary>What a route asks for, e.g. "give 3 more talks or write 3 more documents (any mix of these adds up)".</summary>
    internal static string Route(EvidencePath path, PathAdvice? advice, RatingScale scale, GuidanceWords w)
    {
        if (advice is null)
        {
            return w.T("guidance.route.unknown", ("way", w.Title(path)));
        }

        if (advice.IsReachable)
        {
            return string.Join(w.T("guidance.needs.separator"), advice.Needs.Select(n => Need(n, scale, w)));
        }

        return advice.ReasonKey is { } key && w.IsLocalised
            ? w.T(key, [.. advice.ReasonValues.Select(v => (v.Name, v.Value is EvidencePath p ? (object)w.Title(p) : v.Value))])
            : advice.Reason!;
    }

    internal static string Step(Competency competency, RatingScale scale, int target, string? from, string? to, bool raises, GuidanceWords w)
    {
        (string, object) Target() => ("target", w.LevelName(scale, target));
        (string, object) Title() => ("competency", w.Title(competency));
        if (raises)
        {
            return from is null
                ? w.T("guidance.step.gives", Target(), Title(), ("to", w.Band(to)))
                : w.T("guidance.step.moves", Target(), Title(), ("from", w.Band(from)), ("to", w.Band(to)));
        }

        return to is null
            ? w.T("guidance.step.below", Target(), Title())
            : w.T("guidance.step.counts", Target(), Title(), ("from", w.Band(from)), ("to", w.Band(to)));
    }

    private static string Need(EvidenceNeed need, RatingScale scale, GuidanceWords w) => need switch
    {
        OccurrenceNeed o => Occurrences(o, w),
        RatingNeed r => Ratings(r, scale, w),
        DescribedNeed d => d.Text,
        _ => need.ToString() ?? string.Empty,
    };

    private static string Occurrences(OccurrenceNeed need, GuidanceWords w)
    {
        var phrases = w.Phrases;
        if (need.Types.Count == 1)
        {
            return w.Describe(need.Types[0], need.Count);
        }

        string Mix(string text) => need.Count > 1 ? w.T("guidance.mix", ("text", text)) : text;
        if (need.Types.All(t => !phrases.TryGetPhrase(t, out _)))
        {
            var types = w.JoinOr([.. need.Types.Select(t => w.T("guidance.type.quoted", ("type", t)))]);
            return Mix(w.T("guidance.items-of-type", ("count", need.Count), ("types", types)));
        }

        return Mix(w.JoinOr([.. need.Types.Select(t => w.Describe(t, need.Count))]));
    }

    private static string Ratings(RatingNeed need, RatingScale scale, GuidanceWords w)
    {
        var ratings = w.T("guidance.ratings", ("count", need.Count));
        string From(string text) => need.Sources.Count == 0
            ? text
            : w.T("guidance.ratings.from", ("text", text), ("sources", w.JoinOr([.. need.Sources.Select(s => w.T("guidance.source." + s.ToString().ToLowerInvariant(), ("count", need.Count)))])));
        string Get(string text) => w.T("guidance.ratings.get", ("text", text));
        if (need.MinimumLevel <= 1)
        {
            return Get(From(ratings));
        }

        var level = w.T("guidance.ratings.level", ("level", need.MinimumLevel), ("label", w.Label(scale, need.MinimumLevel)));
        return need.CountAtMinimum == need.Count
            ? Get(From(w.T("guidance.ratings.all-at", ("text", ratings), ("level", level))))
            : w.T("guidance.ratings.some-at", ("text", Get(From(ratings))), ("count", need.CountAtMinimum), ("level", level));
    }

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
}
