using System.Globalization;
using System.Text;
using CsvHelper;

namespace FairRubrics.Evidence;

/// <summary>
/// What the evidence and review-comment readers share: opening a file for one sequential pass, reading CSV with
/// one result per data row (malformed rows included, with a reason that names no value), mapping a header onto
/// known columns, and the non-blank lines of a JSON Lines file. Rows and lines that are not well-formed UTF-8 are
/// rejected with their number (<see cref="StrictUtf8"/>), never decoded lossily.
/// </summary>
internal static class RecordFiles
{
    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>
    /// The CSV reading options of every reader of user files: comma-separated with a header, line numbers tracked,
    /// malformed rows and rows with another number of fields skipped and reported to <paramref name="onMalformed"/>,
    /// records of at most 1 MiB, and no cell value in any exception message.
    /// </summary>
    /// <param name="onMalformed">Told of each malformed row.</param>
    /// <returns>The options.</returns>
    public static CsvReaderOptions CsvOptions(Action<CsvMalformedRecord> onMalformed) => new()
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        IncludeValuesInExceptions = false,
        MaxRecordSize = 1 << 20,
        OnMalformedRecord = onMalformed,
    };

    /// <summary>Reads CSV rows lazily, in file order: every data row yields one result, a valid one from <paramref name="record"/>, a malformed one from <paramref name="malformed"/>.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="stream">The stream (UTF-8, or UTF-16 with a byte-order mark).</param>
    /// <param name="leaveOpen">Whether the stream stays open afterwards.</param>
    /// <param name="mapColumns">Maps the header to the column index of each known field; throws <see cref="EvidenceFormatException"/> when a required one is missing.</param>
    /// <param name="fieldCountAdvice">What to add to "the row has a different number of fields than the header", or null.</param>
    /// <param name="malformed">Makes the result of a malformed row from its row number, line and reason.</param>
    /// <param name="record">Makes the result of a data row from its row number, the reader positioned on it, and the mapped columns.</param>
    /// <param name="rowOffset">The rows before the stream's first data row (a reader that hands the rest of a file over).</param>
    /// <param name="lineOffset">What is added to the stream's line numbers (likewise); <paramref name="record"/> adds it itself.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<T> ReadCsv<T>(Stream stream, bool leaveOpen, Func<IReadOnlyList<string>, int[]> mapColumns, string? fieldCountAdvice, Func<long, long, string, T> malformed, Func<long, CsvReader, int[], T> record, long rowOffset = 0, long lineOffset = 0)
    {
        var pending = new Queue<T>();
        var row = rowOffset;
        var options = CsvOptions(bad =>
            {
                if (!bad.Skipped)
                {
                    return;
                }

                row++;
                var reason = bad.Reason switch
                {
                    CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed (a '\"' is missing); the rest of the file is part of this row",
                    CsvMalformedReason.FieldCountMismatch => "the row has a different number of fields than the header" + (fieldCountAdvice is null ? string.Empty : "; " + fieldCountAdvice),
                    CsvMalformedReason.StrayQuote => "a '\"' inside an unquoted field; quote the field and double the quote (\"\")",
                    CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
                    _ => "the row is not valid CSV",
                };
                pending.Enqueue(malformed(row, bad.LineNumber + lineOffset, reason));
            });

        try
        {
            using var reader = CsvReader.Create(stream, options, leaveOpen);
            int[] columns;
            try
            {
                reader.ReadHeader();
                columns = mapColumns(reader.Headers);
            }
            catch (CsvFormatException ex)
            {
                throw new EvidenceFormatException("the CSV header cannot be read: " + ex.Message, ex);
            }

            while (true)
            {
                bool more;
                try
                {
                    more = reader.Read();
                }
                catch (CsvFormatException ex)
                {
                    throw new EvidenceFormatException(string.Create(CultureInfo.InvariantCulture, $"line {ex.LineNumber + lineOffset}: the CSV cannot be read further: {RecordNumbered(ex.Message, rowOffset)}"), ex);
                }

                while (pending.Count > 0)
                {
                    yield return pending.Dequeue();
                }

                if (!more)
                {
                    break;
                }

                row++;
                var invalid = StrictUtf8.FirstInvalid(reader.RawRecord);
                yield return invalid < 0 ? record(row, reader, columns) : malformed(row, reader.LineNumber + lineOffset, StrictUtf8.Reason(invalid, "row"));
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

    /// <summary>CsvHelper's message with its record number counted from the start of the file (its records count the header).</summary>
    private static string RecordNumbered(string message, long rowOffset)
    {
        var match = rowOffset == 0 ? null : System.Text.RegularExpressions.Regex.Match(message, "^Record ([0-9]+) ", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match is not { Success: true }
            ? message
            : string.Create(CultureInfo.InvariantCulture, $"Record {long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + rowOffset} ") + message[match.Length..];
    }

    /// <summary>The column of each known field (-1 when absent), from a header matched case-insensitively; unknown columns are reported by name.</summary>
    /// <param name="headers">The header.</param>
    /// <param name="names">The known fields, lower case.</param>
    /// <param name="ignoredField">Called once per unknown column.</param>
    /// <returns>One column index per known field.</returns>
    /// <exception cref="EvidenceFormatException">A field is named twice.</exception>
    public static int[] MapColumns(IReadOnlyList<string> headers, string[] names, Action<string>? ignoredField)
    {
        var columns = new int[names.Length];
        Array.Fill(columns, -1);
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            var index = Array.IndexOf(names, name);
            if (index < 0)
            {
                ignoredField?.Invoke(headers[i].Trim());
                continue;
            }

            if (columns[index] >= 0)
            {
                throw new EvidenceFormatException($"the CSV header names the column '{name}' twice; keep one");
            }

            columns[index] = i;
        }

        return columns;
    }

    /// <summary>
    /// The non-blank lines of a JSON Lines text (UTF-8; a byte-order mark is allowed) with their 1-based line
    /// numbers, lazily. A line that is not well-formed UTF-8, or is longer than 1 MiB, comes with the reason it is
    /// rejected instead of its bytes (a long line is skipped without being buffered); reading goes on with the next.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="leaveOpen">Whether the stream stays open afterwards.</param>
    /// <param name="maxLineBytes">The longest line read (1 MiB; the fuzzing harness uses less).</param>
    /// <returns>The lines; each line's bytes are valid until the next is read.</returns>
    /// <exception cref="EvidenceFormatException">The text is UTF-16 or UTF-32 (it starts with such a byte-order mark).</exception>
    public static IEnumerable<JsonLine> JsonLines(Stream stream, bool leaveOpen, int maxLineBytes = Audit.Utf8LineReader.MaxLineBytes)
    {
        try
        {
            using var lines = new Audit.Utf8LineReader(stream, maxLineBytes: maxLineBytes);
            while (lines.MoveNext())
            {
                if (lines.IsTooLong)
                {
                    yield return new JsonLine(lines.LineNumber, default, Audit.Utf8LineReader.TooLong(maxLineBytes));
                    continue;
                }

                var bytes = lines.Current;
                if (lines.LineNumber == 1 && (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])))
                {
                    throw new EvidenceFormatException("the file is UTF-16 or UTF-32 text (it starts with such a byte-order mark); JSON Lines files are UTF-8: save it as UTF-8");
                }

                var invalid = StrictUtf8.Reason(bytes, "line");
                yield return invalid is null ? new JsonLine(lines.LineNumber, lines.CurrentMemory, null) : new JsonLine(lines.LineNumber, default, invalid);
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
}

/// <summary>One non-blank line of a JSON Lines file: its bytes (well-formed UTF-8), or why it is rejected unread.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Utf8">The line without its line break; empty when <paramref name="Error"/> is set. Valid until the next line is read.</param>
/// <param name="Error">Why the line is rejected (not UTF-8, too long), or null.</param>
internal readonly record struct JsonLine(long Number, ReadOnlyMemory<byte> Utf8, string? Error);
