using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace FairRubrics.Audit;

/// <summary>
/// Reads one line of <c>fairrubrics score</c> output with a <see cref="Utf8JsonReader"/>, taking only the
/// properties the audit needs (<c>subject</c>, <c>status</c>, <c>overall</c>, <c>band</c>, <c>rubric</c> and each
/// competency's <c>id</c>, <c>level</c> and <c>path</c>) and skipping the rest (explanations, paths' evidence)
/// without materialising it. The whole line is still checked to be one valid JSON value. The rules and the
/// reasons for rejecting a line are those of the document-based reader it replaces: a property given twice
/// counts with its last value.
/// </summary>
internal static class ScoreLineParser
{
    /// <summary>Why a line with a competency that is not an object with a string <c>id</c> is rejected.</summary>
    internal const string NoId = "a competency without an 'id'";

    /// <summary>Why a line with a competency whose <c>level</c> is a number but not finite is rejected.</summary>
    internal const string LevelNotFinite = "a competency 'level' is not a finite number";

    /// <summary>Why a line with a competency whose <c>level</c> is outside every scale is rejected.</summary>
    internal const string LevelOffScale = "a competency 'level' is outside 0..10, the range of every rubric's scale";

    /// <summary>Why a line whose <c>overall</c> is outside every scale is rejected.</summary>
    internal const string OverallOffScale = "'overall' is outside 0..10, the range of every rubric's scale";

    /// <summary>
    /// The highest level of any rubric (a scale has at most 10 levels): a level or overall score outside 0..10 is
    /// not a score result, and values near the largest double would make the audit's sums overflow (issue #24 item 4).
    /// </summary>
    private const double MaxLevel = 10;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    /// <summary>Parses a line (without its line break) into <paramref name="record"/>.</summary>
    /// <param name="line">The UTF-8 text of the line.</param>
    /// <param name="record">Receives the result.</param>
    /// <returns>Null when the line is a score result, else why it is not.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? TryParse(ReadOnlySpan<byte> line, ScoreRecord record)
    {
        // A line in the scorer's own shape is plain ASCII, so valid UTF-8: most lines are read before the check.
        if (ScorerShapeLine.TryParse(line, record, out var shaped))
        {
            return shaped;
        }

        // Never decoded lossily: ids that differ only in bytes that are not UTF-8 would become one subject.
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            record.Reset();
            return Evidence.StrictUtf8.Reason(line, "line");
        }

        return CompactScoreLine.TryParse(line, record, out var error) ? error : TryParseGeneral(line, record);
    }

    /// <summary>Parses a line with <see cref="Utf8JsonReader"/>: any JSON (the path for lines <see cref="CompactScoreLine"/> leaves).</summary>
    /// <param name="line">The UTF-8 text of the line.</param>
    /// <param name="record">Receives the result.</param>
    /// <returns>Null when the line is a score result, else why it is not.</returns>
    internal static string? TryParseGeneral(ReadOnlySpan<byte> line, ScoreRecord record)
    {
        record.Reset();
        try
        {
            var reader = new Utf8JsonReader(line, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return Finish(ref reader, "not a JSON object");
            }

            string? status = null;
            var overall = OverallKind.Absent;
            var overallValue = double.NaN;
            string? competencyError = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Property(ref reader);
                reader.Read();
                switch (name)
                {
                    case Name.Subject:
                        record.SetSubject(ref reader);
                        break;
                    case Name.Status:
                        status = reader.TokenType != JsonTokenType.String ? "other"
                            : reader.ValueTextEquals("scored"u8) ? "scored"
                            : reader.ValueTextEquals("insufficient-evidence"u8) ? "insufficient-evidence" : "other";
                        reader.Skip();
                        break;
                    case Name.Overall:
                        overall = reader.TokenType != JsonTokenType.Number ? OverallKind.Absent
                            : reader.TryGetDouble(out overallValue) && double.IsFinite(overallValue) ? OverallKind.Number : OverallKind.NotFinite;
                        reader.Skip();
                        break;
                    case Name.Band:
                        record.SetBand(ref reader);
                        break;
                    case Name.Rubric:
                        record.SetRubric(ref reader);
                        break;
                    case Name.Competencies:
                        competencyError = ReadCompetencies(ref reader, record);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // Read to the end: a line must be exactly one JSON value.
            return Finish(ref reader, Verdict(record, status, overall, overallValue, competencyError));
        }
        catch (JsonException)
        {
            return "not valid JSON";
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\uD800") is JSON syntax but not text: unescaping it throws (found by fuzzing).
            return "not valid JSON";
        }
    }

    /// <summary>Whether a read line is a score result, and if so its status and overall score set on the record.</summary>
    /// <returns>Null, or why the line is rejected.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static string? Verdict(ScoreRecord record, string? status, OverallKind overall, double overallValue, string? competencyError)
    {
        var error =
            record.Subject.IsEmpty || IsWhiteSpace(record.Subject) ? "no 'subject'"
            : record.Subject.Contains((byte)0) ? "the 'subject' contains a NUL character (a \\u0000 escape)"
            : status is not ("scored" or "insufficient-evidence") ? "'status' must be 'scored' or 'insufficient-evidence'"
            : overall == OverallKind.NotFinite ? "'overall' is not a finite number"
            : overall == OverallKind.Number && !(overallValue is >= 0 and <= MaxLevel) ? OverallOffScale
            : status == "scored" && overall != OverallKind.Number ? "a scored result needs a numeric 'overall'"
            : competencyError;
        if (error is null)
        {
            record.SetScored(status == "scored");
            record.SetOverall(status == "scored" ? overallValue : double.NaN);
        }

        return error;
    }

    /// <summary>Reads the <c>competencies</c> array (or skips a value of another kind).</summary>
    /// <returns>Null, or why the line is rejected: the first competency that is not an object with a string <c>id</c>, or whose <c>level</c> is not finite.</returns>
    private static string? ReadCompetencies(ref Utf8JsonReader reader, ScoreRecord record)
    {
        record.ClearCompetencies();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        string? error = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                error ??= NoId;
                continue;
            }

            var c = record.AddCompetency();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Property(ref reader);
                reader.Read();
                switch (name)
                {
                    case Name.Id:
                        record.SetCompetencyId(c, ref reader);
                        break;
                    case Name.Level:
                        if (reader.TokenType == JsonTokenType.Number)
                        {
                            var finite = reader.TryGetDouble(out var level) && double.IsFinite(level);
                            record.SetLevel(c, finite ? level : double.NaN);
                            error ??= LevelError(finite, level);
                        }
                        else
                        {
                            record.SetLevel(c, double.NaN);
                            reader.Skip();
                        }

                        break;
                    case Name.Path:
                        record.SetPath(c, ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (!record.HasCompetencyId(c))
            {
                error ??= NoId;
            }
        }

        return error;
    }

    /// <summary>Why a competency's numeric <c>level</c> rejects the line, or null.</summary>
    /// <param name="finite">Whether the number is finite.</param>
    /// <param name="level">The number.</param>
    /// <returns>Null, <see cref="LevelNotFinite"/> or <see cref="LevelOffScale"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static string? LevelError(bool finite, double level) =>
        !finite ? LevelNotFinite : level is >= 0 and <= MaxLevel ? null : LevelOffScale;

    private static string? Finish(ref Utf8JsonReader reader, string? error)
    {
        while (reader.Read())
        {
            // the rest of the object, then nothing: Read throws on a second value or trailing text
        }

        return error;
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C))
            {
                return b < 0x80 ? false : string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(text));
            }
        }

        return true;
    }

    /// <summary>Which of the needed properties the current property name is: by length first, so that a name costs one comparison.</summary>
    private static Name Property(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            Span<byte> buffer = stackalloc byte[128];   // the longest needed name, "competencies", escaped as \uXXXX throughout
            var span = reader.HasValueSequence ? (long)reader.ValueSequence.Length : reader.ValueSpan.Length;
            return span <= buffer.Length ? Property(buffer[..reader.CopyString(buffer)]) : Name.Other;
        }

        return Property(reader.ValueSpan);
    }

    internal static Name Property(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => Name.Id,
        4 when name.SequenceEqual("band"u8) => Name.Band,
        4 when name.SequenceEqual("path"u8) => Name.Path,
        5 when name.SequenceEqual("level"u8) => Name.Level,
        6 when name.SequenceEqual("status"u8) => Name.Status,
        6 when name.SequenceEqual("rubric"u8) => Name.Rubric,
        7 when name.SequenceEqual("subject"u8) => Name.Subject,
        7 when name.SequenceEqual("overall"u8) => Name.Overall,
        12 when name.SequenceEqual("competencies"u8) => Name.Competencies,
        _ => Name.Other,
    };

    /// <summary>The properties the audit reads.</summary>
    internal enum Name
    {
        Other,
        Subject,
        Status,
        Overall,
        Band,
        Rubric,
        Competencies,
        Id,
        Level,
        Path,
    }

    /// <summary>What the <c>overall</c> property held.</summary>
    internal enum OverallKind
    {
        Absent,
        Number,
        NotFinite,
    }
}
