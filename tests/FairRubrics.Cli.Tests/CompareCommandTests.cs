using System.Globalization;
using System.Text.Json;

namespace FairRubrics.Cli.Tests;

/// <summary>
/// <c>fairrubrics compare</c> on the shipped sample organisation (legacy contact-counting rubric to the
/// alternative-path rubric), checked against two independent <c>score</c> runs, counts taken from them and the
/// attributes file, and exact McNemar p-values computed in rational arithmetic.
/// </summary>
[Collection("cli")]
public sealed class CompareCommandTests : IDisposable
{
    private const string Legacy = "samples/legacy-networking.yaml";
    private const string Fair = "rubrics/professional-relationships.yaml";
    private const string Evidence = "samples/org/evidence.csv";
    private const string Attributes = "samples/org/attributes.csv";
    private const string AsOf = "2026-06-30";
    private static readonly string[] Favourable = ["Exceptional", "Strong"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-compare-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Compare_TransitionsChangedAndPeople_MatchTwoIndependentScoreRuns()
    {
        var before = Bands(Legacy);
        var after = Bands(Fair);
        var people = Path.Combine(_dir.FullName, "people.jsonl");

        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", Legacy, "--to", Fair, "--evidence", Evidence, "--as-of", AsOf, "--people", people);

        code.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("from").GetProperty("rubric").GetString().Should().Be("legacy-networking");
        root.GetProperty("to").GetProperty("rubric").GetString().Should().Be("professional-relationships");
        root.GetProperty("to").GetProperty("hash").GetString().Should().NotBeNullOrEmpty();
        root.GetProperty("subjects").GetInt64().Should().Be(before.Count);
        var changed = before.Keys.Where(s => before[s] != after[s]).Order(StringComparer.Ordinal).ToList();
        root.GetProperty("changed").GetInt64().Should().Be(changed.Count);
        var expected = before.Keys.GroupBy(s => (before[s], after[s])).ToDictionary(g => g.Key, g => (long)g.Count());
        var transitions = root.GetProperty("transitions").EnumerateArray().ToDictionary(
            t => (t.GetProperty("from").GetString(), t.GetProperty("to").GetString()),
            t => t.GetProperty("count").GetInt64());
        transitions.Should().BeEquivalentTo(expected);
        root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.Contains("replacement", StringComparison.Ordinal), "the rubric ids differ");

        var lines = File.ReadAllLines(people);
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("subject").GetString()).Should().Equal(changed);
        foreach (var line in lines)
        {
            using var person = JsonDocument.Parse(line);
            var p = person.RootElement;
            var subject = p.GetProperty("subject").GetString()!;
            p.GetProperty("from").GetProperty("band").GetString().Should().Be(before[subject]);
            p.GetProperty("to").GetProperty("band").GetString().Should().Be(after[subject]);
            p.EnumerateObject().Select(o => o.Name).Should().BeEquivalentTo(["subject", "from", "to", "competencies"], "never an attribute");
        }
    }

    [Fact]
    public void Compare_GroupFigures_MatchCountsFromTheScoreRunsAndTheAttributes_WithExactMcNemar()
    {
        var before = Bands(Legacy);
        var after = Bands(Fair);
        var gender = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot, Attributes)).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);

        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", Legacy, "--to", Fair, "--evidence", Evidence, "--as-of", AsOf, "--attributes", Attributes, "--by", "gender");

        code.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var analysis = json.RootElement.GetProperty("analyses").EnumerateArray().Single();
        analysis.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()).Should().Equal("gender");
        var reference = McNemarReference();
        foreach (var g in analysis.GetProperty("groups").EnumerateArray())
        {
            var value = g.GetProperty("values")[0].GetString()!;
            var members = before.Keys.Where(s => gender.GetValueOrDefault(s) == value).ToList();
            g.GetProperty("suppressed").GetBoolean().Should().BeFalse();
            g.GetProperty("n").GetInt64().Should().Be(members.Count);
            var favBefore = members.Count(s => Favourable.Contains(before[s]));
            var favAfter = members.Count(s => Favourable.Contains(after[s]));
            var gained = members.Count(s => !Favourable.Contains(before[s]) && Favourable.Contains(after[s]));
            var lost = members.Count(s => Favourable.Contains(before[s]) && !Favourable.Contains(after[s]));
            g.GetProperty("from").GetProperty("favourable").GetInt64().Should().Be(favBefore);
            g.GetProperty("to").GetProperty("favourable").GetInt64().Should().Be(favAfter);
            g.GetProperty("from").GetProperty("selectionRate").GetDouble().Should().BeApproximately(favBefore / (double)members.Count, 1e-15);
            g.GetProperty("to").GetProperty("selectionRate").GetDouble().Should().BeApproximately(favAfter / (double)members.Count, 1e-15);
            g.GetProperty("gained").GetInt64().Should().Be(gained);
            g.GetProperty("lost").GetInt64().Should().Be(lost);
            reference.Should().ContainKey((gained, lost), "the reference file (tests/FairRubrics.Tests/Comparison/Reference) has this pair");
            g.GetProperty("mcnemarP").GetDouble().Should().BeApproximately(reference[(gained, lost)], reference[(gained, lost)] * 1e-10);
        }

        var groups = analysis.GetProperty("groups").EnumerateArray().ToList();
        var highestBefore = groups.MaxBy(g => g.GetProperty("from").GetProperty("selectionRate").GetDouble());
        highestBefore.GetProperty("from").GetProperty("isReference").GetBoolean().Should().BeTrue();
        foreach (var g in groups)
        {
            var rate = g.GetProperty("to").GetProperty("selectionRate").GetDouble();
            var best = groups.Max(x => x.GetProperty("to").GetProperty("selectionRate").GetDouble());
            g.GetProperty("to").GetProperty("impactRatio").GetDouble().Should().BeApproximately(rate / best, 1e-12);
        }
    }

    [Fact]
    public void Compare_SmallGroup_IsWithheldOnBothSides_AndNothingRevealsItsSize()
    {
        // Three people get their own value: their group is small, and its size must not follow from the others.
        var lines = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot, Attributes)).ToList();
        for (var i = 1; i <= 3; i++)
        {
            var cells = lines[i].Split(',');
            cells[1] = "x";
            lines[i] = string.Join(',', cells);
        }

        var attributes = Path.Combine(_dir.FullName, "attributes.csv");
        File.WriteAllLines(attributes, lines);

        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", Legacy, "--to", Fair, "--evidence", Evidence, "--as-of", AsOf, "--attributes", attributes, "--by", "gender", "--format", "json");

        code.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var analysis = root.GetProperty("analyses")[0];
        var groups = analysis.GetProperty("groups").EnumerateArray().ToList();
        var x = groups.Single(g => g.GetProperty("values")[0].GetString() == "x");
        x.GetProperty("suppressed").GetBoolean().Should().BeTrue();
        x.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["values", "suppressed"], "a suppressed group publishes nothing on either side");
        var reported = groups.Where(g => !g.GetProperty("suppressed").GetBoolean()).Sum(g => g.GetProperty("n").GetInt64());
        var unreported = analysis.GetProperty("unreported").GetInt64();
        analysis.GetProperty("unknown").ValueKind.Should().Be(JsonValueKind.Null, "the unknown count is withheld when a group is suppressed");
        unreported.Should().BeGreaterThanOrEqualTo(5, "what is not reported is at least the minimum group size, so the small group cannot be told apart");
        (reported + unreported).Should().Be(root.GetProperty("subjects").GetInt64());
    }

    [Fact]
    public void Compare_ChangeIntroducingAnErrorLevelDesignFinding_ExitsOne_AndTheReverseFixesIt()
    {
        var flawed = Path.Combine(_dir.FullName, "flawed.yaml");
        File.WriteAllText(flawed, File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, Legacy)) + "checks:\n  severity:\n    FR101: error\n");

        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", Fair, "--to", flawed, "--evidence", Evidence, "--as-of", AsOf);

        code.Should().Be(1, stderr);
        using var json = JsonDocument.Parse(stdout);
        var introduced = json.RootElement.GetProperty("design").GetProperty("introduced").EnumerateArray().ToList();
        introduced.Should().Contain(d => d.GetProperty("id").GetString() == "FR101" && d.GetProperty("severity").GetString() == "error" && d.GetProperty("at").GetString() == "competencies.networking");
        json.RootElement.GetProperty("design").GetProperty("fixed").GetArrayLength().Should().Be(0, "the alternative-path rubric has no findings");

        var (back, backOut, backErr) = CliRunner.Run("compare", "--from", flawed, "--to", Fair, "--evidence", Evidence, "--as-of", AsOf);
        back.Should().Be(0, backErr);
        using var reverse = JsonDocument.Parse(backOut);
        reverse.RootElement.GetProperty("design").GetProperty("fixed").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().Contain(["FR101", "FR102", "FR104", "FR107", "FR108"]);
        reverse.RootElement.GetProperty("design").GetProperty("introduced").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Compare_SameRubricTwice_MovesNobody()
    {
        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", Fair, "--to", Fair, "--evidence", Evidence, "--as-of", AsOf, "--attributes", Attributes, "--by", "gender");

        code.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("changed").GetInt64().Should().Be(0);
        json.RootElement.GetProperty("transitions").EnumerateArray().Should().OnlyContain(t => t.GetProperty("from").GetString() == t.GetProperty("to").GetString());
        json.RootElement.GetProperty("analyses")[0].GetProperty("groups").EnumerateArray()
            .Should().OnlyContain(g => g.GetProperty("gained").GetInt64() == 0 && g.GetProperty("lost").GetInt64() == 0 && g.GetProperty("mcnemarP").GetDouble() == 1.0);
    }

    [Fact]
    public void Compare_BadEvidenceRow_IsReportedWithItsRow_AndExitsOne()
    {
        var evidence = Path.Combine(_dir.FullName, "evidence.csv");
        File.WriteAllText(evidence, "subject,type,competency,path,value,source,date,id\ne1,mentoring,,,,,2026-02-01,m1\ne2,mentoring,,,,,not-a-date,m2\n");

        var (code, _, stderr) = CliRunner.Run("compare", "--from", Legacy, "--to", Fair, "--evidence", evidence, "--as-of", AsOf);

        code.Should().Be(1);
        stderr.Should().Contain($"{evidence}:2: rejected").And.Contain("1 evidence row(s) rejected");
    }

    [Theory]
    [InlineData("--to")]
    [InlineData("--evidence")]
    public void Compare_MissingInput_IsAUsageError(string option)
    {
        string[] args = ["compare", "--from", Legacy, "--to", Fair, "--evidence", Evidence, "--as-of", AsOf];
        var i = Array.IndexOf(args, option);
        args[i + 1] = Path.Combine(_dir.FullName, "missing.file");

        var (code, _, stderr) = CliRunner.Run(args);

        code.Should().Be(2);
        stderr.Should().Contain("no such").And.NotContain("   at ");
    }

    [Fact]
    public void Compare_Markdown_UsesInvariantNumbers_UnderAGermanCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var (code, stdout, _) = CliRunner.Run("compare", "--from", Legacy, "--to", Fair, "--evidence", Evidence, "--as-of", AsOf, "--attributes", Attributes, "--by", "gender", "--format", "md");

            code.Should().Be(0);
            stdout.Should().Contain("1,000 people scored").And.Contain("| before → after |").And.Contain("## Outcomes by gender").And.Contain("## Design findings");
            stdout.Should().MatchRegex(@"\| female \| 496 \| \d+\.\d% \| \d+\.\d% \| [+−]\d+\.\d pp");
            stdout.Should().NotContain("-0.0");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [SkippableFact]
    public void Compare_Html_RendersInARealBrowser()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase).Should().BeFalse("CI installs Debian's chromium (.ci/run)");
            Skip.If(true, "Chromium is not installed (apt-get install chromium); the browser test runs in CI");
        }

        var page = Path.Combine(_dir.FullName, "compare.html");
        CliRunner.Run("compare", "--from", Legacy, "--to", Fair, "--evidence", Evidence, "--as-of", AsOf, "--attributes", Attributes, "--by", "gender", "--format", "html", "--out", page).ExitCode.Should().Be(0);

        var (domCode, dom) = DemoCommandTests.RunChromium(chromium!, $"--dump-dom {new Uri(page).AbsoluteUri}", captureStdout: true);
        var (_, log) = DemoCommandTests.RunChromium(chromium!, $"--screenshot={Path.Combine(_dir.FullName, "compare.png")} --window-size=1280,2000 {new Uri(page).AbsoluteUri}");

        domCode.Should().Be(0);
        dom.Should().Contain("Who moves").And.Contain("Outcomes by gender").And.Contain("class=\"moved\"").And.Contain("McNemar p");
        log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && l.Contains("rror", StringComparison.Ordinal)).Should().BeEmpty();
    }

    private Dictionary<string, string?> Bands(string rubric)
    {
        var (code, stdout, stderr) = CliRunner.Run("score", "--rubric", rubric, "--evidence", Evidence, "--as-of", AsOf);
        code.Should().BeOneOf([0, 1], "rows the legacy rubric has no competency for are rejected by score (exit 1), not by compare: " + stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(
            r => r.GetProperty("subject").GetString()!,
            r => r.TryGetProperty("band", out var band) && band.ValueKind == JsonValueKind.String ? band.GetString() : null,
            StringComparer.Ordinal);
    }

    private static Dictionary<(long, long), double> McNemarReference()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "tests", "FairRubrics.Tests", "Comparison", "Reference", "mcnemar.json")));
        return json.RootElement.GetProperty("cases").EnumerateArray().ToDictionary(c => (c.GetProperty("b").GetInt64(), c.GetProperty("c").GetInt64()), c => c.GetProperty("p").GetDouble());
    }
}
