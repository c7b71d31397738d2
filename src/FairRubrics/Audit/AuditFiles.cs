using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Evidence;

namespace FairRubrics.Audit;

/// <summary>A line of a score-results file that was not audited, and why (never a subject id or value).</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Reason">Why the line was rejected.</param>
public readonly record struct ScoreFileProblem(string File, long Line, string Reason);

/// <summary>Options of <c>AuditFiles.Accumulate</c>.</summary>
public sealed class AuditFileOptions
{
    /// <summary>Gets or sets how many file ranges are read at once (the result does not depend on it). Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets the size of the ranges that files are cut into and read in parallel (tests make it small).</summary>
    internal int RangeBytes { get; set; } = 32 << 20;

    /// <summary>Gets or sets how many parsed results a range keeps while the attributes table is being read (about 60 bytes each), before it waits for the table (tests make it small).</summary>
    internal int MaxDeferred { get; set; } = 1 << 18;

    /// <summary>Gets or sets a callback told the number of lines read so far, a few times a second at most per file (called from worker threads, one at a time).</summary>
    public Action<long>? Progress { get; set; }
}

/// <summary>What <c>AuditFiles.Accumulate</c> read: the statistics, and the lines it could not use.</summary>
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
/// Audits score-result files (JSON Lines as <c>fairrubrics score</c> writes them) joined with an attributes table.
/// Files are streamed line by line through a <see cref="System.Text.Json.Utf8JsonReader"/> that reads only the
/// properties the audit needs. A folder of partition files (for example one per business unit) and large files
/// are read in parallel: every file is cut at line breaks into ranges of 32 MB, each range is
/// accumulated on its own, and the accumulators are merged in file-name and range order. The ranges depend only
/// on the files, so the result does not depend on the number of processors or on which range finished first;
/// the files count as if they were one file in name order (a second result for a subject, wherever it is, is
/// rejected). Memory grows with the attributes table and the number of groups, not with the number of results.
/// </summary>
public static class AuditFiles
{
    private const int ProgressEvery = 1 << 16;


    /// <summary>Reads and accumulates a score-results file, or every partition file of a folder.</summary>
    /// <param name="path">A JSON Lines file, or a folder of them: its <c>*.jsonl</c> files and the <c>part-*.json</c> files that Spark or Hadoop jobs write (not sub-folders).</param>
    /// <param name="attributes">The attributes table.</param>
    /// <param name="columns">The attributes to analyse: columns of <paramref name="attributes"/> (ordinal, case-insensitive).</param>
    /// <param name="intersect">Whether to analyse the intersection of the attributes too.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The accumulated statistics and the rejected lines.</returns>
    /// <exception cref="ArgumentException">A column is not in the table.</exception>
    /// <exception cref="FileNotFoundException">The path is neither a file nor a folder.</exception>
    /// <exception cref="FairRubricsException">The results mix rubrics or competencies (with the file and line), or a folder has no <c>*.jsonl</c> file.</exception>
    public static AuditFileResult Accumulate(string path, AttributeTable attributes, IReadOnlyList<string> columns, bool intersect, AuditFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(columns);
        var names = columns.Select(name => attributes.Columns[IndexOf(attributes.Columns, name)]).ToArray();
        return AccumulateCore(path, Task.FromResult(attributes), names, intersect, options ?? new AuditFileOptions());
    }

    /// <summary>
    /// Reads and accumulates a score-results file, or every partition file of a folder, while the attributes table is
    /// still being read (for example by <see cref="AuditInputReader.ReadAttributes"/> in <c>Task.Run</c>):
    /// results are parsed meanwhile and joined with their rows once the table is there, so reading a large attributes
    /// file costs little extra time. The result is the same as reading the table first.
    /// </summary>
    /// <param name="path">A JSON Lines file, or a folder of them (as for the other overload).</param>
    /// <param name="attributes">The attributes table being read; its exception, if reading fails, is thrown from here.</param>
    /// <param name="columns">The attributes to analyse, named as in the table's header (ordinal, case-insensitive); the report uses these names.</param>
    /// <param name="intersect">Whether to analyse the intersection of the attributes too.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The accumulated statistics and the rejected lines.</returns>
    /// <exception cref="ArgumentException">A column is not in the table.</exception>
    /// <exception cref="FileNotFoundException">The path is neither a file nor a folder.</exception>
    /// <exception cref="FairRubricsException">The results mix rubrics or competencies (with the file and line), or a folder has no <c>*.jsonl</c> file.</exception>
    public static AuditFileResult Accumulate(string path, Task<AttributeTable> attributes, IReadOnlyList<string> columns, bool intersect, AuditFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(columns);
        return AccumulateCore(path, attributes, [.. columns], intersect, options ?? new AuditFileOptions());
    }

    private static AuditFileResult AccumulateCore(string path, Task<AttributeTable> attributes, string[] names, bool intersect, AuditFileOptions options)
    {
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length)
        {
            throw new ArgumentException("An attribute is named twice; each attribute is analysed once.", nameof(names));
        }

        var files = FilesOf(path);
        var ranges = files.SelectMany((file, i) => RangesOf(file, Math.Max(1, options.RangeBytes), fineEnd: i == files.Count - 1)).ToArray();
        var parts = ReadAll(ranges, names, intersect, attributes, options, Math.Max(1, options.MaxDegreeOfParallelism));
        if (parts is null)
        {
            // A later range took a subject before an earlier one did (a subject with results in two ranges, read
            // out of order): read again one range at a time, so that the first result in file order counts.
            parts = ReadAll(ranges, names, intersect, attributes, options, 1)!;
        }

        // Line numbers are counted per range: add the lines of the file's earlier ranges.
        var problems = new List<ScoreFileProblem>();
        long before = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            before = ranges[i].Start == 0 ? 0 : before;
            if (parts[i].Failure is { } failure)
            {
                if (failure.Line is { } line)
                {
                    throw new FairRubricsException(FormattableString.Invariant($"{ranges[i].File}:{before + line}: {failure.Exception.Message}"));
                }

                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure.Exception);
            }

            problems.AddRange(parts[i].Problems.Select(p => p with { Line = before + p.Line }));
            before += parts[i].Lines;
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

        return new AuditFileResult(accumulator, files, problems, parts.Sum(p => p.WithoutAttributes), parts.Sum(p => p.Joined));
    }

    /// <summary>Reads every range into its own accumulator; null when ranges took subjects out of file order.</summary>
    private static Partition[]? ReadAll(Range[] ranges, string[] names, bool intersect, Task<AttributeTable> attributes, AuditFileOptions options, int parallelism)
    {
        var join = new Join(attributes, names, options.Progress, options.MaxDeferred, ranges.Length);
        var parts = new Partition[ranges.Length];
        Parallel.For(
            0,
            ranges.Length,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            i => parts[i] = Read(ranges[i], i, new AuditAccumulator(names, intersect), join));
        return join.OutOfOrder ? null : parts;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not a column of the attributes table (columns: {string.Join(", ", columns)})", nameof(name));
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

        // *.jsonl, and the part-*.json files that Spark and Hadoop jobs write (JSON Lines under another name).
        var files = Directory.EnumerateFiles(path, "*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
                || (Path.GetFileName(f).StartsWith("part-", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : throw new FairRubricsException($"{path}: the folder has no .jsonl (or part-*.json) file of score results");
    }

    /// <summary>Cuts a file into ranges of about <paramref name="size"/> bytes (an eighth of that near the end of the last file), each starting at the beginning of a line.</summary>
    private static List<Range> RangesOf(string file, int size, bool fineEnd)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var length = stream.Length;
        long start = 0;
        var buffer = new byte[1 << 16];
        var ranges = new List<Range>();
        while (start < length)
        {
            // The last file's last two ranges' worth is cut eight times finer, so that the threads finish at about the same time.
            var end = Math.Min(length, start + (!fineEnd || length - start > 2L * size ? size : Math.Max(1, size / 8)));
            stream.Position = end;
            while (end < length)
            {
                var read = stream.Read(buffer);
                var at = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                if (at >= 0)
                {
                    end += at + 1;
                    break;
                }

                end += read;
            }

            ranges.Add(new Range(file, start, end - start));
            start = end;
        }

        if (ranges.Count == 0)
        {
            ranges.Add(new Range(file, 0, 0));
        }

        return ranges;
    }

    /// <summary>Reads one range into its own accumulator.</summary>
    private static Partition Read(Range range, int index, AuditAccumulator accumulator, Join join)
    {
        var part = new Partition(accumulator, range.File);
        try
        {
            ReadLines(range, index + 1, part, join);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EvidenceFormatException or ArgumentException)
        {
            part.Failure = new RangeFailure(ex, null);   // a file error, or the attributes table could not be read or lacks a column
        }
        catch (FairRubricsException ex)
        {
            part.Failure = new RangeFailure(ex, part.Lines);   // results of another rubric, at this line
        }

        return part;
    }

    /// <summary>
    /// The loop over a range's lines (no exception handling here, so that the loop compiles tight). Each result is
    /// joined with its attributes row two lines late: the subject's slot in the index is prefetched when the line
    /// is parsed, its row number read (and the row's owner and cells prefetched) after the next line, and the row
    /// claimed and read after the one after, so the join (random reads in tables of tens of megabytes) rarely
    /// waits for memory. While the attributes table is still being read, parsed results wait in
    /// a <see cref="Deferred"/> list (one range at a time, up to <see cref="AuditFileOptions.MaxDeferred"/> of them per range). Results, problems and
    /// their order are the same as joining at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadLines(Range range, int me, Partition part, Join join)
    {
        var accumulator = part.Accumulator;
        Joiner? joiner = join.IsReady ? new Joiner(join, accumulator) : null;
        Deferred? deferred = null;

        // A result goes through three steps, each after the next line is parsed, so that what a step reads has been
        // prefetched while that line was parsed: the subject's slot in the index (then its row number is read), the
        // row's owner and attribute cells (then the row is claimed and the result added).
        ScoreRecord[] records = [new ScoreRecord(), new ScoreRecord(), new ScoreRecord()];
        var lineOf = new long[3];
        int current = 0, slotFetched = -1, rowFetched = -1, row = -1;
        using var stream = new FileStream(range.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = range.Start;
        using var lines = new Utf8LineReader(stream, range.Length, skipByteOrderMark: range.Start == 0);
        while (lines.MoveNext())
        {
            if ((lines.LineNumber & (ProgressEvery - 1)) == 0)
            {
                join.Tick(ProgressEvery);
            }

            var record = records[current];
            if (ScoreLineParser.TryParse(lines.Current, record) is { } error)
            {
                Finish(joiner, records, lineOf, ref rowFetched, row, ref slotFetched, me, part);   // earlier lines' problems first
                part.Problems.Add(new ScoreFileProblem(range.File, lines.LineNumber, error));
                continue;
            }

            if (joiner is null)
            {
                if (!join.IsReady && (deferred is not null || join.TryDefer()))
                {
                    deferred ??= new Deferred();
                    if (deferred.Count < join.MaxDeferred)
                    {
                        part.Lines = lines.LineNumber;   // the line an exception names
                        deferred.Add(record, lines.LineNumber, accumulator);
                        continue;
                    }
                }

                joiner = new Joiner(join, accumulator);   // waits for the table
                deferred?.JoinAndAdd(joiner, me, part);
            }

            joiner.Table.Prefetch(record.Subject);
            if (rowFetched >= 0)
            {
                joiner.Add(records[rowFetched], row, lineOf[rowFetched], me, part);
            }

            rowFetched = slotFetched;
            if (slotFetched >= 0)
            {
                row = joiner.Find(records[slotFetched].Subject);
            }

            slotFetched = current;
            lineOf[current] = lines.LineNumber;
            current = current == 2 ? 0 : current + 1;
        }

        Finish(joiner, records, lineOf, ref rowFetched, row, ref slotFetched, me, part);
        if (deferred is not null)
        {
            if (joiner is null)
            {
                deferred.JoinAndAdd(new Joiner(join, accumulator), me, part);
            }

            // Results joined late reported their problems after later lines' parse errors: put them in line order.
            var sorted = part.Problems.OrderBy(p => p.Line).ToList();
            part.Problems.Clear();
            part.Problems.AddRange(sorted);
        }

        part.Lines = lines.LineNumber;
    }

    /// <summary>Adds the results still in the join's steps (the one whose row was read, then the one whose slot was prefetched), in line order.</summary>
    private static void Finish(Joiner? joiner, ScoreRecord[] records, long[] lineOf, ref int rowFetched, int row, ref int slotFetched, int me, Partition part)
    {
        if (rowFetched >= 0)
        {
            joiner!.Add(records[rowFetched], row, lineOf[rowFetched], me, part);
            rowFetched = -1;
        }

        if (slotFetched >= 0)
        {
            joiner!.Add(records[slotFetched], joiner.Find(records[slotFetched].Subject), lineOf[slotFetched], me, part);
            slotFetched = -1;
        }
    }

    /// <summary>A byte range of a file that starts at the beginning of a line.</summary>
    private readonly record struct Range(string File, long Start, long Length);

    /// <summary>Why a range could not be read: an input error at a line of the range (numbered from the range's start), or a file error.</summary>
    private sealed record RangeFailure(Exception Exception, long? Line);

    /// <summary>The result of one range.</summary>
    private sealed class Partition(AuditAccumulator accumulator, string file)
    {
        public AuditAccumulator Accumulator { get; } = accumulator;

        public string File { get; } = file;

        public List<ScoreFileProblem> Problems { get; } = [];

        public long Lines { get; set; }

        public long WithoutAttributes { get; set; }

        public long Joined { get; set; }

        public RangeFailure? Failure { get; set; }
    }

    /// <summary>Joins parsed results of one range with the attributes table and adds them to the range's accumulator.</summary>
    private sealed class Joiner
    {
        private readonly Join _join;
        private readonly AuditAccumulator _accumulator;
        private readonly int[] _columns;
        private readonly int[][] _map;
        private readonly int[] _valueIds;

        /// <summary>Creates the joiner of a range, waiting for the attributes table if it is still being read.</summary>
        public Joiner(Join join, AuditAccumulator accumulator)
        {
            _join = join;
            _accumulator = accumulator;
            Table = join.Table;
            _columns = join.Columns;
            _valueIds = new int[_columns.Length];

            // This accumulator's value id for each value id of each analysed column of the table.
            _map = new int[_columns.Length][];
            for (var j = 0; j < _columns.Length; j++)
            {
                var values = Table.ValuesOf(_columns[j]);
                _map[j] = new int[values.Count + 1];
                for (var v = 0; v < values.Count; v++)
                {
                    _map[j][v + 1] = accumulator.ValueId(j, values[v]);
                }
            }
        }

        public AttributeTable Table { get; }

        /// <summary>Finds a subject's attributes row (-1 for none) and prefetches what <see cref="Add"/> will read for it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Find(ReadOnlySpan<byte> subject)
        {
            var row = Table.RowOf(subject);
            if (row >= 0)
            {
                _join.PrefetchOwner(row);
                Table.PrefetchRow(row);
            }

            return row;
        }

        /// <summary>Adds one parsed result with the attribute values of its row (from <see cref="Find"/>), or records why it is not audited.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ScoreRecord record, int row, long line, int me, Partition part)
        {
            part.Lines = line;   // the line an exception names
            if (ValueIdsOf(record.Subject, row, line, me, part))
            {
                _accumulator.AddRecord(record, _valueIds);   // throws FairRubricsException for another rubric
            }
        }

        /// <summary>Joins a result prepared while the table was being read (see <see cref="Deferred"/>) and adds it.</summary>
        public void JoinAndAdd(ReadOnlySpan<byte> subject, long line, int me, Partition part, bool scored, int band, double overall, ReadOnlySpan<double> levels, ReadOnlySpan<int> paths)
        {
            if (ValueIdsOf(subject, Table.RowOf(subject), line, me, part))
            {
                _accumulator.AddPrepared(scored, band, overall, levels, paths, _valueIds);
            }
        }

        /// <summary>Claims the subject for this range and looks up its value ids; false (with a problem) for a second result.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ValueIdsOf(ReadOnlySpan<byte> subject, int row, long line, int me, Partition part)
        {
            var owner = row >= 0 ? _join.ClaimRow(row, me) : _join.ClaimOther(subject, me);
            if (owner > me)
            {
                _join.OutOfOrder = true;   // an earlier range must take it first: read again in order
            }

            if (owner != 0)
            {
                part.Problems.Add(new ScoreFileProblem(part.File, line, "a second result for a subject already audited"));
                return false;
            }

            if (row >= 0)
            {
                part.Joined++;
                for (var j = 0; j < _columns.Length; j++)
                {
                    _valueIds[j] = _map[j][Table.ValueId(_columns[j], row)];
                }
            }
            else
            {
                part.WithoutAttributes++;
                Array.Clear(_valueIds);
            }

            return true;
        }
    }

    /// <summary>
    /// Results of one range parsed while the attributes table was still being read, kept compactly in the range
    /// accumulator's ids (subject id bytes, line, status and band, overall score, levels and winning paths: about
    /// 60 bytes a result, in chunks of fixed size) until they can be joined.
    /// </summary>
    private sealed class Deferred
    {
        private const int ChunkSize = 4096;
        private readonly List<Chunk> _chunks = [];

        public int Count { get; private set; }

        /// <summary>Checks and keeps a parsed result (throws <see cref="FairRubricsException"/> for another rubric, as adding it would).</summary>
        public void Add(ScoreRecord record, long line, AuditAccumulator accumulator)
        {
            var band = accumulator.Prepare(record);
            if (Count % ChunkSize == 0)
            {
                _chunks.Add(new Chunk(accumulator.PreparedLevels.Length));
            }

            _chunks[^1].Add(record, line, band, accumulator.PreparedLevels, accumulator.PreparedPaths);
            Count++;
        }

        /// <summary>Joins and adds every kept result, in line order, and forgets them.</summary>
        public void JoinAndAdd(Joiner joiner, int me, Partition part)
        {
            foreach (var chunk in _chunks)
            {
                chunk.JoinAndAdd(joiner, me, part);
            }

            _chunks.Clear();
            Count = 0;
        }

        private sealed class Chunk(int competencies)
        {
            private readonly int[] _subjectEnds = new int[ChunkSize];
            private readonly long[] _lines = new long[ChunkSize];
            private readonly int[] _bands = new int[ChunkSize];   // the band id; its complement when the result is not scored
            private readonly double[] _overall = new double[ChunkSize];
            private readonly double[] _levels = new double[ChunkSize * competencies];
            private readonly int[] _paths = new int[ChunkSize * competencies];
            private byte[] _subjects = new byte[ChunkSize * 12];
            private int _count;

            public void Add(ScoreRecord record, long line, int band, ReadOnlySpan<double> levels, ReadOnlySpan<int> paths)
            {
                var start = _count == 0 ? 0 : _subjectEnds[_count - 1];
                if (start + record.Subject.Length > _subjects.Length)
                {
                    Array.Resize(ref _subjects, Math.Max(_subjects.Length * 2, start + record.Subject.Length));
                }

                record.Subject.CopyTo(_subjects.AsSpan(start));
                _subjectEnds[_count] = start + record.Subject.Length;
                _lines[_count] = line;
                _bands[_count] = record.Scored ? band : ~band;
                _overall[_count] = record.Overall;
                levels.CopyTo(_levels.AsSpan(_count * competencies));
                paths.CopyTo(_paths.AsSpan(_count * competencies));
                _count++;
            }

            public void JoinAndAdd(Joiner joiner, int me, Partition part)
            {
                var start = 0;
                for (var i = 0; i < _count; i++)
                {
                    part.Lines = _lines[i];   // the line an exception names
                    var band = _bands[i];
                    joiner.JoinAndAdd(_subjects.AsSpan(start.._subjectEnds[i]), _lines[i], me, part, band >= 0, band >= 0 ? band : ~band, _overall[i], _levels.AsSpan(i * competencies, competencies), _paths.AsSpan(i * competencies, competencies));
                    start = _subjectEnds[i];
                }
            }
        }
    }

    /// <summary>
    /// What the ranges share: the attributes table (perhaps still being read), which range took each subject (for
    /// attributes rows an array of owners, for subjects without a row a concurrent dictionary), whether a later
    /// range took a subject first, progress.
    /// </summary>
    private sealed class Join(Task<AttributeTable> attributes, string[] names, Action<long>? progress, int maxDeferred, int ranges)
    {
        private readonly ConcurrentDictionary<string, int> _otherOwners = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();
        private readonly Lock _ready = new();
        private AttributeTable? _table;
        private int[] _columns = [];
        private ushort[] _rowOwners = [];   // the range (1-based) that took each row: two bytes each while there are few ranges
        private int[] _rowOwnersWide = [];   // ... else four
        private long _lines;
        private volatile bool _outOfOrder;
        private int _deferring;

        /// <summary>Gets how many parsed results a range keeps while the table is being read.</summary>
        public int MaxDeferred => maxDeferred;

        /// <summary>
        /// Lets one range (the first to ask) keep its parsed results while the table is being read; the others wait.
        /// One reader of the table and one of results keep two processors busy, and the results kept cost memory.
        /// </summary>
        /// <returns>Whether this range may keep them.</returns>
        public bool TryDefer() => Interlocked.Exchange(ref _deferring, 1) == 0;

        /// <summary>Gets a value indicating whether the attributes table has been read (or failed).</summary>
        public bool IsReady => attributes.IsCompleted;

        /// <summary>Gets the attributes table, waiting for it if it is still being read.</summary>
        /// <exception cref="EvidenceFormatException">The table could not be read.</exception>
        /// <exception cref="ArgumentException">An analysed attribute is not a column of the table.</exception>
        public AttributeTable Table
        {
            get
            {
                lock (_ready)
                {
                    if (_table is null)
                    {
                        var table = attributes.GetAwaiter().GetResult();
                        _columns = [.. names.Select(name => IndexOf(table.Columns, name))];
                        if (ranges <= ushort.MaxValue)
                        {
                            _rowOwners = new ushort[table.Count];
                        }
                        else
                        {
                            _rowOwnersWide = new int[table.Count];
                        }

                        _table = table;
                    }

                    return _table;
                }
            }
        }

        /// <summary>Gets the indexes of the analysed columns in the table (once <see cref="Table"/> has been read).</summary>
        public int[] Columns
        {
            get
            {
                _ = Table;
                return _columns;
            }
        }

        public bool OutOfOrder
        {
            get => _outOfOrder;
            set => _outOfOrder = value;
        }

        /// <summary>Hints the processor to fetch a row's owner (see <see cref="Utf8KeyIndex.Prefetch"/>).</summary>
        public unsafe void PrefetchOwner(int row)
        {
            if (Sse.IsSupported)
            {
                if (_rowOwnersWide.Length == 0)
                {
                    fixed (ushort* owner = &_rowOwners[row])
                    {
                        Sse.Prefetch0(owner);
                    }
                }
                else
                {
                    fixed (int* owner = &_rowOwnersWide[row])
                    {
                        Sse.Prefetch0(owner);
                    }
                }
            }
        }

        /// <summary>Takes a row for a range (1-based); returns 0 when it was free, else the range that has it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int ClaimRow(int row, int range) => _rowOwnersWide.Length == 0
            ? Interlocked.CompareExchange(ref _rowOwners[row], (ushort)range, 0)
            : Interlocked.CompareExchange(ref _rowOwnersWide[row], range, 0);

        /// <summary>Takes a subject without an attributes row for a range; returns 0 when it was free, else the range that has it.</summary>
        public int ClaimOther(ReadOnlySpan<byte> subject, int range)
        {
            var key = Encoding.UTF8.GetString(subject);
            return _otherOwners.TryAdd(key, range) ? 0 : _otherOwners[key];
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
