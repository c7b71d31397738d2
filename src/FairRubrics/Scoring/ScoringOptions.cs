namespace FairRubrics.Scoring;

/// <summary>Options of one scoring call.</summary>
public sealed record ScoringOptions
{
    /// <summary>Gets the scoring date: evidence after it, or older than the rubric's window before it, does not count. Default: today (UTC) from the scorer's <see cref="TimeProvider"/>.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// Gets how the evidence of <see cref="IRubricScorer.ScoreAllAsync"/> is ordered: <see cref="EvidenceOrder.GroupedBySubject"/>
    /// streams results as each subject's items end. Default <see cref="EvidenceOrder.Any"/>. The other scoring calls ignore it.
    /// </summary>
    public EvidenceOrder EvidenceOrder { get; init; }
}
