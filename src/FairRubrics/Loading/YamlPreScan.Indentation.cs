using System.Buffers;

namespace FairRubrics.Loading;

// Between tokens: white space and comments, indentation, simple keys, findings, and character classes.
internal static partial class YamlPreScan
{
    private sealed partial class State
    {
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
    }
}
