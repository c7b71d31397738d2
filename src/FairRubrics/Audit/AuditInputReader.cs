using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using FairRubrics.Evidence;

namespace FairRubrics.Audit;

/// <summary>One line of a score-results file: the result, or why the line was rejected.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Subject">The result, when the line is valid.</param>
/// <param name="Error">Why the line was rejected.</param>
public readonly record struct ScoreLine(long Line, AuditSubject? Subject, string? Error);

/// <summary>Reads the audit's inputs: score results (JSON Lines as <c>fairrubrics score</c> writes them) and the attributes table (CSV).</summary>
public static class AuditInputReader
{
    /// <summary>Reads score results line by line; a line that is not a score result is returned with the reason.</summary>
    /// <param name="stream">The JSON Lines stream (not closed).</param>
    /// <returns>The lines, lazily.</returns>
    public static IEnumerable<ScoreLine> ReadScores(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadScoresCore(stream);
    }

    /// <summary>Reads the attributes CSV: a <c>subject</c> column and one column per attribute; empty cells are unknown.</summary>
    /// <param name="stream">The CSV stream (not closed).</param>
    /// <returns>The table; malformed and duplicate rows are listed in <see cref="AttributeTable.Problems"/> by row number only.</returns>
    /// <exception cref="EvidenceFormatException">The file has no <c>subject</c> column or no attribute column.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AttributeTable ReadAttributes(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var problems = new List<(long Row, string Text)>();
        long row = 0;
        var options = RecordFiles.CsvOptions(malformed =>
        {
            if (malformed.Skipped)
            {
                row++;
                problems.Add((row, string.Create(CultureInfo.InvariantCulture, $"row {row} (line {malformed.LineNumber}): {(malformed.Reason == CsvMalformedReason.FieldCountMismatch ? "a different number of fields than the header" : "malformed quoting")}; the row is not used")));
            }
        });

        // The table is sized up front from the number of lines (when the stream can tell), so that no array is copied while growing.
        var rows = RowsAhead(stream);
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var (headers, subjectColumn, columns) = ReadHeader(reader);
        var subjects = new Utf8KeyIndex(rows);
        var cells = new CellStore(columns.Count, rows);
        var values = columns.Select(_ => new ColumnValues()).ToArray();
        var subjectBytes = new byte[256];

        // A row is added to the subject index a few rows after it is read, its slot prefetched meanwhile: the index
        // is tens of megabytes and written at random, so an add that waits for memory costs more than parsing a row.
        var ahead = new PendingRow[4];
        for (var i = 0; i < ahead.Length; i++)
        {
            ahead[i] = new PendingRow(columns.Count);
        }

        int first = 0, waiting = 0;
        while (Read(reader))
        {
            row++;
            if (StrictUtf8.FirstInvalid(reader.RawRecord) is var invalid and >= 0)
            {
                problems.Add((row, string.Create(CultureInfo.InvariantCulture, $"row {row} (line {reader.LineNumber}): {StrictUtf8.Reason(invalid, "row")}; the row is not used")));
                continue;
            }

            var subject = TrimmedUtf8(reader.GetSpan(subjectColumn), ref subjectBytes);
            if (subject.IsEmpty)
            {
                problems.Add((row, string.Create(CultureInfo.InvariantCulture, $"row {row} (line {reader.LineNumber}): the 'subject' cell is empty; the row is not used")));
                continue;
            }

            if (subject.Contains((byte)0))
            {
                problems.Add((row, string.Create(CultureInfo.InvariantCulture, $"row {row} (line {reader.LineNumber}): the 'subject' cell contains a NUL character; the row is not used")));
                continue;
            }

            if (waiting == ahead.Length)
            {
                Add(ahead[first], subjects, cells, problems);
                first = (first + 1) % ahead.Length;
                waiting--;
            }

            var pending = ahead[(first + waiting++) % ahead.Length];
            pending.Set(subject, row, reader.LineNumber);
            subjects.Prefetch(subject);
            for (int i = 0, c = 0; i < headers.Count; i++)
            {
                if (i != subjectColumn)
                {
                    pending.ValueIds[c] = values[c++].IdOf(i < reader.FieldCount ? reader.GetSpan(i) : []);
                }
            }
        }

        for (; waiting > 0; waiting--, first = (first + 1) % ahead.Length)
        {
            Add(ahead[first], subjects, cells, problems);
        }

        var texts = problems.OrderBy(p => p.Row).Select(p => p.Text).ToList();   // in row order (a repeated subject is found late)
        return new AttributeTable(columns, subjects, cells, [.. values.Select(v => v.Values)], texts);
    }

    /// <summary>Reads the attribute columns of an attributes CSV (every column but <c>subject</c>) from its header, without reading its rows.</summary>
    /// <param name="stream">The CSV stream (not closed).</param>
    /// <returns>The attribute columns, as <see cref="AttributeTable.Columns"/> would list them.</returns>
    /// <exception cref="EvidenceFormatException">The file has no <c>subject</c> column or no attribute column, or names a column twice.</exception>
    public static IReadOnlyList<string> ReadAttributeColumns(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = CsvReader.Create(stream, RecordFiles.CsvOptions(static _ => { }), leaveOpen: true);
        return ReadHeader(reader).Columns;
    }

    /// <summary>Reads and checks the header: the trimmed names, the <c>subject</c> column's index and the attribute columns.</summary>
    private static (List<string> Headers, int SubjectColumn, List<string> Columns) ReadHeader(CsvReader reader)
    {
        reader.ReadHeader();
        var headers = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var subjectColumn = headers.FindIndex(h => string.Equals(h, "subject", StringComparison.OrdinalIgnoreCase));
        if (subjectColumn < 0)
        {
            throw new EvidenceFormatException("the attributes file needs a 'subject' column and one column per attribute");
        }

        var columns = headers.Where((_, i) => i != subjectColumn).ToList();
        if (columns.Count == 0)
        {
            throw new EvidenceFormatException("the attributes file has no attribute column besides 'subject'");
        }

        if (columns.Distinct(StringComparer.OrdinalIgnoreCase).Count() != columns.Count)
        {
            throw new EvidenceFormatException("the attributes file names a column twice");
        }

        return (headers, subjectColumn, columns);
    }

    /// <summary>Adds a read row to the table, or notes that its subject has a row already.</summary>
    private static void Add(PendingRow pending, Utf8KeyIndex subjects, CellStore cells, List<(long Row, string Text)> problems)
    {
        if (!subjects.TryAdd(pending.Subject, out var index))
        {
            problems.Add((pending.Row, string.Create(CultureInfo.InvariantCulture, $"row {pending.Row} (line {pending.Line}): a second row for a subject already listed; only the first is used")));
            return;
        }

        for (var c = 0; c < pending.ValueIds.Length; c++)
        {
            cells.Set(index, c, pending.ValueIds[c]);
        }
    }

    /// <summary>The number of line breaks from the stream's position to its end (an upper bound of the rows), or 256 when it cannot seek.</summary>
    private static int RowsAhead(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return 256;
        }

        var start = stream.Position;
        var buffer = new byte[1 << 16];
        long lines = 1;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        stream.Position = start;
        return (int)Math.Min(lines, int.MaxValue / 4);
    }

    /// <summary>The UTF-8 bytes of a cell without leading or trailing white space (as <see cref="string.Trim()"/> removes it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> TrimmedUtf8(ReadOnlySpan<byte> cell, ref byte[] scratch)
    {
        if (!cell.IsEmpty && cell[0] is > 0x20 and < 0x7F && cell[^1] is > 0x20 and < 0x7F)
        {
            return cell;   // the common case: nothing to trim
        }

        var trimmed = Encoding.UTF8.GetString(cell).AsSpan().Trim();
        var length = Encoding.UTF8.GetByteCount(trimmed);
        if (scratch.Length < length)
        {
            scratch = new byte[length * 2];
        }

        return scratch.AsSpan(0, Encoding.UTF8.GetBytes(trimmed, scratch));
    }

    /// <summary>
    /// The distinct values of one attribute column, trimmed and interned: a cell becomes a small id (0 for empty).
    /// The raw bytes of the first spellings seen are remembered, so the usual cell is matched by comparing bytes.
    /// </summary>
    private sealed class ColumnValues
    {
        private const int RawSpellings = 32;
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<(byte[] Raw, int Id)> _raw = [];
        private char[] _chars = new char[64];

        /// <summary>Gets the values; id i is element i − 1.</summary>
        public List<string> Values { get; } = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int IdOf(ReadOnlySpan<byte> cell)
        {
            foreach (var (raw, known) in _raw)
            {
                if (cell.SequenceEqual(raw))
                {
                    return known;
                }
            }

            if (_chars.Length < cell.Length)
            {
                _chars = new char[cell.Length * 2];
            }

            var value = _chars.AsSpan(0, Encoding.UTF8.GetChars(cell, _chars)).Trim();
            var id = 0;
            if (!value.IsEmpty && !_ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out id))
            {
                Values.Add(new string(value));
                id = Values.Count;
                _ids[Values[^1]] = id;
            }

            if (_raw.Count < RawSpellings)
            {
                _raw.Add((cell.ToArray(), id));
            }

            return id;
        }
    }

    /// <summary>A row read and not yet added: its subject id (a copy), value ids, row and line.</summary>
    private sealed class PendingRow(int columns)
    {
        private byte[] _subject = new byte[64];
        private int _length;

        public ReadOnlySpan<byte> Subject => _subject.AsSpan(0, _length);

        public int[] ValueIds { get; } = new int[columns];

        public long Row { get; private set; }

        public long Line { get; private set; }

        public void Set(ReadOnlySpan<byte> subject, long row, long line)
        {
            if (_subject.Length < subject.Length)
            {
                _subject = new byte[subject.Length * 2];
            }

            subject.CopyTo(_subject);
            _length = subject.Length;
            Row = row;
            Line = line;
        }
    }

    /// <summary>Reads the next record; a file that cannot be read further is a format error naming the line, never a value.</summary>
    private static bool Read(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new EvidenceFormatException(string.Create(CultureInfo.InvariantCulture, $"line {ex.LineNumber}: the attributes CSV cannot be read further"), ex);
        }
    }

    /// <summary>Reads score results with another line bound than 1 MiB (the fuzzing harness's small one, so that small inputs reach the long-line path).</summary>
    internal static IEnumerable<ScoreLine> ReadScores(Stream stream, int maxLineBytes) => ReadScoresCore(stream, maxLineBytes);

    private static IEnumerable<ScoreLine> ReadScoresCore(Stream stream, int maxLineBytes = Utf8LineReader.MaxLineBytes)
    {
        using var lines = new Utf8LineReader(stream, maxLineBytes: maxLineBytes);
        var record = new ScoreRecord();
        while (lines.MoveNext())
        {
            var error = lines.IsTooLong ? Utf8LineReader.TooLong(maxLineBytes) : ScoreLineParser.TryParse(lines.Current, record);
            yield return new ScoreLine(lines.LineNumber, error is null ? record.ToSubject() : null, error);
        }
    }
}
