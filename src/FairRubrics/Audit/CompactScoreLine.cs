using System.Runtime.CompilerServices;

namespace FairRubrics.Audit;

/// <summary>
/// A fast path for the lines <c>fairrubrics score</c> writes: one JSON object without whitespace whose strings
/// are printable ASCII without escapes. Such a line is checked against the JSON grammar and read in one pass,
/// byte by byte, without a general tokenizer. Anything else — whitespace, an escape, a byte outside printable
/// ASCII in a string, a value that is not an object, nesting deeper than the general reader allows, text after
/// the object — is left to <see cref="ScoreLineParser"/>'s <see cref="System.Text.Json.Utf8JsonReader"/> path, so
/// the rules, values and rejection reasons are always that path's (differential tests hold the two together).
/// </summary>
internal static partial class CompactScoreLine
{
    /// <summary>The general reader's nesting limit (its <c>MaxDepth</c>): lines nested as deep go to it.</summary>
    private const int MaxDepth = 16;

    /// <summary>Reads a line if it is compact; false to leave it to the general path.</summary>
    /// <param name="line">The UTF-8 line.</param>
    /// <param name="record">Receives the result (reset first).</param>
    /// <param name="error">Null when the line is a score result, else why not (as the general path words it).</param>
    /// <returns>Whether the line was read here.</returns>
    public static bool TryParse(ReadOnlySpan<byte> line, ScoreRecord record, out string? error)
    {
        error = null;
        record.Reset();
        var at = 0;
        if (line.IsEmpty || line[0] != (byte)'{')
        {
            return false;
        }

        at++;
        string? status = null;
        var overall = ScoreLineParser.OverallKind.Absent;
        var overallValue = double.NaN;
        string? competencyError = null;
        if (!Members(line, ref at, out var empty))
        {
            return false;
        }

        while (!empty)
        {
            if (!String(line, ref at, out var name) || !Colon(line, ref at))
            {
                return false;
            }

            var value = at;
            switch (ScoreLineParser.Property(name))
            {
                case ScoreLineParser.Name.Subject:
                    if (!Text(line, ref at, out var subject, out var isString))
                    {
                        return false;
                    }

                    record.SetSubject(subject, isString);
                    break;
                case ScoreLineParser.Name.Status:
                    if (!Text(line, ref at, out var text, out isString))
                    {
                        return false;
                    }

                    status = !isString ? "other"
                        : text.SequenceEqual("scored"u8) ? "scored"
                        : text.SequenceEqual("insufficient-evidence"u8) ? "insufficient-evidence" : "other";
                    break;
                case ScoreLineParser.Name.Overall:
                    if (!Skip(line, ref at, 1))
                    {
                        return false;
                    }

                    overall = IsNumber(line[value]) ? (Finite(line[value..at], out overallValue) ? ScoreLineParser.OverallKind.Number : ScoreLineParser.OverallKind.NotFinite) : ScoreLineParser.OverallKind.Absent;
                    break;
                case ScoreLineParser.Name.Band:
                    if (!Text(line, ref at, out var band, out isString))
                    {
                        return false;
                    }

                    record.SetBand(band, isString);
                    break;
                case ScoreLineParser.Name.Rubric:
                    if (!Text(line, ref at, out var rubric, out isString))
                    {
                        return false;
                    }

                    record.SetRubric(rubric, isString);
                    break;
                case ScoreLineParser.Name.Competencies:
                    if (!Competencies(line, ref at, record, out competencyError))
                    {
                        return false;
                    }

                    break;
                default:
                    if (!Skip(line, ref at, 1))
                    {
                        return false;
                    }

                    break;
            }

            if (!Next(line, ref at, (byte)'}', out var more))
            {
                return false;
            }

            empty = !more;
        }

        // Exactly one value on the line.
        if (at != line.Length)
        {
            return false;
        }

        error = ScoreLineParser.Verdict(record, status, overall, overallValue, competencyError);
        return true;
    }

    /// <summary>The <c>competencies</c> value, read as the general path reads it (a value of another kind is skipped).</summary>
    private static bool Competencies(ReadOnlySpan<byte> line, ref int at, ScoreRecord record, out string? error)
    {
        error = null;
        record.ClearCompetencies();
        if (at >= line.Length || line[at] != (byte)'[')
        {
            return Skip(line, ref at, 1);
        }

        at++;
        if (!Elements(line, ref at, out var empty))
        {
            return false;
        }

        while (!empty)
        {
            if (line[at] != (byte)'{')
            {
                if (!Skip(line, ref at, 2))
                {
                    return false;
                }

                error ??= ScoreLineParser.NoId;
            }
            else
            {
                at++;
                var c = record.AddCompetency();
                if (!Members(line, ref at, out var noMembers))
                {
                    return false;
                }

                while (!noMembers)
                {
                    if (!String(line, ref at, out var name) || !Colon(line, ref at))
                    {
                        return false;
                    }

                    var value = at;
                    switch (ScoreLineParser.Property(name))
                    {
                        case ScoreLineParser.Name.Id:
                            if (!Text(line, ref at, out var id, out var isString, depth: 3))
                            {
                                return false;
                            }

                            record.SetCompetencyId(c, id, isString);
                            break;
                        case ScoreLineParser.Name.Level:
                            if (!Skip(line, ref at, 3))
                            {
                                return false;
                            }

                            if (IsNumber(line[value]))
                            {
                                var finite = Finite(line[value..at], out var level);
                                record.SetLevel(c, finite ? level : double.NaN);
                                error ??= ScoreLineParser.LevelError(finite, level);
                            }
                            else
                            {
                                record.SetLevel(c, double.NaN);
                            }

                            break;
                        case ScoreLineParser.Name.Path:
                            if (!Text(line, ref at, out var path, out isString, depth: 3))
                            {
                                return false;
                            }

                            record.SetPath(c, path, isString);
                            break;
                        default:
                            if (!Skip(line, ref at, 3))
                            {
                                return false;
                            }

                            break;
                    }

                    if (!Next(line, ref at, (byte)'}', out var more))
                    {
                        return false;
                    }

                    noMembers = !more;
                }

                if (!record.HasCompetencyId(c))
                {
                    error ??= ScoreLineParser.NoId;
                }
            }

            if (!Next(line, ref at, (byte)']', out var another))
            {
                return false;
            }

            empty = !another;
        }

        return true;
    }

    /// <summary>A value that counts only as a string: its text when it is one, else skipped (<paramref name="isString"/> false).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Text(ReadOnlySpan<byte> line, ref int at, out ReadOnlySpan<byte> text, out bool isString, int depth = 1)
    {
        isString = at < line.Length && line[at] == (byte)'"';
        if (isString)
        {
            return String(line, ref at, out text);
        }

        text = default;
        return Skip(line, ref at, depth);
    }

    /// <summary>After <c>{</c>: whether the object is empty (then past its <c>}</c>), else at its first name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Members(ReadOnlySpan<byte> line, ref int at, out bool empty)
    {
        empty = at < line.Length && line[at] == (byte)'}';
        if (empty)
        {
            at++;
            return true;
        }

        return at < line.Length && line[at] == (byte)'"';
    }

    /// <summary>After <c>[</c>: whether the array is empty (then past its <c>]</c>), else at its first value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Elements(ReadOnlySpan<byte> line, ref int at, out bool empty)
    {
        empty = at < line.Length && line[at] == (byte)']';
        if (empty)
        {
            at++;
        }

        return at < line.Length;
    }

    /// <summary>After a value in an object or array: a comma (then another member or element must follow) or the closing bracket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Next(ReadOnlySpan<byte> line, ref int at, byte close, out bool more)
    {
        more = false;
        if (at >= line.Length)
        {
            return false;
        }

        if (line[at] == close)
        {
            at++;
            return true;
        }

        if (line[at] != (byte)',' || at + 1 >= line.Length)
        {
            return false;
        }

        at++;
        more = true;
        return close == (byte)']' || line[at] == (byte)'"';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Colon(ReadOnlySpan<byte> line, ref int at)
    {
        if (at < line.Length && line[at] == (byte)':')
        {
            at++;
            return at < line.Length;
        }

        return false;
    }
}
