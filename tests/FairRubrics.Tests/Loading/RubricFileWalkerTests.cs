using System.Diagnostics;
using FairRubrics.Catalog;
using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Loading;

/// <summary>The one folder walk of lint, LoadDirectory and the catalog's folder source (#23 item 4, #24 item 6).</summary>
public sealed class RubricFileWalkerTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairrubrics-walk-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _locked = [];

    public RubricFileWalkerTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        foreach (var dir in _locked.Where(_ => !OperatingSystem.IsWindows()))
        {
#pragma warning disable CA1416 // only folders locked on Unix are listed
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
#pragma warning restore CA1416
        }

        Directory.Delete(_root, recursive: true);
    }

    [SkippableFact]
    public void FindRubricFiles_SymlinkFanOut_WalksEachRealFolderOnceAndEnds()
    {
        SkipWithoutSymlinks();
        Write("d/a.yaml", TestRubrics.Minimal());
        Write("d/s/b.yaml", TestRubrics.Minimal().Replace("id: minimal", "id: other", StringComparison.Ordinal));
        Link("d/s/u1", "..");
        Link("d/s/u2", "..");

        var search = Bounded(() => RubricLoader.FindRubricFiles(Path.Combine(_root, "d")));

        search.Files.Should().Equal(Path.Combine(_root, "d", "a.yaml"), Path.Combine(_root, "d", "s", "b.yaml"));
        search.Diagnostics.Should().HaveCount(2).And.OnlyContain(d => d.Id == DiagnosticIds.SkippedEntry && d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("already walked", StringComparison.Ordinal));
        search.Diagnostics.Select(d => Path.GetFileName(d.Location.File)).Should().Equal("u1", "u2");
    }

    [SkippableFact]
    public void LoadDirectory_SingleUpLink_ReadsEachFileOnceWithoutFalseDuplicates()
    {
        SkipWithoutSymlinks();
        Write("top/r.yaml", TestRubrics.Minimal());
        Write("top/sub/s.yaml", TestRubrics.Minimal().Replace("id: minimal", "id: second", StringComparison.Ordinal));
        Link("top/sub/up", "..");

        var set = Bounded(() => new RubricLoader().LoadDirectory(Path.Combine(_root, "top")));

        set.Files.Should().HaveCount(2);
        set.Rubrics.Select(r => r.Id).Should().BeEquivalentTo("minimal", "second");
        set.Diagnostics.Should().NotContain(d => d.Id == DiagnosticIds.DuplicateRubric);
        set.Diagnostics.Should().ContainSingle(d => d.Id == DiagnosticIds.SkippedEntry).Which.Location.File.Should().EndWith("up");
    }

    [SkippableFact]
    public void FindRubricFiles_SelfLoop_EndsWithAWarning()
    {
        SkipWithoutSymlinks();
        Write("dir/a.yaml", TestRubrics.Minimal());
        Link("dir/self", "../dir");

        var search = Bounded(() => RubricLoader.FindRubricFiles(Path.Combine(_root, "dir")));

        search.Files.Should().ContainSingle();
        search.Diagnostics.Should().ContainSingle(d => d.Id == DiagnosticIds.SkippedEntry);
    }

    [SkippableFact]
    public void FindRubricFiles_TwoLinksToOneFile_ListsItOnce()
    {
        SkipWithoutSymlinks();
        Write("f/real.yaml", TestRubrics.Minimal());
        Link("f/alias.yaml", "real.yaml");
        Link("f/broken.yaml", "missing.yaml");

        var search = RubricLoader.FindRubricFiles(Path.Combine(_root, "f"));

        search.Files.Should().ContainSingle().Which.Should().EndWith("alias.yaml", "ordinal order decides which path names the file");
        search.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("target does not exist");
    }

    [SkippableFact]
    public void FindRubricFiles_FifoNamedYaml_IsSkippedWithAWarningAndNeverOpened()
    {
        SkipWithoutFifos();
        Write("p/good.yaml", TestRubrics.Minimal());
        MakeFifo("p/x.yaml");

        var set = Bounded(() => new RubricLoader().LoadDirectory(Path.Combine(_root, "p")));

        set.Rubrics.Should().ContainSingle();
        var skipped = set.Diagnostics.Should().ContainSingle(d => d.Id == DiagnosticIds.SkippedEntry).Subject;
        skipped.Severity.Should().Be(DiagnosticSeverity.Warning);
        skipped.Message.Should().Contain("FIFO").And.Contain("not opened");
        skipped.Location.File.Should().EndWith("x.yaml");
    }

    [SkippableFact]
    public void LoadFile_Fifo_IsAnErrorWithoutOpeningIt()
    {
        SkipWithoutFifos();
        MakeFifo("direct.yaml");

        var result = Bounded(() => new RubricLoader().LoadFile(Path.Combine(_root, "direct.yaml")));

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("FIFO");
        result.Diagnostics[0].Id.Should().Be(DiagnosticIds.Unreadable);
    }

    [SkippableFact]
    public void FindRubricFiles_UnreadableSubfolder_IsADiagnosticAndTheWalkGoesOn()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions are needed to make a folder unreadable");
        Skip.If(Environment.IsPrivilegedProcess, "running as root, which can read every folder: the unreadable-folder case cannot be reproduced (run the tests as a normal user to cover it)");
        Write("u/a.yaml", TestRubrics.Minimal());
        Write("u/locked/b.yaml", TestRubrics.Minimal());
        Write("u/z/c.yaml", TestRubrics.Minimal().Replace("id: minimal", "id: third", StringComparison.Ordinal));
        _locked.Add(Path.Combine(_root, "u", "locked"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_locked[0], UnixFileMode.None);
        }

        var search = RubricLoader.FindRubricFiles(Path.Combine(_root, "u"));

        search.Files.Select(Path.GetFileName).Should().Equal("a.yaml", "c.yaml");
        var unreadable = search.Diagnostics.Should().ContainSingle().Subject;
        unreadable.Id.Should().Be(DiagnosticIds.Unreadable);
        unreadable.IsError.Should().BeTrue();
        unreadable.Location.File.Should().EndWith("locked");
        unreadable.Message.Should().Contain("permission denied");
    }

    [Fact]
    public void FindRubricFiles_DeeperThanTheBound_StopsWithAnError()
    {
        var deep = Path.Combine(_root, "deep");
        var path = deep;
        for (var i = 0; i <= RubricFileWalker.MaxDepth + 1; i++)
        {
            path = Path.Combine(path, "a");
        }

        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "r.yaml"), TestRubrics.Minimal());
        File.WriteAllText(Path.Combine(deep, "top.yaml"), TestRubrics.Minimal());

        var search = RubricLoader.FindRubricFiles(deep);

        search.Files.Should().ContainSingle().Which.Should().EndWith("top.yaml");
        search.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Id == DiagnosticIds.SkippedEntry && d.IsError && d.Message.Contains("levels deep"));
    }

    [Fact]
    public void FindRubricFiles_NotRecursive_ListsTheTopFolderOnly()
    {
        Write("n/a.yml", TestRubrics.Minimal());
        Write("n/sub/b.yaml", TestRubrics.Minimal());
        Write("n/readme.txt", "not a rubric");

        RubricLoader.FindRubricFiles(Path.Combine(_root, "n"), recursive: false).Files.Select(Path.GetFileName).Should().Equal("a.yml");
    }

    [SkippableFact]
    public void Catalog_DirectorySource_UsesTheSameWalk()
    {
        SkipWithoutSymlinks();
        Write("c/a.yaml", TestRubrics.Minimal());
        Link("c/s/u1", "..", createParent: true);
        Link("c/s/u2", "..");

        using var catalog = Bounded(() => new RubricCatalog(new RubricLoader(), [RubricSource.FromDirectory(Path.Combine(_root, "c"))]));

        catalog.Rubrics.Should().ContainSingle();
        catalog.Diagnostics.Should().NotContain(d => d.Id == DiagnosticIds.DuplicateRubric);
        catalog.Diagnostics.Where(d => d.Id == DiagnosticIds.SkippedEntry).Should().HaveCount(2);
    }

    private static T Bounded<T>(Func<T> action)
    {
        var task = Task.Run(action);
        task.Wait(Bound).Should().BeTrue($"the walk must end (it took longer than {Bound.TotalSeconds} s)");
        return task.Result;
    }

    private static void SkipWithoutSymlinks() =>
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need developer mode on Windows; the walk's link handling is tested on Unix");

    private static void SkipWithoutFifos() =>
        Skip.If(OperatingSystem.IsWindows(), "Windows has no FIFOs in the file system");

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Link(string relative, string target, bool createParent = false)
    {
        var path = Path.Combine(_root, relative);
        if (createParent)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        if (target.EndsWith(".yaml", StringComparison.Ordinal))
        {
            File.CreateSymbolicLink(path, target);
        }
        else
        {
            Directory.CreateSymbolicLink(path, target);
        }
    }

    private void MakeFifo(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0, "mkfifo (coreutils) makes the FIFO");
    }
}
