using FairRubrics.Evidence;

namespace FairRubrics.Scoring;

/// <summary>
/// The counts of a <see cref="IScoreRunner.RunAsync"/> run, which reconcile: every row read is used, rejected or not
/// counted (<see cref="Rejections"/>).
/// </summary>
/// <param name="Read">Evidence rows read.</param>
/// <param name="Used">Evidence items that counted towards a score.</param>
/// <param name="Subjects">Subjects scored (JSON lines written).</param>
/// <param name="InsufficientEvidence">Subjects scored with insufficient evidence.</param>
/// <param name="Sorted">Whether the evidence came sorted by subject (scored in one streaming pass) or went through an external sort.</param>
/// <param name="Rejections">The rows rejected and the items not counted, by reason, with examples.</param>
public sealed record ScoreRunResult(long Read, long Used, long Subjects, long InsufficientEvidence, bool Sorted, RejectionSummary Rejections);
