namespace FairRubrics.Model;

/// <summary>One level of a scale: its number and label.</summary>
/// <param name="Level">The level, from 1.</param>
/// <param name="Label">Its label, e.g. "Proficient".</param>
/// <param name="Location">Where the level is written.</param>
public sealed record ScaleLevel(int Level, string Label, SourceLocation Location);

/// <summary>The ordered integer levels <c>1..N</c> (N from 2 to 10) of a rubric, with labels.</summary>
public sealed class RatingScale
{
    internal RatingScale(IReadOnlyList<ScaleLevel> levels, SourceLocation location)
    {
        Levels = levels;
        Location = location;
    }

    /// <summary>Gets the levels in ascending order, <c>1..N</c> without gaps.</summary>
    public IReadOnlyList<ScaleLevel> Levels { get; }

    /// <summary>Gets the top level N.</summary>
    public int MaxLevel => Levels.Count;

    /// <summary>Gets where the scale is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>Gets the label of a level.</summary>
    /// <param name="level">A level from 1 to <see cref="MaxLevel"/>.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is not on the scale.</exception>
    public string LabelOf(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        return Levels[level - 1].Label;
    }

    /// <summary>Gets a value indicating whether a level is on the scale.</summary>
    /// <param name="level">The level.</param>
    /// <returns><see langword="true"/> for 1 to <see cref="MaxLevel"/>.</returns>
    public bool Contains(int level) => level >= 1 && level <= MaxLevel;
}
