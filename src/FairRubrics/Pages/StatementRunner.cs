using FairRubrics.Evidence;
using FairRubrics.Scoring;

namespace FairRubrics.Pages;

/// <summary>The <see cref="IStatementRunner"/> registered by <c>AddFairRubrics()</c>: the engine of <c>fairrubrics statement</c>.</summary>
public sealed class StatementRunner : IStatementRunner
{
    private readonly IRubricScorer _scorer;
    private readonly IEmployeePageRenderer _renderer;

    /// <summary>Creates the runner.</summary>
    /// <param name="scorer">Scores the person's evidence.</param>
    /// <param name="renderer">Renders the statement page.</param>
    public StatementRunner(IRubricScorer scorer, IEmployeePageRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(renderer);
        (_scorer, _renderer) = (scorer, renderer);
    }

    /// <inheritdoc />
    public Task<StatementRunResult> RunAsync(StatementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            throw new ArgumentException("the subject is empty; give the person's subject id", nameof(request));
        }

        if (request.Evidence is null && request.EvidencePath is null)
        {
            throw new ArgumentException("the request has neither an evidence stream nor an evidence path", nameof(request));
        }

        var items = new List<EvidenceItem>();
        long unreadable = 0;
        foreach (var row in EvidenceReader.Read(request.Evidence, request.Format, request.EvidencePath, request.IgnoredField, request.Rubric))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!row.IsValid)
            {
                unreadable++;
            }
            else if (string.Equals(row.Item.Value.Subject, request.Subject, StringComparison.Ordinal))
            {
                items.Add(row.Item.Value);
            }
        }

        var score = _scorer.Score(request.Rubric, request.Subject, items.ToArray(), new ScoringOptions { AsOf = request.AsOf });
        var page = _renderer.RenderStatement(score, request.Page);
        return Task.FromResult(new StatementRunResult(score, page, items.Count, unreadable));
    }
}
