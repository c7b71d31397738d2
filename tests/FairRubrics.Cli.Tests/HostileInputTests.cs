using System.Text;
using System.Text.Json;

namespace FairRubrics.Cli.Tests;

/// <summary>Issue #24 items 1, 2, 4, 7 and 8 through the command line: what an attacker or a careless operator feeds it.</summary>
[Collection("cli")]
public sealed class HostileInputTests : IDisposable
{
    private const string Rubric = "rubrics/professional-relationships.yaml";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-hostile-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static void AllLinesAreJson(string stdout)
    {
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var parsed = JsonDocument.Parse(line);
        }
    }

    [Fact]
    public void Score_TwoPeopleWhoseIdsAreNotUtf8_AreRejectedWithTheirRows_NotMergedIntoOne()
    {
        var csv = "subject,type,date\nJos\u00e9,talk,2026-03-01\nJos\u00e8,talk,2026-03-02\nAna,talk,2026-03-03\n";
        var evidence = Write("evidence.csv", Encoding.Latin1.GetBytes(csv));

        var (code, stdout, stderr) = CliRunner.Run("score", "--rubric", Rubric, "--evidence", evidence, "--as-of", "2026-06-01");

        code.Should().Be(1, "two rows are rejected");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("{\"subject\":\"Ana\"");
        stdout.Should().NotContain("\ufffd");
        stderr.Should().Contain($"{evidence}:2: rejected: the row is not valid UTF-8", "the header is line 1")
            .And.Contain($"{evidence}:3: rejected: the row is not valid UTF-8");
    }

    [Fact]
    public void Score_JsonLinesWithALineOverOneMebibyte_RejectsItAndScoresTheRest()
    {
        var huge = "{\"subject\":\"big\",\"type\":\"talk\",\"note\":\"" + new string('x', 3 << 20) + "\"}";
        var evidence = Write("evidence.jsonl", "{\"subject\":\"e1\",\"type\":\"talk\",\"date\":\"2026-03-01\"}\n" + huge + "\n{\"subject\":\"e2\",\"type\":\"talk\",\"date\":\"2026-03-01\"}\n");

        var (code, stdout, stderr) = CliRunner.Run("score", "--rubric", Rubric, "--evidence", evidence, "--as-of", "2026-06-01");

        code.Should().Be(1);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
        stderr.Should().Contain($"{evidence}:2: rejected: the line is longer than 1 MiB");
    }

    [Fact]
    public void ScoreExplain_TwoOccurrencesOf1e308_RejectsTheSecondWithItsRow_AndEveryLineIsValidJson()
    {
        var evidence = Write("evidence.csv", "subject,type,value,date,id\ne1,talk,1e308,2026-03-01,t1\ne1,talk,1e308,2026-03-02,t2\ne2,talk,1.7976931348623157e308,2026-03-01,t3\n");

        var (code, stdout, stderr) = CliRunner.Run("score", "--rubric", Rubric, "--evidence", evidence, "--as-of", "2026-06-01", "--explain", "--guidance");

        code.Should().Be(1, stderr);
        stderr.Should().NotContain("internal error");
        stderr.Should().Contain($"{evidence}:3: rejected: the 'value' makes the subject's total quantity too large to count");
        AllLinesAreJson(stdout);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
    }

    [Fact]
    public void Audit_ScoresNearTheLargestDouble_AreRejectedWithTheirLine_AndTheReportIsValidJson()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            lines.Append(FormattableString.Invariant($$"""{"subject":"e{{i}}","status":"scored","overall":3,"band":"Solid","competencies":[{"id":"c","level":3}]}""")).Append('\n');
        }

        lines.Append("""{"subject":"x1","status":"scored","overall":1.7976931348623157e308,"band":"Solid","competencies":[{"id":"c","level":3}]}""").Append('\n');
        lines.Append("""{"subject":"x2","status":"scored","overall":-1.7976931348623157e308,"band":"Solid","competencies":[{"id":"c","level":3}]}""").Append('\n');
        lines.Append("""{"subject":"x3","status":"scored","overall":3,"band":"Solid","competencies":[{"id":"c","level":1e308}]}""").Append('\n');
        var scores = Write("scores.jsonl", lines.ToString());
        var attributes = Write("attributes.csv", "subject,gender\n" + string.Concat(Enumerable.Range(0, 12).Select(i => FormattableString.Invariant($"e{i},{(i % 2 == 0 ? "f" : "m")}\n"))) + "x1,f\nx2,m\nx3,f\n");

        var (code, stdout, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Solid");

        code.Should().NotBe(2, stderr);
        using var report = JsonDocument.Parse(stdout);
        stderr.Should().Contain($"{scores}:13: rejected: 'overall' is outside 0..10")
            .And.Contain($"{scores}:14: rejected: 'overall' is outside 0..10")
            .And.Contain($"{scores}:15: rejected: a competency 'level' is outside 0..10");
    }
}
