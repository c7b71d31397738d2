namespace FairRubrics.Evidence;

/// <summary>Short decimal numbers read from their bytes exactly, without the general parser.</summary>
internal static class DecimalText
{
    /// <summary>Exact powers of ten as doubles: 10^0 to 10^22 (10^23 is the first that a double cannot hold).</summary>
    private static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// A decimal without an exponent and with at most 15 digits (an optional <c>-</c>, digits, an optional <c>.</c> and
    /// digits), such as the levels of a result (<c>3.5</c>) or an evidence value (<c>2</c>): its digits are an integer
    /// below 2^53 and its scale a power of ten below 10^23, both exact as doubles, so their quotient is the correctly
    /// rounded value of the decimal, which is what <see cref="System.Buffers.Text.Utf8Parser"/> and
    /// <see cref="double.TryParse(ReadOnlySpan{byte}, System.Globalization.NumberStyles, IFormatProvider, out double)"/>
    /// return (Clinger's fast path). False for any other text, which goes to the parser.
    /// </summary>
    /// <param name="number">The text, trimmed.</param>
    /// <param name="value">Receives the value.</param>
    /// <returns>Whether the text was such a decimal.</returns>
    public static bool TryParseShort(ReadOnlySpan<byte> number, out double value)
    {
        value = 0;
        var i = number.Length > 0 && number[0] == (byte)'-' ? 1 : 0;
        ulong digits = 0;
        int count = 0, scale = 0;
        for (; i < number.Length && (uint)(number[i] - '0') <= 9; i++, count++)
        {
            digits = (digits * 10) + (uint)(number[i] - '0');
        }

        if (i < number.Length && number[i] == (byte)'.')
        {
            for (i++; i < number.Length && (uint)(number[i] - '0') <= 9; i++, count++, scale++)
            {
                digits = (digits * 10) + (uint)(number[i] - '0');
            }
        }

        if (i != number.Length || count is 0 or > 15)
        {
            return false;
        }

        value = digits / PowersOfTen[scale];
        value = number[0] == (byte)'-' ? -value : value;
        return true;
    }
}
