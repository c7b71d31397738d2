namespace FairRubrics.Language;

/// <summary>
/// Checks a whole file or stream of reviewers' comments as <c>fairrubrics review-text</c> does: FR301–FR303 on every
/// comment and, with an attributes table, FR304 by group (aggregates only, small groups suppressed). Every row is
/// accounted for: checked, or rejected with its line. Registered by <c>AddFairRubrics()</c> with the container's
/// <see cref="IReviewTextChecker"/> (its word lists and allowed words); thread-safe (each run has its own state).
/// </summary>
public interface IReviewTextRunner
{
    /// <summary>Reads and checks <paramref name="request"/>'s comments (and attributes).</summary>
    /// <param name="request">The comments, the attributes and the options.</param>
    /// <param name="cancellationToken">Stops the run between rows.</param>
    /// <returns>The counts, the findings (unless given to <see cref="ReviewTextRequest.Finding"/>), the rejected rows and the group report.</returns>
    /// <exception cref="Evidence.EvidenceFormatException">A file cannot be read as comments or attributes (the message starts with the file's name and names the line).</exception>
    /// <exception cref="Audit.AttributeSelectionException">An attribute of <see cref="ReviewTextRequest.By"/> is not a column of the attributes table.</exception>
    Task<ReviewTextRunResult> RunAsync(ReviewTextRequest request, CancellationToken cancellationToken = default);
}
