using System.Buffers;
using System.Runtime.CompilerServices;

namespace FairRubrics.Audit;

/// <summary>
/// Reads the lines of a UTF-8 stream as byte spans from one pooled buffer (grown for a line longer than it):
/// no string per line. Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as <see cref="TextReader.ReadLine"/>
/// counts them; a UTF-8 byte-order mark is skipped; blank lines are counted and skipped. A line longer than
/// <see cref="MaxLineBytes"/> is not buffered: its bytes are dropped as they are read, up to its line break, and it
/// is returned empty with <see cref="IsTooLong"/> set, so memory stays bounded whatever the input. The CSV evidence
/// reader (<see cref="Evidence.CsvEvidenceReader"/>) reads blank lines too (<see cref="MoveNextLine"/>), keeps a line
/// too long to read unread (<c>dropTooLong: false</c>) and hands what is left to the general CSV reader
/// (<see cref="Rest"/>).
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    /// <summary>The longest line read, in bytes without the line break: 1 MiB, the bound of the CSV readers' records.</summary>
    public const int MaxLineBytes = 1 << 20;

    /// <summary>Why a line longer than <see cref="MaxLineBytes"/> is rejected.</summary>
    public const string TooLongReason = "the line is longer than 1 MiB (1,048,576 bytes); it is not read (write one record per line)";

    /// <summary>Why a line longer than a bound is rejected.</summary>
    /// <param name="maxLineBytes">The bound.</param>
    /// <returns>The reason.</returns>
    public static string TooLong(int maxLineBytes) => maxLineBytes == MaxLineBytes
        ? TooLongReason
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the line is longer than {maxLineBytes} bytes; it is not read (write one record per line)");

    private readonly Stream _stream;
    private readonly int _maxLine;
    private readonly bool _dropTooLong;
    private long _remaining;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private int _lineStart;
    private int _lineLength;

    /// <summary>Creates a reader of a stream from its current position.</summary>
    /// <param name="stream">The stream (not closed).</param>
    /// <param name="length">How many bytes to read at most (a range of a file).</param>
    /// <param name="skipByteOrderMark">Whether a UTF-8 byte-order mark at the start is skipped (the start of a file).</param>
    /// <param name="maxLineBytes">The longest line read (tests use a smaller bound).</param>
    /// <param name="dropTooLong">
    /// Whether a line longer than the bound is dropped as it is read (the default); when false it is left unread,
    /// <see cref="IsTooLong"/> is set and only <see cref="Rest"/> may follow.
    /// </param>
    public Utf8LineReader(Stream stream, long length = long.MaxValue, bool skipByteOrderMark = true, int maxLineBytes = MaxLineBytes, bool dropTooLong = true)
    {
        _stream = stream;
        _remaining = length;
        _started = !skipByteOrderMark;
        _maxLine = maxLineBytes;
        _dropTooLong = dropTooLong;
    }

    /// <summary>Gets the 1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Gets the current line, without its line break (valid until the next <see cref="MoveNext"/>).</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Gets the current line as memory (valid until the next <see cref="MoveNext"/>).</summary>
    public ReadOnlyMemory<byte> CurrentMemory => _buffer.AsMemory(_lineStart, _lineLength);

    /// <summary>Gets a value indicating whether the current line is longer than the bound: it was skipped, and <see cref="Current"/> is empty.</summary>
    public bool IsTooLong { get; private set; }

    /// <summary>Moves to the next line that is not blank (or is too long to read).</summary>
    /// <returns>False at the end of the stream.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        while (NextLine())
        {
            if (IsTooLong || !Current.Trim(" \t\f\v"u8).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves to the next line, blank or not.</summary>
    /// <returns>False at the end of the stream.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNextLine() => NextLine();

    /// <summary>
    /// The bytes not yet read as lines, from the start of the current line (or the next one to read, before the first),
    /// then the rest of the stream: <paramref name="prefix"/> first. The reader is not used after this.
    /// </summary>
    /// <param name="prefix">Bytes put before them (a header line), or empty.</param>
    /// <returns>A forward-only stream; it does not close the underlying stream.</returns>
    public Stream Rest(ReadOnlySpan<byte> prefix)
    {
        var from = LineNumber == 0 ? _start : _lineStart;
        byte[] head = [.. prefix, .. _buffer.AsSpan(from, _end - from)];
        return new PrefixedStream(head, _stream, _remaining);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextLine()
    {
        var scanned = 0;
        var tooLong = false;
        while (true)
        {
            var pending = _buffer.AsSpan(_start + scanned, _end - _start - scanned);
            var at = pending.IndexOfAny((byte)'\n', (byte)'\r');
            if (at >= 0 && (pending[at] == '\n' || at + 1 < pending.Length || _eof))
            {
                var breakAt = _start + scanned + at;
                _lineStart = _start;
                _lineLength = breakAt - _start;
                _start = breakAt + (_buffer[breakAt] == '\r' && breakAt + 1 < _end && _buffer[breakAt + 1] == '\n' ? 2 : 1);
                return Line(tooLong);
            }

            if (_eof)
            {
                if (_start == _end && !tooLong)
                {
                    return false;
                }

                _lineStart = _start;
                _lineLength = _end - _start;
                _start = _end;
                return Line(tooLong);
            }

            scanned = at >= 0 ? scanned + at : _end - _start;   // a '\r' at the end of the buffer: look at what follows first
            if (scanned > _maxLine && !_dropTooLong)
            {
                // Kept unread for Rest: the line starts at _start.
                _lineStart = _start;
                _lineLength = 0;
                LineNumber++;
                IsTooLong = true;
                return true;
            }

            if (scanned > _maxLine)
            {
                // Too long: drop what is buffered of the line (a '\r' at the end stays, to pair with a '\n' that may follow).
                tooLong = true;
                _start += scanned;
                scanned = 0;
            }

            Fill();
        }
    }

    /// <summary>Counts the line just found; one too long to read is returned empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Line(bool tooLong)
    {
        LineNumber++;
        IsTooLong = tooLong || _lineLength > _maxLine;
        if (IsTooLong)
        {
            _lineLength = 0;
            if (!_dropTooLong)
            {
                _start = _lineStart;   // kept unread for Rest
            }
        }

        return true;
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer when they fill it) and reads more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_start, unread).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }

        _start = 0;
        _end = unread;
        var read = _stream.Read(_buffer, _end, (int)Math.Min(_buffer.Length - _end, _remaining));
        _remaining -= read;
        _end += read;
        _eof = read == 0;
        if (!_started && _end >= 3 || _eof)
        {
            if (!_started && _buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }

            _started = true;
        }
    }
}
