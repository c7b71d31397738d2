using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FairRubrics.Audit;

/// <summary>
/// A fast path for the lines <c>fairrubrics score</c> writes: one JSON object without whitespace whose strings
/// are printable ASCII without escapes. Such a line is checked against the JSON grammar and read in one pass,
/// byte by byte, without a general tokenizer. Anything else — whitespace, an escape, a byte outside printable
/// ASCII in a string, a value that is not an object, nesting deeper than the general reader allows, text after
/// the object — is left to <see cref="ScoreLineParser"/>'s <see cref="System.Text.Json.Utf8JsonReader"/> path, so
/// the rules, values and rejection reasons are always that path's (differential tests hold the two together).
/// </summary>
internal static class CompactScoreLine
{
    /// <summary>The general reader's nesting limit (its <c>MaxDepth</c>): lines nested as deep go to it.</summary>
    private const int MaxDepth = 16;

    /// <summary>
    /// The bytes a string may hold here, one entry per byte value (1 where plain): printable ASCII but the quote and the
    /// backslash. Strings are read eight bytes at a time (<see cref="NotPlain"/>); their last few bytes through this table.
    /// </summary>
    private static ReadOnlySpan<byte> PlainByte =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

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

    /// <summary>A string of plain bytes at <paramref name="at"/> (its opening quote); its content without the quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool String(ReadOnlySpan<byte> line, ref int at, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (at >= line.Length || line[at] != (byte)'"')
        {
            return false;
        }

        var rest = line[(at + 1)..];
        var end = 0;
        while (true)
        {
            if (end + sizeof(ulong) > rest.Length)
            {
                ref var plain = ref MemoryMarshal.GetReference(PlainByte);
                while (end < rest.Length && Unsafe.Add(ref plain, rest[end]) != 0)
                {
                    end++;
                }

                break;
            }

            var notPlain = NotPlain(BinaryPrimitives.ReadUInt64LittleEndian(rest[end..]));
            if (notPlain != 0)
            {
                end += BitOperations.TrailingZeroCount(notPlain) >> 3;
                break;
            }

            end += sizeof(ulong);
        }

        if (end >= rest.Length || rest[end] != (byte)'"')
        {
            return false;
        }

        content = rest[..end];
        at += end + 2;
        return true;
    }

    /// <summary>
    /// The bytes of eight (little-endian) that are not plain, as their high bits: below 0x20, the quote, the backslash,
    /// 0x7F and above. Each test flags its lowest matching byte exactly (a borrow only runs up from a byte that matches),
    /// so the lowest bit set is the first byte that is not plain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NotPlain(ulong x)
    {
        const ulong ones = 0x0101010101010101;
        const ulong highs = 0x8080808080808080;
        var control = (x - (ones * 0x20)) & ~x;
        var quote = x ^ (ones * '"');
        var backslash = x ^ (ones * '\\');
        var delete = x ^ (ones * 0x7F);
        return (control | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((delete - ones) & ~delete) | x) & highs;
    }

    /// <summary>Checks and skips any value at <paramref name="at"/>, which is at nesting depth <paramref name="depth"/>.</summary>
    private static bool Skip(ReadOnlySpan<byte> line, ref int at, int depth)
    {
        if (at >= line.Length)
        {
            return false;
        }

        switch (line[at])
        {
            case (byte)'"':
                return String(line, ref at, out _);
            case (byte)'{':
                if (depth >= MaxDepth - 1)
                {
                    return false;
                }

                at++;
                if (!Members(line, ref at, out var empty))
                {
                    return false;
                }

                while (!empty)
                {
                    if (!String(line, ref at, out _) || !Colon(line, ref at) || !Skip(line, ref at, depth + 1) || !Next(line, ref at, (byte)'}', out var more))
                    {
                        return false;
                    }

                    empty = !more;
                }

                return true;
            case (byte)'[':
                if (depth >= MaxDepth - 1)
                {
                    return false;
                }

                at++;
                if (!Elements(line, ref at, out var none))
                {
                    return false;
                }

                while (!none)
                {
                    if (!Skip(line, ref at, depth + 1) || !Next(line, ref at, (byte)']', out var another))
                    {
                        return false;
                    }

                    none = !another;
                }

                return true;
            case (byte)'t':
                return Literal(line, ref at, "true"u8);
            case (byte)'f':
                return Literal(line, ref at, "false"u8);
            case (byte)'n':
                return Literal(line, ref at, "null"u8);
            default:
                return Number(line, ref at);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Literal(ReadOnlySpan<byte> line, ref int at, ReadOnlySpan<byte> literal)
    {
        if (!line[at..].StartsWith(literal))
        {
            return false;
        }

        at += literal.Length;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNumber(byte first) => first is (byte)'-' or (>= (byte)'0' and <= (byte)'9');

    /// <summary>A number by the JSON grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Number(ReadOnlySpan<byte> line, ref int at)
    {
        var i = at;
        if (i < line.Length && line[i] == (byte)'-')
        {
            i++;
        }

        if (i >= line.Length || !IsDigit(line[i]))
        {
            return false;
        }

        if (line[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            i = Digits(line, i);
        }

        if (i < line.Length && line[i] == (byte)'.')
        {
            var fraction = Digits(line, i + 1);
            if (fraction == i + 1)
            {
                return false;
            }

            i = fraction;
        }

        if (i < line.Length && (line[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < line.Length && line[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var exponent = Digits(line, i);
            if (exponent == i)
            {
                return false;
            }

            i = exponent;
        }

        at = i;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && IsDigit(line[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The number's value as the general reader reads it (the same parser), and whether it is finite.</summary>
    internal static bool Finite(ReadOnlySpan<byte> number, out double value) =>
        ShortDecimal(number, out value)
        || (Utf8Parser.TryParse(number, out value, out var consumed) && consumed == number.Length && double.IsFinite(value));

    /// <summary>A number without an exponent and with at most 15 digits, exactly (<see cref="Evidence.DecimalText.TryParseShort"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ShortDecimal(ReadOnlySpan<byte> number, out double value) => Evidence.DecimalText.TryParseShort(number, out value);
}
