using FairRubrics.Evidence;

namespace FairRubrics.Scoring;

/// <summary>
/// Groups evidence in any order by subject in bounded memory, for scoring evidence that does not come grouped: an
/// external merge sort. Items gather in memory up to <see cref="ItemsPerRun"/>; a full batch is sorted by subject
/// (ordinal) and written to a temporary run file; <see cref="Groups"/> then merges the runs and gives each subject's
/// items, subjects in ordinal order, each subject's items in the order they were added (runs are merged with ties
/// going to the earlier run, and each sort is stable). Input that fits one batch never touches the disk.
/// </summary>
/// <remarks>
/// Memory: one batch (<see cref="ItemsPerRun"/> items, about 25 MB at the default 131,072 items of sample evidence)
/// plus, while merging, one read buffer per run (16 KiB) and one subject's items. Runs are at most
/// <see cref="MaxRuns"/> open files: when more would be needed, the runs so far are merged into one first.
/// Run files live in a fresh folder under the system's temporary folder (<c>TMPDIR</c>), are unlinked as soon as
/// they are created where the system allows (Linux, macOS: nothing is left behind even when the process is killed),
/// and are deleted on <see cref="Dispose"/> otherwise, which also runs on an error or a cancellation. Disk: about
/// the size of the items written in a compact binary form (roughly half of their CSV). Not thread-safe.
/// </remarks>
internal sealed partial class ExternalSubjectSort : IDisposable
{
    /// <summary>The default number of items sorted in memory before a run is written.</summary>
    public const int DefaultItemsPerRun = 1 << 17;

    /// <summary>The most runs kept at once (open files while merging).</summary>
    public const int MaxRuns = 128;

    private readonly EvidenceStringPool _pool;
    private readonly List<RunFile> _runs = [];
    private readonly List<EvidenceItem> _batch = [];
    private int[] _order = [];
    private DirectoryInfo? _folder;
    private bool _grouping;
    private bool _disposed;

    /// <summary>Creates an empty sort.</summary>
    /// <param name="rubric">The rubric the items are scored against (its ids are shared when items are read back), or null.</param>
    /// <param name="itemsPerRun">How many items are sorted in memory before they go to a run file.</param>
    public ExternalSubjectSort(Model.Rubric? rubric = null, int itemsPerRun = DefaultItemsPerRun)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsPerRun, 1);
        // One pool for every run read back (all on one thread): equal ids share one instance, and the pool's bounded
        // table is paid once, not once per open run.
        _pool = new EvidenceStringPool(rubric);
        ItemsPerRun = itemsPerRun;
    }

    /// <summary>Gets how many items are sorted in memory before a run is written.</summary>
    public int ItemsPerRun { get; }

    /// <summary>Gets the number of run files written so far (0 while everything fits in memory).</summary>
    public int RunsWritten { get; private set; }

    /// <summary>Gets the temporary folder of the runs, or null before the first run.</summary>
    public string? Folder => _folder?.FullName;

    /// <summary>Adds an item.</summary>
    /// <param name="item">The item; its subject must not be null.</param>
    public void Add(in EvidenceItem item)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_grouping)
        {
            throw new InvalidOperationException("items cannot be added once the groups are read");
        }

        _batch.Add(item);
        if (_batch.Count >= ItemsPerRun)
        {
            Spill();
        }
    }

    /// <summary>
    /// Gets each subject's items, subjects in ordinal order, items in the order they were added. Enumerate once.
    /// </summary>
    /// <param name="cancellationToken">Checked between subjects.</param>
    /// <returns>The groups, lazily; each array is the caller's.</returns>
    public IEnumerable<EvidenceItem[]> Groups(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_grouping)
        {
            throw new InvalidOperationException("the groups can be read once");
        }

        _grouping = true;
        return GroupsOf(Merged(), cancellationToken);
    }

    /// <summary>Closes and deletes every run file and the temporary folder.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var run in _runs)
        {
            run.Dispose();
        }

        _runs.Clear();
        _batch.Clear();
        try
        {
            _folder?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or held by another process: the system's temporary folder is cleaned in time.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static IEnumerable<EvidenceItem[]> GroupsOf(IEnumerable<EvidenceItem> sorted, CancellationToken cancellationToken)
    {
        var group = new List<EvidenceItem>();
        string? subject = null;
        foreach (var item in sorted)
        {
            if (!string.Equals(item.Subject, subject, StringComparison.Ordinal))
            {
                if (subject is not null)
                {
                    yield return [.. group];
                    group.Clear();
                }

                cancellationToken.ThrowIfCancellationRequested();
                subject = item.Subject;
            }

            group.Add(item);
        }

        if (subject is not null)
        {
            yield return [.. group];
        }
    }

    /// <summary>Every item in (subject, order added) order: the sorted last batch merged with the runs.</summary>
    private IEnumerable<EvidenceItem> Merged()
    {
        var last = SortedBatch();
        if (_runs.Count == 0)
        {
            return last;
        }

        // The batch in memory is the latest input: it merges as the last run.
        var sources = new List<IEnumerator<EvidenceItem>>(_runs.Count + 1);
        foreach (var run in _runs)
        {
            sources.Add(run.Read(_pool).GetEnumerator());
        }

        sources.Add(last.GetEnumerator());
        return Merge(sources);
    }

    /// <summary>Merges sorted sources; equal subjects come from the earlier source first.</summary>
    private static IEnumerable<EvidenceItem> Merge(List<IEnumerator<EvidenceItem>> sources)
    {
        var heap = new PriorityQueue<int, (string Subject, int Source)>(sources.Count, HeadComparer.Instance);
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext())
                {
                    heap.Enqueue(i, (sources[i].Current.Subject, i));
                }
            }

            while (heap.TryDequeue(out var source, out _))
            {
                var enumerator = sources[source];
                var subject = enumerator.Current.Subject;
                yield return enumerator.Current;

                // The rest of this subject's items in this source come before any other source's.
                while (true)
                {
                    if (!enumerator.MoveNext())
                    {
                        break;
                    }

                    if (!string.Equals(enumerator.Current.Subject, subject, StringComparison.Ordinal))
                    {
                        heap.Enqueue(source, (enumerator.Current.Subject, source));
                        break;
                    }

                    yield return enumerator.Current;
                }
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    /// <summary>The batch in (subject, order added) order; the batch's memory is reused for the next one once this is read.</summary>
    private IEnumerable<EvidenceItem> SortedBatch()
    {
        var count = _batch.Count;
        if (_order.Length < count)
        {
            _order = new int[count];
        }

        var order = _order;
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Stable: equal subjects keep the order they were added in.
        var items = _batch;
        Array.Sort(order, 0, count, Comparer<int>.Create((a, b) =>
        {
            var c = string.CompareOrdinal(items[a].Subject, items[b].Subject);
            return c != 0 ? c : a.CompareTo(b);
        }));
        return Enumerate(items, order, count);

        static IEnumerable<EvidenceItem> Enumerate(List<EvidenceItem> items, int[] order, int count)
        {
            for (var i = 0; i < count; i++)
            {
                yield return items[order[i]];
            }

            items.Clear();
        }
    }

    private void Spill()
    {
        _folder ??= Directory.CreateTempSubdirectory("fairrubrics-sort-");
        if (_runs.Count >= MaxRuns - 1)
        {
            // Too many open files: the runs so far become one.
            var sources = _runs.Select(r => r.Read(_pool).GetEnumerator()).ToList();
            var merged = RunFile.Write(_folder.FullName, Merge(sources));
            foreach (var run in _runs)
            {
                run.Dispose();
            }

            _runs.Clear();
            _runs.Add(merged);
            RunsWritten++;
        }

        _runs.Add(RunFile.Write(_folder.FullName, SortedBatch()));
        RunsWritten++;
    }

    private sealed class HeadComparer : IComparer<(string Subject, int Source)>
    {
        public static readonly HeadComparer Instance = new();

        public int Compare((string Subject, int Source) x, (string Subject, int Source) y)
        {
            var c = string.CompareOrdinal(x.Subject, y.Subject);
            return c != 0 ? c : x.Source.CompareTo(y.Source);
        }
    }
}
