using System.Diagnostics;
using System.Text;
using FairRubrics.Loading;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Loading;

/// <summary>Hostile and malformed input: rejected quickly, with a position, without creating anything or exhausting the stack.</summary>
public sealed class LoaderSafetyTests
{
    [Theory]
    [InlineData("title: !System.IO.FileInfo /etc/passwd", 4, 8, "!System.IO.FileInfo")]
    [InlineData("title: !!python/object:os.system echo", 4, 8, "!!python/object:os.system")]
    public void Loader_TypeTag_IsRejectedAtTheTag(string titleLine, int line, int column, string tag)
    {
        var yaml = TestRubrics.Minimal().Replace("title: Minimal", titleLine, StringComparison.Ordinal);

        var result = new RubricLoader().LoadString(yaml, "t.yaml");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Id.Should().Be("FR023");
        diagnostic.Location.Should().Be(new SourceLocation("t.yaml", line, column));
        diagnostic.Message.Should().Contain(tag);
        result.Rubric.Should().BeNull();
    }

    [Theory]
    [InlineData("!![", 1, 1)]
    [InlineData("title: [a, !!x[ ]", 1, 12)]
    [InlineData("fairrubrics: 1\ntitle: !!snchor!sn$hor%5c", 2, 8)]
    public void Loader_TagThatIsNotAValidUri_IsRejectedAtTheTag_NotThrown(string yaml, int line, int column)
    {
        // Found by fuzzing (fuzz/regressions/rubric): YamlDotNet throws ArgumentException for such tags.
        var result = new RubricLoader().LoadString(yaml, "t.yaml");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Id.Should().Be("FR023");
        diagnostic.Location.Should().Be(new SourceLocation("t.yaml", line, column));
        result.Rubric.Should().BeNull();
    }

    [Fact]
    public void Loader_BillionLaughs_IsRejectedFastAtTheFirstAnchor()
    {
        var yaml = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;
        var watch = Stopwatch.StartNew();

        var result = new RubricLoader().LoadString(yaml, "lol.yaml");

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().Contain(d => d.Id == "FR024" && d.Location.Line == 1 && d.Location.Column == 4);
        result.Diagnostics.Should().Contain(d => d.Id == "FR024" && d.Location.Line == 2 && d.Location.Column == 8);
    }

    [Fact]
    public void Loader_MergeKey_IsRejectedAtTheKey()
    {
        var yaml = "base: &b { x: 1 }\nother:\n  <<: *b\n";

        var result = new RubricLoader().LoadString(yaml, "m.yaml");

        result.Diagnostics.Should().Contain(d => d.Id == "FR024" && d.Location.Line == 3 && d.Location.Column == 3 && d.Message.Contains("merge keys"));
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a: ")]
    [InlineData("- ")]
    public void Loader_DeepNesting_IsRejectedFastEvenOnASmallStack(string opener)
    {
        var yaml = new StringBuilder().Insert(0, opener, 100_000).ToString();
        RubricLoadResult? result = null;
        TimeSpan elapsed = default;

        var thread = new Thread(
            () =>
            {
                var watch = Stopwatch.StartNew();
                result = new RubricLoader().LoadString(yaml, "deep.yaml");
                elapsed = watch.Elapsed;
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        result!.Diagnostics.Should().ContainSingle().Which.Id.Should().BeOneOf("FR025", "FR001");
        elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(500), "the loader must stop at the depth limit, not parse on");
    }

    [Fact]
    public void Loader_OversizeStream_IsRejectedBeforeParsing()
    {
        var loader = new RubricLoader(new RubricLoaderOptions { MaxFileBytes = 1024 }, ScoringRuleSet.BuiltInOnly);
        using var stream = new MemoryStream(new byte[4096]);

        var result = loader.LoadStream(stream, "big.yaml");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Id.Should().Be("FR026");
        diagnostic.Message.Should().Contain("1024");
    }

    [Fact]
    public void Loader_OversizeNonSeekableStream_StopsReadingAtTheLimit()
    {
        var loader = new RubricLoader(new RubricLoaderOptions { MaxFileBytes = 100_000 }, ScoringRuleSet.BuiltInOnly);
        using var stream = new EndlessStream();

        var result = loader.LoadStream(stream, "endless.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Id.Should().Be("FR026");
        stream.BytesRead.Should().BeLessThan(300_000);
    }

    [Fact]
    public void Loader_OversizeScalar_IsRejectedAtTheScalar()
    {
        var loader = new RubricLoader(new RubricLoaderOptions { MaxScalarLength = 100 }, ScoringRuleSet.BuiltInOnly);
        var yaml = TestRubrics.Minimal().Replace("title: Minimal", "title: " + new string('x', 101), StringComparison.Ordinal);

        var result = loader.LoadString(yaml, "s.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Id == "FR026" && d.Location.Line == 4 && d.Location.Column == 8);
    }

    [Fact]
    public void Loader_TooManyNodes_IsRejected()
    {
        var loader = new RubricLoader(new RubricLoaderOptions { MaxNodes = 50 }, ScoringRuleSet.BuiltInOnly);
        var yaml = "items: [" + string.Join(", ", Enumerable.Range(0, 100)) + "]";

        loader.LoadString(yaml).Diagnostics.Should().ContainSingle().Which.Id.Should().Be("FR026");
    }

    [Fact]
    public void Loader_InvalidUtf8_IsRejectedAtTheBadByte()
    {
        var bytes = Encoding.UTF8.GetBytes("fairrubrics: 1\nid: caf").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();

        var result = new RubricLoader().LoadStream(new MemoryStream(bytes), "bad.yaml");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Id.Should().Be("FR027");
        diagnostic.Location.Should().Be(new SourceLocation("bad.yaml", 2, 8));
    }

    [Fact]
    public void Loader_NulCharacter_IsRejectedAtItsPosition()
    {
        var result = new RubricLoader().LoadString("fairrubrics: 1\nid: a\0b\n", "nul.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation("nul.yaml", 2, 6));
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32LE")]
    public void Loader_Utf16Or32WithByteOrderMark_Loads(string encodingName)
    {
        var encoding = encodingName switch
        {
            "utf-16LE" => (Encoding)new UnicodeEncoding(false, true),
            "utf-16BE" => new UnicodeEncoding(true, true),
            _ => new UTF32Encoding(false, true),
        };
        var text = TestRubrics.Minimal().Replace("title: Minimal", "title: Évaluation équitable", StringComparison.Ordinal);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        var result = new RubricLoader().LoadStream(new MemoryStream(bytes), "u.yaml");

        result.Diagnostics.Should().BeEmpty();
        result.Rubric!.Title.Should().Be("Évaluation équitable");
        result.Rubric.ContentHash.Should().Be(new RubricLoader().LoadString(text).Rubric!.ContentHash);
    }

    [Fact]
    public void Loader_Utf8ByteOrderMark_IsAccepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(TestRubrics.Minimal())).ToArray();

        new RubricLoader().LoadStream(new MemoryStream(bytes), "bom.yaml").Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "FR028", 1, 1)]
    [InlineData("# only a comment\n", "FR028", 1, 1)]
    [InlineData("just a sentence", "FR028", 1, 1)]
    [InlineData("- a\n- b\n", "FR028", 1, 1)]
    [InlineData("fairrubrics: 1\n---\nfairrubrics: 1\n", "FR028", 2, 1)]
    public void Loader_NotASingleMapping_IsReportedClearly(string yaml, string id, int line, int column)
    {
        var diagnostic = new RubricLoader().LoadString(yaml, "x.yaml").Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be(id);
        diagnostic.Location.Should().Be(new SourceLocation("x.yaml", line, column));
    }

    [Fact]
    public void Loader_TabIndentation_IsReportedAtTheTab()
    {
        var yaml = "fairrubrics: 1\nscale:\n\t1: Low\n";

        var diagnostic = new RubricLoader().LoadString(yaml, "tab.yaml").Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR001");
        diagnostic.Location.Line.Should().Be(3);
        diagnostic.Message.Should().Contain("tab");
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData("1e400")]
    [InlineData("0_5")]
    [InlineData("0,5")]
    [InlineData("\"2\"")]
    public void Loader_NumberNotWrittenPlainly_IsRejectedWithTheFixHint(string weight)
    {
        var yaml = TestRubrics.Minimal("  - id: delivery\n    title: Delivers\n    weight: " + weight + "\n    paths:\n      - id: manager\n        title: Manager view\n        score: { rule: rating, sources: [manager, peer] }");

        var diagnostic = new RubricLoader().LoadString(yaml).Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR009");
        diagnostic.Message.Should().Contain("must be a finite number written with '.'");
        diagnostic.Location.Line.Should().Be(9);
        diagnostic.Location.Column.Should().Be(13);
    }

    [Fact]
    public void Loader_DuplicateKey_IsAnErrorAtTheSecondKey()
    {
        var yaml = TestRubrics.Minimal().Replace("title: Minimal", "title: Minimal\ntitle: Again", StringComparison.Ordinal);

        var diagnostic = new RubricLoader().LoadString(yaml).Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR004");
        diagnostic.Location.Line.Should().Be(5);
        diagnostic.Location.Column.Should().Be(1);
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
