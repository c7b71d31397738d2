using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Evidence;

namespace FairRubrics.Audit;

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
public static partial class AuditFiles
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

    /// <summary>
    /// Reads every range into its own accumulator; null when ranges took subjects out of file order. Each worker
    /// takes the next range in file order (so the finely cut last ranges come last and the workers finish together)
    /// on a thread of its own: the work is long and processor-bound, and waiting for the thread pool to add threads
    /// (it has few while the attributes table is being read) would leave a processor idle.
    /// </summary>
    private static Partition[]? ReadAll(Range[] ranges, string[] names, bool intersect, Task<AttributeTable> attributes, AuditFileOptions options, int parallelism)
    {
        var join = new Join(attributes, names, options.Progress, options.ByteProgress, options.MaxDeferred, ranges.Length);
        var parts = new Partition[ranges.Length];
        var next = -1;
        void Work()
        {
            // A range read whole before the attributes table does not wait for it: its results are joined by the same
            // worker as soon as the table is there (before its next range), or at its end.
            var waiting = new List<int>();
            for (var i = Interlocked.Increment(ref next); i < ranges.Length; i = Interlocked.Increment(ref next))
            {
                if (waiting.Count > 0 && join.IsReady)
                {
                    JoinWaiting(waiting);
                }

                parts[i] = Read(ranges[i], i, new AuditAccumulator(names, intersect), join);
                if (parts[i].Deferred is not null)
                {
                    waiting.Add(i);
                }
            }

            JoinWaiting(waiting);
        }

        void JoinWaiting(List<int> waiting)
        {
            foreach (var i in waiting)
            {
                JoinLate(parts[i], i, join);
            }

            waiting.Clear();
        }

        var workers = new Task[Math.Min(parallelism, ranges.Length) - 1];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Work();
        Task.WaitAll(workers);
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
}
