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
