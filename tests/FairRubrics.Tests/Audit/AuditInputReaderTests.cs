using System.Text;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>Reading score results: a line that is not a score result is rejected with a reason, never thrown.</summary>
public sealed class AuditInputReaderTests
{
    private const string Valid = "{\"subject\":\"ok\",\"status\":\"scored\",\"overall\":3,\"band\":\"Solid\",\"competencies\":[{\"id\":\"c\",\"level\":3,\"path\":\"p\"}]}";

    private static List<ScoreLine> Scores(string text) =>
        [.. AuditInputReader.ReadScores(new MemoryStream(Encoding.UTF8.GetBytes(text)))];

    [Fact]
    public void ReadScores_ValidLine_IsRead()
    {
        var subject = Scores(Valid).Single().Subject!;

        subject.Subject.Should().Be("ok");
        subject.Overall.Should().Be(3);
        subject.Band.Should().Be("Solid");
        subject.Competencies.Should().Equal(new AuditCompetency("c", 3, "p"));
    }

    [Theory]
    [InlineData("{\"subject\":\"e1\",\"status\":1,\"overall\":2}")]
    [InlineData("{\"subject\":\"e1\",\"status\":null,\"overall\":2}")]
    [InlineData("{\"subject\":\"e1\",\"status\":[\"scored\"],\"overall\":2}")]
    public void ReadScores_StatusThatIsNotAString_RejectsTheLine(string line)
    {
        // Found by fuzzing (fuzz/regressions/scores-jsonl): GetString threw InvalidOperationException for a number.
        var lines = Scores(Valid + "\n" + line + "\n" + Valid + "\n");

        lines.Select(l => l.Subject is not null).Should().Equal(true, false, true);
        lines[1].Line.Should().Be(2);
        lines[1].Error.Should().Be("'status' must be 'scored' or 'insufficient-evidence'");
    }

    [Theory]
    [InlineData("{\"subject\":\"\\uD800\",\"status\":\"scored\",\"overall\":2}")]
    [InlineData("{\"subject\":\"e1\",\"status\":\"scored\\uDC00\",\"overall\":2}")]
    [InlineData("{\"subject\":\"e1\",\"status\":\"scored\",\"overall\":2,\"band\":\"\\uD83D\"}")]
    [InlineData("{\"subject\":\"e1\",\"status\":\"scored\",\"overall\":2,\"rubric\":\"\\uDE00x\"}")]
    [InlineData("{\"subject\":\"e1\",\"status\":\"scored\",\"overal\\ud800l\":2}")]
    [InlineData("{\"subject\":\"e1\",\"status\":\"scored\",\"overall\":2,\"competencies\":[{\"id\":\"c\",\"l\\udc00evel\":1}]}")]
    [InlineData("{\"subject\":\"e1\",\"status\":\"scored\",\"overall\":2,\"competencies\":[{\"id\":\"\\uD800\"}]}")]
    [InlineData("{\"subject\":\"e1\",\"status\":\"scored\",\"overall\":2,\"competencies\":[{\"id\":\"c\",\"path\":\"\\uDBFF\"}]}")]
    public void ReadScores_EscapedLoneSurrogate_RejectsTheLineAsInvalidJson(string line)
    {
        // Found by fuzzing (fuzz/regressions/scores-jsonl): System.Text.Json throws InvalidOperationException for it.
        var lines = Scores(line + "\n" + Valid + "\n");

        lines[0].Subject.Should().BeNull();
        lines[0].Error.Should().Be("not valid JSON");
        lines[1].Subject.Should().NotBeNull();
    }

    [Fact]
    public void ReadScores_SurrogatePairEscape_IsText()
    {
        var subject = Scores("{\"subject\":\"e\\uD83D\\uDE00\",\"status\":\"insufficient-evidence\"}").Single().Subject!;

        subject.Subject.Should().Be("e\U0001F600");
        subject.Scored.Should().BeFalse();
    }
}
