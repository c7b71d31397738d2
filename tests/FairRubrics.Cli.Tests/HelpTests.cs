namespace FairRubrics.Cli.Tests;

[Collection("cli")]
public sealed class HelpTests
{
    public static TheoryData<string[]> HelpRequests() => new()
    {
        { new[] { "--help" } },
        { new[] { "-h" } },
        { new[] { "lint", "--help" } },
        { new[] { "score", "--help" } },
        { new[] { "audit", "--help" } },
        { new[] { "review-text", "--help" } },
        { new[] { "schema", "--help" } },
        { new[] { "sample", "--help" } },
        { new[] { "demo", "--help" } },
    };

    [Theory]
    [MemberData(nameof(HelpRequests))]
    public void Help_UsageNamesTheToolCommand_NotTheAssembly(string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);

        code.Should().Be(0, stderr);
        var usage = stdout.Split('\n').Select(l => l.TrimEnd('\r')).SkipWhile(l => l != "Usage:").Skip(1).First();
        usage.TrimStart().Should().StartWith(args[0].StartsWith('-') ? "fairrubrics [" : $"fairrubrics {args[0]} ");
        (stdout + stderr).Should().NotContain("FairRubrics.Cli").And.NotContain("testhost");
    }

    [Fact]
    public void Version_PrintsAVersion()
    {
        var (code, stdout, stderr) = CliRunner.Run("--version");

        code.Should().Be(0, stderr);
        stdout.Trim().Should().MatchRegex(@"^\d+\.\d+");
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("score", "--no-such-option")]
    [InlineData("score")]
    [InlineData("audit", "--format", "xml")]
    public void UsageErrors_NameTheToolCommand_NotTheAssembly(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);

        code.Should().Be(2);
        stderr.Should().StartWith("fairrubrics: error:").And.MatchRegex(@"Run 'fairrubrics( [a-z-]+)? --help' for usage\.");
        (stdout + stderr).Should().NotContain("FairRubrics.Cli").And.NotContain("testhost");
    }
}
