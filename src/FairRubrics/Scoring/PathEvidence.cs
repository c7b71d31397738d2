using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>
/// What a scoring rule sees when it scores a path: only this subject's evidence for this path (items the
/// rule counts), the rubric's scale and the scoring date — never protected attributes or other employee fields.
/// </summary>
public readonly ref struct PathEvidence
{
    internal PathEvidence(ReadOnlySpan<EvidenceItem> items, RatingScale scale, DateOnly asOf)
    {
        Items = items;
        Scale = scale;
        AsOf = asOf;
    }

    /// <summary>Gets the evidence items for the path.</summary>
    public ReadOnlySpan<EvidenceItem> Items { get; }

    /// <summary>Gets the number of items.</summary>
    public int Count => Items.Length;

    /// <summary>Gets the rubric's scale (levels 1..N).</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets the scoring date.</summary>
    public DateOnly AsOf { get; }
}

/// <summary>The level a rule gives a path, or none; with an optional note for explanations.</summary>
public readonly record struct PathOutcome
{
    private PathOutcome(double? level, string? note)
    {
        Level = level;
        Note = note;
    }

    /// <summary>Gets the level (may be fractional, e.g. the mean of ratings), or null when the path has no level.</summary>
    public double? Level { get; }

    /// <summary>Gets a short note for explanations (e.g. "2 ratings, 3 needed"), or null.</summary>
    public string? Note { get; }

    /// <summary>The path has no level (not zero): too little evidence.</summary>
    /// <param name="note">Why, for explanations.</param>
    /// <returns>The outcome.</returns>
    public static PathOutcome NoLevel(string? note = null) => new(null, note);

    /// <summary>The path reaches a level.</summary>
    /// <param name="level">A level from 1 to the scale's top (fractions allowed).</param>
    /// <param name="note">A note for explanations, or null.</param>
    /// <returns>The outcome.</returns>
    public static PathOutcome AtLevel(double level, string? note = null) => new(level, note);
}
