using System.Globalization;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Loading;

/// <summary>
/// Loads rubrics in the <c>fairrubrics: 1</c> YAML format from files, folders, streams and strings. Reports
/// every problem at once with <c>file:line:column</c>; safe for untrusted input (no tags, aliases or
/// anchors; bounded size, nesting and node count). Thread-safe: one instance can load many files in parallel.
/// </summary>
public sealed class RubricLoader
{
    private readonly RubricLoaderOptions _options;
    private readonly ScoringRuleSet _rules;

    /// <summary>Creates a loader with the default limits that knows the built-in scoring rules.</summary>
    public RubricLoader()
        : this(new RubricLoaderOptions(), ScoringRuleSet.BuiltInOnly)
    {
    }

    /// <summary>Creates a loader.</summary>
    /// <param name="options">Size and nesting limits (copied; later changes have no effect).</param>
    /// <param name="rules">The scoring rules that <c>rule:</c> may name.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public RubricLoader(RubricLoaderOptions options, ScoringRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        options.Validate();
        _options = options.Clone();
        _rules = rules;
    }

    /// <summary>Gets the scoring rules this loader knows.</summary>
    public ScoringRuleSet Rules => _rules;

    /// <summary>Loads a rubric from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name used in diagnostics (e.g. the file name).</param>
    /// <returns>The rubric or the diagnostics.</returns>
    public RubricLoadResult LoadString(string yaml, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new DiagnosticBag();
        if ((long)yaml.Length * 3 > _options.MaxFileBytes && System.Text.Encoding.UTF8.GetByteCount(yaml) > _options.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticIds.TooLarge, new SourceLocation(sourceName, 1, 1), TooLargeMessage(System.Text.Encoding.UTF8.GetByteCount(yaml)));
            return new RubricLoadResult(sourceName, null, diagnostics.Items);
        }

        if (!SourceText.CheckText(yaml, sourceName, diagnostics))
        {
            return new RubricLoadResult(sourceName, null, diagnostics.Items);
        }

        return LoadText(yaml, sourceName, diagnostics);
    }

    /// <summary>Loads a rubric from a stream of UTF-8 (or UTF-16/32 with a byte-order mark) bytes. The stream is read, not closed.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="sourceName">The name used in diagnostics.</param>
    /// <returns>The rubric or the diagnostics.</returns>
    public RubricLoadResult LoadStream(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new DiagnosticBag();
        byte[] bytes;
        try
        {
            bytes = ReadBounded(stream, sourceName, diagnostics);
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticIds.Unreadable, new SourceLocation(sourceName, 0, 0), $"the rubric could not be read: {ex.Message}");
            return new RubricLoadResult(sourceName, null, diagnostics.Items);
        }

        if (diagnostics.HasErrors)
        {
            return new RubricLoadResult(sourceName, null, diagnostics.Items);
        }

        var text = SourceText.Decode(bytes, sourceName, diagnostics);
        return text is null ? new RubricLoadResult(sourceName, null, diagnostics.Items) : LoadText(text, sourceName, diagnostics);
    }

    /// <summary>Loads a rubric file.</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <returns>The rubric or the diagnostics (including <c>FR030</c> when the file cannot be read or is not a regular file).</returns>
    public RubricLoadResult LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (FileStatusReader.TryGet(path, followLinks: true, out var status, out _) && status.Kind != FileKind.Regular)
        {
            // Opening a FIFO for reading blocks until a writer comes, and a device may never end: neither is opened.
            var notRegular = new DiagnosticBag();
            notRegular.Error(DiagnosticIds.Unreadable, new SourceLocation(path, 0, 0), $"the rubric file cannot be read: it is {status.Describe()}, not a regular file, and is not opened");
            return new RubricLoadResult(path, null, notRegular.Items);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.SequentialScan);
            return LoadStream(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var diagnostics = new DiagnosticBag();
            var reason = ex switch
            {
                FileNotFoundException => "the file does not exist",
                DirectoryNotFoundException => "its folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => ex.Message,
            };
            diagnostics.Error(DiagnosticIds.Unreadable, new SourceLocation(path, 0, 0), $"the rubric file cannot be read: {reason}");
            return new RubricLoadResult(path, null, diagnostics.Items);
        }
    }

    /// <summary>
    /// Loads every <c>*.yaml</c> and <c>*.yml</c> file under a folder (in ordinal path order), and reports two
    /// files that define the same rubric id and version (<c>FR029</c>).
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="recursive">Whether to include sub-folders (default true).</param>
    /// <returns>Each file's result and the rubrics that loaded.</returns>
    public RubricSetLoadResult LoadDirectory(string directory, bool recursive = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            var missing = new Diagnostic(DiagnosticIds.Unreadable, DiagnosticSeverity.Error, "the rubric folder does not exist", new SourceLocation(directory, 0, 0));
            return new RubricSetLoadResult([], [], [missing]);
        }

        var search = FindRubricFiles(directory, recursive);
        var set = LoadFiles(search.Files);
        return search.Diagnostics.Count == 0 ? set : new RubricSetLoadResult(set.Files, set.Rubrics, [.. search.Diagnostics, .. set.Diagnostics]);
    }

    /// <summary>Loads several files as one set, reporting duplicate id+version across them (<c>FR029</c>).</summary>
    /// <param name="paths">The file paths.</param>
    /// <returns>Each file's result and the rubrics that loaded.</returns>
    public RubricSetLoadResult LoadFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = paths.Select(LoadFile).ToList();
        return Combine(results);
    }

    /// <summary>Lists the rubric files (<c>*.yaml</c>, <c>*.yml</c>) of a folder in ordinal path order (see <see cref="FindRubricFiles"/>, which also says what was skipped).</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="recursive">Whether to include sub-folders.</param>
    /// <returns>The paths.</returns>
    public static IReadOnlyList<string> EnumerateRubricFiles(string directory, bool recursive = true) =>
        FindRubricFiles(directory, recursive).Files;

    /// <summary>
    /// Walks a folder for rubric files (<c>*.yaml</c>, <c>*.yml</c>). Each real folder is walked once (by device and
    /// inode), so symbolic-link cycles end and a file reached by two paths is listed once; only regular files are
    /// listed (a FIFO or device is never opened); a sub-folder that cannot be read is reported and the walk goes on;
    /// the walk is bounded (64 levels, 20,000 folders, 20,000 files).
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="recursive">Whether to include sub-folders (default true).</param>
    /// <returns>The files in ordinal path order, and diagnostics for what was skipped (<c>FR033</c>) or unreadable (<c>FR030</c>).</returns>
    public static RubricFileSearch FindRubricFiles(string directory, bool recursive = true) =>
        RubricFileWalker.Walk(directory, recursive);

    internal static RubricSetLoadResult Combine(IReadOnlyList<RubricLoadResult> results)
    {
        var diagnostics = new List<Diagnostic>();
        var rubrics = new List<Rubric>();
        var seen = new Dictionary<(string, string), Rubric>();
        foreach (var result in results)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Rubric is not { } rubric)
            {
                continue;
            }

            if (seen.TryGetValue((rubric.Id, rubric.Version), out var first))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticIds.DuplicateRubric,
                    DiagnosticSeverity.Error,
                    $"rubric '{rubric.Id}' version {rubric.Version} is also defined in {first.Location}; change the 'id' or bump the 'version' of one of them",
                    rubric.Location));
                continue;
            }

            seen.Add((rubric.Id, rubric.Version), rubric);
            rubrics.Add(rubric);
        }

        return new RubricSetLoadResult(results, rubrics, diagnostics);
    }

    private RubricLoadResult LoadText(string text, string sourceName, DiagnosticBag diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var root = YamlTreeReader.Read(text, sourceName, _options, diagnostics);
        Rubric? rubric = null;
        if (root is RubricMappingNode mapping)
        {
            var lineSuppressions = LineSuppressionScanner.Scan(text, sourceName, diagnostics);
            rubric = new RubricBuilder(diagnostics, _rules, sourceName).Build(mapping, lineSuppressions);
        }

        var ordered = diagnostics.Items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList();
        return new RubricLoadResult(sourceName, diagnostics.HasErrors ? null : rubric, ordered);
    }

    private byte[] ReadBounded(Stream stream, string sourceName, DiagnosticBag diagnostics)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > _options.MaxFileBytes)
            {
                diagnostics.Error(DiagnosticIds.TooLarge, new SourceLocation(sourceName, 1, 1), TooLargeMessage(remaining));
                return [];
            }
        }

        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (memory.Length + read > _options.MaxFileBytes)
            {
                diagnostics.Error(DiagnosticIds.TooLarge, new SourceLocation(sourceName, 1, 1), TooLargeMessage(memory.Length + read));
                return [];
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    private string TooLargeMessage(long size) =>
        string.Create(CultureInfo.InvariantCulture, $"the rubric is {(size > _options.MaxFileBytes ? "larger than" : "")} {_options.MaxFileBytes} bytes, the limit set by the host; split it or raise RubricLoaderOptions.MaxFileBytes").Replace("  ", " ", StringComparison.Ordinal);
}
