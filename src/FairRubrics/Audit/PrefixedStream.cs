namespace FairRubrics.Audit;

/// <summary>
/// A forward-only stream of some bytes in memory followed by at most a given number of bytes of another stream
/// (which it does not close): what <see cref="Utf8LineReader.Rest"/> hands to another reader.
/// </summary>
internal sealed class PrefixedStream(byte[] head, Stream tail, long tailLength) : Stream
{
    private int _headAt;
    private long _tailLeft = tailLength;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headAt < head.Length)
        {
            var n = Math.Min(buffer.Length, head.Length - _headAt);
            head.AsSpan(_headAt, n).CopyTo(buffer);
            _headAt += n;
            return n;
        }

        if (_tailLeft <= 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var read = tail.Read(buffer[..(int)Math.Min(buffer.Length, _tailLeft)]);
        _tailLeft -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
