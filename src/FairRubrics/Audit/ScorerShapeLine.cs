using System.Runtime.CompilerServices;

namespace FairRubrics.Audit;

/// <summary>
/// The fastest path for a result line: one in exactly the shape <see cref="Scoring.ScoreJson"/> writes without
/// explanations or guidance — the same properties in the same order, no whitespace, strings of plain printable ASCII
/// (<c>{"subject":…,"rubric":…,"rubricVersion":…,"rubricHash":…,"asOf":…,"status":…,"overall":…,"band":…,
/// "competencies":[{"id":…,"status":…,"level":…,"path":…,"paths":[{"id":…,"level":…,"evidence":…},…]},…]}</c>).
/// Each property name and the punctuation around it is matched as one literal instead of being read as a string and
/// looked up, and every value is still checked against the JSON grammar, so a line read here is valid JSON and
/// gives the record and verdict <see cref="CompactScoreLine"/> and the general path give. Any other line — another
/// order, another property, an explanation, a value of another kind — is left to <see cref="CompactScoreLine"/>.
/// </summary>
internal static class ScorerShapeLine
{
    /// <summary>Reads a line if it has the scorer's shape; false to leave it to the compact path.</summary>
    /// <param name="line">The line, without its line break.</param>
    /// <param name="record">Receives the result (reset first).</param>
    /// <param name="error">Null when the line is a score result, else why not (as the general path words it).</param>
    /// <returns>Whether the line was read here. A line read here is all printable ASCII, so valid UTF-8.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> line, ScoreRecord record, out string? error)
    {
        error = null;
        record.Reset();
        var at = 0;
        if (!Is(line, ref at, "{\"subject\":"u8) || !CompactScoreLine.String(line, ref at, out var subject))
        {
            return false;
        }

        record.SetSubject(subject, isString: true);
        if (!Header(line, ref at, record)
            || !Is(line, ref at, ",\"status\":"u8) || !CompactScoreLine.String(line, ref at, out var statusText)
            || !Is(line, ref at, ",\"overall\":"u8) || !NumberOrNull(line, ref at, out var overall, out var overallValue)
            || !Is(line, ref at, ",\"band\":"u8) || !StringOrNull(line, ref at, out var band, out var hasBand)
            || !Is(line, ref at, ",\"competencies\":["u8))
        {
            return false;
        }

        record.SetBand(band, hasBand);
        var status = statusText.SequenceEqual("scored"u8) ? "scored"
            : statusText.SequenceEqual("insufficient-evidence"u8) ? "insufficient-evidence" : "other";
        string? competencyError = null;
        if (!Is(line, ref at, "]"u8))
        {
            do
            {
                if (!Competency(line, ref at, record, ref competencyError))
                {
                    return false;
                }
            }
            while (Is(line, ref at, ","u8));

            if (!Is(line, ref at, "]"u8))
            {
                return false;
            }
        }

        if (!Is(line, ref at, "}"u8) || at != line.Length)
        {
            return false;
        }

        error = ScoreLineParser.Verdict(record, status, overall, overallValue, competencyError);
        return true;
    }

    /// <summary>
    /// The rubric, its version and hash and the scoring date, the same on every line of a file: when the bytes are the
    /// previous line's (checked then), they are matched as one; else they are read and remembered.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Header(ReadOnlySpan<byte> line, ref int at, ScoreRecord record)
    {
        if (record.TryRepeatHeader(line[at..], out var repeated))
        {
            at += repeated;
            return true;
        }

        var start = at;
        if (!Is(line, ref at, ",\"rubric\":"u8))
        {
            return false;
        }

        var rubricAt = at + 1 - start;
        if (!CompactScoreLine.String(line, ref at, out var rubric)
            || !Is(line, ref at, ",\"rubricVersion\":"u8) || !CompactScoreLine.String(line, ref at, out _)
            || !Is(line, ref at, ",\"rubricHash\":"u8) || !CompactScoreLine.String(line, ref at, out _)
            || !Is(line, ref at, ",\"asOf\":"u8) || !CompactScoreLine.String(line, ref at, out _))
        {
            return false;
        }

        record.SetRubric(rubric, isString: true);
        record.RememberHeader(line[start..at], rubricAt, rubric.Length);
        return true;
    }

    /// <summary>One competency object: its id, level and winning path read, its status and paths checked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Competency(ReadOnlySpan<byte> line, ref int at, ScoreRecord record, ref string? error)
    {
        if (!Is(line, ref at, "{\"id\":"u8) || !CompactScoreLine.String(line, ref at, out var id)
            || !Is(line, ref at, ",\"status\":"u8) || !CompactScoreLine.String(line, ref at, out _)
            || !Is(line, ref at, ",\"level\":"u8) || !NumberOrNull(line, ref at, out var kind, out var level)
            || !Is(line, ref at, ",\"path\":"u8) || !StringOrNull(line, ref at, out var path, out var hasPath)
            || !Is(line, ref at, ",\"paths\":["u8))
        {
            return false;
        }

        var c = record.AddCompetency();
        record.SetCompetencyId(c, id, isString: true);
        record.SetLevel(c, kind == ScoreLineParser.OverallKind.Number ? level : double.NaN);
        if (kind != ScoreLineParser.OverallKind.Absent)
        {
            error ??= ScoreLineParser.LevelError(kind == ScoreLineParser.OverallKind.Number, level);
        }

        record.SetPath(c, path, hasPath);
        if (!Is(line, ref at, "]"u8))
        {
            do
            {
                if (!Is(line, ref at, "{\"id\":"u8) || !CompactScoreLine.String(line, ref at, out _)
                    || !Is(line, ref at, ",\"level\":"u8) || !NumberOrNull(line, ref at, out _, out _)
                    || !Is(line, ref at, ",\"evidence\":"u8) || !CompactScoreLine.Number(line, ref at)
                    || !Is(line, ref at, "}"u8))
                {
                    return false;
                }
            }
            while (Is(line, ref at, ","u8));

            if (!Is(line, ref at, "]"u8))
            {
                return false;
            }
        }

        return Is(line, ref at, "}"u8);
    }

    /// <summary>Matches <paramref name="literal"/> at <paramref name="at"/> and moves past it (the compact path's <see cref="CompactScoreLine.Literal"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Is(ReadOnlySpan<byte> line, ref int at, ReadOnlySpan<byte> literal) => CompactScoreLine.Literal(line, ref at, literal);

    /// <summary>A number (then its value, and whether it is finite) or <c>null</c> (then <see cref="ScoreLineParser.OverallKind.Absent"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NumberOrNull(ReadOnlySpan<byte> line, ref int at, out ScoreLineParser.OverallKind kind, out double value)
    {
        value = double.NaN;
        kind = ScoreLineParser.OverallKind.Absent;
        if (Is(line, ref at, "null"u8))
        {
            return true;
        }

        var start = at;
        if (!CompactScoreLine.Number(line, ref at))
        {
            return false;
        }

        kind = CompactScoreLine.Finite(line[start..at], out value) ? ScoreLineParser.OverallKind.Number : ScoreLineParser.OverallKind.NotFinite;
        return true;
    }

    /// <summary>A string (its content, <paramref name="isString"/> true) or <c>null</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StringOrNull(ReadOnlySpan<byte> line, ref int at, out ReadOnlySpan<byte> text, out bool isString)
    {
        isString = !Is(line, ref at, "null"u8);
        if (isString)
        {
            return CompactScoreLine.String(line, ref at, out text);
        }

        text = default;
        return true;
    }
}
