namespace FairRubrics.Checks;

/// <summary>
/// Lints rubric files and folders as <c>fairrubrics lint</c> does: walks the folders for rubric files, loads them as
/// one set (duplicate id and version across files is <c>FR029</c>), runs the registered design checks on every
/// rubric that loads and orders all diagnostics by file, line, column and id. Registered by <c>AddFairRubrics()</c>
/// with the container's <see cref="Loading.RubricLoader"/> and <see cref="IRubricLinter"/>; thread-safe.
/// </summary>
public interface ILintRunner
{
    /// <summary>Lints the files and folders of <paramref name="request"/>.</summary>
    /// <param name="request">The files and folders.</param>
    /// <param name="cancellationToken">Stops the run between files and between rubrics.</param>
    /// <returns>
    /// The files, the rubrics and the ordered diagnostics; when a folder holds no rubric files nothing is loaded and
    /// <see cref="LintRunResult.EmptyFolders"/> names the folders.
    /// </returns>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder (the message names it).</exception>
    Task<LintRunResult> RunAsync(LintRequest request, CancellationToken cancellationToken = default);
}
