using System.Globalization;
using System.Text;
using FairRubrics.Model;
using FairRubrics.Pages;
using FairRubrics.Scoring;

namespace FairRubrics.Guidance;

/// <summary>
/// Plain-language guidance for an employee-facing screen, e.g. "To reach Advanced in Builds professional
/// relationships: hold 3 more mentoring sessions, …; or give 12 more talks, …". Culture-invariant (numbers with '.',
/// dates as yyyy-MM-dd), plural-aware, with evidence types worded by <see cref="EvidencePhrases"/>.
/// </summary>
public static class GuidanceText
{
    /// <summary>Renders all of a subject's guidance in English: each competency's routes, items that stop counting, and the band steps.</summary>
    /// <param name="guidance">The guidance.</param>
    /// <returns>Multi-line text.</returns>
    public static string Render(SubjectGuidance guidance) => Render(guidance, PageTexts.English);

    /// <summary>
    /// Renders all of a subject's guidance with the frame in a language (the <c>guidance.text.*</c> keys of
    /// <paramref name="texts"/>) and the rubric's titles and labels in <see cref="PageTexts.Locale"/> where the rubric
    /// has them. The routes' own sentences are worded when the guidance is made: advise with the same texts
    /// (<see cref="IGuidanceAdvisor.Advise(SubjectScore, PageTexts)"/>) for a page in one language.
    /// </summary>
    /// <param name="guidance">The guidance.</param>
    /// <param name="texts">The texts, e.g. <c>PageTexts.ForLocale("de")</c>.</param>
    /// <returns>Multi-line text.</returns>
    public static string Render(SubjectGuidance guidance, PageTexts texts)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(texts);
        var rubric = guidance.Rubric;
        var w = new GuidanceWords(texts, EvidencePhrases.BuiltIn, rubric, ReferenceEquals(texts, PageTexts.English) ? null : texts.Locale);
        var sb = new StringBuilder();
        sb.Append(w.T("guidance.text.heading", ("subject", guidance.Subject), ("rubric", w.Title(rubric)), ("version", rubric.Version), ("date", guidance.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).Append('\n');
        if (guidance.Competencies.Count == 0)
        {
            sb.Append(w.T("guidance.text.top")).Append('\n');
        }

        foreach (var competency in guidance.Competencies)
        {
            sb.Append('\n');
            var now = competency.Level is { } level ? w.T("guidance.text.now", ("level", ScoreText.FormatNumber(level))) : w.T("guidance.text.no-level");
            var title = w.Title(competency.Competency);
            if (competency.Routes.Count == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{competency.Text} ({title}: {now})\n");
                continue;
            }

            var target = w.LevelName(rubric.Scale, competency.TargetLevel);
            sb.Append(w.T(competency.Routes.Count > 1 ? "guidance.text.routes.any" : "guidance.text.routes", ("target", target), ("competency", title), ("now", now))).Append('\n');
            foreach (var route in competency.Routes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {w.Title(route.Path)}: {route.Text}.");
                if (route.Expiring.Count > 0)
                {
                    sb.Append(' ').Append(ExpiryNote(route, w));
                }

                sb.Append('\n');
            }
        }

        if (guidance.Band is not null || guidance.BandSteps.Count > 0)
        {
            sb.Append('\n').Append(guidance.Band is null ? w.T("guidance.text.overall.none") : w.T("guidance.text.overall", ("band", w.Band(guidance.Band))));
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
    private static string ExpiryNote(PathRoute route, GuidanceWords w)
    {
        var first = route.Expiring[0];
        var total = route.Expiring.Sum(e => e.Count);
        var kind = route.Path.Score.Implementation.UsesRatingsOf(route.Path.Score.Settings) ? "ratings" : "items";
        var date = first.StopsCountingOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return first.Count == total
            ? w.T($"guidance.text.expiry.all.{kind}", ("count", total), ("date", date))
            : w.T($"guidance.text.expiry.some.{kind}", ("count", first.Count), ("total", total), ("date", date));
    }
}
