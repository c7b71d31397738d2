namespace FairRubrics.Comparison;

/// <summary>
/// Runs <c>fairrubrics compare</c>: reads the evidence file or stream (and the attributes table), chooses the attributes
/// to analyse and compares the two rubrics on the same people with the registered <see cref="IRubricComparer"/>.
/// Registered by <c>AddFairRubrics()</c>; thread-safe (each run has its own state).
/// </summary>
public interface ICompareRunner
{
    /// <summary>Compares <paramref name="request"/>'s rubrics on its evidence.</summary>
    /// <param name="request">The rubrics, the evidence, the attributes and the options.</param>
    /// <param name="cancellationToken">Stops the run between evidence rows.</param>
    /// <returns>The comparison and the number of evidence rows rejected.</returns>
    /// <exception cref="Evidence.EvidenceFormatException">The evidence or the attributes cannot be read (the message starts with the file's name).</exception>
    /// <exception cref="Audit.AttributeSelectionException">An attribute of <see cref="CompareRequest.By"/> is not a column of the attributes table, or is named twice.</exception>
    /// <exception cref="ArgumentException">
    /// The options do not fit the rubrics or the table, e.g. a rubric without favourable bands, or <see cref="CompareRequest.Intersect"/>
    /// with fewer than two attributes (then <see cref="ArgumentException.ParamName"/> is <c>Intersect</c>).
    /// </exception>
    Task<CompareRunResult> RunAsync(CompareRequest request, CancellationToken cancellationToken = default);
}
