using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace Acme.HrService.Engine;

/// <summary>
/// Looks up a subject's protected attributes for the audit; the host implements it over its own storage
/// (here: the <c>protected_attributes</c> table). Returns false when the subject has none (all unknown).
/// </summary>
internal interface IAttributeLookup
{
    /// <summary>Gets the names of the attributes analysed, in the order of the values.</summary>
    IReadOnlyList<string> Names { get; }

    Task<bool> TryGetAsync(string subject, string?[] values, CancellationToken cancellationToken);
}

/// <summary>
/// The service's one seam to FairRubrics' scoring and auditing: streams in, streams out. It is shaped like the
/// library's async entry points (<c>IRubricScorer.ScoreAllAsync</c> over <see cref="IAsyncEnumerable{T}"/>, an async
/// audit with attributes looked up by the host) so that moving to them changes only the implementation.
/// </summary>
internal interface IAssessmentEngine
{
    /// <summary>Scores a stream of evidence grouped by subject (each subject's items together), one result per subject, as they complete.</summary>
    IAsyncEnumerable<SubjectScore> ScoreAllAsync(Rubric rubric, IAsyncEnumerable<EvidenceItem> evidence, ScoringOptions options, CancellationToken cancellationToken);

    /// <summary>Audits a stream of score results: attributes joined in by subject, ratings for the rater-effect check.</summary>
    Task<AuditReport> AuditAsync(IAsyncEnumerable<SubjectScore> scores, IAttributeLookup attributes, IAsyncEnumerable<AuditRating> ratings, AuditOptions options, CancellationToken cancellationToken);
}
