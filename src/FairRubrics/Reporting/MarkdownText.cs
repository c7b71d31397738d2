using System.Text;

namespace FairRubrics.Reporting;

/// <summary>
/// Writes text from the input (attribute values and column names, ids, rubric titles, messages that quote them)
/// into Markdown so that it renders as exactly that text in any CommonMark or GitHub Flavored Markdown renderer:
/// never as a link (no <c>[..](..)</c>, no <c>&lt;..&gt;</c> autolink, and no GFM extended autolink of
/// <c>http://</c>, <c>https://</c>, <c>ftp://</c>, <c>www.</c>, <c>mailto:</c>, <c>xmpp:</c> or an e-mail address,
/// nor a "fuzzy" link such as <c>evil-example.com</c>), nor as emphasis, code, HTML, an entity, math, a table cell
/// break, a heading or a list. Every Markdown output of the library and the command line uses it.
/// </summary>
/// <remarks>
/// <para>
/// Text is read as words (runs without white space, <c>|</c> or a backtick). A word that a renderer could take for
/// a link — it holds <c>@</c>, <c>://</c>, <c>www.</c>, a scheme such as <c>mailto:</c>, or a domain-like
/// <c>name.tld</c> — is written as a code span: renderers find autolinks in text after resolving backslash escapes
/// and entities (GitHub's cmark-gfm for e-mail addresses, remark for every kind), so escaping cannot stop them, but
/// no renderer links inside code. Such a word never holds a backtick or a <c>|</c>, so the code span is safe in a
/// table cell too.
/// </para>
/// <para>
/// In every other word each ASCII punctuation character except <c>' " , ; ? %</c> is written with a backslash,
/// which CommonMark defines as that character, literally. Line breaks and other control characters become spaces,
/// so the text stays in its paragraph or table cell. The rendered text is the input with control characters
/// replaced by spaces.
/// </para>
/// </remarks>
public static class MarkdownText
{
    /// <summary>Escapes text for a Markdown paragraph, heading, list item or table cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Markdown that renders as the text.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        Append(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends the escaped text (see <see cref="Escape(string)"/>).</summary>
    /// <param name="builder">Where the Markdown is written.</param>
    /// <param name="text">The text.</param>
    /// <returns>The builder.</returns>
    public static StringBuilder Append(StringBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSeparator(c))
            {
                AppendEscaped(builder, c);
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && !IsSeparator(text[end]))
            {
                end++;
            }

            var word = text.AsSpan(i, end - i);
            if (MayBecomeLink(word))
            {
                builder.Append('`').Append(word).Append('`');
            }
            else
            {
                foreach (var w in word)
                {
                    AppendEscaped(builder, w);
                }
            }

            i = end;
        }

        return builder;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c is '|' or '`';

    /// <summary>
    /// Whether a word could be taken for a link by some renderer: an e-mail address (<c>@</c>), a URL
    /// (<c>://</c>), <c>www.</c>, a scheme (<c>mailto:</c>, <c>javascript:</c>: letters then <c>:</c> and more), or a
    /// bare domain with a top-level domain of letters (<c>example.com</c>, which linkify-style renderers link).
    /// </summary>
    private static bool MayBecomeLink(ReadOnlySpan<char> word)
    {
        if (word.Contains('@') || word.Contains("://", StringComparison.Ordinal) || word.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var k = 1; k < word.Length - 1; k++)
        {
            var c = word[k];
            if (c == ':' && char.IsAsciiLetter(word[k - 1]))
            {
                return true;
            }

            // A dot, or a Unicode full stop some linkifiers accept, between a letter or digit and two letters.
            if (c is '.' or '\u3002' or '\uff0e' or '\uff61' && char.IsLetterOrDigit(word[k - 1])
                && k + 2 < word.Length && char.IsLetter(word[k + 1]) && char.IsLetter(word[k + 2]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        if (c < 0x80 && c > ' ' && !char.IsAsciiLetterOrDigit(c) && c is not ('\'' or '"' or ',' or ';' or '?' or '%' or '\u007f'))
        {
            builder.Append('\\').Append(c);
        }
        else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\n' or '\r')
        {
            builder.Append(' ');
        }
        else
        {
            builder.Append(c);
        }
    }
}
