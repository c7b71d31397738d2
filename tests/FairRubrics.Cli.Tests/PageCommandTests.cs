namespace FairRubrics.Cli.Tests;

[Collection("cli")]
public sealed class PageCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-pages-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Render_WritesASelfContainedHtmlPageToOut()
    {
        var output = Path.Combine(_dir.FullName, "rubric.html");

        var (code, stdout, stderr) = CliRunner.Run("render", "--rubric", "rubrics/professional-relationships.yaml", "--out", output);

        code.Should().Be(0, stderr);
        stdout.Should().BeEmpty();
        var html = File.ReadAllText(output);
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("Professional relationships: how your work is assessed")
            .And.Contain("Draws on a broad network to move work forward").And.Contain("Helps others succeed").And.Contain("Passes on knowledge")
            .And.NotContain("<script").And.NotContain("broad-network");
    }

    [Fact]
    public void Render_WritesMarkdownToStandardOutput()
    {
        var (code, stdout, _) = CliRunner.Run("render", "--rubric", "rubrics/software-engineer.yaml", "--format", "md");

        code.Should().Be(0);
        stdout.Should().StartWith("# Software engineer").And.Contain("## The levels").And.NotContain("<html");
    }

    [Fact]
    public void Render_ALocaleWithoutTextsFallsBackToEnglishWithANote()
    {
        var (code, stdout, stderr) = CliRunner.Run("render", "--rubric", "rubrics/customer-support.yaml", "--locale", "xx");

        code.Should().Be(0);
        stderr.Should().Contain("no page texts for the locale 'xx'").And.Contain("the page is in English");
        stdout.Should().Contain("<html lang=\"en\">");
    }

    [Fact]
    public void Render_UsageErrorsExitWithTwoAndOneLine()
    {
        CliRunner.Run("render", "--rubric", "no-such.yaml").Should().Match<(int ExitCode, string Stdout, string Stderr)>(r => r.ExitCode == 2 && r.Stderr.Contains("no such rubric file"));
        CliRunner.Run("render", "--rubric", "rubrics/customer-support.yaml", "--format", "pdf").ExitCode.Should().Be(2);
        CliRunner.Run("render").ExitCode.Should().Be(2);
    }

    [Fact]
    public void Render_ABrokenRubricPrintsItsDiagnostics()
    {
        var broken = Path.Combine(_dir.FullName, "broken.yaml");
        File.WriteAllText(broken, "fairrubrics: 1\nid: x\n");

        var (code, stdout, stderr) = CliRunner.Run("render", "--rubric", broken);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("broken.yaml:").And.Contain("does not load");
    }

    [Fact]
    public void Statement_ShowsOnlyTheSubjectsEvidence()
    {
        var evidence = Path.Combine(_dir.FullName, "evidence.csv");
        File.WriteAllText(evidence, """
            subject,type,competency,path,value,source,rater,date,id
            E1,talk,,,,,,2026-03-01,E1-TALK
            E1,rating,delivery,outcomes,4,manager,RATER-SECRET,2026-03-02,E1-RATING
            E2,talk,,,,,,2026-03-01,OTHER-PERSON
            E2,rating,delivery,outcomes,2,manager,M9,2026-03-02,OTHER-RATING
            ,broken row
            """);
        var output = Path.Combine(_dir.FullName, "statement.md");

        var (code, _, stderr) = CliRunner.Run("statement", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-06-30", "--subject", "E1", "--format", "md", "--out", output);

        code.Should().Be(0, stderr);
        var md = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(output), @"\\(.)", "$1"); // as read, escapes resolved
        md.Should().Contain("For E1, as of 2026-06-30").And.Contain("E1-TALK, 2026-03-01: talk given").And.Contain("E1-RATING");
        md.Should().NotContain("E2").And.NotContain("OTHER").And.NotContain("RATER-SECRET").And.NotContain("M9");
        stderr.Should().Contain("1 row(s) could not be read").And.NotContain("E2").And.NotContain("OTHER");
    }

    [Fact]
    public void Statement_ASubjectWithoutEvidenceGetsAPageThatSaysSo()
    {
        var (code, stdout, stderr) = CliRunner.Run("statement", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", "samples/org/evidence.csv", "--as-of", "2026-06-30", "--subject", "NOBODY");

        code.Should().Be(0);
        stderr.Should().Contain("no evidence for this subject");
        stdout.Should().Contain("there is no evidence for any competency");
    }

    [Fact]
    public void Statement_UsageErrorsExitWithTwo()
    {
        CliRunner.Run("statement", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", "samples/org/evidence.csv", "--as-of", "30.06.2026", "--subject", "E0001")
            .Should().Match<(int ExitCode, string Stdout, string Stderr)>(r => r.ExitCode == 2 && r.Stderr.Contains("YYYY-MM-DD"));
        CliRunner.Run("statement", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", "no-such.csv", "--as-of", "2026-06-30", "--subject", "E0001")
            .Should().Match<(int ExitCode, string Stdout, string Stderr)>(r => r.ExitCode == 2 && r.Stderr.Contains("no such evidence file"));
        CliRunner.Run("statement", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", "samples/org/evidence.csv", "--as-of", "2026-06-30")
            .ExitCode.Should().Be(2, "--subject is required");
    }
}
