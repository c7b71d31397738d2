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

    /// <summary>How many subjects' attributes are asked for at once.</summary>
    public const int AttributeBatchSize = 500;

    public async Task<AuditReport> AuditAsync(IAsyncEnumerable<SubjectScore> scores, IAttributeLookup attributes, IAsyncEnumerable<AuditRating> ratings, AuditOptions options, CancellationToken cancellationToken)
    {
        var names = options.Attributes.ToArray();
        var accumulator = new AuditAccumulator(names, options.Intersect);
        var values = new string?[names.Length];

        // Results and ratings arrive grouped by subject; each batch of subjects costs one lookup.
        var results = new List<AuditSubject>(AttributeBatchSize);
        await foreach (var score in scores.WithCancellation(cancellationToken))
        {
            results.Add(AuditSubject.From(score));
            if (results.Count == AttributeBatchSize)
            {
                await AddResults();
            }
        }

        await AddResults();

        var pending = new List<AuditRating>();
        var subjects = new List<string>(AttributeBatchSize);
        await foreach (var rating in ratings.WithCancellation(cancellationToken))
        {
            if (subjects.Count == 0 || !string.Equals(subjects[^1], rating.Subject, StringComparison.Ordinal))
            {
                if (subjects.Count == AttributeBatchSize)
                {
                    await AddRatings();
                }

                subjects.Add(rating.Subject);
            }

            pending.Add(rating);
        }

        await AddRatings();
        return auditor.Report(accumulator, options);

        async Task AddResults()
        {
            if (results.Count == 0)
            {
                return;
            }

            var found = await attributes.GetAttributesAsync(results.Select(r => r.Subject).ToArray(), names, cancellationToken);
            foreach (var result in results)
            {
                // A subject with no attributes counts as unknown for every attribute.
                Fill(found, result.Subject);
                accumulator.Add(result, values);
            }

            results.Clear();
        }

        async Task AddRatings()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var found = await attributes.GetAttributesAsync(subjects.ToArray(), names, cancellationToken);
            foreach (var rating in pending)
            {
                // As the command line does: ratings count only for subjects that have attributes.
                if (Fill(found, rating.Subject))
                {
                    accumulator.AddRating(rating, values);
                }
            }

            pending.Clear();
            subjects.Clear();
        }

        bool Fill(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> found, string subject)
        {
            Array.Clear(values);
            if (!found.TryGetValue(subject, out var row))
            {
                return false;
            }

            for (var i = 0; i < names.Length; i++)
            {
                values[i] = row.TryGetValue(names[i], out var value) && !string.IsNullOrEmpty(value) ? value : null;
            }

            return true;
        }
    }
}
