namespace FairRubrics.Scoring;

/// <summary>How the evidence given to <see cref="IRubricScorer.ScoreAllAsync"/> is ordered, which decides when results come.</summary>
public enum EvidenceOrder
{
    /// <summary>
    /// Any order: every item is read before the first result, and results come in ordinal subject order, as from
    /// <see cref="IRubricScorer.ScoreAll"/>. Memory stays bounded (about 25 MB of items, whatever their number): the
    /// items are sorted by subject in batches written to temporary files under the system's temporary folder
    /// (<c>TMPDIR</c>), about half the size of the same evidence as CSV, removed when the enumeration ends, fails
    /// or is cancelled.
    /// </summary>
    Any = 0,

    /// <summary>
    /// Each subject's items are contiguous (for example <c>ORDER BY subject</c> in any collation): a subject's result
    /// comes as soon as its items end, in input order, and memory holds one subject's items (plus about 16 bytes per
    /// subject seen, to detect a subject that comes back, which throws <see cref="Evidence.EvidenceOrderException"/>).
    /// </summary>
    GroupedBySubject = 1,
}
