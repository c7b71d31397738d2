using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FairRubrics.Evidence;

namespace FairRubrics.Audit;

/// <summary>One line of a score-results file: the result, or why the line was rejected.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Subject">The result, when the line is valid.</param>
/// <param name="Error">Why the line was rejected.</param>
public readonly record struct ScoreLine(long Line, AuditSubject? Subject, string? Error);

/// <summary>The attributes table: one row per subject, one column per attribute; read whole (one value per subject and attribute).</summary>
public sealed class AttributeTable
{
    private readonly Dictionary<string, string?[]> _rows;

    internal AttributeTable(IReadOnlyList<string> columns, Dictionary<string, string?[]> rows, IReadOnlyList<string> problems)
    {
        Columns = columns;
        _rows = rows;
        Problems = problems;
    }

    /// <summary>Gets the attribute columns (every column except <c>subject</c>).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the number of subjects with a row.</summary>
    public int Count => _rows.Count;

    /// <summary>Gets the rows that could not be used, as <c>row N (line L): reason</c> (never a value or subject id).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Gets a subject's values for the given columns (null for unknown), or false when the subject has no row.</summary>
    /// <param name="subject">The subject id.</param>
    /// <param name="columnIndexes">Indexes into <see cref="Columns"/>.</param>
    /// <param name="values">Receives one value per index.</param>
    /// <returns>Whether the subject has a row.</returns>
    public bool TryGetValues(string subject, IReadOnlyList<int> columnIndexes, Span<string?> values)
    {
        ArgumentNullException.ThrowIfNull(columnIndexes);
        if (!_rows.TryGetValue(subject, out var row))
        {
            values.Clear();
            return false;
        }

        for (var i = 0; i < columnIndexes.Count; i++)
        {
            values[i] = row[columnIndexes[i]];
        }

        return true;
    }

    /// <summary>Gets a value indicating whether a subject has a row.</summary>
    /// <param name="subject">The subject id.</param>
    /// <returns>Whether it has one.</returns>
    public bool Contains(string subject) => _rows.ContainsKey(subject);
}

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
    public static AttributeTable ReadAttributes(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var problems = new List<string>();
        long row = 0;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = malformed =>
            {
                if (malformed.Skipped)
                {
                    row++;
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"row {row} (line {malformed.LineNumber}): {(malformed.Reason == CsvMalformedReason.FieldCountMismatch ? "a different number of fields than the header" : "malformed quoting")}; the row is not used"));
                }
            },
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
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

        var rows = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        while (Read(reader))
        {
            row++;
            var subject = reader.GetString(subjectColumn).Trim();
            if (subject.Length == 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"row {row} (line {reader.LineNumber}): the 'subject' cell is empty; the row is not used"));
                continue;
            }

            var values = new string?[columns.Count];
            for (int i = 0, c = 0; i < headers.Count; i++)
            {
                if (i == subjectColumn)
                {
                    continue;
                }

                var value = i < reader.FieldCount ? reader.GetString(i).Trim() : string.Empty;
                values[c++] = value.Length == 0 ? null : string.Intern(value);
            }

            if (!rows.TryAdd(subject, values))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"row {row} (line {reader.LineNumber}): a second row for a subject already listed; only the first is used"));
            }
        }

        return new AttributeTable(columns, rows, problems);
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

    private static IEnumerable<ScoreLine> ReadScoresCore(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        long line = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return Parse(text, line);
        }
    }

    private static ScoreLine Parse(string text, long line)
    {
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            if (HasStringThatIsNotText(text))
            {
                return new ScoreLine(line, null, "not valid JSON");
            }

            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ScoreLine(line, null, "not a JSON object");
            }

            if (!root.TryGetProperty("subject", out var subjectElement) || Text(subjectElement) is not { } subject || string.IsNullOrWhiteSpace(subject))
            {
                return new ScoreLine(line, null, "no 'subject'");
            }

            var status = root.TryGetProperty("status", out var statusElement) ? Text(statusElement) : null;
            if (status is not ("scored" or "insufficient-evidence"))
            {
                return new ScoreLine(line, null, "'status' must be 'scored' or 'insufficient-evidence'");
            }

            var scored = status == "scored";
            double? overall = null;
            if (root.TryGetProperty("overall", out var overallElement) && overallElement.ValueKind == JsonValueKind.Number)
            {
                if (!overallElement.TryGetDouble(out var value) || !double.IsFinite(value))
                {
                    return new ScoreLine(line, null, "'overall' is not a finite number");
                }

                overall = value;
            }

            if (scored && overall is null)
            {
                return new ScoreLine(line, null, "a scored result needs a numeric 'overall'");
            }

            var band = root.TryGetProperty("band", out var bandElement) ? Text(bandElement) : null;
            var rubric = root.TryGetProperty("rubric", out var rubricElement) ? Text(rubricElement) : null;
            var competencies = new List<AuditCompetency>();
            if (root.TryGetProperty("competencies", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var c in list.EnumerateArray())
                {
                    if (c.ValueKind != JsonValueKind.Object || !c.TryGetProperty("id", out var id) || Text(id) is not { } competencyId)
                    {
                        return new ScoreLine(line, null, "a competency without an 'id'");
                    }

                    double? level = null;
                    if (c.TryGetProperty("level", out var levelElement) && levelElement.ValueKind == JsonValueKind.Number)
                    {
                        if (!levelElement.TryGetDouble(out var value) || !double.IsFinite(value))
                        {
                            return new ScoreLine(line, null, "a competency 'level' is not a finite number");
                        }

                        level = value;
                    }

                    var path = c.TryGetProperty("path", out var pathElement) ? Text(pathElement) : null;
                    competencies.Add(new AuditCompetency(competencyId, level, path));
                }
            }

            return new ScoreLine(line, new AuditSubject(subject, scored, scored ? overall : null, scored ? band : null, competencies, rubric), null);
        }
        catch (JsonException)
        {
            return new ScoreLine(line, null, "not valid JSON");
        }
    }

    /// <summary>The element's string, or null when it is not a string.</summary>
    private static string? Text(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    /// <summary>
    /// Tells whether a line that parsed as JSON holds a string or property name that is not text: JSON syntax allows
    /// an escaped lone surrogate such as <c>"\uD800"</c>, and System.Text.Json throws
    /// <see cref="InvalidOperationException"/> when such a string is read (even by a property lookup).
    /// </summary>
    private static bool HasStringThatIsNotText(string text)
    {
        if (!text.Contains("\\u", StringComparison.Ordinal))
        {
            return false;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = 16 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    _ = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
