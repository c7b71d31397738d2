namespace FairRubrics.Model;

/// <summary>One valid route to demonstrate a competency, with its own anchors and scoring rule.</summary>
public sealed class EvidencePath
{
    internal EvidencePath(string id, string title, string? description, double weight, IReadOnlyList<Anchor> anchors, ScoreSpec score, SourceLocation location, SourceLocation titleLocation, SourceLocation? descriptionLocation)
    {
        Id = id;
        Title = title;
        Description = description;
        Weight = weight;
        Anchors = anchors;
        Score = score;
        Location = location;
        TitleLocation = titleLocation;
        DescriptionLocation = descriptionLocation;
    }

    /// <summary>Gets the path id, unique within its competency.</summary>
    public string Id { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the optional description.</summary>
    public string? Description { get; }

    /// <summary>Gets the weight used by <see cref="CombineMode.WeightedMean"/> (greater than 0, default 1).</summary>
    public double Weight { get; }

    /// <summary>Gets the anchors in ascending level order.</summary>
    public IReadOnlyList<Anchor> Anchors { get; }

    /// <summary>Gets how the path is scored.</summary>
    public ScoreSpec Score { get; }

    /// <summary>Gets where the path is written (its first key).</summary>
    public SourceLocation Location { get; }

    /// <summary>Gets where the title is written.</summary>
    public SourceLocation TitleLocation { get; }

    /// <summary>Gets where the description is written, or null when there is none.</summary>
    public SourceLocation? DescriptionLocation { get; }
}
