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
    public void Schema_PrintsTheJsonSchema()
    {
        var (code, stdout, _) = CliRunner.Run("schema");

        code.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
    }
}
