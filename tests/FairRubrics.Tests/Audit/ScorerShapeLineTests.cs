using System.Text;
using FairRubrics.Audit;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// The scorer-shape path against the general <see cref="System.Text.Json.Utf8JsonReader"/> path: a line it reads
/// gets exactly the general path's verdict and record; lines of another shape are left to the compact path. Every
/// line the scorer writes without explanations is read here, for each shipped rubric.
/// </summary>
public sealed class ScorerShapeLineTests
{
    private const string Shaped = """{"subject":"s-1","rubric":"r","rubricVersion":"1.0.0","rubricHash":"ab12","asOf":"2026-06-30","status":"scored","overall":2.5,"band":"Solid","competencies":[{"id":"c","status":"scored","level":2.5,"path":"p","paths":[{"id":"p","level":2.5,"evidence":3},{"id":"q","level":null,"evidence":0}]}]}""";

    public static TheoryData<int> Seeds() => RandomSeeds.UpTo(40);

    public static TheoryData<string> ShippedRubrics() =>
        [.. Directory.GetFiles(Path.Combine(TestRubrics.RepositoryRoot, "rubrics"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedRubrics))]
    public void ScorerShape_LinesTheScorerWritesWithoutExplanations_AreReadHereAsByTheGeneralPath(string file)
    {
        var rubric = new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", file)).GetRubricOrThrow();
        for (var seed = 0; seed < 20; seed++)
        {
            foreach (var (line, explained) in ScoreLineSamples.ScorerLines(seed, rubric))
            {
                Compare(line).Should().Be(!explained, "explanations are another shape: " + Encoding.UTF8.GetString(line));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ScorerShape_MutatedLines_AreReadAsTheGeneralPathReadsThem(int seed)
    {
        var random = new Random(seed);
        var read = 0;
        foreach (var (line, _) in ScoreLineSamples.ScorerLines(seed))
        {
            for (var m = 0; m < 150; m++)
            {
                read += Compare(ScoreLineSamples.Mutate(random, line)) ? 1 : 0;
            }
        }

        read.Should().BePositive("some mutated lines keep the shape");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ScorerShape_OneRecordReadingLineAfterLine_ReadsEachAsTheGeneralPath(int seed)
    {
        // A record remembers the header (rubric, version, hash, date) of the line before: lines that repeat it, change
        // it, or change it only a little (mutations), read by one record, are each read as the general path reads them.
        var random = new Random(seed);
        var record = new ScoreRecord();
        var lines = ScoreLineSamples.ScorerLines(seed).Where(l => !l.Explained).Select(l => l.Line).ToList();
        var read = 0;
        for (var n = 0; n < 600; n++)
        {
            var line = lines[random.Next(lines.Count)];
            line = random.Next(3) switch
            {
                0 => ScoreLineSamples.Mutate(random, line),
                1 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line).Replace("\"1.0.0\"", "\"1.0.1\"", StringComparison.Ordinal)),
                _ => line,
            };
            read += ScoreLineSamples.Compare(line, ScorerShapeLine.TryParse, record) ? 1 : 0;
        }

        read.Should().BeGreaterThan(300);
    }

    [Fact]
    public void ScorerShape_AnyByteReplacedOrRemovedAtAnyPosition_IsReadAsTheGeneralPathReadsIt()
    {
        var line = Encoding.UTF8.GetBytes(Shaped);
        Compare(line).Should().BeTrue();
        for (var at = 0; at < line.Length; at++)
        {
            foreach (var b in ScoreLineSamples.InterestingBytes)
            {
                var changed = (byte[])line.Clone();
                changed[at] = b;
                Compare(changed);
            }

            Compare([.. line[..at], .. line[(at + 1)..]]);
            Compare(line[..at]).Should().BeFalse("a line cut short is not the shape");
        }
    }

    [Theory]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":null,"band":null,"competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"insufficient-evidence","overall":null,"band":null,"competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"Scored","overall":1,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"  ","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1e400,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":-0.5,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":10.0000000000000001,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[{"id":"c","status":"s","level":1e999,"path":null,"paths":[]}]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[{"id":"c","status":"s","level":11,"path":null,"paths":[]}]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[{"id":"c","status":"s","level":null,"path":"p","paths":[{"id":"p","level":1e999,"evidence":-2.5e3}]}]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":01,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[{"id":"c","status":"s","level":1,"path":"p","paths":[{"id":"p","level":1,"evidence":01}]}]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[{"id":"c","status":"s","level":1,"path":"p","paths":[]},]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[{"id":"c","status":"s","level":1,"path":"p","paths":[],"explanation":"e"}]}""")]
    [InlineData("""{"subject":"x","rubricVersion":"1","rubric":"r","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[]} """)]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[]}{}""")]
    [InlineData("""{"subject":"x\u0041","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"é","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":5,"rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":"1","band":"A","competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":7,"competencies":[]}""")]
    [InlineData("""{"subject":"x","rubric":"r","rubricVersion":"1","rubricHash":"h","asOf":"d","status":"scored","overall":1,"band":"A","competencies":[{"id":"c","status":"s","level":1,"path":"p","paths":[{"id":"p","level":1,"evidence":1}]}],"usedEvidence":1}""")]
    public void ScorerShape_EdgeCase_IsReadAsTheGeneralPathReadsIt(string line) => Compare(Encoding.UTF8.GetBytes(line));

    [Fact]
    public void ScorerShape_LineWithABytePastAscii_StillGetsTheUtf8Reason()
    {
        // The shape path comes before the UTF-8 check: a line it leaves must still be rejected for its bytes.
        byte[] line = [.. Encoding.UTF8.GetBytes(Shaped)[..12], 0xFF, .. Encoding.UTF8.GetBytes(Shaped)[12..]];
        ScorerShapeLine.TryParse(line, new ScoreRecord(), out _).Should().BeFalse();
        ScoreLineParser.TryParse(line, new ScoreRecord()).Should().Be(FairRubrics.Evidence.StrictUtf8.Reason(line, "line"));
    }

    [Fact]
    public void ScorerShape_ShapedLine_GivesItsValues()
    {
        var record = new ScoreRecord();
        ScorerShapeLine.TryParse(Encoding.UTF8.GetBytes(Shaped), record, out var error).Should().BeTrue();
        error.Should().BeNull();
        Encoding.UTF8.GetString(record.Subject).Should().Be("s-1");
        Encoding.UTF8.GetString(record.Rubric).Should().Be("r");
        Encoding.UTF8.GetString(record.Band).Should().Be("Solid");
        record.Scored.Should().BeTrue();
        record.Overall.Should().Be(2.5);
        record.CompetencyCount.Should().Be(1);
        Encoding.UTF8.GetString(record.CompetencyId(0)).Should().Be("c");
        record.Level(0).Should().Be(2.5);
        Encoding.UTF8.GetString(record.Path(0)).Should().Be("p");
    }

    private static bool Compare(byte[] line) => ScoreLineSamples.Compare(line, ScorerShapeLine.TryParse);
}
