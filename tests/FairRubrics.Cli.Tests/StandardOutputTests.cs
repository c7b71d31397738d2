using System.Diagnostics;
using FairRubrics.Cli.Demo;

namespace FairRubrics.Cli.Tests;

/// <summary>
/// Standard output that is closed or whose reader goes away (#24 item 8): a plain message instead of "Access to the
/// path is denied", and a run that stops when nobody reads it any more instead of going on to its end.
/// These run the built command line as its own process, since only a process has a standard output to close.
/// </summary>
[Collection("cli")]
public sealed class StandardOutputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-stdout-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string RubricPath => Path.Combine(CliRunner.RepositoryRoot, "rubrics", "professional-relationships.yaml");

    [SkippableFact]
    public void ClosedStandardOutput_IsNamedInPlainWords_WithExitTwo()
    {
        Skip.If(OperatingSystem.IsWindows(), "the shell's >&- is Unix");
        var (code, stderr) = RunInShell($"\"$DOTNET\" \"$CLI\" lint \"{RubricPath}\" >&-");

        code.Should().Be(2);
        stderr.Should().Contain("fairrubrics: error: standard output is closed")
            .And.NotContain("Access to the path is denied")
            .And.NotContain(" at ", "never a stack trace");
    }

    [SkippableFact]
    public void ClosedStandardOutput_DoesNotStopACommandThatWritesItsOutputToAFile()
    {
        Skip.If(OperatingSystem.IsWindows(), "the shell's >&- is Unix");
        var organisation = Path.Combine(_dir.FullName, "org");
        new SampleOrganisation(200, 1).Write(organisation);
        var output = Path.Combine(_dir.FullName, "scores.jsonl");

        var (code, stderr) = RunInShell($"\"$DOTNET\" \"$CLI\" score --rubric \"{RubricPath}\" --evidence \"{Path.Combine(organisation, "evidence.csv")}\" --as-of 2026-06-30 --out \"{output}\" >&-");

        code.Should().Be(0, stderr);
        File.ReadAllLines(output).Should().HaveCount(200).And.AllSatisfy(line => line.Should().StartWith("{\"subject\":"));
    }

    [SkippableFact]
    public void ReaderGoingAway_StopsTheRunPromptly_WithExit141_AndLeavesOtherOutputsAsTheyWere()
    {
        Skip.If(OperatingSystem.IsWindows(), "a broken pipe is reported differently on Windows");
        var organisation = Path.Combine(_dir.FullName, "org");
        new SampleOrganisation(20_000, 3).Write(organisation);
        var rejected = Path.Combine(_dir.FullName, "rejected.jsonl");
        File.WriteAllText(rejected, "the old rejections\n");

        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { CliRunner.BuiltAssembly(), "score", "--rubric", RubricPath, "--evidence", Path.Combine(organisation, "evidence.csv"), "--as-of", "2026-06-30", "--explain", "--guidance", "--rejected", rejected })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        process.StandardOutput.Close();

        process.WaitForExit(60_000).Should().BeTrue();
        clock.Stop();
        process.ExitCode.Should().Be(141, "a run whose reader went away ends as a Unix tool on SIGPIPE; stderr: " + errors.Result);
        errors.Result.Should().NotContain("subject(s) scored", "the run stopped before its end")
            .And.NotContain("error");
        File.ReadAllText(rejected).Should().Be("the old rejections\n", "an unfinished --rejected file never replaces the old one");
        _dir.GetFiles(".*.tmp").Should().BeEmpty("the temporary file of --rejected is removed on the way out");
    }

    [SkippableFact]
    public void PipedIntoHead_EndsQuietly()
    {
        Skip.If(OperatingSystem.IsWindows(), "needs a Unix shell and head");
        var (code, stderr) = RunInShell($"\"$DOTNET\" \"$CLI\" schema | head -c 1 >/dev/null; echo \"${{PIPESTATUS[0]}}\" >&2");

        code.Should().Be(0);
        var status = stderr.Trim().Split('\n')[^1];
        status.Should().BeOneOf("0", "141");
        stderr.Should().NotContain("error");
    }

    private static (int Code, string Stderr) RunInShell(string script)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["DOTNET"] = "dotnet";
        info.Environment["CLI"] = CliRunner.BuiltAssembly();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();
        return (process.ExitCode, stderr);
    }
}
