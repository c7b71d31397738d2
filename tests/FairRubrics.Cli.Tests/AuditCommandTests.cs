using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FairRubrics.Cli.Tests;

[Collection("cli")]
public sealed class AuditCommandTests : IDisposable
{
    private const string Rubric = "tests/FairRubrics.Tests/Audit/Reference/rubric.yaml";

    private static readonly string[] Teams = ["<script>alert(1)</script>", "a|b", "[x](javascript:alert(1))", "plain"];

    private static string Case => Path.Combine(CliRunner.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "cases", "basic");

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-audit-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Audit_Json_ReportsEveryAttributeColumnAndExitsOneOnAnFR201Error()
    {
        var (scores, attributes) = Population(adverse: true);

        var (code, stdout, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong");

        code.Should().Be(1, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("subjects").GetInt64().Should().Be(64);
        root.GetProperty("favourable").EnumerateArray().Select(v => v.GetString()).Should().Equal("Strong");
        root.GetProperty("analyses").EnumerateArray().Select(a => a.GetProperty("attributes")[0].GetString()).Should().Equal("gender", "team");
        root.GetProperty("findings").EnumerateArray().Should().Contain(f => f.GetProperty("id").GetString() == "FR201" && f.GetProperty("severity").GetString() == "error");
        stderr.Should().Contain("64 result(s) audited (64 scored), 0 rejected");
    }

    [Fact]
    public void Audit_NoErrorFinding_ExitsZero()
    {
        var (scores, attributes) = Population(adverse: false);

        var (code, stdout, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong");

        code.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("findings").EnumerateArray().Should().NotContain(f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void Audit_ByAndIntersect_ChooseTheAnalyses()
    {
        var (scores, attributes) = Population(adverse: true);

        var (_, byGender, _) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "gender");
        var (_, intersected, _) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "team,gender", "--intersect");
        var (code, _, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "age");
        var (twiceCode, _, twice) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "gender,Gender", "--intersect");

        Analyses(byGender).Should().Equal("gender");
        Analyses(intersected).Should().Equal("team", "gender", "team x gender");
        code.Should().Be(2);
        stderr.Should().Contain("--by names 'age', which is not a column");
        twiceCode.Should().Be(2);
        twice.Trim().Should().Be("fairrubrics: error: --by names 'Gender' twice");
    }

    [Fact]
    public void Audit_Reference_ChoosesTheRuleOrTheNamedGroup_AndRejectsUnknownAttributes()
    {
        var (scores, attributes) = Population(adverse: true);

        var (_, named, _) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "gender", "--reference", "Gender=female");
        var (_, largest, _) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "gender", "--reference", "largest");
        var (code, _, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "gender", "--reference", "team=plain");
        var (badCode, _, bad) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--reference", "biggest");

        using (var json = JsonDocument.Parse(named))
        {
            var analysis = json.RootElement.GetProperty("analyses")[0];
            analysis.GetProperty("reference")[0].GetString().Should().Be("female");
            analysis.GetProperty("referenceRule").GetString().Should().Be("named");
        }

        using (var json = JsonDocument.Parse(largest))
        {
            json.RootElement.GetProperty("analyses")[0].GetProperty("referenceRule").GetString().Should().Be("largest");
        }

        code.Should().Be(2);
        stderr.Should().Contain("--reference names the attribute 'team', which is not analysed");
        badCode.Should().Be(2);
        bad.Should().Contain("--reference: 'biggest' is neither 'highest', 'largest' nor ATTR=VALUE");
    }

    [Fact]
    public void Audit_FavourableBands_ComeFromTheOptionOrTheRubric()
    {
        var (scores, attributes) = Population(adverse: true);

        var (_, fromRubric, _) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--rubric", Rubric);
        var (_, fromOption, _) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--rubric", Rubric, "--favourable", "Solid");
        var (code, _, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes);

        Favourable(fromRubric).Should().Equal("Exceptional", "Strong");
        Favourable(fromOption).Should().Equal("Solid");
        code.Should().Be(2);
        stderr.Trim().Should().Be("fairrubrics: error: no favourable bands: pass --favourable BAND,... or --rubric FILE (its 'favourable' list)");
    }

    [Theory]
    [InlineData("--min-group-size", "2", "--min-group-size must be at least 3")]
    [InlineData("--scores", "missing.jsonl", "no such score results file or folder: missing.jsonl")]
    [InlineData("--attributes", "missing.csv", "no such attributes file: missing.csv")]
    [InlineData("--rubric", "missing.yaml", "no such rubric file: missing.yaml")]
    public void Audit_UsageErrors_ExitTwoWithOneLine(string option, string value, string message)
    {
        var (scores, attributes) = Population(adverse: true);
        var args = new List<string> { "audit", "--scores", scores, "--attributes", attributes };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, stdout, stderr) = CliRunner.Run([.. args]);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain(message);
    }

    [Fact]
    public void Audit_Out_WritesTheReportToTheFile()
    {
        var (scores, attributes) = Population(adverse: true);
        var output = Path.Combine(_dir.FullName, "audit.json");

        var (_, toStdout, _) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong");
        var (code, stdout, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--out", output);

        code.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("report written to " + output);
        File.ReadAllText(output).Should().Be(toStdout);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    public void Audit_HumanFormats_EscapeHostileValues(string format)
    {
        var (scores, attributes) = Population(adverse: true);

        var (code, stdout, _) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--format", format, "--by", "team,gender", "--intersect");

        code.Should().Be(1);
        stdout.Should().NotContain("<script>");
        if (format == "md")
        {
            // No raw HTML, no table break, no link (MarkdownText; rendered by real GFM renderers in FairRubrics.Tests):
            // markup is backslash-escaped, and a word that could become a link is a code span, where nothing is a link.
            stdout.Should().StartWith("# Outcome audit of audit\\-reference");
            stdout.Should().Contain("\\<script\\>alert\\(1\\)\\<\\/script\\>");
            stdout.Should().Contain("| a\\|b |").And.Contain("`'[x](javascript:alert(1))'");
            System.Text.RegularExpressions.Regex.Replace(stdout, "`[^`]*`", string.Empty).Should().NotContain("javascript:").And.NotMatchRegex(@"(?<!\\)\]\((?!docs/checks/)");
        }
        else
        {
            // Text nodes only: no element, attribute or link comes from a value.
            stdout.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
            stdout.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg");
            stdout.Should().Contain("<td>a|b").And.Contain("<td>[x](javascript:alert(1))");
            stdout.Should().NotContain("href=\"javascript").And.NotContain("<a href=\"[");
        }
    }

    [Fact]
    public void Audit_Stderr_NamesNoAttributeValueOrSubject()
    {
        // The same malformed attribute rows as the library test, plus score lines that are rejected.
        var attributes = Write("attributes.csv",
            "subject,gender,team\n" +
            "zq-subject-1,val-secret-a,val-secret-b\n" +
            "zq-subject-2,val-secret-a,val-secret-c,val-secret-d\n" +
            ",val-secret-c,val-secret-b\n" +
            "zq-subject-1,val-secret-d,val-secret-c\n" +
            "zq-subject-3,val-secret-b\n" +
            "zq-subject-4,val-secret-c,val-secret-a\n");
        var lines = new StringBuilder();
        for (var i = 1; i <= 4; i++)
        {
            lines.Append(ScoreLine($"zq-subject-{i}", i % 2 == 0)).Append('\n');
        }

        lines.Append(ScoreLine("zq-subject-1", false)).Append('\n');
        lines.Append("{\"subject\":\"zq-subject-9\",\"status\":\"unknown\"}\n");
        lines.Append("zq-subject-8 val-secret-a\n");
        var scores = Write("scores.jsonl", lines.ToString());

        foreach (var format in new[] { "json", "md", "html" })
        {
            var (code, _, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--format", format, "--min-group-size", "3");

            code.Should().Be(0);
            stderr.Should().Contain("attributes.csv:3: rejected: ").And.Contain("attributes.csv:4: rejected: ").And.Contain("attributes.csv:5: rejected: ").And.Contain("attributes.csv:6: rejected: ");
            stderr.Should().Contain("scores.jsonl:5: rejected").And.Contain("scores.jsonl:6: rejected").And.Contain("scores.jsonl:7: rejected");
            stderr.Should().NotContain("zq-").And.NotContain("val-secret");
        }
    }

    [Fact]
    public void Audit_ManyRowsNotUsed_AreSummarisedAndRejectedListsTheScoreLines()
    {
        var attributes = new StringBuilder("subject,gender\n");
        var lines = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            attributes.Append(System.Globalization.CultureInfo.InvariantCulture, $"zq-subject-{i},{(i % 2 == 0 ? "female" : "male")}\n");
            attributes.Append(System.Globalization.CultureInfo.InvariantCulture, $"zq-subject-{i},val-secret\n");   // a second row: not used
            lines.Append(ScoreLine($"zq-subject-{i}", i % 2 == 0)).Append('\n');
            lines.Append("{\"subject\":\"zq-x\",\"status\":\"unknown\"}\n");   // rejected
        }

        var scores = Write("scores.jsonl", lines.ToString());
        var table = Write("attributes.csv", attributes.ToString());
        var rejected = Path.Combine(_dir.FullName, "rejected.jsonl");

        var (code, _, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", table, "--favourable", "Strong", "--min-group-size", "3", "--rejected", rejected, "--quiet");

        code.Should().BeOneOf(0, 1);
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeLessThan(60, "summaries, not a line per row");
        stderr.Should().Contain($"{table}: 60 row(s) not used (60 rejected, 0 not counted)").And.Contain($"{table}:3: rejected: a second row for a subject already listed");
        stderr.Should().Contain($"{scores}: 60 row(s) not used (60 rejected, 0 not counted)").And.Contain($"{scores}:2: rejected: ");
        stderr.Should().NotContain("zq-").And.NotContain("val-secret");
        var written = File.ReadAllLines(rejected);
        written.Should().HaveCount(60).And.NotContain(l => l.Contains("zq-", StringComparison.Ordinal));
        written.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt64()).Should().Equal(Enumerable.Range(1, 60).Select(i => 2L * i));
    }

    private static IEnumerable<string> Analyses(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("analyses").EnumerateArray().Select(a => string.Join(" x ", a.GetProperty("attributes").EnumerateArray().Select(v => v.GetString())))];
    }

    private static IEnumerable<string?> Favourable(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("favourable").EnumerateArray().Select(v => v.GetString())];
    }

    private static string ScoreLine(string subject, bool favourable)
    {
        var level = favourable ? 4 : 3;
        return string.Create(CultureInfo.InvariantCulture, $$"""{"subject":"{{subject}}","rubric":"audit-reference","status":"scored","overall":{{level}},"band":"{{(favourable ? "Strong" : "Solid")}}","competencies":[{"id":"relationships","level":{{level}},"path":"broad-network"},{"id":"delivery","level":{{level}},"path":"outcomes"},{"id":"quality-of-work","level":{{level}},"path":"work-review"}]}""");
    }

    [Fact]
    public void Audit_Baseline_AddsEachGroupsEarlierFiguresAndTheChange_AndRaisesFR207()
    {
        var (scores, attributes) = Population(adverse: false);
        var earlier = Path.Combine(_dir.FullName, "earlier.json");
        CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "gender", "--out", earlier).ExitCode.Should().Be(0);
        (scores, attributes) = Population(adverse: true);

        var (code, stdout, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--by", "gender", "--baseline", earlier);

        code.Should().Be(1, stderr);
        using var json = JsonDocument.Parse(stdout);
        var female = json.RootElement.GetProperty("analyses")[0].GetProperty("groups").EnumerateArray()
            .Single(g => g.GetProperty("values")[0].GetString() == "female");
        female.GetProperty("baseline").GetProperty("n").GetInt64().Should().Be(32);
        female.GetProperty("baseline").GetProperty("selectionRate").GetDouble().Should().Be(0.5);
        var change = female.GetProperty("change");

        // Then 16 of 32 favourable, now 4 of 32 (against 16 of 32 for men in both cycles). Expected values from SciPy
        // 1.x: fisher_exact([[4, 28], [16, 16]]) and the pooled z test written out (erfc(|z|/sqrt 2)); 1e-9 relative.
        change.GetProperty("selectionRate").GetDouble().Should().BeApproximately(-0.375, 1e-12);
        change.GetProperty("impactRatio").GetDouble().Should().BeApproximately(-0.75, 1e-12);
        change.GetProperty("z").GetDouble().Should().BeApproximately(-3.236159339823562, 3.3e-9);
        change.GetProperty("zP").GetDouble().Should().BeApproximately(0.001211497365430628, 1.3e-12);
        change.GetProperty("fisherP").GetDouble().Should().BeApproximately(0.002514409181299678, 2.6e-12);
        change.GetProperty("fellBelowFourFifths").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Should().Contain("FR207");
    }

    [Fact]
    public void Audit_BaselineThatIsNotAnAuditReport_IsRefusedWithItsPosition()
    {
        var (scores, attributes) = Population(adverse: false);
        var notAReport = Write("not-a-report.json", "{\n  \"hello\": 1\n}\n");

        var (code, stdout, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--favourable", "Strong", "--baseline", notAReport);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("fairrubrics: error: ").And.Contain(notAReport + ":").And.NotContain(" at FairRubrics");
    }

    /// <summary>64 people, two genders and four teams with hostile names; with <paramref name="adverse"/> women are favoured 4 times in 32, men 16 times (and teams unequally); without, everyone half the time.</summary>
    private (string Scores, string Attributes) Population(bool adverse)
    {
        var scores = new StringBuilder();
        var attributes = new StringBuilder("subject,gender,team\n");
        for (var i = 0; i < 64; i++)
        {
            var subject = "e" + i.ToString(CultureInfo.InvariantCulture);
            var female = i % 2 == 0;
            var favourable = adverse ? (female ? i % 16 == 0 : i % 4 == 1) : (i / 8) % 2 == 0;
            scores.Append(ScoreLine(subject, favourable)).Append('\n');
            attributes.Append(subject).Append(',').Append(female ? "female" : "male").Append(',').Append(Teams[(i / 2) % 4]).Append('\n');
        }

        return (Write("scores.jsonl", scores.ToString()), Write("attributes.csv", attributes.ToString()));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Audit_LargeScoresFile_ReportsEveryResultAndWritesNothingElse()
    {
        // Over 16 MB: the report code is compiled on a spare processor while the files are read (a made-up audit
        // whose report is thrown away); the output must be only the real report.
        var scores = new StringBuilder();
        var attributes = new StringBuilder("subject,gender\n");
        var i = 0;
        while (scores.Length < (17 << 20))
        {
            var subject = "employee-" + i.ToString(CultureInfo.InvariantCulture);
            var line = ScoreLine(subject, favourable: i % 3 == 0);
            scores.Append(line, 0, line.Length - 1).Append(",\"note\":\"").Append('x', 400).Append("\"}\n");
            attributes.Append(subject).Append(',').Append(i % 2 == 0 ? "female" : "male").Append('\n');
            i++;
        }

        var (code, stdout, stderr) = CliRunner.Run("audit", "--scores", Write("large.jsonl", scores.ToString()), "--attributes", Write("large.csv", attributes.ToString()), "--favourable", "Strong");

        code.Should().BeOneOf(0, 1);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("subjects").GetInt64().Should().Be(i);
        json.RootElement.GetProperty("rubric").GetString().Should().Be("audit-reference");
        stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(FormattableString.Invariant($"{i} result(s) audited"));
    }

    [Fact]
    public void Audit_FolderOfPartitions_ReportsWhatTheSingleFileReports()
    {
        var lines = File.ReadAllLines(Path.Combine(Case, "scores.jsonl"));
        var parts = Directory.CreateDirectory(Path.Combine(_dir.FullName, "parts"));
        File.WriteAllLines(Path.Combine(parts.FullName, "unit-a.jsonl"), lines.Take(150));
        File.WriteAllLines(Path.Combine(parts.FullName, "unit-b.jsonl"), lines.Skip(150).Append("{broken"));
        string[] common = ["--attributes", Path.Combine(Case, "attributes.csv"), "--by", "gender,ethnicity", "--intersect", "--favourable", "Exceptional,Strong"];

        var single = CliRunner.Run(["audit", "--scores", Path.Combine(Case, "scores.jsonl"), .. common]);
        var folder = CliRunner.Run(["audit", "--scores", parts.FullName, .. common]);

        folder.ExitCode.Should().Be(single.ExitCode);
        folder.Stderr.Should().Contain($"{Path.Combine(parts.FullName, "unit-b.jsonl")}:{lines.Length - 150 + 1}: rejected: not valid JSON");
        folder.Stderr.Should().Contain($"{lines.Length} result(s) audited").And.Contain("1 rejected");
        using var a = JsonDocument.Parse(single.Stdout);
        using var b = JsonDocument.Parse(folder.Stdout);
        Groups(b).Should().Equal(Groups(a));
    }

    [Fact]
    public void Audit_NoSuchScoresFileOrFolder_IsAUsageError()
    {
        var result = CliRunner.Run("audit", "--scores", Path.Combine(_dir.FullName, "missing"), "--attributes", Path.Combine(Case, "attributes.csv"), "--favourable", "Strong");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("no such score results file or folder");
    }

    /// <summary>Every group's counts and rates, rounded to 12 digits (a folder merges moments in another order).</summary>
    private static IEnumerable<string> Groups(JsonDocument report) =>
        report.RootElement.GetProperty("analyses").EnumerateArray().SelectMany(a => a.GetProperty("groups").EnumerateArray().Select(g =>
            string.Join(
                " ",
                g.GetProperty("values").GetRawText(),
                g.GetProperty("n").GetRawText(),
                g.GetProperty("favourable").GetRawText(),
                Round(g.GetProperty("selectionRate")),
                Round(g.GetProperty("fisherP")),
                Round(g.GetProperty("meanScore")),
                Round(g.GetProperty("hedgesG")))));

    private static string Round(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("G12", System.Globalization.CultureInfo.InvariantCulture) : "null";
}
