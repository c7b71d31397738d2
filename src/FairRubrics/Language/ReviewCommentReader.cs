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
            ".csv" => ReadCsvCore(RecordFiles.OpenRead(path), leaveOpen: false, ignoredField),
            ".jsonl" or ".ndjson" or ".json" => ReadJsonLinesCore(RecordFiles.OpenRead(path), leaveOpen: false, ignoredField),
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

    private static IEnumerable<ReviewCommentRow> ReadCsvCore(Stream stream, bool leaveOpen, Action<string>? ignoredField) =>
        RecordFiles.ReadCsv(
            stream,
            leaveOpen,
            headers => MapColumns(headers, ignoredField),
            fieldCountAdvice: "quote a comment that contains commas",
            (row, line, reason) => new ReviewCommentRow(row, line, null, null, null, reason),
            (row, reader, columns) => new ReviewCommentRow(row, reader.LineNumber, Field(reader, columns[0]), Field(reader, columns[1]), Field(reader, columns[2]) ?? string.Empty, null));

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
        var columns = RecordFiles.MapColumns(headers, Fields, ignoredField);
        if (columns[2] < 0)
        {
            throw new EvidenceFormatException("the CSV header must name a 'comment' column (and, for group analyses, 'subject'; 'reviewer' is optional)");
        }

        return columns;
    }

    private static IEnumerable<ReviewCommentRow> ReadJsonLinesCore(Stream stream, bool leaveOpen, Action<string>? ignoredField)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in RecordFiles.JsonLines(stream, leaveOpen))
        {
            yield return line.Error is null ? ParseJsonLine(line.Utf8.Span, line.Number, reported, ignoredField) : Reject(line.Number, line.Error);
        }
    }

    private static ReviewCommentRow ParseJsonLine(ReadOnlySpan<byte> line, long lineNumber, HashSet<string> reported, Action<string>? ignoredField)
    {
        var fields = new string?[Fields.Length];
        var seen = new bool[Fields.Length];
        var json = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow });
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
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\uD800") is JSON syntax but not text: unescaping it throws.
            return Reject(lineNumber, "the line is not valid JSON (a \\u escape is half of a UTF-16 surrogate pair, which is not text)");
        }

        if (fields[2] is null)
        {
            return Reject(lineNumber, "no 'comment' property");
        }

        return new ReviewCommentRow(lineNumber, lineNumber, string.IsNullOrEmpty(fields[0]) ? null : fields[0], string.IsNullOrEmpty(fields[1]) ? null : fields[1], fields[2], null);
    }

    private static ReviewCommentRow Reject(long line, string reason) => new(line, line, null, null, null, reason);
}
