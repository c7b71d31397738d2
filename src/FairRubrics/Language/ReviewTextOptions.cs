using System.Globalization;

namespace FairRubrics.Language;

/// <summary>The stable ids of the review-language checks (<c>FR301</c>–<c>FR399</c>). Each has a help page <c>docs/checks/FRnnn.md</c>.</summary>
public static class ReviewTextCheckIds
{
    /// <summary>Gender-coded words (Gaucher, Friesen and Kay 2011) that describe the person.</summary>
    public const string GenderCoded = "FR301";

    /// <summary>Personality or temperament words instead of behaviour ("abrasive", "emotional").</summary>
    public const string Personality = "FR302";

    /// <summary>Vague feedback: no deliverable, number, date, situation or quoted example.</summary>
    public const string VagueFeedback = "FR303";

    /// <summary>Across a population: a group receives more FR301–FR303 findings, or shorter comments, than the others.</summary>
    public const string GroupDifferences = "FR304";

    internal static readonly string[] All = [GenderCoded, Personality, VagueFeedback, GroupDifferences];
}

/// <summary>Settings of the review-language checks FR301–FR304, set in code by the host (<c>AddFairRubrics(o => o.ReviewText…)</c>).</summary>
public sealed class ReviewTextOptions
{
    /// <summary>Gets or sets a value indicating whether the word lists shipped with the package are used (default true).</summary>
    public bool UseBuiltInWordLists { get; set; } = true;

    /// <summary>
    /// Gets the host's own word lists, used besides the built-in ones: entries used by FR301, FR302 or FR303 are
    /// reported; lists with <see cref="WordListRole.ConcreteMarker"/> add deliverables, situations or dates that
    /// make a comment concrete (e.g. the organisation's product and system names).
    /// </summary>
    public IList<WordList> WordLists { get; } = [];

    /// <summary>Gets words or phrases that FR301–FR303 never report (each also covers its inflections), e.g. a term your organisation defines precisely.</summary>
    public ISet<string> AllowedWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets severities per check id (<c>FR301</c>–<c>FR304</c>); null switches a check off. Unset ids keep their default severity.</summary>
    public IDictionary<string, DiagnosticSeverity?> Severities { get; } = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the word count below which a comment without any concrete marker is vague (FR303) even when
    /// it evaluates nothing ("Thanks for this year."). Default 8; range 1 to 100.
    /// </summary>
    public int VagueBelowWords { get; set; } = 8;

    /// <summary>Checks the documented ranges and that <see cref="Severities"/> names only FR301–FR304.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="FairRubricsConfigurationException">A severity is given for an id that is not a review-language check.</exception>
    public void Validate()
    {
        if (VagueBelowWords is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(VagueBelowWords), VagueBelowWords, string.Create(CultureInfo.InvariantCulture, $"{nameof(VagueBelowWords)} must be between 1 and 100."));
        }

        var unknown = Severities.Keys.Where(k => !ReviewTextCheckIds.All.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new FairRubricsConfigurationException($"The review-text options name check ids that are not review-language checks: {string.Join(", ", unknown)}; the ids are {string.Join(", ", ReviewTextCheckIds.All)}.");
        }
    }
}
