using FairRubrics.Model;

namespace FairRubrics.Evidence;

/// <summary>
/// One fact about a subject: a rating by a rater (<see cref="Type"/> <c>rating</c>), or an occurrence such as
/// a talk given or a colleague mentored. Evidence never carries protected attributes.
/// </summary>
/// <param name="Subject">The person assessed (an opaque id).</param>
/// <param name="Type"><c>rating</c>, or an occurrence type named in some path's <c>of:</c> list.</param>
/// <param name="Competency">For ratings: the competency rated. Optional for occurrences (then matched by type).</param>
/// <param name="Path">For ratings: the path rated. Optional for occurrences.</param>
/// <param name="Value">For ratings: the level given. For occurrences: an optional positive quantity (default 1).</param>
/// <param name="Source">Who gave it (default <see cref="RaterSource.System"/>).</param>
/// <param name="Rater">The rater's id, for rater-effect audits; optional.</param>
/// <param name="Date">When it happened; needed when the rubric has a <c>window</c>.</param>
/// <param name="Id">The evidence id quoted in explanations; optional.</param>
/// <param name="Row">The 1-based data row (CSV) or line (JSON Lines) it was read from, or 0 when it did not come from a file.</param>
public readonly record struct EvidenceItem(
    string Subject,
    string Type,
    string? Competency = null,
    string? Path = null,
    double? Value = null,
    RaterSource Source = RaterSource.System,
    string? Rater = null,
    DateOnly? Date = null,
    string? Id = null,
    long Row = 0)
{
    /// <summary>The <see cref="Type"/> of ratings.</summary>
    public const string RatingType = "rating";

    /// <summary>Gets a value indicating whether this item is a rating.</summary>
    public bool IsRating => string.Equals(Type, RatingType, StringComparison.Ordinal);

    /// <summary>Gets the quantity an occurrence counts for: <see cref="Value"/>, or 1 when absent.</summary>
    public double Quantity => Value ?? 1;

    /// <summary>Gets how explanations name the item: its id, else its row, else its type.</summary>
    public string Label => Id ?? (Row > 0 ? "row " + Row.ToString(System.Globalization.CultureInfo.InvariantCulture) : Type);
}
