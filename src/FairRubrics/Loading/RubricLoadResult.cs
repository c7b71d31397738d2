using FairRubrics.Model;

namespace FairRubrics.Loading;

/// <summary>The outcome of loading one rubric file: the rubric when it is valid, and every diagnostic found.</summary>
public sealed class RubricLoadResult
{
    internal RubricLoadResult(string source, Rubric? rubric, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Rubric = rubric;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the file or source name.</summary>
    public string Source { get; }

    /// <summary>Gets the rubric, or null when the file has errors.</summary>
    public Rubric? Rubric { get; }

    /// <summary>Gets every diagnostic, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether the rubric loaded.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Rubric))]
    public bool Succeeded => Rubric is not null;

    /// <summary>Returns the rubric, or throws with every error when it did not load.</summary>
    /// <returns>The rubric.</returns>
    /// <exception cref="RubricLoadException">The file has errors.</exception>
    public Rubric GetRubricOrThrow() => Rubric ?? throw new RubricLoadException(Source, Diagnostics);
}

/// <summary>The outcome of loading several rubric files (a folder): each file's result, plus problems across files.</summary>
public sealed class RubricSetLoadResult
{
    internal RubricSetLoadResult(IReadOnlyList<RubricLoadResult> files, IReadOnlyList<Rubric> rubrics, IReadOnlyList<Diagnostic> diagnostics)
    {
        Files = files;
        Rubrics = rubrics;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets each file's result, in ordinal path order.</summary>
    public IReadOnlyList<RubricLoadResult> Files { get; }

    /// <summary>Gets the rubrics that loaded and do not clash with another file's id and version.</summary>
    public IReadOnlyList<Rubric> Rubrics { get; }

    /// <summary>Gets every diagnostic of every file, plus duplicate id+version across files (<c>FR029</c>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether every file loaded without errors.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}

/// <summary>A rubric did not load; <see cref="Diagnostics"/> lists every problem with its position.</summary>
public sealed class RubricLoadException : FairRubricsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file or source name.</param>
    /// <param name="diagnostics">The problems found.</param>
    public RubricLoadException(string source, IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(source, diagnostics))
    {
        Source = source;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the file or source name.</summary>
    public new string Source { get; }

    /// <summary>Gets the problems found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(string source, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var lines = errors.Take(20).Select(d => d.ToString());
        var more = errors.Count > 20 ? $"{Environment.NewLine}… and {errors.Count - 20} more" : string.Empty;
        return $"The rubric '{source}' has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}

/// <summary>The rubric files found under a folder, and the entries that were skipped or could not be read.</summary>
public sealed class RubricFileSearch
{
    internal RubricFileSearch(IReadOnlyList<string> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        Files = files;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the rubric files (<c>*.yaml</c>, <c>*.yml</c>; regular files only, each real file once), in ordinal path order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Gets what the walk skipped or could not read: <c>FR033</c> warnings for a FIFO, device or socket named like a
    /// rubric, a broken link or a link to a folder already walked, <c>FR033</c> errors where a limit stopped the
    /// walk, and <c>FR030</c> errors for folders that cannot be read.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
