using System.Text.Json;

namespace FairRubrics.Cli.Tests;

[Collection("cli")]
public sealed class ScoreCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-score-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Evidence = """
        subject,type,competency,path,value,source,date,id
        e2,talk,,,,,2026-03-01,t1
        e1,rating,delivery,outcomes,4,manager,2026-06-01,r1
        e1,rating,delivery,outcomes,5,peer,2026-06-01,r2
        e1,mentoring,,,,,2026-02-01,m1
        e2,rating,delivery,outcomes,9,manager,2026-06-01,r3
        e2,unknown-type,,,,,2026-06-01,u1
        ,talk,,,,,2026-03-01,t2
        """;

    [Fact]
    public void Score_Csv_WritesJsonLinesInSubjectOrderAndAccountsForEveryRow()
    {
        var evidence = Write("evidence.csv", Evidence);

        var (code, stdout, stderr) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27");

        code.Should().Be(1, "one row is rejected");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        root.GetProperty("subject").GetString().Should().Be("e1");
        root.GetProperty("rubric").GetString().Should().Be("professional-relationships");
        root.GetProperty("rubricVersion").GetString().Should().NotBeNullOrEmpty();
        root.GetProperty("rubricHash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        root.GetProperty("status").GetString().Should().Be("scored");
        root.GetProperty("overall").GetDouble().Should().Be(2.75);
        var delivery = root.GetProperty("competencies").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "delivery");
        delivery.GetProperty("level").GetDouble().Should().Be(4.5);
        delivery.GetProperty("path").GetString().Should().Be("outcomes");
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("subject").GetString().Should().Be("e2");

        // File lines (the header is line 1), in line order, with reasons that quote no value from the row.
        var examples = stderr.Split('\n').Where(l => l.StartsWith(evidence + ":", StringComparison.Ordinal) && l.Contains(": rejected: ", StringComparison.Ordinal) | l.Contains(": not counted: ", StringComparison.Ordinal)).ToList();
        examples.Should().Equal(
            $"{evidence}:6: rejected: the rating is outside the scale 1..5",
            $"{evidence}:7: not counted: no path of the rubric counts evidence of this 'type'",
            $"{evidence}:8: rejected: the 'subject' field is empty; every row needs the id of the person assessed");
        stderr.Should().NotContain("unknown-type");
        stderr.Should().Contain("7 row(s) read: 4 used, 2 rejected, 1 not counted; 2 subject(s) scored");
    }

    [Fact]
    public void Score_Explain_AddsEvidenceIdsAndText()
    {
        var evidence = Write("evidence.csv", Evidence);

        var (_, stdout, _) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27", "--explain");

        using var first = JsonDocument.Parse(stdout.Split('\n')[0]);
        var relationships = first.RootElement.GetProperty("competencies")[0];
        relationships.GetProperty("explanation").GetString().Should().Contain("level 1 via");
        relationships.GetProperty("paths").EnumerateArray().Should().Contain(p => p.GetProperty("items").EnumerateArray().Any(i => i.GetString() == "m1"));
    }

    [Fact]
    public void Score_OutFile_IsWrittenAndIdenticalToStdout()
    {
        var evidence = Write("evidence.csv", Evidence);
        var output = Path.Combine(_dir.FullName, "scores.jsonl");

        var (_, stdout, _) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27");
        var (code, toFile, _) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27", "--out", output);

        code.Should().Be(1);
        toFile.Should().BeEmpty();
        File.ReadAllText(output).Should().Be(stdout);
    }

    [Fact]
    public void Score_JsonLinesEvidence_IsRead()
    {
        var evidence = Write("evidence.jsonl", "{\"subject\":\"e1\",\"type\":\"rating\",\"competency\":\"delivery\",\"path\":\"outcomes\",\"value\":3,\"source\":\"peer\",\"date\":\"2026-05-01\"}\n"
            + "{\"subject\":\"e1\",\"type\":\"rating\",\"competency\":\"delivery\",\"path\":\"outcomes\",\"value\":\"3\",\"source\":\"manager\",\"date\":\"2026-05-02\"}\n");

        var (code, stdout, _) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27");

        code.Should().Be(0);
        JsonDocument.Parse(stdout).RootElement.GetProperty("overall").GetDouble().Should().Be(3);
    }

    [Theory]
    [InlineData("--as-of", "27.11.2026", "is not a date written as YYYY-MM-DD")]
    [InlineData("--rubric", "missing.yaml", "no such rubric file")]
    [InlineData("--evidence", "missing.csv", "no such evidence file")]
    public void Score_BadArguments_ExitTwoWithOneLine(string option, string value, string message)
    {
        var evidence = Write("evidence.csv", Evidence);
        var args = new List<string> { "score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27" };
        args[args.IndexOf(option) + 1] = value;

        var (code, stdout, stderr) = CliRunner.Run([.. args]);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain(message).And.NotContain("   at ");
    }

    [Fact]
    public void Score_EvidenceWithoutRequiredColumns_ExitsTwo()
    {
        var evidence = Write("evidence.csv", "who,what\ne1,talk\n");

        var (code, _, stderr) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence);

        code.Should().Be(2);
        stderr.Should().Contain("'subject' and 'type'");
    }

    [Fact]
    public void Score_BrokenRubric_ExitsTwoWithItsDiagnostics()
    {
        var evidence = Write("evidence.csv", Evidence);

        var (code, _, stderr) = CliRunner.Run("score", "--rubric", "tests/FairRubrics.Tests/Loading/Corpus/invalid/scale-gap.yaml", "--evidence", evidence);

        code.Should().Be(2);
        stderr.Should().Contain("error FR013").And.Contain("does not load");
    }

    private const string HelperEvidence = """
        subject,type,competency,path,value,source,date,id
        e-042,mentoring,,,,,2026-10-01,m1
        e-042,mentoring,,,,,2026-09-01,m2
        e-042,mentoring,,,,,2026-08-01,m3
        e-042,mentoring,,,,,2026-07-01,m4
        e-042,cross-team-help,,,,,2026-06-01,h1
        e-042,cross-team-help,,,,,2026-05-01,h2
        e-042,cross-team-help,,,,,2025-12-15,h3
        """;

    [Fact]
    public void Score_Guidance_AddsTheRoutesToTheNextLevelToEachResult()
    {
        var evidence = Write("evidence.csv", HelperEvidence);

        var (code, stdout, _) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27", "--guidance");

        code.Should().Be(0);
        using var document = JsonDocument.Parse(stdout);
        var guidance = document.RootElement.GetProperty("guidance");
        var relationships = guidance.GetProperty("competencies")[0];
        relationships.GetProperty("id").GetString().Should().Be("relationships");
        relationships.GetProperty("target").GetInt32().Should().Be(4);
        relationships.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("path").GetString()).Should().Equal("broad-network", "altruistic-contribution", "knowledge-sharing");
        var helping = relationships.GetProperty("routes")[1];
        var need = helping.GetProperty("needs")[0];
        need.GetProperty("kind").GetString().Should().Be("occurrences");
        need.GetProperty("count").GetInt32().Should().Be(3);
        helping.GetProperty("expiring")[0].GetProperty("stopsCountingOn").GetString().Should().Be("2026-12-16");
        relationships.GetProperty("text").GetString().Should().Contain("hold 3 more mentoring sessions, help other teams 3 more times or be an onboarding buddy to 3 more new colleagues (any mix of these adds up)");
    }

    [Fact]
    public void Score_GuidanceWithLocale_WordsTheGuidanceInThatLanguage_AndKeepsTheFieldNames()
    {
        var evidence = Write("evidence.csv", HelperEvidence);

        var (code, stdout, _) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27", "--guidance", "--locale", "de");
        var (unknownCode, unknownOut, unknownErr) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27", "--guidance", "--locale", "xx");

        code.Should().Be(0);
        using var document = JsonDocument.Parse(stdout);
        var relationships = document.RootElement.GetProperty("guidance").GetProperty("competencies")[0];
        relationships.GetProperty("text").GetString().Should().StartWith("Um ").And.Contain("weitere Mentoring-Sitzungen halten").And.NotContain("more mentoring sessions");
        relationships.GetProperty("routes")[1].GetProperty("path").GetString().Should().Be("altruistic-contribution", "ids and field names are not translated");
        unknownCode.Should().Be(0);
        unknownErr.Should().Contain("there are no texts for the locale 'xx'").And.Contain("the guidance is in English");
        unknownOut.Should().Contain("hold 3 more mentoring sessions");
    }

    [Fact]
    public void Score_LocaleWithoutGuidance_IsAUsageError()
    {
        var evidence = Write("evidence.csv", HelperEvidence);

        var (code, _, stderr) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--locale", "de");

        code.Should().Be(2);
        stderr.Should().Contain("--locale words the guidance; add --guidance");
    }

    [Fact]
    public void Score_WithoutGuidance_WritesNoGuidance()
    {
        var evidence = Write("evidence.csv", HelperEvidence);

        var (_, stdout, _) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27");

        JsonDocument.Parse(stdout).RootElement.TryGetProperty("guidance", out _).Should().BeFalse();
    }

    [Fact]
    public void Score_Phrases_WordTheGuidanceWithTheHostsOwnPhrases()
    {
        var evidence = Write("evidence.csv", HelperEvidence);
        var phrases = Write("phrases.yaml", "fairrubrics-phrases: 1\nphrases:\n  mentoring:\n    one: mentor 1 more colleague\n    other: mentor {n} more colleagues\n");

        var (code, stdout, _) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27", "--guidance", "--phrases", phrases);

        code.Should().Be(0);
        var text = JsonDocument.Parse(stdout).RootElement.GetProperty("guidance").GetProperty("competencies")[0].GetProperty("text").GetString();
        text.Should().Contain("mentor 3 more colleagues, help other teams 3 more times");
    }

    [Fact]
    public void Score_BrokenPhrases_ExitTwoWithTheirDiagnostics()
    {
        var evidence = Write("evidence.csv", HelperEvidence);
        var phrases = Write("phrases.yaml", "fairrubrics-phrases: 1\nphrases:\n  mentoring: { one: x, other: y }\n");

        var (code, stdout, stderr) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--guidance", "--phrases", phrases);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain($"{phrases}:3:31: error FR031").And.Contain("does not load");
    }

    [Fact]
    public void Score_PhrasesWithoutGuidance_IsAUsageError()
    {
        var evidence = Write("evidence.csv", HelperEvidence);

        var (code, _, stderr) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--phrases", "phrases.yaml");

        code.Should().Be(2);
        stderr.Should().Contain("add --guidance");
    }

    [Fact]
    public void Score_ManyRowsNotUsed_SummarisesThemAndRejectedWritesEveryOneWithoutValues()
    {
        var rows = new System.Text.StringBuilder("subject,type,value,date\n");
        for (var i = 0; i < 500; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"secret-subject-{i},secret-type-{i},,2026-03-01\n");   // not counted
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"secret-subject-{i},talk,secret-value-{i},2026-03-01\n");   // rejected
        }

        var evidence = Write("evidence.csv", rows.ToString());
        var rejected = Path.Combine(_dir.FullName, "rejected.jsonl");

        var (code, _, stderr) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-06-30", "--rejected", rejected, "--quiet");

        code.Should().Be(1);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.Should().BeLessThan(30, "a summary, not a line per row");
        stderr.Should().Contain("1,000 row(s) not used (500 rejected, 500 not counted)")
            .And.Contain("      500  rejected: the 'value' field is not a finite number")
            .And.Contain("      500  not counted: no path of the rubric counts evidence of this 'type'")
            .And.Contain($"{evidence}:2: not counted:").And.Contain($"{evidence}:3: rejected:")
            .And.Contain("… and 980 more, all of them in " + rejected)
            .And.Contain("1000 row(s) read: 0 used, 500 rejected, 500 not counted")
            .And.NotContain("secret-");
        var written = File.ReadAllLines(rejected);
        written.Should().HaveCount(1000);
        written.Should().NotContain(l => l.Contains("secret-", StringComparison.Ordinal));
        var parsed = written.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        parsed.Select(e => e.GetProperty("line").GetInt64()).Should().Equal(Enumerable.Range(2, 1000).Select(i => (long)i), "every row, in line order");
        parsed.Should().OnlyContain(e => e.GetProperty("row").GetInt64() == e.GetProperty("line").GetInt64() - 1);
        parsed[0].GetProperty("kind").GetString().Should().Be("not counted");
        parsed[1].GetProperty("kind").GetString().Should().Be("rejected");
        parsed[1].GetProperty("reason").GetString().Should().StartWith("the 'value' field is not a finite number");
    }

    [Fact]
    public void Score_Redirected_WritesNoProgress()
    {
        var evidence = Write("evidence.csv", Evidence);

        var (_, _, stderr) = CliRunner.Run("score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-11-27");

        stderr.Should().NotContain("\r").And.NotContain("\u001b");
    }

    [Theory]
    [InlineData(0L, "evidence.csv: 0.0% of 1.0 GB, 0 B/s")]
    [InlineData(268435456L, "evidence.csv: 25.0% of 1.0 GB, 25.6 MB/s, about 0:30 left")]
    [InlineData(1073741824L, "evidence.csv: 100.0% of 1.0 GB, 102.4 MB/s, about 0:00 left")]
    public void Progress_ShowsTheShareReadTheSpeedAndTheTimeLeft(long bytes, string expected)
    {
        ProgressReporter.Line(bytes, 1L << 30, TimeSpan.FromSeconds(10), "evidence.csv").Should().Be(expected);
    }

    [Fact]
    public void Progress_LongRun_ShowsHoursAndUnknownSizeShowsBytesRead()
    {
        ProgressReporter.Line(1L << 20, 1L << 40, TimeSpan.FromSeconds(1), "x").Should().EndWith("about 291:16:15 left");
        ProgressReporter.Line(3L << 20, 0, TimeSpan.FromSeconds(2), "x").Should().Be("x: 3.0 MB read, 1.5 MB/s");
    }
}
