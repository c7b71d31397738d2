using System.Buffers;

namespace FairRubrics.Loading;

// Tokens: the scanner's loop over token starts, as YamlDotNet fetches them, without building tokens.
internal static partial class YamlPreScan
{
    private sealed partial class State(string text, int maxScalarLength, int maxDepth, Action<int, long>? onScalar)
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

        /// <summary>Gets the index of the first '\\' escape in a double-quoted scalar that is not a Unicode character, or -1.</summary>
        public int BadEscape { get; private set; } = -1;

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
    }
}
