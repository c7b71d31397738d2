using System.Collections.Concurrent;
using System.Text;

namespace FairRubrics.Audit;

/// <summary>A line of a score-results file that was not audited, and why (never a subject id or value).</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Reason">Why the line was rejected.</param>
public readonly record struct ScoreFileProblem(string File, long Line, string Reason);

/// <summary>Options of <see cref="AuditFiles.Accumulate"/>.</summary>
public sealed class AuditFileOptions
{
    /// <summary>Gets or sets how many partition files are read at once. Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets a callback told the number of lines read so far, a few times a second at most per file (called from worker threads, one at a time).</summary>
    public Action<long>? Progress { get; set; }
}

/// <summary>What <see cref="AuditFiles.Accumulate"/> read: the statistics, and the lines it could not use.</summary>
public sealed class AuditFileResult
{
    internal AuditFileResult(AuditAccumulator accumulator, IReadOnlyList<string> files, IReadOnlyList<ScoreFileProblem> problems, long withoutAttributes, long attributeRowsWithResult)
    {
        Accumulator = accumulator;
        Files = files;
        Problems = problems;
        WithoutAttributes = withoutAttributes;
        AttributeRowsWithResult = attributeRowsWithResult;
    }

    /// <summary>Gets the accumulated statistics (partitions merged in file-name order).</summary>
    public AuditAccumulator Accumulator { get; }

    /// <summary>Gets the files read, in the order they were merged.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets the rejected lines, by file (in <see cref="Files"/> order) and line.</summary>
    public IReadOnlyList<ScoreFileProblem> Problems { get; }

    /// <summary>Gets the number of audited results whose subject has no attributes row (counted as unknown).</summary>
    public long WithoutAttributes { get; }

    /// <summary>Gets the number of attributes rows that a result was joined with.</summary>
    public long AttributeRowsWithResult { get; }
}

/// <summary>
/// Audits score-result files (JSON Lines as <c>fairrubrics score</c> writes them) joined with an attributes table:
/// a file is streamed line by line through a <see cref="System.Text.Json.Utf8JsonReader"/> that reads only the
/// properties the audit needs, into an <see cref="AuditAccumulator"/>; a folder of partition files (for example one
/// per business unit) is read in parallel, one accumulator per file, merged in file-name order so that the
/// result does not depend on which file finished first. Memory grows with the attributes table and the number of
/// groups, not with the number of results.
/// </summary>
public static class AuditFiles
{
    private const int ProgressEvery = 1 << 16;

    /// <summary>Reads and accumulates a score-results file, or every <c>*.jsonl</c> file of a folder.</summary>
    /// <param name="path">A JSON Lines file, or a folder of them (its <c>*.jsonl</c> files; not sub-folders).</param>
    /// <param name="attributes">The attributes table.</param>
    /// <param name="columns">The attributes to analyse: columns of <paramref name="attributes"/> (ordinal, case-insensitive).</param>
    /// <param name="intersect">Whether to analyse the intersection of the attributes too.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The accumulated statistics and the rejected lines.</returns>
    /// <exception cref="ArgumentException">A column is not in the table.</exception>
    /// <exception cref="FileNotFoundException">The path is neither a file nor a folder.</exception>
    /// <exception cref="FairRubricsException">
    /// The results mix rubrics or competencies (with the file and line), a folder has no <c>*.jsonl</c> file, or two
    /// partitions hold results of the same subject.
    /// </exception>
    public static AuditFileResult Accumulate(string path, AttributeTable attributes, IReadOnlyList<string> columns, bool intersect, AuditFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(columns);
        options ??= new AuditFileOptions();
        var indexes = columns.Select(name => IndexOf(attributes, name)).ToArray();
        var names = indexes.Select(i => attributes.Columns[i]).ToArray();
        var files = FilesOf(path);
        var join = new Join(attributes, options.Progress);
        var parts = new Partition[files.Count];
        Parallel.For(
            0,
            files.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) },
            i => parts[i] = Read(files[i], i, new AuditAccumulator(names, intersect), indexes, join));

        // Deterministic outcome: the first failure in file order, then partitions merged in file order.
        if (parts.FirstOrDefault(p => p.Failure is not null) is { Failure: { } failure })
        {
            throw failure;
        }

        if (join.Overlap is var (first, second) && first >= 0)
        {
            throw new FairRubricsException($"{files[second]}: a subject that also has a result in {files[first]}; partitions must not overlap");
        }

        var accumulator = parts[0].Accumulator;
        if (parts.Length > 1)
        {
            accumulator = new AuditAccumulator(names, intersect);
            foreach (var part in parts)
            {
                accumulator.Merge(part.Accumulator);
            }
        }

        return new AuditFileResult(accumulator, files, [.. parts.SelectMany(p => p.Problems)], parts.Sum(p => p.WithoutAttributes), parts.Sum(p => p.Joined));
    }

    private static int IndexOf(AttributeTable attributes, string name)
    {
        for (var i = 0; i < attributes.Columns.Count; i++)
        {
            if (string.Equals(attributes.Columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not a column of the attributes table (columns: {string.Join(", ", attributes.Columns)})", nameof(name));
    }

    private static List<string> FilesOf(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no such file or folder: {path}", path);
        }

        var files = Directory.EnumerateFiles(path, "*.jsonl", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new FairRubricsException($"{path}: the folder has no .jsonl file of score results");
    }

    /// <summary>Reads one file into its own accumulator.</summary>
    private static Partition Read(string file, int index, AuditAccumulator accumulator, int[] columns, Join join)
    {
        var part = new Partition(accumulator);
        var table = join.Table;

        // This accumulator's value id for each value id of each analysed column of the table.
        var map = new int[columns.Length][];
        for (var j = 0; j < columns.Length; j++)
        {
            var values = table.ValuesOf(columns[j]);
            map[j] = new int[values.Count + 1];
            for (var v = 0; v < values.Count; v++)
            {
                map[j][v + 1] = accumulator.ValueId(j, values[v]);
            }
        }

        var valueIds = new int[columns.Length];
        var record = new ScoreRecord();
        var me = index + 1;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var lines = new Utf8LineReader(stream);
            while (lines.MoveNext())
            {
                if (lines.LineNumber % ProgressEvery == 0)
                {
                    join.Tick(ProgressEvery);
                }

                if (ScoreLineParser.TryParse(lines.Current, record) is { } error)
                {
                    part.Problems.Add(new ScoreFileProblem(file, lines.LineNumber, error));
                    continue;
                }

                var row = table.RowOf(record.Subject);
                var owner = row >= 0 ? join.ClaimRow(row, me) : join.ClaimOther(record.Subject, me);
                if (owner == me)
                {
                    part.Problems.Add(new ScoreFileProblem(file, lines.LineNumber, "a second result for a subject already audited"));
                    continue;
                }

                if (owner != 0)
                {
                    join.Overlaps(owner - 1, index);
                    continue;
                }

                if (row >= 0)
                {
                    part.Joined++;
                    for (var j = 0; j < columns.Length; j++)
                    {
                        valueIds[j] = map[j][table.ValueId(columns[j], row)];
                    }
                }
                else
                {
                    part.WithoutAttributes++;
                    Array.Clear(valueIds);
                }

                try
                {
                    accumulator.AddRecord(record, valueIds);
                }
                catch (FairRubricsException ex)
                {
                    throw new FairRubricsException(FormattableString.Invariant($"{file}:{lines.LineNumber}: {ex.Message}"));
                }
            }
        }
        catch (Exception ex) when (ex is FairRubricsException or IOException or UnauthorizedAccessException)
        {
            part.Failure = ex;
        }

        return part;
    }

    /// <summary>The result of one partition file.</summary>
    private sealed class Partition(AuditAccumulator accumulator)
    {
        public AuditAccumulator Accumulator { get; } = accumulator;

        public List<ScoreFileProblem> Problems { get; } = [];

        public long WithoutAttributes { get; set; }

        public long Joined { get; set; }

        public Exception? Failure { get; set; }
    }

    /// <summary>
    /// What the partitions share: which partition took each subject (for attributes rows an array of owners, for
    /// subjects without a row a concurrent dictionary), the first overlap between partitions, progress.
    /// </summary>
    private sealed class Join(AttributeTable table, Action<long>? progress)
    {
        private readonly int[] _rowOwners = new int[table.Count];
        private readonly ConcurrentDictionary<string, int> _otherOwners = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();
        private long _lines;

        public AttributeTable Table { get; } = table;

        /// <summary>Gets the first pair of overlapping partitions, (-1, -1) for none.</summary>
        public (int First, int Second) Overlap { get; private set; } = (-1, -1);

        /// <summary>Takes a row for a partition (1-based); returns 0 when it was free, else the partition that has it.</summary>
        public int ClaimRow(int row, int partition) => Interlocked.CompareExchange(ref _rowOwners[row], partition, 0);

        public int ClaimOther(ReadOnlySpan<byte> subject, int partition)
        {
            var key = Encoding.UTF8.GetString(subject);
            return _otherOwners.TryAdd(key, partition) ? 0 : _otherOwners[key];
        }

        public void Overlaps(int first, int second)
        {
            (first, second) = (Math.Min(first, second), Math.Max(first, second));
            lock (_lock)
            {
                if (Overlap.First < 0 || (first, second).CompareTo(Overlap) < 0)
                {
                    Overlap = (first, second);
                }
            }
        }

        public void Tick(long lines)
        {
            var total = Interlocked.Add(ref _lines, lines);
            if (progress is not null)
            {
                lock (_lock)
                {
                    progress(total);
                }
            }
        }
    }
}
