using System.Text;

namespace FairRubrics.Pages;

/// <summary>
/// Escapes plain text for Markdown (CommonMark and GitHub's extensions), so that text from a rubric or an evidence file
/// is shown as written and never becomes emphasis, code, a heading, a list, a table, HTML, an entity, a link or an
/// image: the characters that always have a meaning are backslash-escaped (\ ` * _ [ ] &lt; &gt; | ~ &amp; @), and the
/// others where they would have one — a block marker at the start (# + - = and "1." or "1)"), the ':' of "://" and the
/// '.' of "www." (an escaped character is text of its own, so no bare web or e-mail address becomes a link). Line
/// breaks, tabs and other control characters become spaces.
/// </summary>
internal static class MarkdownText
{
    private const string Always = "\\`*_[]<>|~&@";
    private const string AtStart = "#+-=";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 16);
        var trimmed = text.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsControl(c))
            {
                sb.Append(' ');
                continue;
            }

            var escape = Always.Contains(c, StringComparison.Ordinal)
                || (i == 0 && AtStart.Contains(c, StringComparison.Ordinal))
                || (c == ':' && i + 1 < trimmed.Length && trimmed[i + 1] == '/')
                || (c is '.' or ')' && i > 0 && char.IsAsciiDigit(trimmed[i - 1]) && IsDigitsFromStart(trimmed, i))
                || (c == '.' && i >= 3 && trimmed.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase));
            if (escape)
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Whether everything before <paramref name="end"/> is digits: "12." at the start is an ordered-list marker.</summary>
    private static bool IsDigitsFromStart(string text, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
