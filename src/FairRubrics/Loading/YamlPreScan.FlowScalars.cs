using System.Buffers;

namespace FairRubrics.Loading;

// Plain and quoted scalars: where they end, and a lower bound of their value's length.
internal static partial class YamlPreScan
{
    private sealed partial class State
    {
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

            var escape = _pos;
            _pos += 2 + code;
            if (code == 8 && value > 0x10FFFF)
            {
                NoteBadEscape(escape);   // above U+10FFFF (YamlDotNet reads 0x80000000 and up as negative, and throws without a position)
            }

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

                // The pair is a high surrogate (D800-DBFF) then a low one (DC00-DFFF); YamlDotNet throws without a position otherwise.
                var low = 0L;
                for (var k = 0; k < pair; k++)
                {
                    var digit = HexValue(text[_pos + 2 + k]);
                    low = digit < 0 ? -1 : (low << 4) + digit;
                    if (digit < 0)
                    {
                        break;
                    }
                }

                if (low >= 0 && (value > 0xDBFF || low is < 0xDC00 or > 0xDFFF))
                {
                    NoteBadEscape(escape);
                }

                _pos += 2 + pair;
            }

            return true;
        }

        /// <summary>Notes the first escape that is not a Unicode character (see <see cref="Result.BadEscape"/>).</summary>
        private void NoteBadEscape(int index)
        {
            if (BadEscape < 0)
            {
                BadEscape = index;
            }
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
    }
}
