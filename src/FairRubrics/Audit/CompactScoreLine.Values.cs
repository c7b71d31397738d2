using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FairRubrics.Audit;

// The grammar of the values in a compact line: strings of plain bytes, numbers, literals, and any value skipped.
internal static partial class CompactScoreLine
{
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

    /// <summary>Matches <paramref name="literal"/> at <paramref name="at"/> and moves past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Literal(ReadOnlySpan<byte> line, ref int at, ReadOnlySpan<byte> literal)
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
