namespace FairRubrics.Cli.Tests;

/// <summary>One wording for usage errors in every command, with did-you-mean (#23 item 5).</summary>
[Collection("cli")]
public sealed class UsageErrorTests
{
    [Fact]
    public void UnknownCommand_SuggestsTheClosestCommand()
    {
        var (code, stdout, stderr) = CliRunner.Run("lnit", "rubrics");

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        Lines(stderr).Should().Equal(
            "fairrubrics: error: unknown command 'lnit'; did you mean 'lint'?",
            "Run 'fairrubrics --help' for usage.");
    }

    [Fact]
    public void UnknownCommand_FarFromEveryCommand_ListsTheCommands()
    {
        var (_, _, stderr) = CliRunner.Run("frobnicate");

        Lines(stderr)[0].Should().StartWith("fairrubrics: error: unknown command 'frobnicate'; the commands are lint, score, audit");
    }

    [Theory]
    [InlineData("score", "--evidnce", "--evidence")]
    [InlineData("audit", "--scroes", "--scores")]
    [InlineData("review-text", "--coments", "--comments")]
    [InlineData("lint", "--warnaserorr", "--warnaserror")]
    public void UnknownOption_SuggestsTheClosestOptionOfThatCommand(string command, string typed, string meant)
    {
        var (code, _, stderr) = CliRunner.Run(command, typed, "x");

        code.Should().Be(2);
        var lines = Lines(stderr);
        lines[0].Should().StartWith($"fairrubrics: error: unknown option '{typed}' for 'fairrubrics {command}'; did you mean '{meant}'?");
        lines.Should().NotContain(l => l.Contains("'x'", StringComparison.Ordinal), "the unknown option's value is not a second problem");
        lines[^1].Should().Be($"Run 'fairrubrics {command} --help' for usage.");
    }

    [Fact]
    public void Lint_WordsItsUsageErrorsAsTheOtherCommandsDo()
    {
        var lint = Lines(CliRunner.Run("lint", "--frmat", "json", "rubrics").Stderr);
        var score = Lines(CliRunner.Run("score", "--rubirc", "r.yaml").Stderr);

        lint[0].Should().StartWith("fairrubrics: error: unknown option '--frmat' for 'fairrubrics lint'; did you mean '--format'?");
        score[0].Should().StartWith("fairrubrics: error: unknown option '--rubirc' for 'fairrubrics score'; did you mean '--rubric'?");
        lint[^1].Should().Be("Run 'fairrubrics lint --help' for usage.");
        Lines(CliRunner.Run("lint").Stderr).Should().Equal("fairrubrics: error: missing PATH for 'fairrubrics lint'", "Run 'fairrubrics lint --help' for usage.");
    }

    [Fact]
    public void MissingOptionsAndValues_AreNamedInOurWords()
    {
        Lines(CliRunner.Run("audit", "--scores").Stderr).Should().Equal(
            "fairrubrics: error: option '--scores' needs a value",
            "fairrubrics: error: missing option '--attributes' for 'fairrubrics audit'",
            "Run 'fairrubrics audit --help' for usage.");
        Lines(CliRunner.Run("audit", "--scores", "s.jsonl", "--attributes", "a.csv", "--format", "htm").Stderr)[0]
            .Should().Be("fairrubrics: error: 'htm' is not allowed for '--format'; use one of: json, md, html, csv (did you mean 'html'?)");
        Lines(CliRunner.Run("audit", "--scores", "s.jsonl", "--attributes", "a.csv", "--min-group-size", "five").Stderr)[0]
            .Should().Be("fairrubrics: error: option '--min-group-size' needs a whole number; got 'five'");
        Lines(CliRunner.Run().Stderr)[0].Should().StartWith("fairrubrics: error: no command given; the commands are lint, score");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
