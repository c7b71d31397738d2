using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>Scores evidence against rubrics with explanations. Thread-safe; sees no protected attributes.</summary>
public interface IRubricScorer
{
    /// <summary>Scores one subject.</summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="subject">The subject id.</param>
    /// <param name="evidence">The subject's evidence (items of other subjects are reported as issues, never counted).</param>
    /// <param name="options">Scoring options (date), or null for the defaults.</param>
    /// <returns>The explained score.</returns>
    SubjectScore Score(Rubric rubric, string subject, ReadOnlySpan<EvidenceItem> evidence, ScoringOptions? options = null);

    /// <summary>
    /// Scores one subject without copying the evidence: the result keeps a reference to <paramref name="evidence"/>
    /// for its explanations, so the caller must not change that memory afterwards.
    /// </summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="subject">The subject id.</param>
    /// <param name="evidence">The subject's evidence.</param>
    /// <param name="options">Scoring options (date), or null for the defaults.</param>
    /// <returns>The explained score.</returns>
    SubjectScore Score(Rubric rubric, string subject, ReadOnlyMemory<EvidenceItem> evidence, ScoringOptions? options = null);

    /// <summary>
    /// Scores every subject found in the evidence, in ordinal subject order. The list holds every result and every
    /// item (explanations refer to them), so memory grows with the evidence; to score a population in bounded memory
    /// use <see cref="ScoreAllAsync"/>.
    /// </summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="evidence">Evidence of any number of subjects, in any order.</param>
    /// <param name="options">Scoring options (date), or null for the defaults.</param>
    /// <returns>One result per subject.</returns>
    IReadOnlyList<SubjectScore> ScoreAll(Rubric rubric, IEnumerable<EvidenceItem> evidence, ScoringOptions? options = null);

    /// <summary>
    /// Scores a stream of evidence (from a database or a queue), one result per subject. With
    /// <see cref="EvidenceOrder.GroupedBySubject"/> in <paramref name="options"/> each subject's result comes as soon as
    /// its items end, in input order, and memory holds one subject's items; otherwise every item is read first and the
    /// results come in ordinal subject order, memory bounded by sorting the items in batches spilled to temporary files
    /// (see <see cref="EvidenceOrder.Any"/>). The scoring date is fixed when the call is made.
    /// </summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="evidence">The evidence; enumerated once, with <paramref name="cancellationToken"/>.</param>
    /// <param name="options">Scoring options (date, evidence order), or null for the defaults.</param>
    /// <param name="cancellationToken">Stops the run: the enumeration throws <see cref="OperationCanceledException"/> before the next item or result.</param>
    /// <returns>The results, lazily.</returns>
    /// <exception cref="EvidenceOrderException">Evidence declared grouped has a subject whose items come back (thrown while enumerating).</exception>
    IAsyncEnumerable<SubjectScore> ScoreAllAsync(Rubric rubric, IAsyncEnumerable<EvidenceItem> evidence, ScoringOptions? options = null, CancellationToken cancellationToken = default);
}
