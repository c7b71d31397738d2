using FairRubrics.Loading;
using FairRubrics.Model;

namespace FairRubrics.Checks;

/// <summary>The outcome of a <see cref="ILintRunner.RunAsync"/> run: what was loaded and every diagnostic, in order.</summary>
public sealed class LintRunResult
{
    internal LintRunResult(RubricSetLoadResult set, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> emptyFolders, IReadOnlyDictionary<string, CheckDescriptor> descriptors)
    {
        Files = set.Files;
        Rubrics = set.Rubrics;
        Diagnostics = diagnostics;
        EmptyFolders = emptyFolders;
        Descriptors = descriptors;
        Errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        Warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        Infos = diagnostics.Count - Errors - Warnings;
    }

    /// <summary>Gets each file's load result, in the order loaded.</summary>
    public IReadOnlyList<RubricLoadResult> Files { get; }

    /// <summary>Gets the rubrics that loaded (and were linted).</summary>
    public IReadOnlyList<Rubric> Rubrics { get; }

    /// <summary>
    /// Gets the diagnostics of walking the folders, loading the files and the design checks, ordered by file (ordinal),
    /// line, column and id. When <see cref="EmptyFolders"/> is not empty, only those of walking the folders.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the folders given that hold no rubric file (and had no error walking them); then nothing was loaded.</summary>
    public IReadOnlyList<string> EmptyFolders { get; }

    /// <summary>Gets the descriptors of the design checks' findings, by id (as <see cref="IRubricLinter.Descriptors"/>).</summary>
    public IReadOnlyDictionary<string, CheckDescriptor> Descriptors { get; }

    /// <summary>Gets the number of error diagnostics.</summary>
    public int Errors { get; }

    /// <summary>Gets the number of warning diagnostics.</summary>
    public int Warnings { get; }

    /// <summary>Gets the number of info diagnostics.</summary>
    public int Infos { get; }

    /// <summary>Gets a value indicating whether a file or folder could not be read (an error <c>FR030</c>).</summary>
    public bool HasUnreadable => Diagnostics.Any(d => d.Id == DiagnosticIds.Unreadable && d.IsError);
}
