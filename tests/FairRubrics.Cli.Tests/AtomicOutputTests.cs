using System.Diagnostics;
using FairRubrics.Cli.Demo;
using FairRubrics.Cli.Output;

namespace FairRubrics.Cli.Tests;

/// <summary>
/// Every file the command line writes is replaced whole or not at all (#24 item 3): a failed or interrupted run
/// leaves the old file and no temporary file; concurrent runs to one --out leave one run's whole output.
/// </summary>
[Collection("cli")]
public sealed class AtomicOutputTests : IDisposable
{
    private const string Rubric = "rubrics/professional-relationships.yaml";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-atomic-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string[] Leftovers() => [.. _dir.GetFiles(".*.tmp").Select(f => f.Name)];

    [Fact]
    public void AtomicFile_DisposedWithoutCommit_LeavesTheOldContentAndNoTemporaryFile()
    {
        var target = Write("report.json", "old\n");
        using (var file = AtomicFile.Create(target))
        {
            file.Text.Write(new string('x', 200_000));
            file.Text.Flush();
            File.Exists(file.TemporaryPath).Should().BeTrue("the new content goes to a temporary file beside the target");
            Path.GetDirectoryName(file.TemporaryPath).Should().Be(_dir.FullName);
            File.ReadAllText(target).Should().Be("old\n");
        }

        File.ReadAllText(target).Should().Be("old\n");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void AtomicFile_Commit_ReplacesTheTargetWholeAndKeepsItsPermissions()
    {
        var target = Write("report.json", "old\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using (var file = AtomicFile.Create(target))
        {
            file.Text.Write("new\n");
            file.Commit();
        }

        File.ReadAllText(target).Should().Be("new\n");
        Leftovers().Should().BeEmpty();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(target).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "a private report stays private");
        }
    }

    [Fact]
    public void Score_OutInAFolderThatDoesNotExist_FailsBeforeReadingWithOneLine()
    {
        var evidence = Write("evidence.csv", "subject,type\ne1,talk\n");

        var (code, stdout, stderr) = CliRunner.Run("score", "--rubric", Rubric, "--evidence", evidence, "--as-of", "2026-06-30", "--out", PathOf("missing/scores.jsonl"));

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("fairrubrics: error: cannot write").And.Contain("does not exist").And.NotContain(" at ");
    }

    [Fact]
    public void Score_OutIsAFolder_FailsWithOneLine()
    {
        var evidence = Write("evidence.csv", "subject,type\ne1,talk\n");

        var (code, _, stderr) = CliRunner.Run("score", "--rubric", Rubric, "--evidence", evidence, "--out", _dir.FullName);

        code.Should().Be(2);
        stderr.Should().Contain("it is a folder");
    }

    [Fact]
    public void Score_RunThatFails_LeavesTheOldOutputAndNoTemporaryFile()
    {
        var output = Write("scores.jsonl", "the old results\n");
        var evidence = Write("evidence.csv", "who,what\ne1,talk\n");

        var (code, _, stderr) = CliRunner.Run("score", "--rubric", Rubric, "--evidence", evidence, "--out", output);

        code.Should().Be(2, stderr);
        File.ReadAllText(output).Should().Be("the old results\n");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void Audit_RunThatFails_LeavesTheOldReportAndNoTemporaryFile()
    {
        var output = Write("audit.md", "the old report\n");
        var scores = Write("scores.jsonl", "{\"subject\":\"e1\",\"status\":\"scored\",\"overall\":3,\"band\":\"Strong\",\"competencies\":[]}\n");
        var attributes = Write("attributes.csv", "subject,gender\ne1,female\n");

        var (code, _, stderr) = CliRunner.Run("audit", "--scores", scores, "--attributes", attributes, "--by", "no-such-column", "--favourable", "Strong", "--format", "md", "--out", output);

        code.Should().Be(2, stderr);
        File.ReadAllText(output).Should().Be("the old report\n");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public async Task Score_ConcurrentRunsToOneOut_LeaveOneRunsWholeOutput()
    {
        var small = Write("small.csv", "subject,type,date\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"a{i:D4},mentoring,2026-02-01\n")));
        var large = Write("large.csv", "subject,type,date\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"b{i:D4},talk,2026-03-01\n")));
        var smallAlone = PathOf("small.jsonl");
        var largeAlone = PathOf("large.jsonl");
        CliApp.Run(["score", "--rubric", RubricPath, "--evidence", small, "--as-of", "2026-06-30", "--out", smallAlone], TextWriter.Null, TextWriter.Null).Should().Be(0);
        CliApp.Run(["score", "--rubric", RubricPath, "--evidence", large, "--as-of", "2026-06-30", "--out", largeAlone], TextWriter.Null, TextWriter.Null).Should().Be(0);
        var expected = new[] { File.ReadAllText(smallAlone), File.ReadAllText(largeAlone) };

        var shared = PathOf("shared.jsonl");
        for (var round = 0; round < 3; round++)
        {
            using var start = new Barrier(2);
            var runs = new[] { small, large }.Select(evidence => Task.Run(() =>
            {
                start.SignalAndWait();
                return CliApp.Run(["score", "--rubric", RubricPath, "--evidence", evidence, "--as-of", "2026-06-30", "--out", shared], TextWriter.Null, TextWriter.Null);
            })).ToArray();
            var codes = await Task.WhenAll(runs);

            codes.Should().AllBeEquivalentTo(0);
            File.ReadAllText(shared).Should().BeOneOf(expected, "each run writes its own temporary file and the last rename wins whole");
            Leftovers().Should().BeEmpty();
        }
    }

    [SkippableFact]
    public void Score_KilledWhileWriting_LeavesTheOldOutputAndRemovesTheTemporaryFile()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal");
        var cli = CliAssembly();
        var organisation = Path.Combine(_dir.FullName, "org");
        new SampleOrganisation(6000, 7).Write(organisation);
        var output = Write("scores.jsonl", "the old results\n");

        // --explain and --guidance make the results large, so that the run is still writing when it is stopped.
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "score", "--rubric", RubricPath, "--evidence", Path.Combine(organisation, "evidence.csv"), "--as-of", "2026-06-30", "--explain", "--guidance", "--out", output })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.StandardError.ReadToEndAsync().Ignore();
        process.StandardOutput.ReadToEndAsync().Ignore();
        var clock = Stopwatch.StartNew();
        FileInfo? partial = null;
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            partial = _dir.GetFiles(".scores.jsonl.*.tmp").FirstOrDefault();
            if (partial is { Length: > 0 })
            {
                break;
            }

            Thread.Sleep(5);
        }

        partial.Should().NotBeNull("the run writes its results to a temporary file beside the target");
        partial!.Length.Should().BeGreaterThan(0, "the run is stopped while it writes");
        process.HasExited.Should().BeFalse("the run is stopped while it writes");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        process.WaitForExit(30_000).Should().BeTrue();
        process.ExitCode.Should().Be(143, "SIGTERM ends the run as it would any process");
        File.ReadAllText(output).Should().Be("the old results\n");
        Leftovers().Should().BeEmpty();
    }

    private static string RubricPath => Path.Combine(CliRunner.RepositoryRoot, Rubric);

    private static string CliAssembly() => CliRunner.BuiltAssembly();
}

internal static class TaskExtensions
{
    /// <summary>Lets a task run to its end unobserved (reading a child's output so that it never blocks on a full pipe).</summary>
    public static void Ignore(this Task task) => _ = task;
}
