namespace FairRubrics.Pages;

/// <summary>
/// Writes one person's statement as <c>fairrubrics statement</c> does: reads the evidence, keeps only that person's rows,
/// scores them and renders the page (their band, each competency's level and the way it came through, the evidence
/// that counted and what did not and why, and the routes to the next level). Nothing of another person's rows is kept.
/// Registered by <c>AddFairRubrics()</c> with the container's scorer and page renderer; thread-safe.
/// </summary>
public interface IStatementRunner
{
    /// <summary>Reads <paramref name="request"/>'s evidence and writes the statement of its subject.</summary>
    /// <param name="request">The rubric, the person, the evidence and the page options.</param>
    /// <param name="cancellationToken">Stops the run between rows.</param>
    /// <returns>The score, the page and the counts of rows read.</returns>
    /// <exception cref="Evidence.EvidenceFormatException">The evidence cannot be read (the message names the line).</exception>
    /// <exception cref="ArgumentException">The subject is empty, or the request has neither an evidence stream nor a path.</exception>
    Task<StatementRunResult> RunAsync(StatementRequest request, CancellationToken cancellationToken = default);
}
