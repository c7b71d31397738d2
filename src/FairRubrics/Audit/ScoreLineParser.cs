using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace FairRubrics.Audit;

/// <summary>
/// One score result as the streaming parser leaves it: the few properties the audit needs, with their text as
/// unescaped UTF-8 in one reusable buffer. Reused from line to line, so reading allocates nothing per subject.
/// </summary>
internal sealed class ScoreRecord
{
    private byte[] _text = new byte[512];
    private int _textLength;
    private Text[] _competencyIds = new Text[4];
    private double[] _levels = new double[4];
    private Text[] _paths = new Text[4];

    /// <summary>The longest header remembered (a rubric's id, version and hash and the date take about 150 bytes).</summary>
    private const int MaxHeader = 1024;
    private byte[] _header = [];
    private int _rubricAt, _rubricLength;

    /// <summary>Gets the subject id.</summary>
    public ReadOnlySpan<byte> Subject => Get(SubjectText);

    /// <summary>Gets a value indicating whether the status is <c>scored</c> (else <c>insufficient-evidence</c>).</summary>
    public bool Scored { get; private set; }

    /// <summary>Gets the overall score (NaN for none).</summary>
    public double Overall { get; private set; }

    /// <summary>Gets a value indicating whether the result names a band.</summary>
    public bool HasBand => BandText.Length >= 0;

    /// <summary>Gets the band (empty when <see cref="HasBand"/> is false).</summary>
    public ReadOnlySpan<byte> Band => Get(BandText);

    /// <summary>Gets a value indicating whether the result names its rubric.</summary>
    public bool HasRubric => RubricText.Length >= 0;

    /// <summary>Gets the rubric id.</summary>
    public ReadOnlySpan<byte> Rubric => Get(RubricText);

    /// <summary>Gets the number of competencies.</summary>
    public int CompetencyCount { get; private set; }

    private Text SubjectText { get; set; }

    private Text BandText { get; set; }

    private Text RubricText { get; set; }

    /// <summary>Gets competency <paramref name="c"/>'s id.</summary>
    /// <param name="c">The competency's position.</param>
    /// <returns>The id.</returns>
    public ReadOnlySpan<byte> CompetencyId(int c) => Get(_competencyIds[c]);

    /// <summary>Gets competency <paramref name="c"/>'s level (NaN for insufficient evidence).</summary>
    /// <param name="c">The competency's position.</param>
    /// <returns>The level.</returns>
    public double Level(int c) => _levels[c];

    /// <summary>Gets a value indicating whether competency <paramref name="c"/> names its winning path.</summary>
    /// <param name="c">The competency's position.</param>
    /// <returns>Whether it does.</returns>
    public bool HasPath(int c) => _paths[c].Length >= 0;

    /// <summary>Gets competency <paramref name="c"/>'s winning path.</summary>
    /// <param name="c">The competency's position.</param>
    /// <returns>The path id (empty when <see cref="HasPath"/> is false).</returns>
    public ReadOnlySpan<byte> Path(int c) => Get(_paths[c]);

    /// <summary>Makes the record's <see cref="AuditSubject"/> (allocates; for the enumerable API).</summary>
    /// <returns>The subject.</returns>
    public AuditSubject ToSubject()
    {
        var competencies = new AuditCompetency[CompetencyCount];
        for (var c = 0; c < competencies.Length; c++)
        {
            competencies[c] = new AuditCompetency(
                Encoding.UTF8.GetString(CompetencyId(c)),
                double.IsNaN(_levels[c]) ? null : _levels[c],
                HasPath(c) ? Encoding.UTF8.GetString(Path(c)) : null);
        }

        return new AuditSubject(
            Encoding.UTF8.GetString(Subject),
            Scored,
            Scored ? Overall : null,
            Scored && HasBand ? Encoding.UTF8.GetString(Band) : null,
            competencies,
            HasRubric ? Encoding.UTF8.GetString(Rubric) : null);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Reset()
    {
        _textLength = 0;
        SubjectText = BandText = RubricText = Text.None;
        Scored = false;
        Overall = double.NaN;
        CompetencyCount = 0;
    }

    internal void SetScored(bool scored) => Scored = scored;

    internal void SetOverall(double overall) => Overall = overall;

    internal void SetSubject(ref Utf8JsonReader reader) => SubjectText = reader.TokenType == JsonTokenType.String ? Copy(ref reader) : Skip(ref reader);

    internal void SetSubject(ReadOnlySpan<byte> text, bool isString) => SubjectText = isString ? Copy(text) : Text.None;

    internal void SetBand(ReadOnlySpan<byte> text, bool isString) => BandText = isString ? Copy(text) : Text.None;

    internal void SetRubric(ReadOnlySpan<byte> text, bool isString) => RubricText = isString ? Copy(text) : Text.None;

    internal void SetCompetencyId(int c, ReadOnlySpan<byte> text, bool isString) => _competencyIds[c] = isString ? Copy(text) : Text.None;

    internal void SetPath(int c, ReadOnlySpan<byte> text, bool isString) => _paths[c] = isString ? Copy(text) : Text.None;

    internal void SetBand(ref Utf8JsonReader reader) => BandText = reader.TokenType == JsonTokenType.String ? Copy(ref reader) : Skip(ref reader);

    internal void SetRubric(ref Utf8JsonReader reader) => RubricText = reader.TokenType == JsonTokenType.String ? Copy(ref reader) : Skip(ref reader);

    internal void ClearCompetencies() => CompetencyCount = 0;

    /// <summary>
    /// Whether <paramref name="rest"/> starts with the header remembered from an earlier line (<see cref="RememberHeader"/>),
    /// then the rubric set from it; the header's length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryRepeatHeader(ReadOnlySpan<byte> rest, out int length)
    {
        length = _header.Length;
        if (length == 0 || !rest.StartsWith(_header))
        {
            return false;
        }

        RubricText = Copy(_header.AsSpan(_rubricAt, _rubricLength));
        return true;
    }

    /// <summary>Remembers a line's header (checked valid), with where the rubric id is in it, for the lines after it.</summary>
    internal void RememberHeader(ReadOnlySpan<byte> header, int rubricAt, int rubricLength)
    {
        if (header.Length <= MaxHeader)
        {
            _header = header.ToArray();
            _rubricAt = rubricAt;
            _rubricLength = rubricLength;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int AddCompetency()
    {
        if (CompetencyCount == _levels.Length)
        {
            Array.Resize(ref _competencyIds, CompetencyCount * 2);
            Array.Resize(ref _levels, CompetencyCount * 2);
            Array.Resize(ref _paths, CompetencyCount * 2);
        }

        _competencyIds[CompetencyCount] = Text.None;
        _levels[CompetencyCount] = double.NaN;
        _paths[CompetencyCount] = Text.None;
        return CompetencyCount++;
    }

    internal void SetCompetencyId(int c, ref Utf8JsonReader reader) => _competencyIds[c] = reader.TokenType == JsonTokenType.String ? Copy(ref reader) : Skip(ref reader);

    internal void SetLevel(int c, double level) => _levels[c] = level;

    internal void SetPath(int c, ref Utf8JsonReader reader) => _paths[c] = reader.TokenType == JsonTokenType.String ? Copy(ref reader) : Skip(ref reader);

    internal bool HasCompetencyId(int c) => _competencyIds[c].Length >= 0;

    /// <summary>Skips a value that is not a string (an object or array whole); the property then counts as absent.</summary>
    private static Text Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return Text.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Get(Text text) => text.Length < 0 ? [] : _text.AsSpan(text.Start, text.Length);

    /// <summary>Copies text that needs no unescaping into the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Text Copy(ReadOnlySpan<byte> value)
    {
        if (_textLength + value.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + value.Length));
        }

        value.CopyTo(_text.AsSpan(_textLength));
        var text = new Text(_textLength, value.Length);
        _textLength += value.Length;
        return text;
    }

    /// <summary>Copies the current string token, unescaped, into the buffer.</summary>
    private Text Copy(ref Utf8JsonReader reader)
    {
        var max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (_textLength + max > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + max));
        }

        int length;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            reader.ValueSpan.CopyTo(_text.AsSpan(_textLength));
            length = reader.ValueSpan.Length;
        }
        else
        {
            length = reader.CopyString(_text.AsSpan(_textLength));
        }

        var text = new Text(_textLength, length);
        _textLength += length;
        return text;
    }

    private readonly record struct Text(int Start, int Length)
    {
        public static Text None { get; } = new(0, -1);
    }
}

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
