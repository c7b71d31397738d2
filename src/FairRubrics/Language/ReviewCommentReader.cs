using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using FairRubrics.Evidence;

namespace FairRubrics.Language;

/// <summary>One row read from a comments file: the comment with its subject and reviewer, or why the row was rejected. Every row read produces one.</summary>
/// <param name="Row">1-based data row (CSV, header not counted) or line (JSON Lines).</param>
/// <param name="Line">1-based physical line where the row starts (a CSV comment may span lines).</param>
/// <param name="Subject">The id of the person the comment is about, or null.</param>
/// <param name="Reviewer">The reviewer's id, or null.</param>
/// <param name="Comment">The comment (possibly empty), when the row is valid.</param>
/// <param name="Error">Why the row was rejected (names the field, never a value), when it is not.</param>
public readonly record struct ReviewCommentRow(long Row, long Line, string? Subject, string? Reviewer, string? Comment, string? Error)
{
    /// <summary>Gets a value indicating whether the row holds a comment.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Comment))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Comment is not null;
}

/// <summary>
/// Streams reviewers' comments from CSV (RFC 4180: quotes, commas and line breaks inside a comment, byte-order
/// mark; columns <c>comment</c>, and optionally <c>subject</c> and <c>reviewer</c>, in any order) or JSON Lines
/// (one object per line with the same property names). Other columns are never read; they are reported by name.
/// </summary>
public static class ReviewCommentReader
{
    private static readonly string[] Fields = ["subject", "reviewer", "comment"];

    /// <summary>Reads a file by its extension: <c>.csv</c> as CSV, <c>.jsonl</c>, <c>.ndjson</c> or <c>.json</c> as JSON Lines.</summary>
    /// <param name="path">The file.</param>
    /// <param name="ignoredField">Called once per column or property that is not <c>subject</c>, <c>reviewer</c> or <c>comment</c> (the name only).</param>
    /// <returns>The rows, lazily.</returns>
    /// <exception cref="EvidenceFormatException">The file cannot be read as comments at all (unknown extension, no <c>comment</c> column).</exception>
    public static IEnumerable<ReviewCommentRow> ReadFile(string path, Action<string>? ignoredField = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ReadCsvCore(OpenRead(path), leaveOpen: false, ignoredField),
            ".jsonl" or ".ndjson" or ".json" => ReadJsonLinesCore(OpenRead(path), leaveOpen: false, ignoredField),
            _ => throw new EvidenceFormatException($"unknown comments format '{extension}'; use .csv or .jsonl"),
        };
    }

    /// <summary>Reads CSV comments from a stream (UTF-8, or UTF-16 with a byte-order mark). The stream is not closed.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="ignoredField">Called once per column that is not a comment field.</param>
    /// <returns>The rows, lazily; every data row yields one, malformed ones with their reason.</returns>
    public static IEnumerable<ReviewCommentRow> ReadCsv(Stream stream, Action<string>? ignoredField = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCsvCore(stream, leaveOpen: true, ignoredField);
    }

    /// <summary>Reads JSON Lines comments from a stream. The stream is not closed.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="ignoredField">Called once per property name that is not a comment field.</param>
    /// <returns>The rows, lazily; every non-blank line yields one.</returns>
    public static IEnumerable<ReviewCommentRow> ReadJsonLines(Stream stream, Action<string>? ignoredField = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadJsonLinesCore(stream, leaveOpen: true, ignoredField);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static IEnumerable<ReviewCommentRow> ReadCsvCore(Stream stream, bool leaveOpen, Action<string>? ignoredField)
    {
        var pending = new Queue<ReviewCommentRow>();
        long row = 0;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            IncludeValuesInExceptions = false,
            MaxRecordSize = 1 << 20,
            OnMalformedRecord = malformed =>
            {
                if (!malformed.Skipped)
                {
                    return;
                }

                row++;
                var reason = malformed.Reason switch
                {
                    CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed (a '\"' is missing); the rest of the file is part of this row",
                    CsvMalformedReason.FieldCountMismatch => "the row has a different number of fields than the header; quote a comment that contains commas",
                    CsvMalformedReason.StrayQuote => "a '\"' inside an unquoted field; quote the field and double the quote (\"\")",
                    CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
                    _ => "the row is not valid CSV",
                };
                pending.Enqueue(new ReviewCommentRow(row, malformed.LineNumber, null, null, null, reason));
            },
        };

        try
        {
            using var reader = CsvReader.Create(stream, options, leaveOpen);
            int[] columns;
            try
            {
                reader.ReadHeader();
                columns = MapColumns(reader.Headers, ignoredField);
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
                    throw new EvidenceFormatException(string.Create(CultureInfo.InvariantCulture, $"line {ex.LineNumber}: the CSV cannot be read further: {ex.Message}"), ex);
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
                yield return new ReviewCommentRow(row, reader.LineNumber, Field(reader, columns[0]), Field(reader, columns[1]), Field(reader, columns[2]) ?? string.Empty, null);
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

    private static string? Field(CsvReader reader, int column)
    {
        if (column < 0 || column >= reader.FieldCount)
        {
            return null;
        }

        var value = reader.GetString(column);
        return value.Length == 0 ? null : value;
    }

    private static int[] MapColumns(IReadOnlyList<string> headers, Action<string>? ignoredField)
    {
        var columns = new[] { -1, -1, -1 };
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            var index = Array.IndexOf(Fields, name);
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

        if (columns[2] < 0)
        {
            throw new EvidenceFormatException("the CSV header must name a 'comment' column (and, for group analyses, 'subject'; 'reviewer' is optional)");
        }

        return columns;
    }

    private static IEnumerable<ReviewCommentRow> ReadJsonLinesCore(Stream stream, bool leaveOpen, Action<string>? ignoredField)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: leaveOpen);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        long lineNumber = 0;
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                throw new EvidenceFormatException(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber + 1}: the file is not valid UTF-8"));
            }

            if (line is null)
            {
                yield break;
            }

            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseJsonLine(line, lineNumber, reported, ignoredField);
        }
    }

    private static ReviewCommentRow ParseJsonLine(string line, long lineNumber, HashSet<string> reported, Action<string>? ignoredField)
    {
        var fields = new string?[Fields.Length];
        var seen = new bool[Fields.Length];
        var json = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), new JsonReaderOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return Reject(lineNumber, "the line is not a JSON object ({ ... })");
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndObject)
            {
                var name = json.GetString()!;
                json.Read();
                var index = Array.IndexOf(Fields, name);
                if (index < 0)
                {
                    json.Skip();
                    if (reported.Add(name))
                    {
                        ignoredField?.Invoke(name);
                    }

                    continue;
                }

                if (seen[index])
                {
                    return Reject(lineNumber, $"the property '{name}' appears twice");
                }

                seen[index] = true;
                switch (json.TokenType)
                {
                    case JsonTokenType.String:
                        fields[index] = json.GetString();
                        break;
                    case JsonTokenType.Number when index < 2:
                        fields[index] = Encoding.UTF8.GetString(json.ValueSpan);
                        break;
                    case JsonTokenType.Null when index < 2:
                        break;
                    default:
                        return Reject(lineNumber, $"the '{name}' property must be a string");
                }
            }

            if (json.TokenType != JsonTokenType.EndObject || json.Read())
            {
                return Reject(lineNumber, "text after the JSON object; write one object per line");
            }
        }
        catch (JsonException)
        {
            return Reject(lineNumber, "the line is not valid JSON");
        }

        if (fields[2] is null)
        {
            return Reject(lineNumber, "no 'comment' property");
        }

        return new ReviewCommentRow(lineNumber, lineNumber, string.IsNullOrEmpty(fields[0]) ? null : fields[0], string.IsNullOrEmpty(fields[1]) ? null : fields[1], fields[2], null);
    }

    private static ReviewCommentRow Reject(long line, string reason) => new(line, line, null, null, null, reason);
}
