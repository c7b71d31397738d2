using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace Snippets;

public static class Streaming
{
    public static async Task<AuditReport> ScoreAndAudit(IRubricScorer scorer, IBiasAuditor auditor, Rubric rubric, IAsyncEnumerable<EvidenceItem> evidenceOrderedBySubject, ISubjectAttributeSource attributes, CancellationToken cancellationToken)
    {
        // begin-snippet: score-all-async
        // Evidence from a database query with ORDER BY subject: each result comes as the subject's rows end.
        var scoring = new ScoringOptions { AsOf = new DateOnly(2026, 6, 30), EvidenceOrder = EvidenceOrder.GroupedBySubject };
        var scores = scorer.ScoreAllAsync(rubric, evidenceOrderedBySubject, scoring, cancellationToken);

        var options = new AuditOptions();
        options.Attributes.Add("gender");
        options.FavourableBands.Add("Strong");
        var report = await auditor.AuditAsync(scores.Select(AuditSubject.From), attributes, options, cancellationToken);
        // end-snippet
        return report;
    }

    // begin-snippet: attribute-source
    // The host's attributes table, asked once per batch of at most BiasAuditor.AttributeBatchSize subjects.
    public sealed class AttributeSource(Func<IReadOnlyList<string>, IReadOnlyList<string>, CancellationToken, Task<Dictionary<string, IReadOnlyDictionary<string, string?>>>> query)
        : ISubjectAttributeSource
    {
        public async ValueTask<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> GetAttributesAsync(
            IReadOnlyList<string> subjects, IReadOnlyList<string> attributes, CancellationToken cancellationToken) =>
            await query(subjects, attributes, cancellationToken);   // e.g. SELECT ... WHERE subject IN (...)
    }
    // end-snippet
}
