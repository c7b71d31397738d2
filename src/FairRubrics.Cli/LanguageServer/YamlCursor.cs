namespace FairRubrics.Cli.LanguageServer;

/// <summary>
/// Where a cursor is in a block-style YAML rubric that may be half-written: the keys and sequence items from the root
/// to the mapping it is in (<c>[]</c> for a sequence item), whether it is typing a key or the value of
/// <see cref="Key"/>, and the keys already present beside it. Worked out from indentation alone, so it works on text
/// the parser rejects.
/// </summary>
internal sealed record YamlCursor(IReadOnlyList<string> Path, string? Key, string Typed, IReadOnlySet<string> SiblingKeys)
{
    /// <summary>The segment that stands for "an item of the sequence".</summary>
    public const string Item = "[]";

    /// <summary>Gets a value indicating whether the cursor is in the value of <see cref="Key"/> (after <c>key: </c>).</summary>
    public bool InValue => Key is not null;

    /// <summary>Finds the context at <paramref name="line"/>:<paramref name="character"/> (0-based), or null inside a comment.</summary>
    public static YamlCursor? At(string[] lines, int line, int character)
    {
        var text = line < lines.Length ? lines[line] : string.Empty;
        var prefix = text[..Math.Min(character, text.Length)];
        if (InComment(prefix))
        {
            return null;
        }

        var path = new List<string>();
        var indent = Leading(prefix);
        var rest = prefix[indent..];
        int? dash = null;
        if (rest.StartsWith("- ", StringComparison.Ordinal) || rest == "-")
        {
            dash = indent;
            var after = rest.Length > 1 ? rest[1..] : string.Empty;
            indent += 1 + Leading(after);
            rest = after.TrimStart(' ');
        }

        string? key = null;
        var typed = rest;
        var colon = KeyColon(rest);
        if (colon >= 0)
        {
            key = Unquote(rest[..colon].Trim());
            typed = rest[(colon + 1)..].TrimStart(' ');
        }

        if (dash is { } d)
        {
            path.Add(Item);
            SequenceOwner(lines, line - 1, d, path);
        }
        else
        {
            Parent(lines, line - 1, indent, path);
        }

        path.Reverse();
        return new YamlCursor(path, key, typed, Siblings(lines, line, indent, dash));
    }

    private static void Parent(string[] lines, int from, int indent, List<string> path)
    {
        for (var i = from; i >= 0; i--)
        {
            if (!Content(lines[i], out var t, out var content))
            {
                continue;
            }

            if (IsDash(content))
            {
                var inner = content[1..];
                var u = t + 1 + Leading(inner);
                inner = inner.TrimStart(' ');
                if (u > indent && t >= indent)
                {
                    continue;
                }

                if (u < indent && KeyOnly(inner) is { } innerKey)
                {
                    path.Add(innerKey);
                }

                path.Add(Item);
                SequenceOwner(lines, i - 1, t, path);
                return;
            }

            if (t < indent)
            {
                if (KeyColon(content) is var c and >= 0)
                {
                    path.Add(Unquote(content[..c].Trim()));
                    Parent(lines, i - 1, t, path);
                }

                return;
            }
        }
    }

    private static void SequenceOwner(string[] lines, int from, int dash, List<string> path)
    {
        for (var i = from; i >= 0; i--)
        {
            if (!Content(lines[i], out var t, out var content))
            {
                continue;
            }

            if (t > dash || (t == dash && IsDash(content)))
            {
                continue;
            }

            if (IsDash(content))
            {
                // "- paths:" owning a nested sequence: the inner key, then the outer item.
                var inner = content[1..].TrimStart(' ');
                if (KeyOnly(inner) is { } innerKey)
                {
                    path.Add(innerKey);
                }

                path.Add(Item);
                SequenceOwner(lines, i - 1, t, path);
                return;
            }

            if (KeyColon(content) is var c and >= 0)
            {
                path.Add(Unquote(content[..c].Trim()));
                Parent(lines, i - 1, t, path);
            }

            return;
        }
    }

    private static HashSet<string> Siblings(string[] lines, int line, int indent, int? dash)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Take(string content)
        {
            if (KeyColon(content) is var c and >= 0)
            {
                keys.Add(Unquote(content[..c].Trim()));
            }
        }

        // Upwards to the start of the mapping (for an item: its dash line, whose key belongs to it).
        for (var i = line - 1; i >= 0 && dash is null; i--)
        {
            if (!Content(lines[i], out var t, out var content))
            {
                continue;
            }

            if (IsDash(content))
            {
                var u = t + 1 + Leading(content[1..]);
                if (u == indent)
                {
                    Take(content[1..].TrimStart(' '));
                }

                if (u <= indent)
                {
                    break;
                }

                continue;
            }

            if (t < indent)
            {
                break;
            }

            if (t == indent)
            {
                Take(content);
            }
        }

        // Downwards to the end of the mapping.
        for (var i = line + 1; i < lines.Length; i++)
        {
            if (!Content(lines[i], out var t, out var content))
            {
                continue;
            }

            if (t < indent || (IsDash(content) && t <= indent))
            {
                break;
            }

            if (t == indent)
            {
                Take(content);
            }
        }

        return keys;
    }

    /// <summary>The key of a <c>key:</c> line with nothing after the colon (a parent of nested nodes), else null.</summary>
    private static string? KeyOnly(string content)
    {
        var c = KeyColon(content);
        return c >= 0 && StripComment(content[(c + 1)..]).Trim() is "" or "|" or ">" or "|-" or ">-" ? Unquote(content[..c].Trim()) : null;
    }

    /// <summary>The index of the colon that ends a plain or quoted key, or -1.</summary>
    internal static int KeyColon(string content)
    {
        if (content.Length == 0 || content[0] is '#' or '{' or '[')
        {
            return -1;
        }

        var i = 0;
        if (content[0] is '"' or '\'')
        {
            var close = content.IndexOf(content[0], 1);
            if (close < 0)
            {
                return -1;
            }

            i = close + 1;
        }

        for (; i < content.Length; i++)
        {
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] is ' ' or '\t'))
            {
                return i;
            }

            if (content[i] == '#' && i > 0 && content[i - 1] == ' ')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool Content(string line, out int indent, out string content)
    {
        indent = Leading(line);
        content = line[indent..].TrimEnd();
        return content.Length > 0 && content[0] != '#' && content != "---";
    }

    private static bool IsDash(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

    private static int Leading(string text)
    {
        var n = 0;
        while (n < text.Length && text[n] == ' ')
        {
            n++;
        }

        return n;
    }

    private static bool InComment(string prefix)
    {
        char quote = '\0';
        for (var i = 0; i < prefix.Length; i++)
        {
            var c = prefix[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'' && (i == 0 || prefix[i - 1] is ' ' or ':' or '-'))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || prefix[i - 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static string StripComment(string text)
    {
        var hash = text.IndexOf(" #", StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }

    private static string Unquote(string key) =>
        key.Length >= 2 && key[0] is '"' or '\'' && key[^1] == key[0] ? key[1..^1] : key;
}
