using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FairRubrics.Loading;

/// <summary>
/// Reads YAML text into a <see cref="RubricNode"/> tree by walking the parser's events with an explicit
/// stack (no recursion, so deep input cannot overflow the stack). Rejects what rubrics never need — tags,
/// anchors, aliases, merge keys, several documents — with positions, and enforces the size limits.
/// </summary>
internal static class YamlTreeReader
{
    public static RubricNode? Read(string text, string file, RubricLoaderOptions options, DiagnosticBag diagnostics, bool requireMapping = true)
    {
        // Before YamlDotNet sees the text: an over-long scalar is rejected here, so that it is never buffered, and
        // deep brackets are handed to the parser only up to the first one too deep (see YamlPreScan).
        var preScan = YamlPreScan.Scan(text, options.MaxScalarLength, options.MaxDepth);
        if (preScan.Kind == YamlPreScan.FindingKind.ScalarTooLong)
        {
            var (line, column) = YamlPreScan.Position(text, preScan.Index);
            diagnostics.Error(
                DiagnosticIds.TooLarge,
                new SourceLocation(file, line, column),
                string.Create(CultureInfo.InvariantCulture, $"this value is at least {preScan.Length} characters long; the limit is {options.MaxScalarLength}, set by the host: shorten it, or raise RubricLoaderOptions.MaxScalarLength"));
            return null;
        }

        if (preScan.Kind == YamlPreScan.FindingKind.TooDeep)
        {
            // The parser reads the text only up to the token that went too deep and reports the depth error itself,
            // at the place a full parse would. Should it not (the pre-scan over-counted), the whole text is parsed.
            var prefixDiagnostics = new DiagnosticBag();
            _ = ReadParsed(text[..preScan.Index], file, options, prefixDiagnostics, requireMapping, preScan.BadEscape < preScan.Index ? preScan.BadEscape : -1);
            if (prefixDiagnostics.Items.Any(d => d.Id == DiagnosticIds.TooDeep))
            {
                foreach (var diagnostic in prefixDiagnostics.Items)
                {
                    diagnostics.Add(diagnostic);
                }

                return null;
            }
        }

        return ReadParsed(text, file, options, diagnostics, requireMapping, preScan.BadEscape);
    }

    /// <summary>
    /// Parses the whole text, without the pre-scan (tests compare the two). <paramref name="badEscape"/> is where
    /// the pre-scan found an escape that is not a Unicode character (<see cref="YamlPreScan.Result.BadEscape"/>), or -1.
    /// </summary>
    internal static RubricNode? ReadParsed(string text, string file, RubricLoaderOptions options, DiagnosticBag diagnostics, bool requireMapping, int badEscape = -1)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        RubricNode? root = null;
        var documents = 0;
        var nodes = 0;
        var lastMark = Mark.Empty;
        var lastStart = Mark.Empty;

        try
        {
            while (MoveNext(parser))
            {
                var current = parser.Current!;
                lastMark = current.End;
                lastStart = current.Start;
                switch (current)
                {
                    case StreamStart or StreamEnd or DocumentEnd or Comment:
                        break;

                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Error(
                                DiagnosticIds.NotARubricDocument,
                                Loc(file, start.Start),
                                "the file holds more than one YAML document ('---'); keep one rubric per file");
                            return null;
                        }

                        break;

                    case AnchorAlias alias:
                        {
                            diagnostics.Error(DiagnosticIds.AliasNotAllowed, Loc(file, alias.Start), $"aliases ('*{alias.Value}') are not allowed in rubrics; write the value out in full");
                            var placeholder = new RubricScalarNode(string.Empty, isPlain: true, Loc(file, alias.Start));
                            diagnostics.Poison(placeholder);
                            if (!Attach(stack, placeholder, ref root, diagnostics))
                            {
                                return null;
                            }

                            break;
                        }

                    case Scalar scalar:
                        {
                            if (++nodes > options.MaxNodes)
                            {
                                return TooMany(file, scalar.Start, options, diagnostics);
                            }

                            CheckProperties(scalar, file, diagnostics);
                            if (scalar.Value.Length > options.MaxScalarLength)
                            {
                                diagnostics.Error(
                                    DiagnosticIds.TooLarge,
                                    Loc(file, scalar.Start),
                                    string.Create(CultureInfo.InvariantCulture, $"this value is {scalar.Value.Length} characters long; the limit is {options.MaxScalarLength}"));
                                return null;
                            }

                            if (scalar.Value.Contains('\0', StringComparison.Ordinal))
                            {
                                // The file has no NUL byte (SourceText rejects one), so it comes from an escape: "\0", "\x00", "\u0000".
                                diagnostics.Error(
                                    DiagnosticIds.InvalidEncoding,
                                    Loc(file, scalar.Start),
                                    "this value contains a NUL character, written as an escape such as \\0 or \\x00; text in these files never holds one: remove it");
                            }

                            var node = new RubricScalarNode(scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, Loc(file, scalar.Start));
                            if (!Attach(stack, node, ref root, diagnostics))
                            {
                                return null;
                            }

                            break;
                        }

                    case MappingStart or SequenceStart:
                        {
                            var collection = (NodeEvent)current;
                            if (++nodes > options.MaxNodes)
                            {
                                return TooMany(file, collection.Start, options, diagnostics);
                            }

                            if (stack.Count + 1 > options.MaxDepth)
                            {
                                diagnostics.Error(
                                    DiagnosticIds.TooDeep,
                                    Loc(file, collection.Start),
                                    string.Create(CultureInfo.InvariantCulture, $"the YAML is nested more than {options.MaxDepth} levels deep; a rubric needs only a few levels"));
                                return null;
                            }

                            CheckProperties(collection, file, diagnostics);
                            stack.Push(new Frame(current is MappingStart, Loc(file, collection.Start)));
                            break;
                        }

                    case MappingEnd or SequenceEnd:
                        {
                            var frame = stack.Pop();
                            RubricNode node = frame.IsMapping
                                ? new RubricMappingNode(frame.Entries!, frame.Location)
                                : new RubricSequenceNode(frame.Items!, frame.Location);
                            if (!Attach(stack, node, ref root, diagnostics))
                            {
                                return null;
                            }

                            break;
                        }
                }
            }
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws a bare InvalidOperationException at the end of input inside an unclosed flow collection.
            var at = lastMark.Equals(Mark.Empty) ? new SourceLocation(file, 1, 1) : Loc(file, lastMark);
            diagnostics.Error(DiagnosticIds.YamlSyntax, at, "invalid YAML: the file ends inside a '[' list or '{' mapping that is never closed; add the closing ']' or '}'");
            return null;
        }
        catch (BadEscapeException)
        {
            // YamlDotNet 18 throws a bare ArgumentOutOfRangeException (no position) for "\UFFFFFFFF" or "\uD800\U0010FFFF".
            var index = badEscape >= 0 ? badEscape : FirstBadEscape(text, lastMark);
            var at = index >= 0 ? Position(file, text, index) : lastMark.Equals(Mark.Empty) ? new SourceLocation(file, 1, 1) : Loc(file, lastMark);
            var escape = index >= 0 ? $" '{EscapeText(text, index)}'" : string.Empty;
            diagnostics.Error(
                DiagnosticIds.YamlSyntax,
                at,
                $"invalid YAML: the escape{escape} in a double-quoted string is not a Unicode character; write a code point from \\u0000 to \\U0010FFFF, or a pair of a high (\\uD800-\\uDBFF) and a low (\\uDC00-\\uDFFF) surrogate such as \\uD83D\\uDE00");
            return null;
        }
        catch (InvalidTagException)
        {
            var at = TagLocation(text, file, lastStart, lastMark);
            diagnostics.Error(DiagnosticIds.TagNotAllowed, at, "YAML tags ('!...') are not allowed in rubrics, and this one is not even a valid tag; remove it and write a plain value");
            return null;
        }
        catch (YamlException ex)
        {
            var (at, message) = YamlSyntaxErrors.Describe(ex, text, file, lastMark.Equals(Mark.Empty) ? new SourceLocation(file, 1, 1) : Loc(file, lastMark));
            diagnostics.Error(DiagnosticIds.YamlSyntax, at, "invalid YAML: " + message);
            return null;
        }

        if (root is null)
        {
            diagnostics.Error(DiagnosticIds.NotARubricDocument, new SourceLocation(file, 1, 1), "the file is empty; a rubric starts with 'fairrubrics: 1' followed by its keys");
            return null;
        }

        if (requireMapping && root is not RubricMappingNode)
        {
            diagnostics.Error(DiagnosticIds.NotARubricDocument, root.Location, $"the file holds {root.KindName}, not a rubric; a rubric is a mapping of keys starting with 'fairrubrics: 1'");
            return null;
        }

        return root;
    }

    /// <summary>
    /// Reads the next event. YamlDotNet 18 throws a bare <see cref="ArgumentException"/> (no position) for a tag that
    /// is not a valid URI, such as <c>!![</c>; it becomes a tag error like every other tag.
    /// </summary>
    private static bool MoveNext(Parser parser)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (ArgumentException ex) when (ex.Message.Contains("tag", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidTagException(ex);
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName is "utf32" or "highSurrogate" or "lowSurrogate")
        {
            // A double-quoted escape that is not a Unicode character: char.ConvertFromUtf32 or ConvertToUtf32 threw inside the scanner.
            throw new BadEscapeException(ex);
        }
    }

    /// <summary>The first escape from <paramref name="after"/> on that is not a Unicode character, as the pre-scan finds it (when the caller had none).</summary>
    private static int FirstBadEscape(string text, Mark after)
    {
        var start = after.Equals(Mark.Empty) ? 0 : (int)Math.Min(after.Index, text.Length);
        return YamlPreScan.Scan(text, int.MaxValue, int.MaxValue).BadEscape is var index && index >= start ? index : -1;
    }

    /// <summary>The escape as written at <paramref name="index"/> (a '\\'): the letter and its hex digits, and the pair's when one follows.</summary>
    private static string EscapeText(string text, int index)
    {
        static int Length(string text, int at) =>
            at + 1 < text.Length && text[at] == '\\' ? text[at + 1] switch { 'x' => 4, 'u' => 6, 'U' => 10, _ => 0 } : 0;

        var first = Math.Min(Length(text, index), text.Length - index);
        var second = Math.Min(Length(text, index + first), text.Length - index - first);
        var escape = text.Substring(index, first + (text[index + 1] is 'u' or 'U' && second > 2 ? second : 0));
        return escape.Length > 24 ? escape[..24] : escape;
    }

    private static SourceLocation Position(string file, string text, int index)
    {
        var (line, column) = YamlPreScan.Position(text, index);
        return new SourceLocation(file, line, column);
    }

    /// <summary>
    /// The start of the tag YamlDotNet rejected: the first '!' after the last event read (or, when that event
    /// ends past the tag, as an implicit document start does, after its start).
    /// </summary>
    private static SourceLocation TagLocation(string text, string file, Mark lastStart, Mark lastEnd)
    {
        static int Index(Mark mark, string text) => mark.Equals(Mark.Empty) ? 0 : (int)Math.Min(mark.Index, text.Length);

        var bang = text.IndexOf('!', Index(lastEnd, text));
        if (bang < 0)
        {
            bang = text.IndexOf('!', Index(lastStart, text));
        }

        if (bang < 0)
        {
            return lastEnd.Equals(Mark.Empty) ? new SourceLocation(file, 1, 1) : Loc(file, lastEnd);
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < bang; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(file, line, bang - lineStart + 1);
    }

    /// <summary>Finds the first tab used for indentation (YamlDotNet reports that error without a position).</summary>
    private static RubricNode? TooMany(string file, Mark at, RubricLoaderOptions options, DiagnosticBag diagnostics)
    {
        diagnostics.Error(DiagnosticIds.TooLarge, Loc(file, at), string.Create(CultureInfo.InvariantCulture, $"the file holds more than {options.MaxNodes} YAML values; the limit is set by the host"));
        return null;
    }

    private static void CheckProperties(NodeEvent node, string file, DiagnosticBag diagnostics)
    {
        if (!node.Anchor.IsEmpty)
        {
            diagnostics.Error(DiagnosticIds.AliasNotAllowed, Loc(file, node.Start), $"anchors ('&{node.Anchor}') are not allowed in rubrics; write each value out in full");
        }

        if (!node.Tag.IsEmpty)
        {
            diagnostics.Error(DiagnosticIds.TagNotAllowed, Loc(file, node.Start), $"YAML tags ('{ShortTag(node.Tag.Value)}') are not allowed in rubrics; remove the tag and write a plain value");
        }
    }

    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    /// <summary>Adds a finished node to its parent (or makes it the root). Returns false if loading must stop.</summary>
    private static bool Attach(Stack<Frame> stack, RubricNode node, ref RubricNode? root, DiagnosticBag diagnostics)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        var parent = stack.Peek();
        if (!parent.IsMapping)
        {
            parent.Items!.Add(node);
            return true;
        }

        if (parent.PendingKey is null && !parent.SkipValue)
        {
            // This node is a key.
            if (node is not RubricScalarNode key)
            {
                diagnostics.Error(DiagnosticIds.WrongNodeType, node.Location, "a key must be a plain word, not a list or mapping");
                parent.SkipValue = true;
                return true;
            }

            if (key.IsPlain && key.Value == "<<")
            {
                diagnostics.Error(DiagnosticIds.AliasNotAllowed, key.Location, "merge keys ('<<') are not allowed in rubrics; write the keys out in full");
                parent.SkipValue = true;
                return true;
            }

            if (!parent.Keys!.Add(key.Value))
            {
                diagnostics.Error(DiagnosticIds.DuplicateKey, key.Location, $"the key '{key.Value}' appears twice in this mapping; keep one");
                parent.SkipValue = true;
                return true;
            }

            parent.PendingKey = key;
            return true;
        }

        if (parent.SkipValue)
        {
            parent.SkipValue = false;
            return true;
        }

        parent.Entries!.Add(new KeyValuePair<RubricScalarNode, RubricNode>(parent.PendingKey!, node));
        parent.PendingKey = null;
        return true;
    }

    private static SourceLocation Loc(string file, Mark mark) =>
        mark.Line <= 0 ? new SourceLocation(file, 0, 0) : new SourceLocation(file, (int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet rejected a tag that is not a valid URI.</summary>
    private sealed class InvalidTagException(ArgumentException inner) : Exception(inner.Message, inner);

    /// <summary>YamlDotNet could not turn a double-quoted escape into a character.</summary>
    private sealed class BadEscapeException(ArgumentException inner) : Exception(inner.Message, inner);

    private sealed class Frame(bool isMapping, SourceLocation location)
    {
        public bool IsMapping { get; } = isMapping;

        public SourceLocation Location { get; } = location;

        public List<KeyValuePair<RubricScalarNode, RubricNode>>? Entries { get; } = isMapping ? [] : null;

        public HashSet<string>? Keys { get; } = isMapping ? new HashSet<string>(StringComparer.Ordinal) : null;

        public List<RubricNode>? Items { get; } = isMapping ? null : [];

        public RubricScalarNode? PendingKey { get; set; }

        public bool SkipValue { get; set; }
    }
}
