using System.Text;

namespace FairRubrics.Language;

/// <summary>One word of a text: its span, and whether a hyphen joins it to the previous word ("self-nominated").</summary>
/// <param name="Start">Index of the first character in the text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="HyphenBefore">Whether the word follows the previous word after a hyphen, with no space.</param>
internal readonly record struct WordToken(int Start, int Length, bool HyphenBefore)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits text into words once, without regular expressions: a word is a run of Unicode letters, digits and
/// combining marks, with apostrophes inside it ("don't", "customer's"). A hyphen between two words splits
/// them but is remembered, so that "self-nominated" matches the phrase "self nominated" and the word
/// "nominated". Culture-invariant.
/// </summary>
internal static class WordTokenizer
{
    /// <summary>The longest word that is looked up; longer runs (hashes, URLs) never match a list.</summary>
    public const int MaxWordLength = 64;

    /// <summary>The most words a text of <paramref name="length"/> characters can have (words are separated by at least one character).</summary>
    public static int MaxTokens(int length) => (length + 1) / 2;

    public static void Tokenize(ReadOnlySpan<char> text, List<WordToken> tokens)
    {
        var buffer = System.Buffers.ArrayPool<WordToken>.Shared.Rent(Math.Max(1, MaxTokens(text.Length)));
        try
        {
            var count = Tokenize(text, buffer);
            tokens.AddRange(buffer.AsSpan(0, count));
        }
        finally
        {
            System.Buffers.ArrayPool<WordToken>.Shared.Return(buffer);
        }
    }

    /// <summary>Splits <paramref name="text"/> into <paramref name="tokens"/> (at least <see cref="MaxTokens"/> long) and returns the number of words.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<WordToken> tokens)
    {
        var count = 0;
        var i = 0;
        var hyphenPending = false;
        var lastEnd = -1;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i, out var width))
            {
                // A hyphen (or non-breaking hyphen) directly after a word and directly before the next joins them.
                hyphenPending = lastEnd == i && IsHyphen(text[i]) && i + 1 < text.Length && IsWordChar(text, i + 1, out _);
                i++;
                continue;
            }

            var start = i;
            i += width;
            while (i < text.Length)
            {
                if (IsWordChar(text, i, out width))
                {
                    i += width;
                }
                else if (IsApostrophe(text[i]) && i + 1 < text.Length && IsWordChar(text, i + 1, out width))
                {
                    i += 1 + width;
                }
                else
                {
                    break;
                }
            }

            tokens[count++] = new WordToken(start, i - start, hyphenPending);
            hyphenPending = false;
            lastEnd = i;
        }

        return count;
    }

    /// <summary>
    /// Writes the lookup key of a word into <paramref name="destination"/>: lower-case (invariant), typographic
    /// apostrophes as <c>'</c>, a trailing possessive <c>'s</c> removed. Returns the key's length, or -1 when the
    /// word is longer than <see cref="MaxWordLength"/>.
    /// </summary>
    public static int Key(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (word.Length > MaxWordLength || word.Length > destination.Length)
        {
            return -1;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            destination[i] = IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
        }

        var length = word.Length;
        if (length > 2 && destination[length - 1] == 's' && destination[length - 2] == '\'')
        {
            length -= 2;
        }

        return length;
    }

    /// <summary>Normalises a term or phrase as written in a list: its words' keys joined by single spaces ("Self-Nominated" → "self nominated").</summary>
    public static string Normalize(string text)
    {
        var tokens = new List<WordToken>();
        Tokenize(text, tokens);
        var builder = new StringBuilder(text.Length);
        Span<char> buffer = stackalloc char[MaxWordLength];
        foreach (var token in tokens)
        {
            var length = Key(text.AsSpan(token.Start, token.Length), buffer);
            if (length <= 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(buffer[..length]);
        }

        return builder.ToString();
    }

    private static bool IsWordChar(ReadOnlySpan<char> text, int index, out int width)
    {
        var c = text[index];
        if (char.IsAsciiLetterOrDigit(c))
        {
            width = 1;
            return true;
        }

        if (c < 0x80)
        {
            width = 1;
            return false;
        }

        if (Rune.DecodeFromUtf16(text[index..], out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return false;
        }

        if (Rune.IsLetterOrDigit(rune))
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
}
