using System.Globalization;
using System.Text;

namespace FairRubrics.Loading;

/// <summary>Turns the bytes of a rubric file into text, rejecting what is not clean UTF-8 or UTF-16 with a position.</summary>
internal static class SourceText
{
    /// <summary>Decodes bytes (UTF-8, or UTF-16/32 with a byte-order mark). Returns null after reporting a problem.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics)
    {
        Encoding? bomEncoding = null;
        var skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            skip = 3;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            bomEncoding = new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
            skip = 4;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            bomEncoding = new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);
            skip = 4;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bomEncoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bomEncoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }

        var body = bytes[skip..];
        string text;
        if (bomEncoding is null)
        {
            var invalidAt = Evidence.StrictUtf8.FirstInvalid(body);
            if (invalidAt >= 0)
            {
                var (line, column) = PositionOfByte(body, invalidAt);
                diagnostics.Error(
                    DiagnosticIds.InvalidEncoding,
                    new SourceLocation(file, line, column),
                    string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8 (byte 0x{body[invalidAt]:X2} at offset {invalidAt + skip}); save it as UTF-8"));
                return null;
            }

            text = Evidence.StrictUtf8.Encoding.GetString(body);
        }
        else
        {
            try
            {
                text = bomEncoding.GetString(body);
            }
            catch (DecoderFallbackException)
            {
                diagnostics.Error(DiagnosticIds.InvalidEncoding, new SourceLocation(file, 1, 1), $"the file starts with a {bomEncoding.WebName} byte-order mark but is not valid {bomEncoding.WebName}; save it as UTF-8");
                return null;
            }
        }

        return CheckText(text, file, diagnostics) ? text : null;
    }

    /// <summary>Checks decoded text for characters that YAML and rubrics never allow (NUL). Reports and returns false if found.</summary>
    public static bool CheckText(string text, string file, DiagnosticBag diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul < 0)
        {
            return true;
        }

        var (line, column) = PositionOfChar(text, nul);
        diagnostics.Error(DiagnosticIds.InvalidEncoding, new SourceLocation(file, line, column), "the file contains a NUL character; rubric files are plain UTF-8 text");
        return false;
    }

    private static (int Line, int Column) PositionOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Column counts characters, not bytes: decode the (valid) part of the line before the bad byte.
        var column = Evidence.StrictUtf8.Encoding.GetCharCount(bytes[lineStart..offset]) + 1;
        return (line, column);
    }

    internal static (int Line, int Column) PositionOfChar(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
