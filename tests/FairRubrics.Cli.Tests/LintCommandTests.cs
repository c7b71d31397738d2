using System.Text.Json;

namespace FairRubrics.Cli.Tests;

[Collection("cli")]
public sealed class LintCommandTests
{
    private const string Corpus = "tests/FairRubrics.Tests/Loading/Corpus";

    [Fact]
    public void Lint_ShippedRubricsFolder_ExitsZeroWithNoErrors()
    {
        var (code, stdout, stderr) = CliRunner.Run("lint", "rubrics", "samples/legacy-networking.yaml");

        code.Should().Be(0, stdout + stderr);
        stdout.Should().Contain("0 error(s)");
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void Lint_FileWithMistakes_PrintsCompilerStyleDiagnosticsAndExitsOne()
    {
        var file = $"{Corpus}/invalid/many-mistakes-first-draft.yaml";

        var (code, stdout, _) = CliRunner.Run("lint", file);

        code.Should().Be(1);
        stdout.Should().Contain($"{file}:14:5: error FR008: the rubric 'id' 'Team_Player' is not lower-case kebab-case");
        stdout.Should().Contain($"{file}:30:14: error FR007: 'combine' 'best' is not allowed; did you mean 'best-of'?");
        stdout.Should().Contain($"{file}:56:1: error FR003: unknown key 'window-months' in the rubric; did you mean 'window'?");
        stdout.Should().Contain("10 error(s)");
    }

    [Fact]
    public void Lint_MissingPath_ExitsTwoWithOneLineAndNoStackTrace()
    {
        var (code, stdout, stderr) = CliRunner.Run("lint", "no/such/file.yaml");

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().Be("fairrubrics: error: no such file or folder: no/such/file.yaml");
    }

    [Fact]
    public void Lint_UnknownOption_IsAUsageErrorNamingTheOption()
    {
        var (code, _, stderr) = CliRunner.Run("lint", "--no-such-option");

        code.Should().Be(2);
        stderr.Trim().Should().StartWith("fairrubrics: error: unrecognised option '--no-such-option'");
    }

    [Fact]
    public void Lint_UnknownFormat_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("lint", "--format", "xml", "rubrics");

        code.Should().Be(2);
        stderr.Should().Contain("fairrubrics: error:").And.NotContain("   at ");
    }

    [Fact]
    public void Lint_NoArguments_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("lint");

        code.Should().Be(2);
        stderr.Should().Contain("fairrubrics: error:");
    }

    [Fact]
    public void Lint_JsonFormat_ListsFilesDiagnosticsAndSummary()
    {
        var file = $"{Corpus}/invalid/scale-gap.yaml";

        var (code, stdout, _) = CliRunner.Run("lint", "--format", "json", file, "rubrics/professional-relationships.yaml");

        code.Should().Be(1);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("files").GetArrayLength().Should().Be(2);
        var diagnostic = root.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("id").GetString().Should().Be("FR013");
        diagnostic.GetProperty("file").GetString().Should().Be(file);
        diagnostic.GetProperty("line").GetInt32().Should().BePositive();
        diagnostic.GetProperty("severity").GetString().Should().Be("error");
        root.GetProperty("summary").GetProperty("errors").GetInt32().Should().Be(1);
        var loaded = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("loaded").GetBoolean());
        loaded.GetProperty("contentHash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Lint_FolderWithTheSameRubricTwice_ReportsFR029()
    {
        var dir = Directory.CreateTempSubdirectory("fairrubrics-lint-");
        try
        {
            var text = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "rubrics", "professional-relationships.yaml"));
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), text);
            File.WriteAllText(Path.Combine(dir.FullName, "b.yml"), text);

            var (code, stdout, _) = CliRunner.Run("lint", dir.FullName);

            code.Should().Be(1);
            stdout.Should().Contain("b.yml:").And.Contain("error FR029:").And.Contain("a.yaml");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_LegacySample_ExplainsLineByLineWhatToWriteInstead()
    {
        var (code, stdout, _) = CliRunner.Run("lint", "samples/legacy-networking.yaml");

        code.Should().Be(0, "design findings are warnings");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("samples/legacy-networking.yaml:31:5: warning FR101: the interpersonal competency 'networking' has a single evidence path");
        stdout.Should().Contain("samples/legacy-networking.yaml:48:15: warning FR102: path 'contacts' counts 'new-contact', 'linkedin-connection', 'networking-event-attended' and 'senior-leader-meeting'")
            .And.Contain("samples/legacy-networking.yaml:44:14: warning FR104: anchor 4 of path 'contacts' uses 'naturally confident' (personality), 'outgoing' (personality)")
            .And.Contain("samples/legacy-networking.yaml:65:20: warning FR108: competency 'delivery' is rated only by the manager")
            .And.Contain("0 error(s), 11 warning(s), 0 info(s)")
            .And.Contain("  FR102: Path rewards accumulating contacts\n");
    }

    [Fact]
    public void Lint_WarnAsError_FailsOnTheLegacySampleButNotOnTheShippedRubrics()
    {
        CliRunner.Run("lint", "--warnaserror", "samples/legacy-networking.yaml").ExitCode.Should().Be(1);
        CliRunner.Run("lint", "--warnaserror", "rubrics").ExitCode.Should().Be(0);
    }

    [Fact]
    public void Lint_WordListOption_AddsTheHostsWords()
    {
        var dir = Directory.CreateTempSubdirectory("fairrubrics-words-");
        try
        {
            var words = Path.Combine(dir.FullName, "words.yaml");
            File.WriteAllText(words, "fairrubrics-words: 1\nid: house\ntitle: House words\nsource: House style guide 2024\nchecks: [FR104]\nentries: [unblock]\n");

            var (code, stdout, stderr) = CliRunner.Run("lint", "--word-list", words, "rubrics/professional-relationships.yaml");

            code.Should().Be(0, stderr);
            stdout.Should().Contain("warning FR104: anchor 3 of path 'broad-network' uses 'unblock' (House words)");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_WordListWithErrors_IsAUsageErrorWithPositions()
    {
        var dir = Directory.CreateTempSubdirectory("fairrubrics-words-");
        try
        {
            var words = Path.Combine(dir.FullName, "bad.yaml");
            File.WriteAllText(words, "fairrubrics-words: 1\nid: house\ntitle: House words\nchecks: [FR104]\nentries: [unblock]\n");

            var (code, _, stderr) = CliRunner.Run("lint", "--word-list", words, "rubrics");

            code.Should().Be(2);
            stderr.Should().Contain("bad.yaml:1:1: error FR005: the word list has no 'source'").And.Contain("fairrubrics: error: the word list");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_JsonFormat_GivesHelpLinksOnlyAgainstTheDocsBase()
    {
        var (_, plain, _) = CliRunner.Run("lint", "--format", "json", "samples/legacy-networking.yaml");
        var (_, based, _) = CliRunner.Run("lint", "--format", "json", "--help-base-uri", "https://docs.example.org/fr/docs/", "samples/legacy-networking.yaml");
        var (_, text, _) = CliRunner.Run("lint", "--help-base-uri", "https://docs.example.org/fr/docs", "samples/legacy-networking.yaml");

        using var withoutBase = JsonDocument.Parse(plain);
        withoutBase.RootElement.GetProperty("diagnostics")[0].TryGetProperty("helpUri", out _).Should().BeFalse("docs/checks/FR101.md does not exist where the output is read");
        using var withBase = JsonDocument.Parse(based);
        withBase.RootElement.GetProperty("diagnostics")[0].GetProperty("helpUri").GetString().Should().Be("https://docs.example.org/fr/docs/checks/FR101.md");
        text.Should().Contain("  FR102: Path rewards accumulating contacts, see https://docs.example.org/fr/docs/checks/FR102.md");
    }

    [Fact]
    public void Schema_PrintsTheJsonSchema()
    {
        var (code, stdout, _) = CliRunner.Run("schema");

        code.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
    }
}
