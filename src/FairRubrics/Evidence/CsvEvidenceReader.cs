using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using CsvHelper;
using FairRubrics.Audit;

namespace FairRubrics.Evidence;

/// <summary>
/// Reads CSV evidence as UTF-8 byte spans, one line at a time, on the audit's line mechanism
/// (<see cref="Utf8LineReader"/>): fields are found with a vectorised search, values already pooled (types, ids of
/// the rubric, raters, a subject repeated from the row before) are matched by their bytes without a string, and
/// numbers and dates are parsed from the bytes. The rows, their numbers and every rejection are those of the general
/// reader (CsvHelper, <see cref="RecordFiles.ReadCsv"/>): a row this reader is not sure of — a quoted field that
/// spans lines or is not closed where it should be, a quote inside an unquoted field, a line longer than 1 MiB, a
/// header that is not plain ASCII, UTF-16 text — hands the rest of the file, from that row on, to the general reader
/// (row and line numbers carried on), and a row the fast field check does not accept is built from its fields as text
/// by <see cref="EvidenceFields.Build"/>, which words every rejection. Differential tests hold the two readers
/// to the same rows.
/// </summary>
internal sealed class CsvEvidenceReader
{
    private static readonly SearchValues<byte> CommaOrQuote = SearchValues.Create(",\""u8);

    private readonly EvidenceStringPool _pool;
    private readonly Action<string>? _ignoredField;
    private int[] _columns = [];
    private int _fieldCount;
    private int[] _starts = [];
    private int[] _lengths = [];
    private byte[] _unquoted = [];
    private bool[] _inUnquoted = [];

    /// <summary>Creates a reader.</summary>
    /// <param name="pool">The pool of the values read.</param>
    /// <param name="ignoredField">Told of each column that is not an evidence field.</param>
    public CsvEvidenceReader(EvidenceStringPool pool, Action<string>? ignoredField)
    {
        _pool = pool;
        _ignoredField = ignoredField;
    }

    /// <summary>The rows of a CSV stream, lazily; the same as <see cref="EvidenceReader"/>'s general reader gives.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="leaveOpen">Whether the stream stays open afterwards.</param>
    /// <param name="mapColumns">Maps the header to the column of each evidence field (throws when a required one is missing).</param>
    /// <param name="general">The general reader of the rest: stream, columns, rows before and line offset.</param>
    /// <returns>The rows.</returns>
    public IEnumerable<EvidenceRow> Read(Stream stream, bool leaveOpen, Func<IReadOnlyList<string>, Action<string>?, int[]> mapColumns, Func<Stream, int[]?, long, long, IEnumerable<EvidenceRow>> general)
    {
        try
        {
            using var lines = new Utf8LineReader(stream, dropTooLong: false);
            byte[] header;
            if (!lines.MoveNextLine() || lines.IsTooLong || !PlainHeader(lines.Current))
            {
                // The general reader reads the whole file (from after a UTF-8 byte-order mark, which it skips too).
                foreach (var row in general(lines.Rest([]), null, 0, 0))
                {
                    yield return row;
                }

                yield break;
            }

            header = [.. lines.Current, (byte)'\n'];
            var names = Encoding.ASCII.GetString(lines.Current).Split(',');
            _columns = mapColumns(names, _ignoredField);
            _fieldCount = names.Length;
            _starts = new int[_fieldCount];
            _lengths = new int[_fieldCount];
            _inUnquoted = new bool[_fieldCount];
            long rowNumber = 0;
            while (lines.MoveNextLine())
            {
                var line = lines.Current;
                var count = lines.IsTooLong || line.IsEmpty ? 0 : Split(line);
                if (lines.IsTooLong || count < 0)
                {
                    // The general reader goes on from this line: its line 1 is the header, 2 this one.
                    foreach (var row in general(lines.Rest(header), _columns, rowNumber, lines.LineNumber - 2))
                    {
                        yield return row;
                    }

                    yield break;
                }

                if (line.IsEmpty)
                {
                    continue;   // a blank line is no row
                }

                rowNumber++;
                yield return Row(line, count, rowNumber, lines.LineNumber);
            }
        }
        finally
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }
        }
    }

    private static bool PlainHeader(ReadOnlySpan<byte> line) => !line.IsEmpty && Ascii.IsValid(line) && !line.Contains((byte)'"');

    /// <summary>Finds the fields of a line: their number (the header's, or another number: a row of the wrong shape), or -1 to hand the line over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Split(ReadOnlySpan<byte> line) =>
        Vector128.IsHardwareAccelerated && line.Length >= Vector128<byte>.Count && SplitPlain(line) is var plain and >= 0 ? plain : SplitQuoted(line);

    /// <summary>
    /// The fields of a line without quotes, found 16 bytes at a time (the commas of a block as the bits of a mask), or
    /// -1 for a line with a quote, which <see cref="SplitQuoted"/> reads. The line is at least 16 bytes long; its last
    /// block overlaps the one before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SplitPlain(ReadOnlySpan<byte> line)
    {
        ref var first = ref MemoryMarshal.GetReference(line);
        var comma = Vector128.Create((byte)',');
        var quote = Vector128.Create((byte)'"');
        var last = line.Length - Vector128<byte>.Count;
        int count = 0, start = 0;
        for (var offset = 0; ; offset += Vector128<byte>.Count)
        {
            var at = Math.Min(offset, last);
            var block = Vector128.LoadUnsafe(ref first, (nuint)at);
            if (Vector128.EqualsAny(block, quote))
            {
                return -1;
            }

            var commas = Vector128.Equals(block, comma).ExtractMostSignificantBits() & (uint.MaxValue << (offset - at));
            while (commas != 0)
            {
                var end = at + BitOperations.TrailingZeroCount(commas);
                Field(count++, start, end - start);
                start = end + 1;
                commas &= commas - 1;
            }

            if (at == last)
            {
                break;
            }
        }

        Field(count++, start, line.Length - start);
        return count;
    }

    /// <summary>Notes where field <paramref name="field"/> is (in the line, or in the unquoted copy when <paramref name="quoted"/>), if the header has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Field(int field, int start, int length, bool quoted = false)
    {
        if (field < _fieldCount)
        {
            _starts[field] = start;
            _lengths[field] = length;
            _inUnquoted[field] = quoted;
        }
    }

    /// <summary>Finds the fields of a line field by field, reading quoted fields (their content copied without the quotes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SplitQuoted(ReadOnlySpan<byte> line)
    {
        var count = 0;
        var at = 0;
        var unquotedLength = 0;
        while (true)
        {
            var start = at;
            int length;
            var quoted = at < line.Length && line[at] == '"';
            if (quoted)
            {
                // A quoted field closed on this line and followed by a comma or the end of the line; anything else to the general reader.
                at++;
                var copied = unquotedLength;
                while (true)
                {
                    var quote = line[at..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        return -1;
                    }

                    Copy(line.Slice(at, quote), ref unquotedLength);
                    at += quote + 1;
                    if (at < line.Length && line[at] == '"')
                    {
                        Copy("\""u8, ref unquotedLength);
                        at++;
                        continue;
                    }

                    break;
                }

                if (at < line.Length && line[at] != ',')
                {
                    return -1;
                }

                start = copied;
                length = unquotedLength - copied;
            }
            else
            {
                var next = line[at..].IndexOfAny(CommaOrQuote);
                if (next >= 0 && line[at + next] == '"')
                {
                    return -1;
                }

                length = next < 0 ? line.Length - at : next;
                at += length;
            }

            Field(count, start, length, quoted);

            count++;
            if (at >= line.Length)
            {
                return count;
            }

            at++;   // the comma
            if (at == line.Length)
            {
                // A comma at the end: one more, empty field.
                Field(count, at, 0);

                return count + 1;
            }
        }
    }

    private void Copy(ReadOnlySpan<byte> bytes, ref int length)
    {
        if (_unquoted.Length < length + bytes.Length)
        {
            Array.Resize(ref _unquoted, Math.Max(256, (length + bytes.Length) * 2));
        }

        bytes.CopyTo(_unquoted.AsSpan(length));
        length += bytes.Length;
    }

    private EvidenceRow Row(ReadOnlySpan<byte> line, int count, long row, long lineNumber)
    {
        if (count != _fieldCount)
        {
            return new EvidenceRow(row, lineNumber, null, "the row has a different number of fields than the header");
        }

        if (!Ascii.IsValid(line))
        {
            var invalid = StrictUtf8.FirstInvalid(line);
            return invalid >= 0 ? new EvidenceRow(row, lineNumber, null, StrictUtf8.Reason(invalid, "row")) : Text(line, row, lineNumber);
        }

        if (line.Contains((byte)0))
        {
            return Text(line, row, lineNumber);   // a NUL character: the general build words the rejection
        }

        return EvidenceFields.TryBuildAscii(
            _pool,
            row,
            lineNumber,
            Field(line, 0),
            Field(line, 1),
            Field(line, 2),
            Field(line, 3),
            Field(line, 4),
            Field(line, 5),
            Field(line, 6),
            Field(line, 7),
            Field(line, 8),
            out var result) ? result : Text(line, row, lineNumber);
    }

    /// <summary>The row built from its fields as text: every rejection worded by <see cref="EvidenceFields.Build"/>.</summary>
    private EvidenceRow Text(ReadOnlySpan<byte> line, long row, long lineNumber) =>
        EvidenceFields.Build(_pool, row, lineNumber, Text(line, 0), Text(line, 1), Text(line, 2), Text(line, 3), Text(line, 4), Text(line, 5), Text(line, 6), Text(line, 7), Text(line, 8));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int field)
    {
        var column = _columns[field];
        return column < 0 ? default : _inUnquoted[column] ? _unquoted.AsSpan(_starts[column], _lengths[column]) : line.Slice(_starts[column], _lengths[column]);
    }

    private string? Text(ReadOnlySpan<byte> line, int field) => _columns[field] < 0 ? null : Encoding.UTF8.GetString(Field(line, field));
}
