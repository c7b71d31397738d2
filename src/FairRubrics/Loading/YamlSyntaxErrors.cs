using YamlDotNet.Core;

namespace FairRubrics.Loading;

/// <summary>
/// Turns a YAML syntax error from the parser into an <c>FR001</c> in our words, at the character that is wrong: a tab
/// in the indentation at the tab (the parser reports the end of the line before), an unclosed quote at its opening
/// quote, a stray <c>': '</c> at the colon, and so on, each with what to do. The parser's own message is not shown.
/// </summary>
internal static class YamlSyntaxErrors
{
    /// <summary>Describes a syntax error.</summary>
    /// <param name="ex">The parser's exception.</param>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name for the location.</param>
    /// <param name="fallback">Where to report when the parser gave no position (the last event read).</param>
    /// <returns>The position and the message.</returns>
    public static (SourceLocation At, string Message) Describe(YamlException ex, string text, string file, SourceLocation fallback)
    {
        var parser = (ex.InnerException is YamlException inner && !string.IsNullOrWhiteSpace(inner.Message) ? inner.Message : ex.Message).ToLowerInvariant();
        var at = ex.Start.Equals(Mark.Empty) || ex.Start.Line <= 0 ? fallback : new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var here = CharAt(lines, at);

        if (parser.Contains("tab", StringComparison.Ordinal) || here == '\t')
        {
            var tab = FindIndentationTab(lines, file, at.HasPosition ? at.Line : 1) ?? FindIndentationTab(lines, file, 1);
            return (tab ?? at, "a tab character is used for indentation, and YAML indents with spaces only; replace the tab with spaces");
        }

        if (parser.Contains("quoted scalar", StringComparison.Ordinal) && parser.Contains("end of stream", StringComparison.Ordinal))
        {
            return (at, "the quoted value that starts here is never closed; add the closing quote (a ' inside single quotes is written '')");
        }

        if (parser.Contains("multi-line", StringComparison.Ordinal) && parser.Contains("quoted", StringComparison.Ordinal))
        {
            return (at, "the quoted value that starts here runs on to the next lines; close the quote on this line, or indent the lines it continues on more than its key");
        }

        if (parser.Contains("escape", StringComparison.Ordinal) || parser.Contains("hexdecimal", StringComparison.Ordinal) || parser.Contains("hexadecimal", StringComparison.Ordinal))
        {
            return (at, "an escape sequence in this double-quoted value is not valid YAML (write \\\\ for a backslash, \\\" for a quote, \\uXXXX for a character), or use single quotes, where \\ has no special meaning");
        }

        if (parser.Contains("invalid mapping", StringComparison.Ordinal) || parser.Contains("mapping values are not allowed", StringComparison.Ordinal))
        {
            var colon = FindColon(lines, at) ?? at;
            return (colon, "this ':' makes a key where none can start: if it is part of the text, put the whole value in quotes (title: \"Ratio: 3 to 1\"); if it is a key, indent it like the keys beside it");
        }

        if (parser.Contains("could not find expected ':'", StringComparison.Ordinal))
        {
            return (at, "this key has no ':' after it; write 'key: value', or quote the text if it is a value");
        }

        if (parser.Contains("did not find expected key", StringComparison.Ordinal))
        {
            return (at, "this line does not continue the mapping above it: a ':' is missing after its key, or it is indented differently from the keys beside it");
        }

        if (parser.Contains("expected '-' indicator", StringComparison.Ordinal) || parser.Contains("block sequence entries are not allowed", StringComparison.Ordinal))
        {
            return (at, "this list item is not where a list can be: start the list on its own line below its key, and indent every '- ' of one list alike");
        }

        if (parser.Contains("flow sequence", StringComparison.Ordinal) || parser.Contains("flow mapping", StringComparison.Ordinal))
        {
            return (at, "a '[ ]' list or '{ }' mapping is broken here: separate its entries with ',' and close it with its ']' or '}'");
        }

        if (parser.Contains("anchor", StringComparison.Ordinal) || parser.Contains("alias", StringComparison.Ordinal))
        {
            return (at, "'&' and '*' start YAML anchors and aliases, which rubrics do not use; put the value in quotes");
        }

        if (parser.Contains("cannot start any token", StringComparison.Ordinal))
        {
            var what = here is '@' or '`' ? $"'{here}' cannot start a value" : "this character cannot start a value";
            return (at, $"{what}; put the value in quotes");
        }

        if (parser.Contains("block scalar", StringComparison.Ordinal))
        {
            return (at, "the '|' or '>' text block is broken here: nothing but a comment may follow '|' or '>' on its line, and the text goes on the lines below, indented");
        }

        if (parser.Contains("document", StringComparison.Ordinal) || parser.Contains("directive", StringComparison.Ordinal))
        {
            return (at, "the YAML document does not go on as one mapping here ('---', '...' or '%' lines are not used in rubrics); one rubric per file, as a mapping of keys");
        }

        return (at, "the YAML cannot be read from this position on; check the indentation (spaces only), the quotes and the ':' after each key here");
    }

    /// <summary>The first tab in the indentation of a line (before any text other than spaces and <c>- </c>) from a line on.</summary>
    internal static SourceLocation? FindIndentationTab(string[] lines, string file, int fromLine)
    {
        for (var i = Math.Max(fromLine, 1) - 1; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length; c++)
            {
                if (line[c] == '\t')
                {
                    return new SourceLocation(file, i + 1, c + 1);
                }

                if (line[c] != ' ' && line[c] != '-')
                {
                    break;
                }
            }
        }

        return null;
    }

    private static SourceLocation? FindColon(string[] lines, SourceLocation at)
    {
        if (!at.HasPosition || at.Line > lines.Length)
        {
            return null;
        }

        var line = lines[at.Line - 1];
        for (var c = Math.Max(at.Column - 1, 0); c < line.Length; c++)
        {
            if (line[c] == ':' && (c + 1 == line.Length || line[c + 1] is ' ' or '\t'))
            {
                return new SourceLocation(at.File, at.Line, c + 1);
            }
        }

        return null;
    }

    private static char? CharAt(string[] lines, SourceLocation at) =>
        at.HasPosition && at.Line <= lines.Length && at.Column - 1 < lines[at.Line - 1].Length && at.Column >= 1 ? lines[at.Line - 1][at.Column - 1] : null;
}
