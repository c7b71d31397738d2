namespace FairRubrics.Model;

/// <summary>
/// A loaded, validated, immutable rubric: a versioned set of competencies on one level scale, with bands for
/// the overall result. Every node remembers where it is written; <see cref="ContentHash"/> identifies the
/// exact content.
/// </summary>
public sealed class Rubric
{
    internal Rubric(
        string id,
        string version,
        string title,
        string? description,
        RatingScale scale,
        IReadOnlyList<Competency> competencies,
        IReadOnlyList<Band> bands,
        IReadOnlyList<string> favourable,
        MissingEvidencePolicy missingEvidence,
        EvidenceWindow? window,
        CheckSettings checks,
        string source,
        SourceLocation location,
        SourceLocation titleLocation,
        SourceLocation? descriptionLocation,
        string locale = LocaleTag.Default,
        IReadOnlyList<RubricText>? texts = null)
    {
        Locale = locale;
        Texts = texts ?? [];
        var others = Texts.SelectMany(t => t.Translations.Keys).Where(l => l != locale).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Locales = [locale, .. others];
        _byLocation = new Lazy<IReadOnlyDictionary<SourceLocation, RubricText>>(() => Texts.GroupBy(t => t.Location).ToDictionary(g => g.Key, g => g.First()), LazyThreadSafetyMode.ExecutionAndPublication);
        TitleLocation = titleLocation;
        DescriptionLocation = descriptionLocation;
        Id = id;
        Version = version;
        Title = title;
        Description = description;
        Scale = scale;
        Competencies = competencies;
        Bands = bands;
        Favourable = favourable;
        MissingEvidence = missingEvidence;
        Window = window;
        Checks = checks;
        Source = source;
        Location = location;
        ContentHash = RubricHasher.Hash(this);
    }

    private readonly Lazy<IReadOnlyDictionary<SourceLocation, RubricText>> _byLocation;

    /// <summary>Gets the format version (always 1 for this release).</summary>
    public int FormatVersion { get; } = 1;

    /// <summary>Gets the rubric id (lower-case kebab-case).</summary>
    public string Id { get; }

    /// <summary>Gets the semantic version of the rubric's content, as written.</summary>
    public string Version { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the optional description.</summary>
    public string? Description { get; }

    /// <summary>Gets where the title is written.</summary>
    public SourceLocation TitleLocation { get; }

    /// <summary>Gets where the description is written, or null when there is none.</summary>
    public SourceLocation? DescriptionLocation { get; }

    /// <summary>Gets the locale the rubric's texts are written in by default (<c>locale:</c>, lower case; default <c>en</c>).</summary>
    public string Locale { get; }

    /// <summary>Gets every locale some text of the rubric is written in: <see cref="Locale"/> first, then the others sorted.</summary>
    public IReadOnlyList<string> Locales { get; }

    /// <summary>
    /// Gets the texts people read (titles, descriptions, anchors, scale and band labels) with their translations, in the
    /// order they are written. The model's own strings (<see cref="Title"/>, <see cref="Anchor.Text"/>, ...) are these
    /// texts in <see cref="Locale"/>.
    /// </summary>
    public IReadOnlyList<RubricText> Texts { get; }

    /// <summary>Gets the level scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets the competencies in the rubric's order.</summary>
    public IReadOnlyList<Competency> Competencies { get; }

    /// <summary>Gets the bands in descending <see cref="Band.Min"/> order (empty when the rubric has none).</summary>
    public IReadOnlyList<Band> Bands { get; }

    /// <summary>Gets the labels of the bands that count as a favourable outcome in audits.</summary>
    public IReadOnlyList<string> Favourable { get; }

    /// <summary>Gets the missing-evidence policy (default <see cref="MissingEvidencePolicy.Exclude"/>).</summary>
    public MissingEvidencePolicy MissingEvidence { get; }

    /// <summary>Gets the evidence window, or null when all evidence counts.</summary>
    public EvidenceWindow? Window { get; }

    /// <summary>Gets the bias-check settings.</summary>
    public CheckSettings Checks { get; }

    /// <summary>Gets the file or source name the rubric was loaded from.</summary>
    public string Source { get; }

    /// <summary>Gets where the rubric starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>
    /// Gets the SHA-256 (lower-case hex) of the rubric's normalised content: the same rubric gives the same
    /// hash whatever its formatting, comments, key order or file name.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>Finds a competency by id (ordinal).</summary>
    /// <param name="id">The competency id.</param>
    /// <returns>The competency, or null.</returns>
    public Competency? FindCompetency(string id)
    {
        foreach (var competency in Competencies)
        {
            if (string.Equals(competency.Id, id, StringComparison.Ordinal))
            {
                return competency;
            }
        }

        return null;
    }

    /// <summary>Gets the texts not written in a locale (nor its language): those a page in that locale shows in <see cref="Locale"/>.</summary>
    /// <param name="locale">A language tag such as <c>de</c> or <c>de-AT</c>.</param>
    /// <returns>The texts, in the rubric's order; empty when the locale is the rubric's own or every text has it.</returns>
    public IReadOnlyList<RubricText> MissingTranslations(string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        return [.. Texts.Where(t => !t.HasLocale(locale))];
    }

    /// <summary>Gets the text written at a location in a locale, or <paramref name="fallback"/> when no text of the rubric is there.</summary>
    internal string TextAt(SourceLocation? location, string fallback, string? locale) =>
        locale is not null && location is { } at && _byLocation.Value.TryGetValue(at, out var text) ? text.Get(locale) : fallback;

    /// <summary>Returns <c>id@version</c>.</summary>
    /// <returns>The rubric's id and version.</returns>
    public override string ToString() => $"{Id}@{Version}";
}
