using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FairRubrics.Cli.Tests;

/// <summary>
/// <c>audit --consistent-with EARLIER.json</c> (#24 item 9): a second audit over the same people plus five keeps
/// the groups the first report suppressed suppressed, so that subtracting the newcomers gives nothing.
/// </summary>
[Collection("cli")]
public sealed class ConsistentWithCommandTests : IDisposable
{
    // March: team a has 4 (small) and b 6 (withheld to protect it); April adds two people to a and three to b.
    private static readonly (string Team, int Count)[] March = [("a", 4), ("b", 6), ("c", 7), ("d", 8), ("e", 40)];
    private static readonly string[] Newcomers = ["a", "a", "b", "b", "b"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-consistent-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Audit_WithoutConsistentWith_PublishesTheGroupThatTheEarlierReportSuppressed()
    {
        var march = Audit();

        var (code, stdout, stderr) = Run(withNewcomers: true);

        code.Should().Be(0, stderr);
        Group(stdout, "a").GetProperty("n").GetInt64().Should().Be(6, "6 - the 2 newcomers of a = March's suppressed 4");
        Group(File.ReadAllText(march), "a").GetProperty("suppression").GetString().Should().Be("small-group");
    }

    [Fact]
    public void Audit_ConsistentWith_KeepsTheEarlierReportsSuppressedGroupsSuppressed()
    {
        var march = Audit();

        var (code, stdout, stderr) = Run(withNewcomers: true, "--consistent-with", march);

        code.Should().Be(0, stderr);
        foreach (var team in new[] { "a", "b" })
        {
            var group = Group(stdout, team);
            group.GetProperty("suppression").GetString().Should().Be("earlier-report");
            group.GetProperty("n").ValueKind.Should().Be(JsonValueKind.Null);
        }

        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("consistentWith").GetProperty("scored").GetInt64().Should().Be(65);
        json.RootElement.GetProperty("analyses")[0].GetProperty("unreported").GetInt64().Should().Be(15, "a and b together, as March published 10 for them");
        stdout.Should().NotContain(march, "the report names the earlier one by what it published, not by its file name");
    }

    [Fact]
    public void Audit_ConsistentWithMarkdown_SaysWhyTheGroupIsWithheld()
    {
        var march = Audit();

        var (code, stdout, stderr) = Run(withNewcomers: true, "--consistent-with", march, "--format", "md");

        code.Should().Be(0, stderr);
        stdout.Should().Contain("| a | withheld as in the earlier report |");
    }

    [Fact]
    public void Audit_BaselineAndConsistentWithTheSameFile_CompareAndKeepSuppressedGroupsSuppressed()
    {
        var march = Audit();

        var (code, stdout, stderr) = Run(withNewcomers: true, "--baseline", march, "--consistent-with", march);

        code.Should().Be(0, stderr);
        Group(stdout, "a").GetProperty("suppression").GetString().Should().Be("earlier-report");
        Group(stdout, "e").GetProperty("baseline").GetProperty("n").GetInt64().Should().Be(40);
    }

    [Fact]
    public void Audit_ConsistentWithAReportOfAnotherRubric_IsRefusedNamingTheFileAndBothRubrics()
    {
        var march = Audit();
        File.WriteAllText(march, File.ReadAllText(march).Replace("\"rubric\": \"audit-reference\"", "\"rubric\": \"other-rubric\"", StringComparison.Ordinal));

        var (code, stdout, stderr) = Run(withNewcomers: true, "--consistent-with", march);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("fairrubrics: error: ")
            .And.Contain(march + ": the earlier report to be consistent with is an audit of rubric 'other-rubric', but the results audited now are of rubric 'audit-reference'")
            .And.NotContain(" at FairRubrics");
    }

    [Fact]
    public void Audit_ConsistentWithAFileThatIsNotAnAuditReport_IsRefusedWithItsLineAndColumn()
    {
        var notAReport = Write("not-a-report.json", "{\n  \"hello\": 1\n}\n");

        var (code, stdout, stderr) = Run(withNewcomers: true, "--consistent-with", notAReport);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().MatchRegex("^fairrubrics: error: " + System.Text.RegularExpressions.Regex.Escape(notAReport) + @":\d+:\d+: ").And.NotContain(" at FairRubrics");
    }

    [Fact]
    public void Audit_ConsistentWithAMissingFile_IsAUsageError()
    {
        var missing = Path.Combine(_dir.FullName, "missing.json");

        var (code, _, stderr) = Run(withNewcomers: true, "--consistent-with", missing);

        code.Should().Be(2);
        stderr.Should().Contain("--consistent-with: no such audit report: " + missing);
    }

    /// <summary>Audits March into march.json.</summary>
    private string Audit()
    {
        var report = Path.Combine(_dir.FullName, "march.json");
        var (code, _, stderr) = Run(withNewcomers: false, "--out", report);
        code.Should().Be(0, stderr);
        return report;
    }

    private (int ExitCode, string Stdout, string Stderr) Run(bool withNewcomers, params string[] more)
    {
        var scores = new StringBuilder();
        var attributes = new StringBuilder("subject,team\n");
        void Add(string subject, string team, bool favourable)
        {
            var level = favourable ? 4 : 3;
            scores.Append(string.Create(CultureInfo.InvariantCulture, $$"""{"subject":"{{subject}}","rubric":"audit-reference","status":"scored","overall":{{level}},"band":"{{(favourable ? "Strong" : "Solid")}}","competencies":[{"id":"delivery","level":{{level}},"path":"outcomes"}]}""")).Append('\n');
            attributes.Append(subject).Append(',').Append(team).Append('\n');
        }

        foreach (var (team, count) in March)
        {
            for (var i = 0; i < count; i++)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"{team}{i}"), team, i % 2 == 0);
            }
        }

        if (withNewcomers)
        {
            for (var i = 0; i < Newcomers.Length; i++)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"new{i}"), Newcomers[i], i % 2 == 0);
            }
        }

        var suffix = withNewcomers ? "-april" : "-march";
        string[] args = ["audit", "--scores", Write("scores" + suffix + ".jsonl", scores.ToString()), "--attributes", Write("attributes" + suffix + ".csv", attributes.ToString()), "--favourable", "Strong", .. more];
        return CliRunner.Run(args);
    }

    private static JsonElement Group(string json, string team)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("analyses")[0].GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("values")[0].GetString() == team).Clone();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
