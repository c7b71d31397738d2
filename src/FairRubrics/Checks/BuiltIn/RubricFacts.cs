using System.Globalization;
using FairRubrics.Language;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>Facts about rubric nodes that several checks need: dotted paths, positions, reachable levels, quoting.</summary>
internal static class RubricFacts
{
    public static string At(Competency competency) => "competencies." + competency.Id;

    public static string At(Competency competency, EvidencePath path) => $"competencies.{competency.Id}.paths.{path.Id}";

    public static string At(Competency competency, EvidencePath path, Anchor anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"competencies.{competency.Id}.paths.{path.Id}.anchors.{anchor.Level}");

    /// <summary>Gets where a parameter under <c>score</c> is written (its value), or the <c>rule</c> value when it is absent.</summary>
    public static SourceLocation ParameterLocation(EvidencePath path, string key) =>
        path.Score.Parameters.TryGetValue(key, out var node) ? node.Location : path.Score.RuleLocation;

    /// <summary>Gets the evidence types a built-in count or presence path counts, or null for other rules.</summary>
    public static IReadOnlyList<string>? CountedTypes(EvidencePath path) => path.Score.Settings switch
    {
        CountRuleSettings count => count.Of,
        PresenceRuleSettings presence => presence.Of,
        _ => null,
    };

    /// <summary>Gets the highest level a built-in path can reach, or null for a custom rule.</summary>
    public static int? MaxReachableLevel(EvidencePath path, RatingScale scale) => path.Score.Settings switch
    {
        CountRuleSettings count => count.MaxLevel,
        PresenceRuleSettings presence => presence.Level,
        RatingRuleSettings => scale.MaxLevel,
        _ => null,
    };

    /// <summary>
    /// Says why a path depends on self-promotion or visibility (FR106): a rating path counted from the subject's
    /// own ratings only, or a count/presence path whose every evidence type names self-nomination or visibility
    /// to leadership. Null when it does not.
    /// </summary>
    public static string? VisibilityReason(EvidencePath path, DesignCheckEnvironment environment, Rubric rubric)
    {
        if (path.Score.Settings is RatingRuleSettings rating)
        {
            return rating.Sources.Count > 0 && rating.Sources.All(s => s == RaterSource.Self)
                ? $"path '{path.Id}' is rated by the person themselves only"
                : null;
        }

        if (CountedTypes(path) is { Count: > 0 } types
            && types.All(t => environment.Find(DesignCheckIds.VisibilityDependence, t, rubric).Count > 0))
        {
            return $"path '{path.Id}' counts only {Quote(types)}";
        }

        return null;
    }

    public static string Quote(IEnumerable<string> items)
    {
        var quoted = items.Select(i => "'" + i + "'").ToList();
        return quoted.Count switch
        {
            0 => string.Empty,
            1 => quoted[0],
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[^1],
        };
    }

    public static string QuoteHits(IReadOnlyList<WordHit> hits) => Quote(hits.Select(h => h.Text).Distinct(StringComparer.OrdinalIgnoreCase));

    public static string Short(string text, int max = 60)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)].TrimEnd() + "…";
    }

    public static string LevelName(RatingScale scale, int level) =>
        scale.Contains(level) ? string.Create(CultureInfo.InvariantCulture, $"level {level} ({scale.LabelOf(level)})") : string.Create(CultureInfo.InvariantCulture, $"level {level}");

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string SourceName(RaterSource source) => source switch
    {
        RaterSource.Self => "self",
        RaterSource.Manager => "manager",
        RaterSource.Peer => "peer",
        RaterSource.Report => "report",
        _ => "system",
    };
}
