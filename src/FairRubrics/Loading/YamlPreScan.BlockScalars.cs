using System.Buffers;

namespace FairRubrics.Loading;

// Block scalars (literal and folded): where they end, and a lower bound of their value's length.
internal static partial class YamlPreScan
{
    private sealed partial class State
    {
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
    }
}
