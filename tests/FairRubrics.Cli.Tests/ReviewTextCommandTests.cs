using System.Text.Json;
using System.Text.Json.Nodes;

namespace FairRubrics.Cli.Tests;

[Collection("cli")]
public sealed class ReviewTextCommandTests : IDisposable
{
    private const string Comments = """
        reviewer,subject,comment
        r1,e1,She is abrasive and too emotional
        r2,e2,"She led the billing migration to the new payments API in March; 40 services moved without downtime."
        r3,e3,broken,row,with,commas
        r1,e4,"Great job this year!"
        r2,e5,
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-review-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReviewText_Text_PrintsFileRowSeverityIdMessageAndAccountsForEveryRow()
    {
        var file = Write("comments.csv", Comments);

        var (code, stdout, stderr) = CliRunner.Run("review-text", "--comments", file);

        code.Should().Be(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith($"{file}:1: warning FR302: 'abrasive' and 'emotional' (Snyder 2014) describe personality rather than behaviour");
        lines[0].Should().Contain("e.g. \"interrupts colleagues in design reviews before they finish\"");
        lines[1].Should().StartWith($"{file}:1: info FR303: ");
        lines[2].Should().StartWith($"{file}:4: info FR303: the comment evaluates ('Great')");
        lines[3].Should().StartWith($"{file}:5: info FR303: the comment is empty");
        stdout.Should().NotContain($"{file}:2:", "the concrete comment about a delivered project is left alone");
        stdout.Should().Contain($"{file}: 5 row(s) read: 4 comment(s) checked, 3 with findings, 1 without, 1 rejected; 0 error(s), 1 warning(s), 3 info(s)");
        stdout.Should().Contain("  FR302: Personality rather than behaviour\n", "without --help-base-uri no help link is printed");
        stderr.Should().Contain($"{file}:3: rejected: the row has a different number of fields than the header; quote a comment that contains commas");
    }

    [Fact]
    public void ReviewText_WarnAsError_ExitsWithOne()
    {
        var file = Write("comments.csv", Comments);

        CliRunner.Run("review-text", "--comments", file, "--warnaserror").ExitCode.Should().Be(1);
    }

    [Fact]
    public void ReviewText_Json_HasRowsWordsSuggestionsAndRejectedRows()
    {
        var file = Write("comments.csv", Comments);

        var (code, stdout, _) = CliRunner.Run("review-text", "--comments", file, "--format", "json");

        code.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("summary").GetProperty("rows").GetInt32().Should().Be(5);
        root.GetProperty("summary").GetProperty("rejected").GetInt32().Should().Be(1);
        var first = root.GetProperty("findings")[0];
        first.GetProperty("row").GetInt32().Should().Be(1);
        first.GetProperty("line").GetInt32().Should().Be(2);
        first.GetProperty("id").GetString().Should().Be("FR302");
        first.TryGetProperty("helpUri", out _).Should().BeFalse("without --help-base-uri there is no link that resolves");
        first.GetProperty("suggestion").GetString().Should().StartWith("name the behaviour and its effect");
        first.GetProperty("words").EnumerateArray().Select(w => (w.GetProperty("text").GetString(), w.GetProperty("start").GetInt32(), w.GetProperty("list").GetString()))
            .Should().Equal(("abrasive", 7, "personality"), ("emotional", 24, "personality"));
        root.GetProperty("rejected")[0].GetProperty("row").GetInt32().Should().Be(3);
        root.GetProperty("population").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void ReviewText_JsonLinesInput_IsRead()
    {
        var file = Write("comments.jsonl", """
            {"subject": "e1", "reviewer": "r1", "comment": "He is assertive and a natural leader."}
            {"subject": "e2", "comment": "Shipped the v2 API in March."}
            """);

        var (code, stdout, _) = CliRunner.Run("review-text", "--comments", file);

        code.Should().Be(0);
        stdout.Should().Contain($"{file}:1: warning FR301: 'assertive' is masculine-coded (Gaucher et al. 2011)");
        stdout.Should().Contain($"{file}:1: warning FR302: 'natural leader' describes personality");
        stdout.Should().NotContain($"{file}:2:");
    }

    [Fact]
    public void ReviewText_WithAttributes_ComparesGroupsWithoutPrintingSubjectIds()
    {
        var (code, stdout, stderr) = CliRunner.Run("review-text", "--comments", "samples/review-text/comments.csv", "--attributes", "samples/review-text/attributes.csv", "--by", "gender");

        code.Should().Be(0, stderr);
        stdout.Should().Contain("samples/review-text/comments.csv: warning FR304: gender 'woman': 55.9% of the 102 comments about this group give no concrete example (FR303), against 23.5% for the other reported groups");
        stdout.Should().MatchRegex(@"\nwoman +34 +102 +55\.9%");
        stdout.Should().MatchRegex(@"\nnon-binary +fewer than 5");
        stdout.Should().NotMatchRegex(@"\be0[0-9][0-9]\b", "subject ids are never printed");
        stderr.Should().NotMatchRegex(@"\be0[0-9][0-9]\b");
        stderr.Should().Contain("samples/review-text/attributes.csv: 74 subject row(s), 0 without a comment; 3 comment(s) about people without an attributes row and 0 without a subject (counted as unknown)");
    }

    [Fact]
    public void ReviewText_WithAttributes_JsonHasTheGroupStatisticsAndSuppressesSmallGroups()
    {
        var (code, stdout, _) = CliRunner.Run("review-text", "--comments", "samples/review-text/comments.csv", "--attributes", "samples/review-text/attributes.csv", "--format", "json");

        code.Should().Be(0);
        stdout.Should().NotMatchRegex(@"\be0[0-9][0-9]\b", "subject ids are never printed");
        using var json = JsonDocument.Parse(stdout);
        var population = json.RootElement.GetProperty("population");
        population.GetProperty("minGroupSize").GetInt32().Should().Be(5);
        var gender = population.GetProperty("analyses")[0];
        gender.GetProperty("attributes")[0].GetString().Should().Be("gender");
        gender.GetProperty("unknownSubjects").ValueKind.Should().Be(JsonValueKind.Null, "withheld while a group is suppressed");
        var groups = gender.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("values")[0].GetString()!);
        groups["non-binary"].GetProperty("suppressed").GetBoolean().Should().BeTrue();
        groups["non-binary"].GetProperty("subjects").ValueKind.Should().Be(JsonValueKind.Null);
        groups["non-binary"].GetProperty("vague").ValueKind.Should().Be(JsonValueKind.Null);
        var woman = groups["woman"].GetProperty("vague");
        woman.GetProperty("rate").GetDouble().Should().BeApproximately(57.0 / 102, 1e-12);
        woman.GetProperty("fisherP").GetDouble().Should().BeLessThan(0.001);
        population.GetProperty("findings").EnumerateArray().Should().Contain(f => f.GetProperty("measure").GetString() == "FR303" && f.GetProperty("values")[0].GetString() == "woman");
    }

    [SkippableFact]
    public void ReviewText_Sarif_IsValidAndPointsAtTheRowsLine()
    {
        var file = Write("comments.csv", Comments);

        var (code, stdout, stderr) = CliRunner.Run("review-text", "--comments", file, "--format", "sarif");

        code.Should().Be(0);
        Sarif.OfficialSarifSchema.Errors(stdout).Should().BeEmpty("the log must validate against the official SARIF 2.1.0 schema");
        var run = JsonNode.Parse(stdout)!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        rules.Select(r => r!["id"]!.GetValue<string>()).Should().Equal("FR301", "FR302", "FR303", "FR304");
        rules[0]!["properties"]!["tags"]![0]!.GetValue<string>().Should().Be("review-language");
        var first = run["results"]![0]!;
        first["ruleId"]!.GetValue<string>().Should().Be("FR302");
        first["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>().Should().Be(2, "row 1 starts on line 2, after the header");
        stderr.Should().Contain("5 row(s) read");
    }

    [Theory]
    [InlineData("no-such.csv", "fairrubrics: error: no such comments file: no-such.csv")]
    [InlineData("bad-header.csv", "fairrubrics: error: {0}: the CSV header must name a 'comment' column")]
    [InlineData("comments.txt", "fairrubrics: error: {0}: unknown comments format '.txt'; use .csv or .jsonl")]
    public void ReviewText_UnreadableInput_IsAUsageErrorOnOneLine(string name, string expected)
    {
        var file = name == "no-such.csv" ? name : Write(name, "subject,text\ne1,Great\n");

        var (code, _, stderr) = CliRunner.Run("review-text", "--comments", file);

        code.Should().Be(2);
        var errors = stderr.Trim().Split('\n').Where(l => l.StartsWith("fairrubrics: ", StringComparison.Ordinal)).ToList();
        errors.Should().ContainSingle().Which.Should().StartWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, file));
    }

    [Fact]
    public void ReviewText_ByNamesAnUnknownColumn_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("review-text", "--comments", "samples/review-text/comments.csv", "--attributes", "samples/review-text/attributes.csv", "--by", "shoe-size");

        code.Should().Be(2);
        stderr.Should().Contain("--by names 'shoe-size', which is not a column of samples/review-text/attributes.csv (columns: gender, age-band)");
    }

    [Fact]
    public void ReviewText_WordListAndAllow_AreUsed()
    {
        var list = Write("acme.yaml", """
            fairrubrics-words: 1
            id: acme-words
            title: Acme words
            source: Acme works council agreement 2024-03
            checks: [FR302]
            entries: [rockstar]
            """);
        var file = Write("comments.csv", "comment\n\"A rockstar, abrasive in the March planning meeting.\"\n");

        var (_, stdout, _) = CliRunner.Run("review-text", "--comments", file, "--word-list", list, "--allow", "abrasive");

        stdout.Should().Contain($"{file}:1: warning FR302: 'rockstar' describes personality rather than behaviour");
    }
}
