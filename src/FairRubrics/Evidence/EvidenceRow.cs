namespace FairRubrics.Evidence;

/// <summary>One row read from an evidence file: the item, or why the row was rejected. Every row read produces one.</summary>
/// <param name="Row">1-based data row (CSV, header not counted) or line (JSON Lines).</param>
/// <param name="Line">1-based physical line where the row starts (CSV rows may span lines).</param>
/// <param name="Item">The item, when the row is valid.</param>
/// <param name="Error">Why the row was rejected (names the field, never an attribute value), when it is not.</param>
public readonly record struct EvidenceRow(long Row, long Line, EvidenceItem? Item, string? Error)
{
    /// <summary>Gets a value indicating whether the row was read into an item.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Item))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Item is not null;
}
