using System.Diagnostics;

namespace FairRubrics.Cli.Tests;

/// <summary><c>lint DIR</c> over folders that are not plain trees of files (#23 items 4 and 5, #24 item 6).</summary>
[Collection("cli")]
public sealed class LintFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairrubrics-lint-folder-" + Guid.NewGuid().ToString("N"));
    private readonly string _rubric = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "rubrics", "customer-support.yaml"));
    private string? _locked;

    public LintFolderTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (_locked is not null && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Lint_FolderWithoutRubricFiles_ExitsTwoWithAClearMessage()
    {
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "no rubrics here");

        var (code, stdout, stderr) = CliRunner.Run("lint", _root);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().Be($"fairrubrics: error: no rubric files (*.yaml, *.yml) in {_root}; give the folder or files that hold the rubrics");
    }

    [SkippableFact]
    public void Lint_SymlinkFanOut_EndsAndReportsEachFileOnce()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need developer mode on Windows");
        File.WriteAllText(Path.Combine(_root, "a.yaml"), _rubric);
        Directory.CreateDirectory(Path.Combine(_root, "s"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "s", "u1"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_root, "s", "u2"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_root, "up"), ".");

        var (code, stdout, stderr) = Bounded(() => CliRunner.Run("lint", _root));

        code.Should().Be(0, stdout + stderr);
        stdout.Should().NotContain("FR029");
        stdout.Should().Contain("1 file(s) checked, 1 rubric(s) loaded: 0 error(s), 3 warning(s)");
        stdout.Should().Contain($"{Path.Combine(_root, "s", "u1")}: warning FR033:");
    }

    [SkippableFact]
    public void Lint_FifoNamedYaml_IsSkippedWithAWarningInsteadOfHanging()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows has no FIFOs in the file system");
        File.WriteAllText(Path.Combine(_root, "good.yaml"), _rubric);
        var fifo = Path.Combine(_root, "x.yaml");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.Should().Be(0);
        }

        var folder = Bounded(() => CliRunner.Run("lint", _root));
        var direct = Bounded(() => CliRunner.Run("lint", fifo));

        folder.ExitCode.Should().Be(0, folder.Stdout + folder.Stderr);
        folder.Stdout.Should().Contain($"{fifo}: warning FR033: skipped: a FIFO (named pipe), not a regular file; it is not opened");
        folder.Stdout.Should().Contain("1 file(s) checked, 1 rubric(s) loaded");
        direct.ExitCode.Should().Be(2);
        direct.Stdout.Should().Contain("error FR030: the rubric file cannot be read: it is a FIFO (named pipe)");
    }

    [SkippableFact]
    public void Lint_UnreadableSubfolder_IsReportedAndTheSummaryIsStillPrinted()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions are needed to make a folder unreadable");
        Skip.If(Environment.IsPrivilegedProcess, "running as root, which can read every folder: the unreadable-folder case cannot be reproduced (run the tests as a normal user to cover it)");
        File.WriteAllText(Path.Combine(_root, "good.yaml"), _rubric);
        _locked = Path.Combine(_root, "locked");
        Directory.CreateDirectory(_locked);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_locked, UnixFileMode.None);
        }

        var (code, stdout, _) = CliRunner.Run("lint", _root);

        code.Should().Be(2, "a folder whose rubrics cannot be checked is an error, as an unreadable file is");
        stdout.Should().Contain($"{_locked}: error FR030: the folder cannot be read (permission denied)");
        stdout.Should().Contain("1 file(s) checked, 1 rubric(s) loaded: 1 error(s)");
    }

    private static T Bounded<T>(Func<T> action)
    {
        var task = Task.Run(action);
        task.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("lint must end");
        return task.Result;
    }
}
