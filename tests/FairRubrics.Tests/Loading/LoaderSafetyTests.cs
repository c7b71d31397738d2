using System.Diagnostics;
using System.Globalization;
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
    [InlineData("[", 33)]
    [InlineData("{a: ", 129)]
    [InlineData("- ", 65)]
    public void Loader_DeepNesting_IsRejectedWithin100MillisecondsEvenOnASmallStack(string opener, int column)
    {
        var yaml = new StringBuilder().Insert(0, opener, 100_000).ToString();

        var (result, elapsed) = LoadOnSmallStack(new RubricLoader(), yaml);

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Id == "FR025" && d.Location.Line == 1 && d.Location.Column == column);
        elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(100), "the loader must stop at the depth limit, not parse on");
    }

    [Fact]
    public void Loader_DeepBlockNesting_IsRejectedWithin100MillisecondsEvenOnASmallStack()
    {
        // 2,000 levels of "a:" each indented one space more (2 MB, inside the default MaxFileBytes; 10,000 levels
        // would be 50 MB of indentation, which MaxFileBytes rejects before anything else).
        var yaml = new StringBuilder();
        for (var level = 0; level < 2_000; level++)
        {
            yaml.Append(' ', level).Append("a:\n");
        }

        var (result, elapsed) = LoadOnSmallStack(new RubricLoader(), yaml.ToString());

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Id == "FR025" && d.Location.Line == 33 && d.Location.Column == 33);
        elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(100), "the loader must stop at the depth limit, not parse on");
    }

    [Theory]
    [InlineData("a:\n  b:\n    c: ", 3, 37)]
    [InlineData("a: [{b: ", 1, 38)]
    [InlineData("- - - ", 1, 36)]
    public void Loader_DeepNestingUnderBlockCollections_IsReportedWhereTheParserReachesTheLimit(string prefix, int line, int column)
    {
        var yaml = prefix + new string('[', 1000);

        var result = new RubricLoader().LoadString(yaml, "deep.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Id == "FR025" && d.Location.Line == line && d.Location.Column == column);
    }

    [Theory]
    [InlineData("plain", "title: {0}", 4, 8)]
    [InlineData("double-quoted", "title: \"{0}\"", 4, 8)]
    [InlineData("single-quoted", "title: '{0}'", 4, 8)]
    [InlineData("literal block", "title: Minimal\ndescription: |\n{1}", 5, 14)]
    [InlineData("folded block", "title: Minimal\ndescription: >-\n{1}", 5, 14)]
    public void Loader_OverSizeScalar_RejectedBeforeParsing(string style, string line, int expectedLine, int expectedColumn)
    {
        // 2 MB of text in one value, against the default limit of 64 Ki characters. Had YamlDotNet scanned it, it
        // would have allocated the value at least twice (StringBuilder and string: 8 MB of UTF-16); the pre-scan
        // allocates nothing per character.
        var loader = new RubricLoader();
        var body = new string('x', 2_000_000);
        var blockLines = string.Concat(Enumerable.Repeat("  " + new string('x', 78) + "\n", 2_000_000 / 80));
        var yaml = TestRubrics.Minimal().Replace("title: Minimal", string.Format(CultureInfo.InvariantCulture, line, body, blockLines), StringComparison.Ordinal);
        _ = loader.LoadString(TestRubrics.Minimal(), "warm-up.yaml"); // JIT, so that only the check is timed

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = loader.LoadString(yaml, "big.yaml");
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var diagnostic = result.Diagnostics.Should().ContainSingle($"a {style} scalar of 2 MB is over the limit").Which;
        diagnostic.Id.Should().Be("FR026");
        diagnostic.Location.Should().Be(new SourceLocation("big.yaml", expectedLine, expectedColumn));
        diagnostic.Message.Should().Contain("characters long; the limit is 65536").And.Contain("RubricLoaderOptions.MaxScalarLength");
        allocated.Should().BeLessThan(1024 * 1024, "YamlDotNet must never buffer the value");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("title: {0}")]
    [InlineData("title: \"{0}\"")]
    [InlineData("title: '{0}'")]
    [InlineData("title: Minimal\ndescription: |-\n  {0}")]
    public void Loader_ScalarAtTheLimit_Loads_AndOneCharacterMoreDoesNot(string line)
    {
        var loader = new RubricLoader(new RubricLoaderOptions { MaxScalarLength = 1000 }, ScoringRuleSet.BuiltInOnly);
        string Yaml(int length) => TestRubrics.Minimal().Replace("title: Minimal", string.Format(CultureInfo.InvariantCulture, line, new string('x', length)), StringComparison.Ordinal);

        loader.LoadString(Yaml(1000)).Diagnostics.Should().BeEmpty();
        loader.LoadString(Yaml(1001)).Diagnostics.Should().ContainSingle().Which.Id.Should().Be("FR026");
    }

    [Fact]
    public void Loader_MaxScalarLength_IsConfigurable()
    {
        var yaml = TestRubrics.Minimal().Replace("title: Minimal", "title: " + new string('x', 100_000), StringComparison.Ordinal);

        new RubricLoader().LoadString(yaml).Diagnostics.Should().ContainSingle().Which.Id.Should().Be("FR026");
        new RubricLoader(new RubricLoaderOptions { MaxScalarLength = 100_000 }, ScoringRuleSet.BuiltInOnly).LoadString(yaml).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Loader_LongLinesOfShortScalars_AreNotMistakenForALongScalar()
    {
        // A flow list on one line (5,000 characters of 500 short values), and a quoted value whose indentation
        // makes it span 1,300 characters of text for 99 characters of value: both within a limit of 100 per value.
        var loader = new RubricLoader(new RubricLoaderOptions { MaxScalarLength = 100 }, ScoringRuleSet.BuiltInOnly);
        var list = "[" + string.Join(", ", Enumerable.Range(1, 500).Select(i => "source-" + i.ToString(CultureInfo.InvariantCulture))) + "]";
        var quoted = "\"" + string.Join("\n" + new string(' ', 60), Enumerable.Repeat("word", 20)) + "\"";

        var withList = loader.LoadString(TestRubrics.Minimal().Replace("sources: [manager, peer]", "sources: " + list, StringComparison.Ordinal));
        var withQuoted = loader.LoadString(TestRubrics.Minimal().Replace("title: Minimal", "title: " + quoted, StringComparison.Ordinal));

        withList.Diagnostics.Should().HaveCount(500).And.OnlyContain(d => d.Id == "FR007", "every value is read (and is not a rater source)");
        withQuoted.Diagnostics.Should().BeEmpty();
        withQuoted.Rubric!.Title.Should().HaveLength(99);
    }

    [Fact]
    public void Loader_ScalarLongerThanThePreScanCounts_IsStillRejectedByTheParser()
    {
        // The pre-scan counts an escape as one character; "\U0001F600" is two UTF-16 characters. The check after
        // the parser stays, and catches what the lower bound misses.
        var loader = new RubricLoader(new RubricLoaderOptions { MaxScalarLength = 100 }, ScoringRuleSet.BuiltInOnly);
        var yaml = TestRubrics.Minimal().Replace("title: Minimal", "title: \"" + string.Concat(Enumerable.Repeat("\\U0001F600", 60)) + "\"", StringComparison.Ordinal);

        var diagnostic = loader.LoadString(yaml, "s.yaml").Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR026");
        diagnostic.Message.Should().Be("this value is 120 characters long; the limit is 100");
        diagnostic.Location.Should().Be(new SourceLocation("s.yaml", 4, 8));
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

    /// <summary>Loads on a thread with a 256 KiB stack, after one warm-up load of the same text (so that JIT is not timed).</summary>
    private static (RubricLoadResult Result, TimeSpan Elapsed) LoadOnSmallStack(RubricLoader loader, string yaml)
    {
        RubricLoadResult? result = null;
        TimeSpan elapsed = default;
        var thread = new Thread(
            () =>
            {
                _ = loader.LoadString(yaml, "warm-up.yaml");
                var watch = Stopwatch.StartNew();
                result = loader.LoadString(yaml, "deep.yaml");
                elapsed = watch.Elapsed;
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        return (result!, elapsed);
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
