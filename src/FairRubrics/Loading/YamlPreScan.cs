using System.Buffers;

namespace FairRubrics.Loading;

/// <summary>
/// A cheap, linear pass over the raw YAML text, run before YamlDotNet sees it, that finds the two things an
/// untrusted file can use to make the parser work hard: a scalar longer than
/// <see cref="RubricLoaderOptions.MaxScalarLength"/> (YamlDotNet would buffer all of it before the loader could
/// look at its length) and brackets nested deeper than <see cref="RubricLoaderOptions.MaxDepth"/> (YamlDotNet looks
/// up to 1024 characters ahead for a possible key at every open bracket, which is quadratic in the depth).
/// </summary>
/// <remarks>
/// <para>
/// The pass follows YamlDotNet's own scanner (token starts, indentation, simple keys, the ends of plain, quoted and
/// block scalars) without building tokens or strings. For every scalar it computes a lower bound of the length of
/// the value YamlDotNet would produce: characters that are certainly part of the value (folded line breaks count
/// once, indentation and escapes are not counted as written). A scalar is reported only when that lower bound is
/// above the limit, so a file whose every scalar is within the limit is never rejected, however long its lines:
/// a long flow list such as <c>[a, b, c, ...]</c> on one line is many short scalars.
/// </para>
/// <para>
/// Depth is only a hint: <see cref="YamlTreeReader"/> then parses the text up to the bracket found here, and it is
/// that parse which reports the error (at the same place as a full parse would), so a miscount can cost time but
/// never a wrong rejection. Where the text is not valid YAML the pass stops and leaves the error to the parser.
/// </para>
/// </remarks>
internal static class YamlPreScan
{
    private const int MaxSimpleKeyLength = 1024; // YamlDotNet's default, Scanner(TextReader, bool)

    private static readonly SearchValues<char> Breaks = SearchValues.Create("\r\n\u0085\u2028\u2029");
    private static readonly SearchValues<char> PlainStopsBlock = SearchValues.Create(" \t\r\n\u0085\u2028\u2029:");
    private static readonly SearchValues<char> PlainStopsFlow = SearchValues.Create(" \t\r\n\u0085\u2028\u2029:,[]{}");
    private static readonly SearchValues<char> SingleQuotedStops = SearchValues.Create(" \t\r\n\u0085\u2028\u2029'");
    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create(" \t\r\n\u0085\u2028\u2029\"\\");

    /// <summary>What the pass found first.</summary>
    internal enum FindingKind
    {
        /// <summary>Nothing: the text may go to the parser.</summary>
        None,

        /// <summary>A scalar whose value is longer than the limit.</summary>
        ScalarTooLong,

        /// <summary>Collections (flow brackets and block indentation) open deeper than the limit.</summary>
        TooDeep,
    }

    /// <summary>Scans the text.</summary>
    /// <param name="text">The YAML text (without a byte-order mark).</param>
    /// <param name="maxScalarLength">The longest scalar accepted, in UTF-16 characters.</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    /// <param name="onScalar">Called with the start index and length lower bound of every scalar (tests).</param>
    /// <returns>The first finding.</returns>
    public static Result Scan(string text, int maxScalarLength, int maxDepth, Action<int, long>? onScalar = null)
    {
        var scanner = new State(text, maxScalarLength, maxDepth, onScalar);
        scanner.Run();
        return scanner.Finding;
    }

    /// <summary>Computes the line and column (1-based) of an index the way YamlDotNet counts them.</summary>
    /// <param name="text">The text.</param>
    /// <param name="index">The index.</param>
    /// <returns>The line and column.</returns>
    public static (int Line, int Column) Position(string text, int index)
    {
        var span = text.AsSpan(0, Math.Min(index, text.Length));
        var line = 1;
        var lineStart = 0;
        var i = 0;
        while (i < span.Length)
        {
            var next = span[i..].IndexOfAny(Breaks);
            if (next < 0)
            {
                break;
            }

            i += next;
            i += span[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            line++;
            lineStart = i;
        }

        return (line, Math.Max(0, index - lineStart) + 1);
    }

    /// <summary>The first finding: its kind, where the scalar or the offending token starts, and the length lower bound.</summary>
    /// <param name="Kind">What was found.</param>
    /// <param name="Index">The scalar's first character, or the index just after the token that went too deep.</param>
    /// <param name="Length">For a scalar, the lower bound of its value's length.</param>
    internal readonly record struct Result(FindingKind Kind, int Index, long Length);

    private sealed class State(string text, int maxScalarLength, int maxDepth, Action<int, long>? onScalar)
    {
        private readonly Stack<int> _indents = new();
        private int _pos;
        private int _line;
        private int _lineStart;
        private int _flowLevel;
        private int _indent = -1;
        private bool _simpleKeyAllowed = true;
        private bool _stop;
        private bool _flowScalarFetched;
        private bool _flowCollectionFetched;
        private bool _startFlowCollectionFetched;

        // The possible simple key of the block context (flow level 0): only it can open a block mapping.
        private bool _keyPossible;
        private bool _keyRequired;
        private int _keyColumn;
        private int _keyLine;
        private int _keyIndex;

        public Result Finding { get; private set; }

        private int Column => _pos - _lineStart;

        private bool Stopped => Finding.Kind != FindingKind.None || _stop;

        public void Run()
        {
            while (!Stopped)
            {
                ScanToNextToken();
                if (_pos >= text.Length)
                {
                    return;
                }

                if (_keyPossible && (_keyLine < _line || _keyIndex + MaxSimpleKeyLength < _pos))
                {
                    if (_keyRequired)
                    {
                        Stop();
                        return;
                    }

                    _keyPossible = false;
                }

                UnrollIndent(Column);
                FetchToken();
            }
        }

        private void FetchToken()
        {
            var c = text[_pos];
            var column = Column;
            if (column == 0 && c == '%')
            {
                // A directive: rubrics never have one; leave it to the parser.
                Stop();
                return;
            }

            if (IsDocumentIndicator())
            {
                UnrollIndent(-1);
                RemoveSimpleKey();
                _simpleKeyAllowed = false;
                _pos += 3;
                return;
            }

            switch (c)
            {
                case '[' or '{':
                    SaveSimpleKey();
                    _flowLevel++;
                    _simpleKeyAllowed = true;
                    _pos++;
                    _startFlowCollectionFetched = true;
                    CheckDepth();
                    return;
                case ']' or '}':
                    RemoveSimpleKey();
                    _flowLevel = Math.Max(0, _flowLevel - 1);
                    _simpleKeyAllowed = false;
                    _pos++;
                    _flowCollectionFetched = true;
                    return;
                case ',':
                    RemoveSimpleKey();
                    _simpleKeyAllowed = true;
                    _pos++;
                    return;
                case '-' when IsWhiteBreakOrEnd(_pos + 1):
                    FetchBlockIndicator(column, simpleKeyAfter: true);
                    return;
                case '?' when IsWhiteBreakOrEnd(_pos + 1):
                    FetchBlockIndicator(column, simpleKeyAfter: _flowLevel == 0);
                    return;
            }

            if (c == ':' && IsValueIndicator())
            {
                FetchValue(column);
                return;
            }

            switch (c)
            {
                case '*' or '&':
                    SaveSimpleKey();
                    _simpleKeyAllowed = false;
                    ScanAnchor();
                    return;
                case '!':
                    SaveSimpleKey();
                    _simpleKeyAllowed = false;
                    while (_pos < text.Length && !IsWhiteBreakOrEnd(_pos) && text[_pos] != ',')
                    {
                        _pos++;
                    }

                    return;
                case '|' or '>' when _flowLevel == 0:
                    SaveSimpleKey();
                    _simpleKeyAllowed = true;
                    ScanBlockScalar();
                    return;
                case '\'' or '"':
                    SaveSimpleKey();
                    _simpleKeyAllowed = false;
                    _flowScalarFetched = _flowLevel > 0;
                    ScanQuotedScalar(c == '\'');
                    if (!Stopped && c == '"' && _pos < text.Length && text[_pos] == '#')
                    {
                        Stop();
                    }

                    return;
            }

            if (IsPlainScalarStart(c))
            {
                if ((_flowScalarFetched || (_flowCollectionFetched && !_startFlowCollectionFetched)) && c == ':')
                {
                    _pos++;
                }

                _flowScalarFetched = false;
                _flowCollectionFetched = false;
                _startFlowCollectionFetched = false;
                SaveSimpleKey();
                _simpleKeyAllowed = false;
                ScanPlainScalar();
                return;
            }

            if (c == '\t' && !(_simpleKeyAllowed && _indent >= column))
            {
                _pos++;
                return;
            }

            // A character that cannot start any token (or a tab used for indentation): the parser reports it.
            Stop();
        }

        private bool IsValueIndicator()
        {
            var next = _pos + 1 < text.Length ? text[_pos + 1] : '\0';
            return (_flowLevel > 0 || IsWhiteBreakOrEnd(_pos + 1))
                && !(_simpleKeyAllowed && _flowLevel > 0)
                && !(_flowScalarFetched && next == ':')
                && (IsWhiteBreakOrEnd(_pos + 1) || next == ',' || _flowScalarFetched || _flowCollectionFetched || _startFlowCollectionFetched);
        }

        /// <summary>A block entry (<c>- </c>) or a complex key (<c>? </c>): in block context it needs a simple key to be allowed and opens the indentation at its column.</summary>
        private void FetchBlockIndicator(int column, bool simpleKeyAfter)
        {
            if (_flowLevel == 0)
            {
                if (!_simpleKeyAllowed)
                {
                    Stop();
                    return;
                }

                RollIndent(column);
            }

            RemoveSimpleKey();
            _simpleKeyAllowed = simpleKeyAfter;
            _pos++;
            CheckDepth();
        }

        private void FetchValue(int column)
        {
            if (_flowLevel == 0)
            {
                if (_keyPossible)
                {
                    RollIndent(_keyColumn);
                    _keyPossible = false;
                    _simpleKeyAllowed = false;
                }
                else
                {
                    if (!_simpleKeyAllowed)
                    {
                        Stop();
                        return;
                    }

                    RollIndent(column);
                    _simpleKeyAllowed = true;
                }
            }
            else
            {
                _simpleKeyAllowed = false;
            }

            _pos++;
            CheckDepth();
        }

        private bool IsPlainScalarStart(char c)
        {
            var invalid = IsWhiteBreakOrEnd(_pos) || "-?:,[]{}#&*!|>'\"%@`".Contains(c, StringComparison.Ordinal);
            return !invalid
                || (c == '-' && !IsWhite(_pos + 1))
                || ((c == '?' || c == ':') && !IsWhiteBreakOrEnd(_pos + 1))
                || (_simpleKeyAllowed && _flowLevel > 0);
        }

        private void ScanAnchor()
        {
            var start = ++_pos;
            while (_pos < text.Length && !IsWhiteBreakOrEnd(_pos) && !"[]{},".Contains(text[_pos], StringComparison.Ordinal))
            {
                _pos++;
            }

            if (_pos == start || !(IsWhiteBreakOrEnd(_pos) || "?:,]}%@`".Contains(text[_pos], StringComparison.Ordinal)))
            {
                Stop();
            }
        }

        private void ScanPlainScalar()
        {
            var start = _pos;
            var currentIndent = _indent + 1;
            var keyPossible = _flowLevel > 0 || _keyPossible;
            var stops = _flowLevel > 0 ? PlainStopsFlow : PlainStopsBlock;
            long length = 0;
            long pendingWhitespace = 0;
            var hasLeadingBlanks = false;
            var multiline = false;
            while (true)
            {
                if (IsDocumentIndicator() || (_pos < text.Length && text[_pos] == '#'))
                {
                    break;
                }

                var ended = false;
                while (_pos < text.Length && !IsWhiteOrBreak(text[_pos]))
                {
                    var c = text[_pos];
                    if ((c == ':' && (IsWhiteBreakOrEnd(_pos + 1) || (_flowLevel > 0 && _pos + 1 < text.Length && text[_pos + 1] == ',')))
                        || (_flowLevel > 0 && ",[]{}".Contains(c, StringComparison.Ordinal)))
                    {
                        if (_flowLevel == 0 && !keyPossible)
                        {
                            Stop();
                            return;
                        }

                        ended = true;
                        break;
                    }

                    if (hasLeadingBlanks)
                    {
                        length++;
                        hasLeadingBlanks = false;
                    }
                    else
                    {
                        length += pendingWhitespace;
                    }

                    pendingWhitespace = 0;
                    if (_flowLevel > 0 && Column < currentIndent)
                    {
                        Stop();
                        return;
                    }

                    // Copy the rest of the run up to the next character that may end the scalar.
                    var run = text.AsSpan(_pos + 1).IndexOfAny(stops);
                    var runEnd = run < 0 ? text.Length : _pos + 1 + run;
                    length += runEnd - _pos;
                    _pos = runEnd;
                }

                if (ended || _pos >= text.Length)
                {
                    break;
                }

                while (_pos < text.Length && IsWhiteOrBreak(text[_pos]))
                {
                    if (text[_pos] is ' ' or '\t')
                    {
                        if (hasLeadingBlanks && Column < currentIndent && text[_pos] == '\t')
                        {
                            Stop();
                            return;
                        }

                        if (!hasLeadingBlanks)
                        {
                            pendingWhitespace++;
                        }

                        _pos++;
                    }
                    else
                    {
                        multiline = true;
                        if (!hasLeadingBlanks)
                        {
                            pendingWhitespace = 0;
                            hasLeadingBlanks = true;
                        }

                        SkipLine();
                    }
                }

                if (_flowLevel == 0 && Column < currentIndent)
                {
                    break;
                }
            }

            if (hasLeadingBlanks)
            {
                _simpleKeyAllowed = true;
            }

            if (multiline && _flowLevel == 0 && _pos < text.Length && text[_pos] == ':' && _indent < Column)
            {
                Stop();
                return;
            }

            Report(start, length);
        }

        private void ScanQuotedScalar(bool single)
        {
            var start = _pos++;
            var stops = single ? SingleQuotedStops : DoubleQuotedStops;
            long length = 0;
            var hasLeadingBlanks = false;
            while (true)
            {
                if (IsDocumentIndicator() || _pos >= text.Length)
                {
                    // Unterminated: the parser reports it, unless it is already too long to hand over.
                    if (length > maxScalarLength)
                    {
                        Report(start, length);
                    }
                    else
                    {
                        Stop();
                    }

                    return;
                }

                if (hasLeadingBlanks && !single && _indent >= Column)
                {
                    Stop();
                    return;
                }

                hasLeadingBlanks = false;
                while (_pos < text.Length && !IsWhiteOrBreak(text[_pos]))
                {
                    var c = text[_pos];
                    if (single && c == '\'' && _pos + 1 < text.Length && text[_pos + 1] == '\'')
                    {
                        length++;
                        _pos += 2;
                    }
                    else if (c == (single ? '\'' : '"'))
                    {
                        break;
                    }
                    else if (!single && c == '\\' && _pos + 1 < text.Length && IsBreak(text[_pos + 1]))
                    {
                        _pos++;
                        SkipLine();
                        hasLeadingBlanks = true;
                        break;
                    }
                    else if (!single && c == '\\')
                    {
                        if (!SkipEscape())
                        {
                            Stop();
                            return;
                        }

                        length++;
                    }
                    else
                    {
                        var run = text.AsSpan(_pos + 1).IndexOfAny(stops);
                        var runEnd = run < 0 ? text.Length : _pos + 1 + run;
                        length += runEnd - _pos;
                        _pos = runEnd;
                    }
                }

                if (_pos < text.Length && text[_pos] == (single ? '\'' : '"'))
                {
                    _pos++;
                    break;
                }

                long whitespace = 0;
                var leadingIsNewline = false;
                long trailingBreaks = 0;
                while (_pos < text.Length && IsWhiteOrBreak(text[_pos]))
                {
                    if (text[_pos] is ' ' or '\t')
                    {
                        if (!hasLeadingBlanks)
                        {
                            whitespace++;
                        }

                        _pos++;
                    }
                    else
                    {
                        if (!hasLeadingBlanks)
                        {
                            whitespace = 0;
                            leadingIsNewline = text[_pos] is '\r' or '\n' or '\u0085';
                            hasLeadingBlanks = true;
                        }
                        else
                        {
                            trailingBreaks++;
                        }

                        SkipLine();
                    }
                }

                length += hasLeadingBlanks ? (leadingIsNewline ? Math.Max(1, trailingBreaks) : trailingBreaks) : whitespace;
            }

            Report(start, length);
        }

        /// <summary>Skips a double-quoted escape sequence at the current '\'. False where YamlDotNet would throw.</summary>
        private bool SkipEscape()
        {
            if (_pos + 1 >= text.Length)
            {
                return false;
            }

            var code = text[_pos + 1] switch
            {
                'x' => 2,
                'u' => 4,
                'U' => 8,
                '0' or 'a' or 'b' or 't' or '\t' or 'n' or 'v' or 'f' or 'r' or 'e' or ' ' or '"' or '\\' or '/' or 'N' or '_' or 'L' or 'P' => 0,
                _ => -1,
            };
            if (code < 0 || _pos + 2 + code > text.Length)
            {
                return false;
            }

            var value = 0L;
            for (var k = 0; k < code; k++)
            {
                var digit = HexValue(text[_pos + 2 + k]);
                if (digit < 0)
                {
                    return false;
                }

                value = (value << 4) + digit;
            }

            _pos += 2 + code;
            if (code > 0 && value is >= 0xD800 and <= 0xDFFF)
            {
                // A surrogate must be followed by its pair, written as another \u or \U escape.
                if (_pos + 1 >= text.Length || text[_pos] != '\\' || text[_pos + 1] is not ('u' or 'U'))
                {
                    return false;
                }

                var pair = text[_pos + 1] == 'u' ? 4 : 8;
                if (_pos + 2 + pair > text.Length)
                {
                    return false;
                }

                _pos += 2 + pair;
            }

            return true;
        }

        private void ScanBlockScalar()
        {
            var start = _pos++;
            var increment = -1;
            if (_pos < text.Length && text[_pos] is '+' or '-')
            {
                _pos++;
                if (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                {
                    increment = text[_pos++] - '0';
                }
            }
            else if (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                increment = text[_pos++] - '0';
                if (_pos < text.Length && text[_pos] is '+' or '-')
                {
                    _pos++;
                }
            }

            if (increment == 0 || (_pos < text.Length && text[_pos] == '#'))
            {
                // An indentation indicator of 0, or a comment without a space: YamlDotNet rejects both.
                Stop();
                return;
            }

            while (_pos < text.Length && text[_pos] is ' ' or '\t')
            {
                _pos++;
            }

            if (_pos < text.Length && text[_pos] == '#')
            {
                SkipToBreak();
            }

            if (_pos < text.Length && !IsBreak(text[_pos]))
            {
                Stop();
                return;
            }

            if (_pos < text.Length)
            {
                SkipLine();
            }

            long currentIndent = increment > 0 ? (_indent >= 0 ? _indent + increment : increment) : 0;
            currentIndent = ScanBlockScalarBreaks(currentIndent, out _);
            long length = 0;
            while (Column == currentIndent && _pos < text.Length && !IsDocumentEnd())
            {
                var lineEnd = text.AsSpan(_pos).IndexOfAny(Breaks);
                lineEnd = lineEnd < 0 ? text.Length : _pos + lineEnd;
                length += lineEnd - _pos;
                _pos = lineEnd;
                if (_pos < text.Length)
                {
                    SkipLine();
                }

                currentIndent = ScanBlockScalarBreaks(currentIndent, out var emptyLines);
                if (Column == currentIndent && _pos < text.Length && !IsDocumentEnd())
                {
                    // Another content line follows: the break between them is kept (literal) or folded to a
                    // space (folded), and each empty line in between is kept as a line break.
                    length += Math.Max(1, emptyLines);
                }
            }

            Report(start, length);
        }

        /// <summary>Eats indentation and empty lines before a block scalar's next content line; YamlDotNet's ScanBlockScalarBreaks.</summary>
        private long ScanBlockScalarBreaks(long currentIndent, out long emptyLines)
        {
            long maxIndent = 0;
            emptyLines = 0;
            while (true)
            {
                while ((currentIndent == 0 || Column < currentIndent) && _pos < text.Length && text[_pos] == ' ')
                {
                    _pos++;
                }

                if (Column > maxIndent)
                {
                    maxIndent = Column;
                }

                if (_pos >= text.Length || !IsBreak(text[_pos]))
                {
                    break;
                }

                emptyLines++;
                SkipLine();
            }

            if (currentIndent == 0 && (Column > 0 || _indent > -1))
            {
                currentIndent = Math.Max(maxIndent, Math.Max(_indent + 1, 1));
            }

            return currentIndent;
        }

        private void Report(int start, long length)
        {
            onScalar?.Invoke(start, length);
            if (length > maxScalarLength)
            {
                Finding = new Result(FindingKind.ScalarTooLong, start, length);
            }
        }

        private void CheckDepth()
        {
            if (_flowLevel + _indents.Count > maxDepth && Finding.Kind == FindingKind.None)
            {
                Finding = new Result(FindingKind.TooDeep, _pos, 0);
            }
        }

        private void Stop() => _stop = true;

        private void ScanToNextToken()
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == ' ' || (c == '\t' && (_flowLevel > 0 || !_simpleKeyAllowed)))
                {
                    _pos++;
                }
                else if (c == '#')
                {
                    SkipToBreak();
                }
                else if (IsBreak(c))
                {
                    SkipLine();
                    if (_flowLevel == 0)
                    {
                        _simpleKeyAllowed = true;
                    }
                }
                else
                {
                    return;
                }
            }
        }

        private void SaveSimpleKey()
        {
            if (!_simpleKeyAllowed || _flowLevel > 0)
            {
                return;
            }

            RemoveSimpleKey();
            _keyPossible = true;
            _keyRequired = _indent == Column;
            _keyColumn = Column;
            _keyLine = _line;
            _keyIndex = _pos;
        }

        private void RemoveSimpleKey()
        {
            if (_flowLevel > 0)
            {
                return;
            }

            if (_keyPossible && _keyRequired)
            {
                Stop();
            }

            _keyPossible = false;
        }

        private void RollIndent(int column)
        {
            if (_flowLevel == 0 && _indent < column)
            {
                _indents.Push(_indent);
                _indent = column;
            }
        }

        private void UnrollIndent(int column)
        {
            if (_flowLevel != 0)
            {
                return;
            }

            while (_indent > column)
            {
                _indent = _indents.Pop();
            }
        }

        private bool IsDocumentIndicator() =>
            Column == 0 && _pos + 3 <= text.Length
            && ((text[_pos] == '-' && text[_pos + 1] == '-' && text[_pos + 2] == '-') || (text[_pos] == '.' && text[_pos + 1] == '.' && text[_pos + 2] == '.'))
            && IsWhiteBreakOrEnd(_pos + 3);

        private bool IsDocumentEnd() => IsDocumentIndicator() && text[_pos] == '.';

        private void SkipToBreak()
        {
            var next = text.AsSpan(_pos).IndexOfAny(Breaks);
            _pos = next < 0 ? text.Length : _pos + next;
        }

        private void SkipLine()
        {
            _pos += text[_pos] == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n' ? 2 : 1;
            _line++;
            _lineStart = _pos;
        }

        private bool IsWhite(int index) => index < text.Length && text[index] is ' ' or '\t';

        private bool IsWhiteBreakOrEnd(int index) => index >= text.Length || IsWhiteOrBreak(text[index]);

        private static bool IsWhiteOrBreak(char c) => c is ' ' or '\t' || IsBreak(c);

        private static bool IsBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
    }
}
