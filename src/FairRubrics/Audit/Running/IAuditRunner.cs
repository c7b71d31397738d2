namespace FairRubrics.Audit;

/// <summary>
/// Runs an outcome audit of files as <c>fairrubrics audit</c> does: reads the attributes table on another thread while
/// the score results (a file, or a folder of partitions read in parallel) are parsed, checks the analysed attributes
/// against the table's header, chooses the favourable bands, reads earlier reports, adds the ratings of an evidence
/// file and makes the report. Registered by <c>AddFairRubrics()</c>; thread-safe (each run has its own state).
/// </summary>
public interface IAuditRunner
{
    /// <summary>Audits <paramref name="request"/>'s score results joined with its attributes table.</summary>
    /// <param name="request">The files and the options.</param>
    /// <param name="cancellationToken">Stops the run before the files are read.</param>
    /// <returns>The report, the rejected lines and the counts of the run.</returns>
    /// <exception cref="AuditRequestException">The request cannot be run as it stands (an attribute that is not a column, a missing file, a rubric without favourable bands…).</exception>
    /// <exception cref="AuditReportFormatException">An earlier report is not an audit JSON report (with its line and column).</exception>
    /// <exception cref="FairRubricsException">A file cannot be read (the message names it), or an earlier report is of another rubric.</exception>
    Task<AuditRunResult> RunAsync(AuditRequest request, CancellationToken cancellationToken = default);
}
