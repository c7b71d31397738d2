using System.Runtime.CompilerServices;
using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace Acme.HrService.Engine;

/// <summary>
/// <see cref="IAssessmentEngine"/> on the library's synchronous API: the stream is cut into subjects as it arrives and
/// each subject is scored with <see cref="IRubricScorer.Score(Rubric, string, ReadOnlyMemory{EvidenceItem}, ScoringOptions?)"/>,
/// so memory holds one subject's evidence at a time; the audit feeds an <see cref="AuditAccumulator"/> (memory bounded
/// by the number of groups) and reports with <see cref="IBiasAuditor.Report"/>.
/// </summary>
internal sealed class SynchronousAssessmentEngine(IRubricScorer scorer, IBiasAuditor auditor) : IAssessmentEngine
{
    public async IAsyncEnumerable<SubjectScore> ScoreAllAsync(Rubric rubric, IAsyncEnumerable<EvidenceItem> evidence, ScoringOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = new List<EvidenceItem>();
        string? subject = null;
        await foreach (var item in evidence.WithCancellation(cancellationToken))
        {
            if (subject is not null && !string.Equals(subject, item.Subject, StringComparison.Ordinal))
            {
                yield return Score(subject);
            }

            subject = item.Subject;
            items.Add(item);
        }

        if (subject is not null)
        {
            yield return Score(subject);
        }

        // The result keeps the evidence it explains, so each subject gets its own array.
        SubjectScore Score(string who)
        {
            var own = items.ToArray();
            items.Clear();
            return scorer.Score(rubric, who, own.AsMemory(), options);
        }
    }

    public async Task<AuditReport> AuditAsync(IAsyncEnumerable<SubjectScore> scores, IAttributeLookup attributes, IAsyncEnumerable<AuditRating> ratings, AuditOptions options, CancellationToken cancellationToken)
    {
        var accumulator = new AuditAccumulator(attributes.Names, options.Intersect);
        var values = new string?[attributes.Names.Count];
        await foreach (var score in scores.WithCancellation(cancellationToken))
        {
            // A subject with no attributes counts as unknown for every attribute.
            await attributes.TryGetAsync(score.Subject, values, cancellationToken);
            accumulator.Add(AuditSubject.From(score), values);
        }

        string? last = null;
        var known = false;
        await foreach (var rating in ratings.WithCancellation(cancellationToken))
        {
            if (!string.Equals(last, rating.Subject, StringComparison.Ordinal))
            {
                last = rating.Subject;
                known = await attributes.TryGetAsync(rating.Subject, values, cancellationToken);
            }

            if (known)
            {
                accumulator.AddRating(rating, values);
            }
        }

        return auditor.Report(accumulator, options);
    }
}
