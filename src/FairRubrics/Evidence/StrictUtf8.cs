using System.Globalization;
using System.Text;

namespace FairRubrics.Evidence;

/// <summary>
/// The one check every reader of user files makes before it decodes a row, a line or a rubric: the bytes are
/// well-formed UTF-8. Nothing is ever decoded lossily: two ids that differ only in bytes that are not UTF-8
/// (<c>Jos\xe9</c>, <c>Jos\xe8</c>) would both become <c>Jos\ufffd</c> and merge two people.
/// </summary>
internal static class StrictUtf8
{
    /// <summary>UTF-8 that throws on invalid bytes instead of replacing them.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The offset of the first byte that is not part of well-formed UTF-8, or -1 when all are.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The offset, or -1.</returns>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    /// <summary>Why a row or line is rejected, or null when its bytes are well-formed UTF-8. Names the position, never a value.</summary>
    /// <param name="bytes">The row's or line's bytes, as they are in the file.</param>
    /// <param name="unit">What the bytes are: "line" or "row".</param>
    /// <returns>The reason, or null.</returns>
    public static string? Reason(ReadOnlySpan<byte> bytes, string unit)
    {
        var at = FirstInvalid(bytes);
        return at < 0 ? null : Reason(at, unit);
    }

    /// <summary>Why a row or line with an invalid byte at <paramref name="offset"/> is rejected.</summary>
    /// <param name="offset">The 0-based offset of the first invalid byte in the row or line.</param>
    /// <param name="unit">What the bytes are: "line" or "row".</param>
    /// <returns>The reason.</returns>
    public static string Reason(int offset, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"the {unit} is not valid UTF-8 (an invalid byte at byte {offset + 1} of the {unit}); save the file as UTF-8");
}
