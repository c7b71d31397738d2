using FairRubrics.Loading;

namespace FairRubrics.Checks;

/// <summary>The <see cref="ILintRunner"/> registered by <c>AddFairRubrics()</c>: the engine of <c>fairrubrics lint</c>.</summary>
public sealed class LintRunner : ILintRunner
{
    private readonly RubricLoader _loader;
    private readonly IRubricLinter _linter;

    /// <summary>Creates the runner.</summary>
    /// <param name="loader">Loads the rubric files.</param>
    /// <param name="linter">Runs the design checks.</param>
    public LintRunner(RubricLoader loader, IRubricLinter linter)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(linter);
        _loader = loader;
        _linter = linter;
    }

    /// <inheritdoc />
    public Task<LintRunResult> RunAsync(LintRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Paths);
        var files = new List<string>();
        var walk = new List<Diagnostic>();
        var empty = new List<string>();
        foreach (var input in request.Paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(input))
            {
                var search = RubricLoader.FindRubricFiles(input);
                if (search.Files.Count == 0 && !search.Diagnostics.Any(d => d.IsError))
                {
                    empty.Add(input);
                }

                files.AddRange(search.Files);
                walk.AddRange(search.Diagnostics);
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new FileNotFoundException($"no such file or folder: {input}", input);
            }
        }

        if (empty.Count > 0)
        {
            // A wrong path must not pass as "nothing to report": the caller is told which folders were empty.
            return Task.FromResult(new LintRunResult(RubricLoader.Combine([]), walk, empty, _linter.Descriptors));
        }

        var loaded = new List<RubricLoadResult>();
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            loaded.Add(_loader.LoadFile(file));
        }

        var set = RubricLoader.Combine(loaded);
        var diagnostics = new List<Diagnostic>(walk.Count + set.Diagnostics.Count);
        diagnostics.AddRange(walk);
        diagnostics.AddRange(set.Diagnostics);
        foreach (var rubric in set.Rubrics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            diagnostics.AddRange(_linter.Lint(rubric));
        }

        var ordered = diagnostics
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new LintRunResult(set, ordered, [], _linter.Descriptors));
    }
}
