using System.Text;
using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// The streaming score-line parser (Utf8JsonReader, only the needed properties) against the document-based parser
/// it replaced (<see cref="DocumentScoreParser"/>): the same results, the same rejections, the same line numbers.
/// </summary>
public sealed class ScoreLineParserTests
{
    private static string CasesDirectory => Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(CasesDirectory).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadScores_ReferenceCase_AgreesWithTheDocumentParser(string name)
    {
        var text = File.ReadAllText(Path.Combine(CasesDirectory, name, "scores.jsonl"));

        var streamed = Streamed(text);

        streamed.Should().HaveCount(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        AssertSame(streamed, Documented(text));
    }

    [Theory]
    [InlineData("""{"subject":"a\u0062","rubric":"r\/1","status":"scored","overall":3.5,"band":"Str\u006fng","competencies":[{"id":"c\u00e9","level":4,"path":"p\"q"}]}""")]
    [InlineData("""{"subject":"x","subject":"y","status":"insufficient-evidence","status":"scored","overall":1,"overall":2.25,"band":"A","band":"B"}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":2,"competencies":[{"id":"a","level":1}],"competencies":[{"id":"b","level":3,"path":"q"}]}""")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("""{"subject":"x" """)]
    [InlineData("""{"subject":"x","status":"scored","overall":1} trailing""")]
    [InlineData("""{"subject":"x","status":"scored","overall":2.5,"band":"Strong"}{"a":1}""")]
    [InlineData("""{"subject":"  ","status":"scored","overall":1}""")]
    [InlineData("""{"subject":"","status":"scored","overall":1}""")]
    [InlineData("""{"subject":7,"status":"scored","overall":1}""")]
    [InlineData("""{"status":"scored","overall":1}""")]
    [InlineData("""{"subject":"x","status":"other","overall":1}""")]
    [InlineData("""{"subject":"x","status":"scored"}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":"3"}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":null}""")]
    [InlineData("""{"subject":"x","status":"insufficient-evidence","overall":null,"band":null,"competencies":[{"id":"c","status":"insufficient-evidence","level":null,"path":null}]}""")]
    [InlineData("""{"subject":"x","status":"insufficient-evidence","overall":3,"band":"Strong"}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":2,"competencies":[{"level":1}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":2,"competencies":[1]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":2,"competencies":[{"id":3}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":2,"competencies":{"id":"c"}}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":2,"band":{"a":1},"rubric":[1],"competencies":[{"id":"c","level":{"x":1},"path":[1,2],"paths":[{"id":"p","level":1}]}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":2,"extra":{"deep":[{"a":[1,2,{"b":null}]}]},"band":"S"}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":-0.0,"band":"S","competencies":[]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":3.1666666666666665,"competencies":[{"id":"c","level":1E0,"path":"p"},{"id":"d","level":2.50,"path":null}]}""")]
    [InlineData("""{"a":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]],"subject":"x","status":"scored","overall":1}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"\u0063ompetencies":[{"\u0069d":"c","lev\u0065l":2}]}""")]
    [InlineData("""  {"subject":"x","status":"scored","overall":1}  """)]
    public void TryParse_Line_AgreesWithTheDocumentParser(string line)
    {
        AssertSame(Streamed(line), Documented(line));
    }

    [Fact]
    public void ReadScores_LineBreaksByteOrderMarkAndBlankLines_CountsLinesAsReadLineDoes()
    {
        const string Line = """{"subject":"x","status":"scored","overall":1}""";
        var text = "\uFEFF" + Line + "\r\n\r\n   \n" + Line.Replace("\"x\"", "\"y\"", StringComparison.Ordinal) + "\r" + Line.Replace("\"x\"", "\"z\"", StringComparison.Ordinal) + "\n\t\n{oops}\n" + Line;

        var streamed = Streamed(text);

        streamed.Select(l => l.Line).Should().Equal(1, 4, 5, 7, 8);
        AssertSame(streamed, Documented(text));
    }

    [Fact]
    public void ReadScores_LineOfOneMebibyteAcrossTheBuffer_IsReadWhole_AndALongerOneIsRejected()
    {
        // The reader's buffer is 1 MiB: after the first line, the second (exactly 1 MiB) crosses it. Issue #24 item 2:
        // a line longer than 1 MiB is rejected with its number, unread, and the next line is read.
        var head = """{"subject":"w","status":"scored","overall":1}""";
        var prefix = """{"subject":"x","note":" """.TrimEnd();
        var suffix = "\",\"status\":\"scored\",\"overall\":1}";
        var exact = prefix + new string('p', (1 << 20) - prefix.Length - suffix.Length) + suffix;
        var tooLong = prefix + new string('p', 3 << 20) + suffix;
        var text = head + "\n" + exact + "\n" + tooLong + "\n" + """{"subject":"y","status":"scored","overall":2}""";

        var streamed = Streamed(text);

        streamed.Select(l => l.Subject?.Subject).Should().Equal("w", "x", null, "y");
        streamed[2].Should().Be(new ScoreLine(3, null, "the line is longer than 1 MiB (1,048,576 bytes); it is not read (write one record per line)"));
    }

    [Theory]
    [InlineData("""{"subject":"x","status":7,"overall":1}""", "'status' must be 'scored' or 'insufficient-evidence'")]
    [InlineData("""{"subject":"x","status":"scored","overall":1e400}""", "'overall' is not a finite number")]
    public void TryParse_LineTheDocumentParserThrewOn_IsRejectedWithAReason(string line, string reason)
    {
        Streamed(line).Single().Error.Should().Be(reason);
    }

    private static List<ScoreLine> Streamed(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return [.. AuditInputReader.ReadScores(stream)];
    }

    /// <summary>What the replaced reader did: StreamReader.ReadLine, blank lines skipped, JsonDocument per line.</summary>
    private static List<ScoreLine> Documented(string text)
    {
        var result = new List<ScoreLine>();
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                result.Add(DocumentScoreParser.Parse(line, number));
            }
        }

        return result;
    }

    private static void AssertSame(List<ScoreLine> actual, List<ScoreLine> expected)
    {
        actual.Should().HaveSameCount(expected);
        for (var i = 0; i < expected.Count; i++)
        {
            var (a, e) = (actual[i], expected[i]);
            var at = $"line {e.Line}";
            a.Line.Should().Be(e.Line, at);
            a.Error.Should().Be(e.Error, at);
            if (e.Subject is null)
            {
                a.Subject.Should().BeNull(at);
                continue;
            }

            a.Subject.Should().NotBeNull(at);
            a.Subject!.Subject.Should().Be(e.Subject.Subject, at);
            a.Subject.Scored.Should().Be(e.Subject.Scored, at);
            a.Subject.Overall.Should().Be(e.Subject.Overall, at);
            a.Subject.Band.Should().Be(e.Subject.Band, at);
            a.Subject.Rubric.Should().Be(e.Subject.Rubric, at);
            a.Subject.Competencies.Should().Equal(e.Subject.Competencies, at);
        }
    }
}
