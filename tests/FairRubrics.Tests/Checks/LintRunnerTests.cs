using FairRubrics.Checks;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Checks;

/// <summary>ILintRunner, the engine of <c>fairrubrics lint</c>, used as a host does: files and folders in, ordered diagnostics out.</summary>
public sealed class LintRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fr-lint-runner-").FullName;

    private static string Legacy => Path.Combine(TestRubrics.RepositoryRoot, "samples", "legacy-networking.yaml");

    private static string Shipped => Path.Combine(TestRubrics.RepositoryRoot, "rubrics");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_FolderAndFile_LoadsEveryRubricAndOrdersTheFindingsByFileLineAndColumn()
    {
        var result = await Runner().RunAsync(new LintRequest([Shipped, Legacy]));

        result.EmptyFolders.Should().BeEmpty();
        result.Files.Should().HaveCount(4, "three shipped rubrics and the legacy one");
        result.Rubrics.Should().HaveCount(4);
        result.Diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.Location.File == Legacy, "the shipped rubrics are lint-clean");
        result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)).Should().BeInAscendingOrder();
        result.Diagnostics.Select(d => d.Id).Should().Contain(["FR102", "FR104", "FR108"]);
        result.Warnings.Should().Be(result.Diagnostics.Count);
        (result.Errors, result.Infos, result.HasUnreadable).Should().Be((0, 0, false));
        result.Descriptors.Should().ContainKey("FR102");
    }

    [Fact]
    public async Task RunAsync_TheSameFileTwice_LoadsItOnceWithoutADuplicateIdFinding()
    {
        var result = await Runner().RunAsync(new LintRequest([Legacy, Legacy]));

        result.Files.Should().ContainSingle();
        result.Diagnostics.Should().NotContain(d => d.Id == DiagnosticIds.DuplicateRubric);
    }

    [Fact]
    public async Task RunAsync_TwoFilesWithTheSameIdAndVersion_ReportsTheClashAsAnError()
    {
        var yaml = TestRubrics.Minimal();
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), yaml);
        File.WriteAllText(Path.Combine(_dir, "b.yml"), yaml);

        var result = await Runner().RunAsync(new LintRequest([_dir]));

        result.Files.Should().HaveCount(2);
        result.Diagnostics.Should().Contain(d => d.Id == DiagnosticIds.DuplicateRubric && d.IsError);
        result.Errors.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task RunAsync_FolderWithoutRubricFiles_NamesTheFolderAndLoadsNothing()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "not a rubric");

        var result = await Runner().RunAsync(new LintRequest([Legacy, empty]));

        result.EmptyFolders.Should().Equal(empty);
        result.Files.Should().BeEmpty("nothing is linted when a path given holds no rubric");
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_PathThatDoesNotExist_ThrowsNamingIt()
    {
        var missing = Path.Combine(_dir, "missing.yaml");

        var act = () => Runner().RunAsync(new LintRequest([Legacy, missing]));

        (await act.Should().ThrowAsync<FileNotFoundException>()).Which.Message.Should().Be($"no such file or folder: {missing}");
    }

    [Fact]
    public async Task RunAsync_FileThatDoesNotLoad_KeepsItsLoadErrorsWithPositions()
    {
        var broken = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(broken, "fairrubrics: 1\nid: Not-Kebab\n");

        var result = await Runner().RunAsync(new LintRequest([broken]));

        result.Files.Should().ContainSingle().Which.Succeeded.Should().BeFalse();
        result.Rubrics.Should().BeEmpty();
        result.Diagnostics.Should().OnlyContain(d => d.Location.File == broken && d.Location.HasPosition);
        result.Errors.Should().Be(result.Diagnostics.Count(d => d.IsError)).And.BeGreaterThan(0);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => Runner().RunAsync(new LintRequest([Shipped]), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    private static ILintRunner Runner() => new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider().GetRequiredService<ILintRunner>();
}
