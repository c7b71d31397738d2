using System.Globalization;
using FairRubrics.Loading;
using FairRubrics.Model;

namespace FairRubrics.Catalog;

/// <summary>The loaded rubrics of an application, by id and version, and the diagnostics of files that failed to load.</summary>
public interface IRubricCatalog
{
    /// <summary>Gets the rubrics currently loaded (a consistent snapshot).</summary>
    IReadOnlyList<Rubric> Rubrics { get; }

    /// <summary>Gets the diagnostics of the current snapshot: files that failed to load, edits that were kept out, duplicates.</summary>
    IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Occurs after the catalog swapped in a new snapshot (a watched file changed, or <see cref="Reload"/>).</summary>
    event EventHandler? Changed;

    /// <summary>Finds a rubric by id and, optionally, exact version; without a version, the highest semantic version.</summary>
    /// <param name="id">The rubric id.</param>
    /// <param name="version">The exact version, or null for the latest.</param>
    /// <returns>The rubric, or null.</returns>
    Rubric? Find(string id, string? version = null);

    /// <summary>Gets a rubric by id and optional version, or throws with the reason (including load errors of its file).</summary>
    /// <param name="id">The rubric id.</param>
    /// <param name="version">The exact version, or null for the latest.</param>
    /// <returns>The rubric.</returns>
    /// <exception cref="RubricNotFoundException">No such rubric is loaded.</exception>
    Rubric GetRubric(string id, string? version = null);

    /// <summary>Reloads every source now; a file that no longer loads keeps its last valid version.</summary>
    void Reload();
}

/// <summary>A rubric asked for by id (and version) is not in the catalog.</summary>
public sealed class RubricNotFoundException : FairRubricsException
{
    /// <summary>Creates the exception.</summary>
    public RubricNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which rubric is missing and what the catalog holds.</param>
    public RubricNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which rubric is missing.</param>
    /// <param name="innerException">The cause.</param>
    public RubricNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A catalog over rubric sources. Snapshots are immutable and swapped atomically, so a caller scoring with a
/// rubric is never torn by a reload. Watched folders reload after a short quiet period; a broken edit keeps the
/// last valid version of that file and is reported in <see cref="Diagnostics"/> (id <c>FR0xx</c> of the error,
/// plus an info that the previous version stays in use).
/// </summary>
public sealed class RubricCatalog : IRubricCatalog, IDisposable
{
    private readonly RubricLoader _loader;
    private readonly IReadOnlyList<RubricSource> _sources;
    private readonly TimeSpan _debounce;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _reloadLock = new();
    private readonly Dictionary<string, Rubric> _lastGood = new(StringComparer.Ordinal);
    private readonly ITimer? _timer;
    private readonly Hosting.FairRubricsTelemetry? _telemetry;
    private readonly Microsoft.Extensions.Logging.ILogger? _logger;
    private Snapshot _snapshot = Snapshot.Empty;
    private bool _loaded;
    private bool _disposed;

    /// <summary>Creates a catalog and loads every source.</summary>
    /// <param name="loader">The loader (its scoring rules decide which <c>rule:</c> names are valid).</param>
    /// <param name="sources">The sources.</param>
    /// <param name="timeProvider">Clock for the reload quiet period; default the system clock.</param>
    /// <param name="reloadDelay">Quiet period after the last file change before a watched folder reloads; default 250 ms.</param>
    public RubricCatalog(RubricLoader loader, IEnumerable<RubricSource> sources, TimeProvider? timeProvider = null, TimeSpan? reloadDelay = null)
        : this(loader, sources, timeProvider, reloadDelay, telemetry: null, logger: null)
    {
    }

    /// <summary>Creates a catalog that reports loads, reloads and rejected files to a host's logs and metrics.</summary>
    internal RubricCatalog(RubricLoader loader, IEnumerable<RubricSource> sources, TimeProvider? timeProvider, TimeSpan? reloadDelay, Hosting.FairRubricsTelemetry? telemetry, Microsoft.Extensions.Logging.ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(sources);
        _telemetry = telemetry;
        _logger = logger;
        _loader = loader;
        _sources = [.. sources];
        _debounce = reloadDelay ?? TimeSpan.FromMilliseconds(250);
        Reload();

        var watched = _sources.OfType<RubricSource.DirectorySource>().Where(s => s.Watch && System.IO.Directory.Exists(s.Directory)).ToList();
        if (watched.Count > 0)
        {
            _timer = (timeProvider ?? TimeProvider.System).CreateTimer(_ => ReloadQuietly(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            foreach (var source in watched)
            {
                var watcher = new FileSystemWatcher(source.Directory)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
                };
                watcher.Changed += OnFileEvent;
                watcher.Created += OnFileEvent;
                watcher.Deleted += OnFileEvent;
                watcher.Renamed += OnFileEvent;
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }
    }

    /// <inheritdoc/>
    public event EventHandler? Changed;

    /// <inheritdoc/>
    public IReadOnlyList<Rubric> Rubrics => Volatile.Read(ref _snapshot).Rubrics;

    /// <inheritdoc/>
    public IReadOnlyList<Diagnostic> Diagnostics => Volatile.Read(ref _snapshot).Diagnostics;

    /// <inheritdoc/>
    public Rubric? Find(string id, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Rubric? best = null;
        foreach (var rubric in Rubrics)
        {
            if (!string.Equals(rubric.Id, id, StringComparison.Ordinal))
            {
                continue;
            }

            if (version is not null)
            {
                if (string.Equals(rubric.Version, version, StringComparison.Ordinal))
                {
                    return rubric;
                }

                continue;
            }

            if (best is null || SemVer.Compare(rubric.Version, best.Version) > 0)
            {
                best = rubric;
            }
        }

        return best;
    }

    /// <inheritdoc/>
    public Rubric GetRubric(string id, string? version = null) =>
        Find(id, version) ?? throw new RubricNotFoundException(
            $"No rubric '{id}'{(version is null ? string.Empty : " version " + version)} is loaded; the catalog holds: {string.Join(", ", Rubrics.Select(r => r.ToString()).Order(StringComparer.Ordinal))}.{(Diagnostics.Any(d => d.IsError) ? " Some files failed to load; see the catalog's Diagnostics." : string.Empty)}");

    /// <inheritdoc/>
    public void Reload()
    {
        lock (_reloadLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var results = new List<RubricLoadResult>();
            var diagnostics = new List<Diagnostic>();
            var seenFiles = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in _sources)
            {
                foreach (var result in LoadSource(source, diagnostics))
                {
                    seenFiles.Add(result.Source);
                    if (result.Rubric is { } rubric)
                    {
                        _lastGood[result.Source] = rubric;
                        results.Add(result);
                    }
                    else if (_lastGood.TryGetValue(result.Source, out var previous))
                    {
                        diagnostics.AddRange(result.Diagnostics);
                        diagnostics.Add(new Diagnostic(
                            DiagnosticIds.Unreadable,
                            DiagnosticSeverity.Info,
                            $"the edit of this file does not load; rubric '{previous.Id}' version {previous.Version} from before the edit stays in use until the errors are fixed",
                            new SourceLocation(result.Source, 0, 0)));
                        results.Add(new RubricLoadResult(result.Source, previous, []));
                    }
                    else
                    {
                        results.Add(result);
                    }
                }
            }

            foreach (var gone in _lastGood.Keys.Where(k => !seenFiles.Contains(k)).ToList())
            {
                _lastGood.Remove(gone);
            }

            var combined = RubricLoader.Combine(results);
            diagnostics.InsertRange(0, combined.Diagnostics);
            var snapshot = new Snapshot(combined.Rubrics, diagnostics);
            Volatile.Write(ref _snapshot, snapshot);
            Report(snapshot, first: !_loaded);
            _loaded = true;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Stops watching folders.</summary>
    public void Dispose()
    {
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer?.Dispose();
    }

    private List<RubricLoadResult> LoadSource(RubricSource source, List<Diagnostic> diagnostics)
    {
        switch (source)
        {
            case RubricSource.DirectorySource directory:
                if (!System.IO.Directory.Exists(directory.Directory))
                {
                    var message = directory.Configured is null
                        ? "the rubric folder does not exist"
                        : $"the rubric folder does not exist ('{directory.Configured}' resolved against {directory.ResolvedAgainst})";
                    diagnostics.Add(new Diagnostic(DiagnosticIds.Unreadable, DiagnosticSeverity.Error, message, new SourceLocation(directory.Directory, 0, 0)));
                    return [];
                }

                var search = RubricLoader.FindRubricFiles(directory.Directory);
                diagnostics.AddRange(search.Diagnostics);
                return search.Files.Select(_loader.LoadFile).ToList();
            case RubricSource.StringSource text:
                return [_loader.LoadString(text.Yaml, text.Name)];
            case RubricSource.StreamSource stream:
                using (var opened = stream.Open())
                {
                    return [_loader.LoadStream(opened, stream.Name)];
                }

            case RubricSource.EmbeddedSource embedded:
                var results = new List<RubricLoadResult>();
                foreach (var name in embedded.Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
                {
                    if ((embedded.Prefix is not null && !name.StartsWith(embedded.Prefix, StringComparison.Ordinal))
                        || !(name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    using var resource = embedded.Assembly.GetManifestResourceStream(name)!;
                    results.Add(_loader.LoadStream(resource, name));
                }

                return results;
            default:
                throw new NotSupportedException(source.GetType().Name);
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        lock (_reloadLock)
        {
            if (!_disposed)
            {
                _timer?.Change(_debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void ReloadQuietly()
    {
        try
        {
            Reload();
        }
        catch (ObjectDisposedException)
        {
            // The catalog was disposed while a reload was pending.
        }
#pragma warning disable CA1031 // A reload runs on a timer thread: an exception there would end the process; the previous snapshot stays in use.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (_logger is not null)
            {
                Hosting.Log.RubricReloadFailed(_logger, ex.GetType().Name, ex.Message);
            }

            _telemetry?.RubricReloads.Add(1, new KeyValuePair<string, object?>("fairrubrics.outcome", "errors"));
        }
    }

    /// <summary>Logs and counts a new snapshot: counts, and the position and code of every file that failed to load.</summary>
    private void Report(Snapshot snapshot, bool first)
    {
        var errors = 0;
        foreach (var diagnostic in snapshot.Diagnostics)
        {
            errors += diagnostic.IsError ? 1 : 0;
        }

        using var activity = _telemetry?.ActivitySource.StartActivity(first ? "FairRubrics.LoadRubrics" : "FairRubrics.ReloadRubrics");
        activity?.SetTag("fairrubrics.rubrics", snapshot.Rubrics.Count).SetTag("fairrubrics.errors", errors);
        if (!first)
        {
            _telemetry?.RubricReloads.Add(1, new KeyValuePair<string, object?>("fairrubrics.outcome", errors == 0 ? "ok" : "errors"));
        }

        if (_logger is null)
        {
            return;
        }

        foreach (var diagnostic in snapshot.Diagnostics)
        {
            var at = diagnostic.Location;
            if (diagnostic.IsError)
            {
                Hosting.Log.RubricFileRejected(_logger, at.File, at.Line, at.Column, diagnostic.Id, diagnostic.Message);
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Info && string.Equals(diagnostic.Id, DiagnosticIds.Unreadable, StringComparison.Ordinal)
                && _lastGood.TryGetValue(at.File, out var kept))
            {
                Hosting.Log.RubricEditKeptOut(_logger, at.File, kept.Id, kept.Version);
            }
        }

        if (first)
        {
            Hosting.Log.RubricsLoaded(_logger, snapshot.Rubrics.Count, _sources.Count, errors);
        }
        else
        {
            Hosting.Log.RubricsReloaded(_logger, snapshot.Rubrics.Count, errors);
        }
    }

    private sealed record Snapshot(IReadOnlyList<Rubric> Rubrics, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public static Snapshot Empty { get; } = new([], []);
    }
}

/// <summary>Compares semantic versions (MAJOR.MINOR.PATCH, a pre-release sorts before its release).</summary>
internal static class SemVer
{
    public static int Compare(string a, string b)
    {
        var (coreA, preA) = Split(a);
        var (coreB, preB) = Split(b);
        for (var i = 0; i < 3; i++)
        {
            var c = coreA[i].CompareTo(coreB[i]);
            if (c != 0)
            {
                return c;
            }
        }

        if (preA is null || preB is null)
        {
            return preA is null ? (preB is null ? 0 : 1) : -1;
        }

        return string.CompareOrdinal(preA, preB);
    }

    private static (long[] Core, string? Pre) Split(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        var dash = version.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? version[(dash + 1)..] : null;
        var core = (dash >= 0 ? version[..dash] : version).Split('.');
        var numbers = new long[3];
        for (var i = 0; i < 3 && i < core.Length; i++)
        {
            _ = long.TryParse(core[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]);
        }

        return (numbers, pre);
    }
}
