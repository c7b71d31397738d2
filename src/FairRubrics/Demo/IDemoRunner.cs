namespace FairRubrics.Demo;

/// <summary>
/// Runs <c>fairrubrics demo</c>: on a synthetic organisation, lints, scores and audits a contact-counting rubric and an
/// alternative-path rubric, compares them, renders each rubric's page for the people assessed and one HTML report that
/// shows the two side by side. Writes nothing: the result holds every file's content for the caller to write.
/// Registered by <c>AddFairRubrics()</c>; thread-safe.
/// </summary>
public interface IDemoRunner
{
    /// <summary>Runs the demo on <paramref name="request"/>'s inputs.</summary>
    /// <param name="request">The two rubrics, the evidence and the attributes, as streams.</param>
    /// <param name="cancellationToken">Stops the run between its steps.</param>
    /// <returns>The figures of each step and the files of the report.</returns>
    /// <exception cref="Loading.RubricLoadException">A rubric does not load.</exception>
    /// <exception cref="Evidence.EvidenceFormatException">The evidence or the attributes cannot be read.</exception>
    Task<DemoRunResult> RunAsync(DemoRequest request, CancellationToken cancellationToken = default);
}
