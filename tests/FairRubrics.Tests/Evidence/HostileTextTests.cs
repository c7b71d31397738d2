using System.Text;
using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Language;

namespace FairRubrics.Tests.Evidence;

/// <summary>
/// Issue #24 items 1 and 2: invalid UTF-8 never merges two people (every reader rejects the row or line with its
/// number, and reads on), and no JSON Lines line is buffered past 1 MiB.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    private const string ScoreLine = "{\"subject\":\"ok\",\"status\":\"scored\",\"overall\":3,\"band\":\"Solid\",\"competencies\":[{\"id\":\"c\",\"level\":3,\"path\":\"p\"}]}";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fairrubrics-hostile-text-" + Guid.NewGuid().ToString("N"));

    public HostileTextTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The two subjects of the issue: Latin-1 bytes, not UTF-8 (a lossy decoder makes both "Jos\ufffd").</summary>
    private static byte[] Jose(byte last) => [(byte)'J', (byte)'o', (byte)'s', last];

    private static byte[] Bytes(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            bytes.AddRange(part is string text ? Encoding.UTF8.GetBytes(text) : (byte[])part);
        }

        return [.. bytes];
    }

    [Fact]
    public void EvidenceCsv_SubjectsThatAreNotUtf8_AreRejectedWithTheirRowAndNeverMerged()
    {
        var csv = Bytes("subject,type,date\n", Jose(0xE9), ",talk,2026-03-01\n", Jose(0xE8), ",talk,2026-03-02\nAna,talk,2026-03-03\n");

        var rows = EvidenceReader.ReadCsv(new MemoryStream(csv)).ToList();

        rows.Select(r => r.IsValid).Should().Equal(false, false, true);
        rows.Take(2).Select(r => (r.Row, r.Line)).Should().Equal((1L, 2L), (2L, 3L));
        rows[0].Error.Should().Be("the row is not valid UTF-8 (an invalid byte at byte 4 of the row); save the file as UTF-8");
        rows.Where(r => r.IsValid).Select(r => r.Item!.Value.Subject).Should().Equal("Ana");
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]              // an overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]        // a UTF-16 surrogate encoded as UTF-8
    [InlineData(new byte[] { 0xE2, 0x82 })]              // a truncated sequence
    [InlineData(new byte[] { 0x80 })]                    // a stray continuation byte
    [InlineData(new byte[] { 0xF5, 0x80, 0x80, 0x80 })]  // beyond U+10FFFF
    public void EvidenceCsv_AnyInvalidSequenceInAnyField_RejectsTheRow(byte[] bad)
    {
        var csv = Bytes("subject,type,date,id\ne1,talk,2026-03-01,", bad, "\ne2,talk,2026-03-01,x\n");

        var rows = EvidenceReader.ReadCsv(new MemoryStream(csv)).ToList();

        rows.Select(r => r.IsValid).Should().Equal(false, true);
        rows[0].Error.Should().Contain("not valid UTF-8");
    }

    [Fact]
    public void EvidenceCsv_InvalidByteInAQuotedMultiLineField_NamesTheLineTheRowStartsOn()
    {
        var csv = Bytes("subject,type,id\ne1,talk,a\n\"e2\n", Jose(0xE9), "\",talk,b\ne3,talk,c\n");

        var rows = EvidenceReader.ReadCsv(new MemoryStream(csv)).ToList();

        rows.Select(r => r.IsValid).Should().Equal(true, false, true);
        (rows[1].Row, rows[1].Line).Should().Be((2L, 3L));
    }

    [Fact]
    public void EvidenceJsonLines_SubjectsThatAreNotUtf8_AreRejectedWithTheirLineAndColumn()
    {
        var jsonl = Bytes("{\"subject\":\"", Jose(0xE9), "\",\"type\":\"talk\"}\n\n{\"subject\":\"", Jose(0xE8), "\",\"type\":\"talk\"}\n{\"subject\":\"Ana\",\"type\":\"talk\"}\n");

        var rows = EvidenceReader.ReadJsonLines(new MemoryStream(jsonl)).ToList();

        rows.Select(r => r.IsValid).Should().Equal(false, false, true);
        rows.Take(2).Select(r => r.Row).Should().Equal(1, 3);
        rows[0].Error.Should().Be("the line is not valid UTF-8 (an invalid byte at byte 16 of the line); save the file as UTF-8");
    }

    [Fact]
    public void EvidenceJsonLines_Utf16File_IsAFormatErrorNotRowsOfGarbage()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"subject\":\"e1\",\"type\":\"talk\"}\n")).ToArray();

        var read = () => EvidenceReader.ReadJsonLines(new MemoryStream(utf16)).ToList();

        read.Should().Throw<EvidenceFormatException>().WithMessage("*UTF-16*save it as UTF-8*");
    }

    [Fact]
    public void Comments_CsvAndJsonLines_InvalidUtf8IsRejectedWithTheRow()
    {
        var csv = Bytes("subject,comment\ne1,", Jose(0xE9), " is great\ne2,fine\n");
        var jsonl = Bytes("{\"subject\":\"e1\",\"comment\":\"", Jose(0xE9), "\"}\n{\"subject\":\"e2\",\"comment\":\"fine\"}\n");

        var fromCsv = ReviewCommentReader.ReadCsv(new MemoryStream(csv)).ToList();
        var fromJsonl = ReviewCommentReader.ReadJsonLines(new MemoryStream(jsonl)).ToList();

        fromCsv.Select(r => r.IsValid).Should().Equal(false, true);
        fromCsv[0].Error.Should().Contain("row is not valid UTF-8");
        fromJsonl.Select(r => r.IsValid).Should().Equal(false, true);
        (fromJsonl[0].Line, fromJsonl[0].Error).Should().Be((1L, "the line is not valid UTF-8 (an invalid byte at byte 31 of the line); save the file as UTF-8"));
    }

    [Fact]
    public void CommentsJsonLines_EscapedLoneSurrogate_IsRejectedNotThrown()
    {
        var rows = ReviewCommentReader.ReadJsonLines(new MemoryStream("{\"comment\":\"\\uD800\"}\n{\"comment\":\"ok\"}\n"u8.ToArray())).ToList();

        rows.Select(r => r.IsValid).Should().Equal(false, true);
        rows[0].Error.Should().Contain("surrogate");
    }

    [Fact]
    public void Attributes_RowsThatAreNotUtf8_AreProblemsAndTheirSubjectsAreNotInTheTable()
    {
        var csv = Bytes("subject,gender\n", Jose(0xE9), ",female\n", Jose(0xE8), ",male\ne3,fem", new byte[] { 0xE1 }, "le\ne4,female\n");

        var table = AuditInputReader.ReadAttributes(new MemoryStream(csv));

        table.Count.Should().Be(1);
        table.Problems.Should().HaveCount(3);
        table.Problems[0].Should().Be("row 1 (line 2): the row is not valid UTF-8 (an invalid byte at byte 4 of the row); save the file as UTF-8; the row is not used");
        table.Problems[2].Should().StartWith("row 3 (line 4): the row is not valid UTF-8");
        var values = new string?[1];
        table.TryGetValues("e4", [0], values).Should().BeTrue();
        values[0].Should().Be("female");
    }

    [Fact]
    public void Scores_SubjectsThatAreNotUtf8_AreRejectedWithTheirLine_InTheReaderAndInFileAudits()
    {
        var jsonl = Bytes(
            ScoreLine.Replace("ok", "e1", StringComparison.Ordinal), "\n",
            "{\"subject\":\"", Jose(0xE9), "\",\"status\":\"scored\",\"overall\":3,\"competencies\":[{\"id\":\"c\",\"level\":3}]}\n",
            "{\"subject\":\"", Jose(0xE8), "\",\"status\":\"scored\",\"overall\":3,\"competencies\":[{\"id\":\"c\",\"level\":3}]}\n",
            ScoreLine.Replace("ok", "e2", StringComparison.Ordinal), "\n");
        var file = Path.Combine(_dir, "scores.jsonl");
        File.WriteAllBytes(file, jsonl);

        var read = AuditInputReader.ReadScores(new MemoryStream(jsonl)).ToList();
        var table = AuditInputReader.ReadAttributes(new MemoryStream("subject,gender\ne1,f\ne2,m\n"u8.ToArray()));
        var audited = AuditFiles.Accumulate(file, table, ["gender"], intersect: false);

        read.Select(l => l.Subject is not null).Should().Equal(true, false, false, true);
        read[1].Error.Should().Be("the line is not valid UTF-8 (an invalid byte at byte 16 of the line); save the file as UTF-8");
        audited.Problems.Select(p => (p.Line, p.Reason.Contains("not valid UTF-8", StringComparison.Ordinal))).Should().Equal((2L, true), (3L, true));
        audited.Accumulator.Subjects.Should().Be(2);
    }

    [Fact]
    public void Evidence_NulInASubjectOrAnotherId_IsRejectedWithItsRowOrLine()
    {
        var csv = Bytes("subject,type,rater,date\ne1", new byte[] { 0 }, ",talk,,2026-03-01\ne2,talk,r", new byte[] { 0 }, ",2026-03-01\ne3,talk,,2026-03-01\n");
        var jsonl = "{\"subject\":\"e1\\u0000x\",\"type\":\"talk\"}\n{\"subject\":\"e3\",\"type\":\"talk\"}\n"u8.ToArray();

        var fromCsv = EvidenceReader.ReadCsv(new MemoryStream(csv)).ToList();
        var fromJsonl = EvidenceReader.ReadJsonLines(new MemoryStream(jsonl)).ToList();

        fromCsv.Select(r => r.IsValid).Should().Equal(false, false, true);
        fromCsv[0].Error.Should().Be("the 'subject' field contains a NUL character (a \\u0000 escape or a 0 byte); ids and names never hold one");
        (fromCsv[1].Line, fromCsv[1].Error).Should().Be((3L, "the 'rater' field contains a NUL character (a \\u0000 escape or a 0 byte); ids and names never hold one"));
        fromJsonl.Select(r => (r.Row, r.IsValid)).Should().Equal((1L, false), (2L, true));
    }

    [Fact]
    public void ScoresAndAttributes_NulInTheSubject_IsRejectedWithTheLineOrRow()
    {
        var scores = AuditInputReader.ReadScores(new MemoryStream(Encoding.UTF8.GetBytes(ScoreLine.Replace("\"ok\"", "\"o\\u0000k\"", StringComparison.Ordinal) + "\n" + ScoreLine + "\n"))).ToList();
        var table = AuditInputReader.ReadAttributes(new MemoryStream(Bytes("subject,gender\ne", new byte[] { 0 }, "1,f\ne2,m\n")));

        scores.Select(l => (l.Line, l.Error)).Should().Equal((1L, "the 'subject' contains a NUL character (a \\u0000 escape)"), (2L, null));
        table.Count.Should().Be(1);
        table.Problems.Should().Equal("row 1 (line 2): the 'subject' cell contains a NUL character; the row is not used");
    }

    [Fact]
    public void JsonLines_LineOverOneMebibyte_IsRejectedWithItsNumber_AndTheNextLineIsRead_InEveryReader()
    {
        var huge = "{\"subject\":\"e1\",\"type\":\"talk\",\"note\":\"" + new string('x', (1 << 20) + 10) + "\"}";
        var evidence = Encoding.UTF8.GetBytes("{\"subject\":\"e0\",\"type\":\"talk\"}\n" + huge + "\r\n{\"subject\":\"e2\",\"type\":\"talk\"}\n");
        var comments = Encoding.UTF8.GetBytes("{\"comment\":\"a\"}\n" + huge + "\n{\"comment\":\"b\"}\n");
        var scores = Encoding.UTF8.GetBytes(ScoreLine + "\n" + huge + "\n" + ScoreLine.Replace("ok", "e2", StringComparison.Ordinal) + "\n");
        var file = Path.Combine(_dir, "scores.jsonl");
        File.WriteAllBytes(file, scores);

        var evidenceRows = EvidenceReader.ReadJsonLines(new MemoryStream(evidence)).ToList();
        var commentRows = ReviewCommentReader.ReadJsonLines(new MemoryStream(comments)).ToList();
        var scoreLines = AuditInputReader.ReadScores(new MemoryStream(scores)).ToList();
        var table = AuditInputReader.ReadAttributes(new MemoryStream("subject,gender\nok,f\ne2,m\n"u8.ToArray()));
        var audited = AuditFiles.Accumulate(file, table, ["gender"], intersect: false);

        const string reason = "the line is longer than 1 MiB (1,048,576 bytes); it is not read (write one record per line)";
        evidenceRows.Select(r => (r.Row, r.Error)).Should().Equal((1L, null), (2L, reason), (3L, null));
        commentRows.Select(r => (r.Line, r.Error)).Should().Equal((1L, null), (2L, reason), (3L, null));
        scoreLines.Select(l => (l.Line, l.Error)).Should().Equal((1L, null), (2L, reason), (3L, null));
        audited.Problems.Should().Equal(new ScoreFileProblem(file, 2, reason));
        audited.Accumulator.Subjects.Should().Be(2);
    }

    [Fact]
    public void JsonLines_LineOfExactlyOneMebibyte_IsStillRead()
    {
        var prefix = "{\"subject\":\"e1\",\"type\":\"talk\",\"note\":\"";
        var line = prefix + new string('x', (1 << 20) - prefix.Length - 2) + "\"}";
        Encoding.UTF8.GetByteCount(line).Should().Be(1 << 20);

        var rows = EvidenceReader.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n" + line))).ToList();

        rows.Should().HaveCount(2).And.OnlyContain(r => r.IsValid);
    }

    [Fact]
    public void JsonLines_HugeLine_IsSkippedInBoundedMemory()
    {
        // 256 MiB on one line, produced as it is read: the reader must drop it as it goes, not buffer it.
        var stream = new GeneratedStream("{\"subject\":\"e0\",\"type\":\"talk\"}\n{\"subject\":\"e1\",\"note\":\""u8.ToArray(), 256L << 20, (byte)'x', "\"}\n{\"subject\":\"e2\",\"type\":\"talk\"}\n"u8.ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();

        var rows = EvidenceReader.ReadJsonLines(stream).Select(r => (r.Row, r.IsValid)).ToList();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        rows.Should().Equal((1L, true), (2L, false), (3L, true));
        allocated.Should().BeLessThan(16L << 20, "the long line is dropped as it is read");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Utf8LineReader_LongLinesEndingInCrLfCrOrTheEnd_AreEachOneRejectedLine_WhateverTheReadSize(int readSize)
    {
        var text = "short\r\n" + new string('a', 100) + "\r\n" + new string('b', 100) + "\rmid\n" + new string('c', 64) + "\n" + new string('d', 65) + "\r" + "\n\nlast\r" + new string('e', 200);
        using var reader = new Utf8LineReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), readSize), maxLineBytes: 64);

        var lines = new List<(long, string)>();
        while (reader.MoveNext())
        {
            lines.Add((reader.LineNumber, reader.IsTooLong ? "<too long>" : Encoding.UTF8.GetString(reader.Current)));
        }

        lines.Should().Equal((1L, "short"), (2L, "<too long>"), (3L, "<too long>"), (4L, "mid"), (5L, new string('c', 64)), (6L, "<too long>"), (8L, "last"), (9L, "<too long>"));
    }

    /// <summary>A stream that returns at most a few bytes a read, like a slow pipe.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }

    /// <summary>A prefix, then <c>count</c> copies of one byte, then a suffix, made as it is read (never held in memory).</summary>
    private sealed class GeneratedStream(byte[] prefix, long count, byte fill, byte[] suffix) : Stream
    {
        private long _position;

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
            var written = 0;
            var total = prefix.Length + count + suffix.Length;
            while (written < buffer.Length && _position < total)
            {
                var p = _position;
                if (p < prefix.Length)
                {
                    buffer[written] = prefix[p];
                }
                else if (p < prefix.Length + count)
                {
                    var run = (int)Math.Min(buffer.Length - written, prefix.Length + count - p);
                    buffer.Slice(written, run).Fill(fill);
                    written += run;
                    _position += run;
                    continue;
                }
                else
                {
                    buffer[written] = suffix[p - prefix.Length - count];
                }

                written++;
                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
