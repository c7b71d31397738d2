using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Evidence;

namespace FairRubrics.Audit;

// Ranges: a file cut at line breaks, and the tight loop that reads one range's lines into its own accumulator.
public static partial class AuditFiles
{
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
        Guarded(part, () => ReadLines(range, index + 1, part, join));
        return part;
    }

    /// <summary>
    /// Joins the results of a range that ended before the attributes table was read (<see cref="Partition.Deferred"/>),
    /// waiting for the table if it is still being read: its worker read further ranges meanwhile.
    /// </summary>
    private static void JoinLate(Partition part, int index, Join join)
    {
        var deferred = part.Deferred!;
        part.Deferred = null;
        var lines = part.Lines;
        Guarded(part, () => JoinDeferred(new Joiner(join, part.Accumulator), deferred, index + 1, part));
        if (part.Failure is null)
        {
            part.Lines = lines;
        }
    }

    /// <summary>Runs a range's work, keeping its failure for the reader of the results (which reports the first range's).</summary>
    private static void Guarded(Partition part, Action work)
    {
        try
        {
            work();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EvidenceFormatException or ArgumentException)
        {
            part.Failure = new RangeFailure(ex, null);   // a file error, or the attributes table could not be read or lacks a column
        }
        catch (FairRubricsException ex)
        {
            part.Failure = new RangeFailure(ex, part.Lines);   // results of another rubric, at this line
        }
    }

    /// <summary>Joins and adds the results parsed while the table was read, then puts the range's problems in line order.</summary>
    private static void JoinDeferred(Joiner joiner, Deferred deferred, int me, Partition part)
    {
        deferred.JoinAndAdd(joiner, me, part);

        // Results joined late reported their problems after later lines' parse errors: put them in line order.
        var sorted = part.Problems.OrderBy(p => p.Line).ToList();
        part.Problems.Clear();
        part.Problems.AddRange(sorted);
    }

    /// <summary>
    /// The loop over a range's lines (no exception handling here, so that the loop compiles tight). Each result is
    /// joined with its attributes row two lines late: the subject's slot in the index is prefetched when the line
    /// is parsed, its row number read (and the row's owner and cells prefetched) after the next line, and the row
    /// claimed and read after the one after, so the join (random reads in tables of tens of megabytes) rarely
    /// waits for memory. While the attributes table is still being read, parsed results wait in
    /// a <see cref="Deferred"/> list (up to <see cref="AuditFileOptions.MaxDeferred"/> of them in all ranges). Results, problems and
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
        var reported = range.Start;
        while (lines.MoveNext())
        {
            if ((lines.LineNumber & (ProgressEvery - 1)) == 0)
            {
                var position = Math.Min(stream.Position, range.Start + range.Length);
                join.Tick(ProgressEvery, position - reported);
                reported = position;
            }

            var record = records[current];
            if ((lines.IsTooLong ? Utf8LineReader.TooLongReason : ScoreLineParser.TryParse(lines.Current, record)) is { } error)
            {
                Finish(joiner, records, lineOf, ref rowFetched, row, ref slotFetched, me, part);   // earlier lines' problems first
                part.Problems.Add(new ScoreFileProblem(range.File, lines.LineNumber, error));
                continue;
            }

            if (joiner is null)
            {
                if (!join.IsReady && join.TryDefer())
                {
                    deferred ??= new Deferred();
                    part.Lines = lines.LineNumber;   // the line an exception names
                    deferred.Add(record, lines.LineNumber, accumulator);
                    continue;
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
        join.Tick(0, range.Start + range.Length - reported);
        if (deferred is not null)
        {
            if (joiner is null && !join.IsReady)
            {
                // The whole range was read before the table: its worker reads on and joins these results later.
                part.Deferred = deferred;
            }
            else
            {
                JoinDeferred(joiner ?? new Joiner(join, accumulator), deferred, me, part);
            }
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

        /// <summary>Gets or sets the results of a range read whole before the attributes table, until its worker joins them.</summary>
        public Deferred? Deferred { get; set; }
    }
}
