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
        SourceLocation? descriptionLocation)
    {
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

    /// <summary>Returns <c>id@version</c>.</summary>
    /// <returns>The rubric's id and version.</returns>
    public override string ToString() => $"{Id}@{Version}";
}
