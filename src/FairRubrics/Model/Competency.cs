namespace FairRubrics.Model;

/// <summary>Something assessed, e.g. "Professional relationships": a category, a weight and one or more evidence paths.</summary>
public sealed class Competency
{
    internal Competency(string id, string title, string? description, CompetencyCategory category, double weight, CombineMode combine, IReadOnlyList<EvidencePath> paths, SourceLocation location, SourceLocation titleLocation, SourceLocation? descriptionLocation, SourceLocation weightLocation)
    {
        Id = id;
        Title = title;
        Description = description;
        Category = category;
        Weight = weight;
        Combine = combine;
        Paths = paths;
        Location = location;
        TitleLocation = titleLocation;
        DescriptionLocation = descriptionLocation;
        WeightLocation = weightLocation;
    }

    /// <summary>Gets the id, unique within the rubric.</summary>
    public string Id { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the optional description.</summary>
    public string? Description { get; }

    /// <summary>Gets the category (default <see cref="CompetencyCategory.Other"/>).</summary>
    public CompetencyCategory Category { get; }

    /// <summary>Gets the relative weight in the overall score (greater than 0, default 1).</summary>
    public double Weight { get; }

    /// <summary>Gets how path levels combine (default <see cref="CombineMode.BestOf"/>).</summary>
    public CombineMode Combine { get; }

    /// <summary>Gets the evidence paths in the rubric's order (at least one).</summary>
    public IReadOnlyList<EvidencePath> Paths { get; }

    /// <summary>Gets where the competency is written (its first key).</summary>
    public SourceLocation Location { get; }

    /// <summary>Gets where the title is written.</summary>
    public SourceLocation TitleLocation { get; }

    /// <summary>Gets where the description is written, or null when there is none.</summary>
    public SourceLocation? DescriptionLocation { get; }

    /// <summary>Gets where the weight is written, or the competency's location when the default applies.</summary>
    public SourceLocation WeightLocation { get; }

    /// <summary>Finds a path by id (ordinal).</summary>
    /// <param name="id">The path id.</param>
    /// <returns>The path, or null.</returns>
    public EvidencePath? FindPath(string id)
    {
        foreach (var path in Paths)
        {
            if (string.Equals(path.Id, id, StringComparison.Ordinal))
            {
                return path;
            }
        }

        return null;
    }
}
