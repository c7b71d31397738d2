namespace FairRubrics.Checks;

/// <summary>
/// The stable ids of the built-in rubric design checks (<c>FR101</c>–<c>FR199</c>). Each has a help page
/// <c>docs/checks/FRnnn.md</c>. Load diagnostics (<c>FR0xx</c>) are in <see cref="DiagnosticIds"/>.
/// </summary>
public static class DesignCheckIds
{
    /// <summary>An interpersonal competency with a single evidence path.</summary>
    public const string SinglePathInterpersonal = "FR101";

    /// <summary>A count or presence path that rewards the number of contacts, connections, meetings or events attended.</summary>
    public const string ContactAccumulation = "FR102";

    /// <summary>Under best-of, a path cannot reach a level that another path of the same competency reaches.</summary>
    public const string UnequalPathCeilings = "FR103";

    /// <summary>Gender-coded or personality language in a title, description or anchor.</summary>
    public const string CodedLanguage = "FR104";

    /// <summary>An anchor that names no observable behaviour (too short, or evaluative words only).</summary>
    public const string VagueAnchor = "FR105";

    /// <summary>A competency whose only evidence is self-nomination, self-rating or visibility to leadership.</summary>
    public const string VisibilityDependence = "FR106";

    /// <summary>Interpersonal and visibility competencies carry more than the set share of the overall weight.</summary>
    public const string WeightConcentration = "FR107";

    /// <summary>A competency rated by a single rater source.</summary>
    public const string SingleRaterSource = "FR108";

    /// <summary>Count paths in a rubric without an evidence window, so counts grow with tenure.</summary>
    public const string CountWithoutWindow = "FR109";

    /// <summary>A rating path without behavioural anchors.</summary>
    public const string UnanchoredRatingPath = "FR110";

    /// <summary>A text without a translation into a locale that other texts of the rubric are written in.</summary>
    public const string MissingTranslation = "FR111";
}
