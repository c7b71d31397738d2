using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace Acme.HrService.Engine;

/// <summary>
/// Looks up protected attributes for the audit, a batch of subjects at a time; the host implements it over its own
/// storage (here: the <c>protected_attributes</c> table). Shaped like the library's <c>ISubjectAttributeSource</c>.
/// </summary>
internal interface IAttributeLookup
{
    /// <summary>
    /// Gets the values of <paramref name="attributes"/> for each of <paramref name="subjects"/>; a subject missing
    /// from the result has no attributes at all, a missing or null value is unknown.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> GetAttributesAsync(IReadOnlyList<string> subjects, IReadOnlyList<string> attributes, CancellationToken cancellationToken);
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
