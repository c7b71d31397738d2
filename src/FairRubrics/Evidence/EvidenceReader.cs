using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace FairRubrics.Evidence;

/// <summary>
/// Streams evidence from CSV (RFC 4180: quotes, embedded separators and line breaks, byte-order mark, header
/// names as documented, any column order) or JSON Lines. Every row read yields one <see cref="EvidenceRow"/>:
/// the item, or the reason it was rejected with its row and line number. Columns or properties that are not
/// evidence fields (for example a stray demographic column) are never read; they are reported by name only.
/// </summary>
public static class EvidenceReader
{
    /// <summary>Reads a file by its extension: <c>.csv</c> as CSV, <c>.jsonl</c>, <c>.ndjson</c> or <c>.json</c> as JSON Lines.</summary>
    /// <param name="path">The file.</param>
    /// <param name="ignoredField">Called once per field name that is not an evidence field (the name only, never values).</param>
    /// <param name="rubric">The rubric the evidence will be scored against, or null. Optional: values equal to its ids and evidence types then share its string instances, which makes scoring faster.</param>
    /// <returns>The rows, lazily.</returns>
    /// <exception cref="EvidenceFormatException">The file cannot be read as evidence at all (no header, missing required columns).</exception>
    public static IEnumerable<EvidenceRow> ReadFile(string path, Action<string>? ignoredField = null, Model.Rubric? rubric = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ReadCsvFile(path, ignoredField, rubric),
            ".jsonl" or ".ndjson" or ".json" => ReadJsonLinesFile(path, ignoredField, rubric),
            _ => throw new EvidenceFormatException($"{path}: unknown evidence format '{extension}'; use .csv or .jsonl"),
        };
    }

    /// <summary>Reads CSV evidence from a stream (UTF-8, or UTF-16 with a byte-order mark). The stream is not closed.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="ignoredField">Called once per column that is not an evidence field.</param>
    /// <param name="rubric">The rubric the evidence will be scored against, or null. Optional: values equal to its ids and evidence types then share its string instances, which makes scoring faster.</param>
    /// <returns>The rows, lazily; every data row yields one, malformed ones with their reason.</returns>
    public static IEnumerable<EvidenceRow> ReadCsv(Stream stream, Action<string>? ignoredField = null, Model.Rubric? rubric = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCsvCore(stream, leaveOpen: true, ignoredField, new EvidenceStringPool(rubric));
    }

    /// <summary>Reads JSON Lines evidence (one JSON object per line) from a stream. The stream is not closed.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="ignoredField">Called once per property name that is not an evidence field.</param>
    /// <param name="rubric">The rubric the evidence will be scored against, or null. Optional: values equal to its ids and evidence types then share its string instances, which makes scoring faster.</param>
    /// <returns>The rows, lazily; every non-blank line yields one.</returns>
    public static IEnumerable<EvidenceRow> ReadJsonLines(Stream stream, Action<string>? ignoredField = null, Model.Rubric? rubric = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadJsonLinesCore(stream, leaveOpen: true, ignoredField, new EvidenceStringPool(rubric));
    }

    /// <summary>
    /// What a runner's request names: <paramref name="stream"/> in <paramref name="format"/> when there is one, else the
    /// file at <paramref name="path"/> by its extension (<see cref="ReadFile"/>).
    /// </summary>
    internal static IEnumerable<EvidenceRow> Read(Stream? stream, Scoring.EvidenceFormat format, string? path, Action<string>? ignoredField, Model.Rubric? rubric) =>
        stream is null ? ReadFile(path!, ignoredField, rubric)
        : format == Scoring.EvidenceFormat.Csv ? ReadCsv(stream, ignoredField, rubric)
        : ReadJsonLines(stream, ignoredField, rubric);

    /// <summary>Reads JSON Lines evidence with another line bound than 1 MiB (the fuzzing harness's small one, so that small inputs reach the long-line path).</summary>
    internal static IEnumerable<EvidenceRow> ReadJsonLines(Stream stream, int maxLineBytes) =>
        ReadJsonLinesCore(stream, leaveOpen: true, null, new EvidenceStringPool(null), maxLineBytes);

    // The pool is made before the file is opened: a custom rule's evidence types are asked for while it is seeded.
    private static IEnumerable<EvidenceRow> ReadCsvFile(string path, Action<string>? ignoredField, Model.Rubric? rubric)
    {
        var pool = new EvidenceStringPool(rubric);
        return ReadCsvCore(RecordFiles.OpenRead(path), leaveOpen: false, ignoredField, pool);
    }

    private static IEnumerable<EvidenceRow> ReadJsonLinesFile(string path, Action<string>? ignoredField, Model.Rubric? rubric)
    {
        var pool = new EvidenceStringPool(rubric);
        return ReadJsonLinesCore(RecordFiles.OpenRead(path), leaveOpen: false, ignoredField, pool);
    }

    private static IEnumerable<EvidenceRow> ReadCsvCore(Stream stream, bool leaveOpen, Action<string>? ignoredField, EvidenceStringPool pool) =>
        new CsvEvidenceReader(pool, ignoredField).Read(
            stream,
            leaveOpen,
            MapColumns,
            (rest, columns, rowsBefore, lineOffset) => ReadCsvGeneral(rest, leaveOpen: true, ignoredField, pool, columns, rowsBefore, lineOffset));

    /// <summary>
    /// The general CSV reader (CsvHelper), which the fast one hands over to at a row it is not sure of: from the start
    /// of a file, or from a row on (<paramref name="columns"/> already mapped, rows and lines before it counted).
    /// </summary>
    internal static IEnumerable<EvidenceRow> ReadCsvGeneral(Stream stream, bool leaveOpen, Action<string>? ignoredField, EvidenceStringPool pool, int[]? columns = null, long rowsBefore = 0, long lineOffset = 0)
    {
        return RecordFiles.ReadCsv(
            stream,
            leaveOpen,
            headers => columns ?? MapColumns(headers, ignoredField),
            fieldCountAdvice: null,
            (row, line, reason) => new EvidenceRow(row, line, null, reason),
            (row, reader, columns) => EvidenceFields.Build(
                pool,
                row,
                reader.LineNumber + lineOffset,
                Field(reader, columns[0]),
                Field(reader, columns[1]),
                Field(reader, columns[2]),
                Field(reader, columns[3]),
                Field(reader, columns[4]),
                Field(reader, columns[5]),
                Field(reader, columns[6]),
                Field(reader, columns[7]),
                Field(reader, columns[8])),
            rowsBefore,
            lineOffset);
    }

    private static string? Field(CsvReader reader, int column) => column < 0 || column >= reader.FieldCount ? null : reader.GetString(column);

    private static int[] MapColumns(IReadOnlyList<string> headers, Action<string>? ignoredField)
    {
        var columns = RecordFiles.MapColumns(headers, EvidenceFields.Names, ignoredField);
        if (columns[0] < 0 || columns[1] < 0)
        {
            throw new EvidenceFormatException("the CSV header must name at least the columns 'subject' and 'type' (and for ratings 'competency', 'path' and 'value')");
        }

        return columns;
    }

    private static IEnumerable<EvidenceRow> ReadJsonLinesCore(Stream stream, bool leaveOpen, Action<string>? ignoredField, EvidenceStringPool pool, int maxLineBytes = Audit.Utf8LineReader.MaxLineBytes)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var fields = new string?[EvidenceFields.Names.Length];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in RecordFiles.JsonLines(stream, leaveOpen, maxLineBytes))
        {
            yield return line.Error is null
                ? ParseJsonLine(line.Utf8.Span, line.Number, reported, pool, ignoredField, fields, names)
                : new EvidenceRow(line.Number, line.Number, null, line.Error);
        }
    }

    /// <summary>Reads one line; <paramref name="fields"/> and <paramref name="names"/> are the reader's, reused line after line.</summary>
    private static EvidenceRow ParseJsonLine(ReadOnlySpan<byte> bytes, long lineNumber, HashSet<string> reported, EvidenceStringPool pool, Action<string>? ignoredField, string?[] fields, HashSet<string> names)
    {
        Array.Clear(fields);
        names.Clear();
        var json = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return Reject(lineNumber, 1, "the line is not a JSON object ({ ... })");
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndObject)
            {
                var column = (int)json.TokenStartIndex + 1;
                var name = ReadString(ref json);
                if (!names.Add(name))
                {
                    return Reject(lineNumber, column, $"the property '{Shorten(name)}' appears twice");
                }

                json.Read();
                var index = Array.IndexOf(EvidenceFields.Names, name);
                if (index < 0)
                {
                    json.Skip();
                    if (reported.Add(name))
                    {
                        ignoredField?.Invoke(name);
                    }

                    continue;
                }

                switch (json.TokenType)
                {
                    case JsonTokenType.String:
                        fields[index] = ReadString(ref json);
                        break;
                    case JsonTokenType.Number:
                        if (!json.TryGetDouble(out var number) || !double.IsFinite(number))
                        {
                            return Reject(lineNumber, (int)json.TokenStartIndex + 1, $"the '{name}' number is not finite");
                        }

                        fields[index] = number.ToString("R", CultureInfo.InvariantCulture);
                        break;
                    case JsonTokenType.Null:
                        break;
                    default:
                        return Reject(lineNumber, (int)json.TokenStartIndex + 1, $"the '{name}' property must be a string or a number");
                }
            }

            if (json.TokenType != JsonTokenType.EndObject || json.Read())
            {
                return Reject(lineNumber, (int)json.TokenStartIndex + 1, "text after the JSON object; write one object per line");
            }
        }
        catch (JsonException ex)
        {
            var column = ex.BytePositionInLine is { } position ? position + 1 : 1;
            var detail = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? " (nested too deeply)"
                : ex.InnerException is InvalidOperationException ? " (a \\u escape is half of a UTF-16 surrogate pair, which is not text)"
                : string.Empty;
            return Reject(lineNumber, column, "the line is not valid JSON" + detail);
        }

        return EvidenceFields.Build(pool, lineNumber, lineNumber, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8]);
    }

    /// <summary>
    /// Reads a string or property name. JSON syntax allows an escaped lone surrogate such as <c>"\uD800"</c>, which
    /// is not text: System.Text.Json then throws <see cref="InvalidOperationException"/>; the line is invalid JSON.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader json)
    {
        try
        {
            return json.GetString()!;
        }
        catch (InvalidOperationException ex) when (json.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            throw new JsonException(ex.Message, null, null, json.TokenStartIndex, ex);
        }
    }

    private static EvidenceRow Reject(long line, long column, string reason) =>
        new(line, line, null, string.Create(CultureInfo.InvariantCulture, $"column {column}: {reason}"));

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";
}

/// <summary>An evidence or attributes file cannot be read at all (no header, missing required columns, not text).</summary>
public sealed class EvidenceFormatException : FairRubricsException
{
    /// <summary>Creates the exception.</summary>
    public EvidenceFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the file position but never a value.</param>
    public EvidenceFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public EvidenceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
