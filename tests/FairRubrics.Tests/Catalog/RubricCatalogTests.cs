using System.Text;
using FairRubrics.Catalog;
using FairRubrics.DependencyInjection;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Catalog;

public sealed class RubricCatalogTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-catalog-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Catalog_FromEverySourceKind_LoadsAndFindsByIdAndVersion()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "a.yaml"), TestRubrics.Minimal());
        File.WriteAllText(Path.Combine(_dir.FullName, "a2.yaml"), TestRubrics.Minimal().Replace("version: 1.0.0", "version: 1.10.0", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir.FullName, "a3.yaml"), TestRubrics.Minimal().Replace("version: 1.0.0", "version: 1.9.0", StringComparison.Ordinal));
        using var provider = new ServiceCollection().AddFairRubrics()
            .AddRubricsFromDirectory(_dir.FullName)
            .AddRubricsFromDirectory(_dir.FullName)
            .AddRubricsFromString(TestRubrics.Minimal().Replace("id: minimal", "id: from-string", StringComparison.Ordinal), "string.yaml")
            .AddRubricsFromStream(() => new MemoryStream(Encoding.UTF8.GetBytes(TestRubrics.Minimal().Replace("id: minimal", "id: from-stream", StringComparison.Ordinal))), "stream.yaml")
            .AddRubricsFromEmbeddedResources(typeof(RubricCatalogTests).Assembly, "FairRubrics.Tests.Rubrics.")
            .Services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<IRubricCatalog>();

        catalog.Diagnostics.Should().BeEmpty();
        catalog.Rubrics.Select(r => r.ToString()).Should().BeEquivalentTo("minimal@1.0.0", "minimal@1.10.0", "minimal@1.9.0", "from-string@1.0.0", "from-stream@1.0.0", "software-engineer@1.0.0");
        catalog.Find("minimal")!.Version.Should().Be("1.10.0");
        catalog.Find("minimal", "1.9.0")!.Version.Should().Be("1.9.0");
        catalog.Find("nope").Should().BeNull();
        var act = () => catalog.GetRubric("nope");
        act.Should().Throw<RubricNotFoundException>().WithMessage("*'nope'*minimal@1.0.0*");
    }

    [Fact]
    public void Catalog_BrokenFile_IsReportedAndOthersStillLoad()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "good.yaml"), TestRubrics.Minimal());
        File.WriteAllText(Path.Combine(_dir.FullName, "bad.yaml"), "fairrubrics: 1\nid: Bad\n");

        using var catalog = new RubricCatalog(new RubricLoader(), [RubricSource.FromDirectory(_dir.FullName)]);

        catalog.Rubrics.Should().ContainSingle();
        catalog.Diagnostics.Should().Contain(d => d.Id == "FR008" && d.Location.File.EndsWith("bad.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_Reload_BrokenEditKeepsTheLastValidVersion_AndAFixedEditIsSwappedIn()
    {
        var file = Path.Combine(_dir.FullName, "r.yaml");
        File.WriteAllText(file, TestRubrics.Minimal());
        using var catalog = new RubricCatalog(new RubricLoader(), [RubricSource.FromDirectory(_dir.FullName)]);
        var original = catalog.GetRubric("minimal");

        File.WriteAllText(file, TestRubrics.Minimal().Replace("title: Minimal", "titel: Minimal", StringComparison.Ordinal));
        catalog.Reload();

        catalog.GetRubric("minimal").Should().BeSameAs(original);
        catalog.Diagnostics.Should().Contain(d => d.Id == "FR003").And.Contain(d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("stays in use"));

        File.WriteAllText(file, TestRubrics.Minimal().Replace("title: Minimal", "title: Minimal v2", StringComparison.Ordinal));
        catalog.Reload();

        catalog.GetRubric("minimal").Title.Should().Be("Minimal v2");
        catalog.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task Catalog_WatchedFolder_SwapsInAChangedFile()
    {
        var file = Path.Combine(_dir.FullName, "w.yaml");
        File.WriteAllText(file, TestRubrics.Minimal());
        using var catalog = new RubricCatalog(new RubricLoader(), [RubricSource.FromDirectory(_dir.FullName, watch: true)], reloadDelay: TimeSpan.FromMilliseconds(50));
        var changed = new TaskCompletionSource();
        catalog.Changed += (_, _) =>
        {
            if (catalog.Find("minimal")?.Title == "Edited")
            {
                changed.TrySetResult();
            }
        };

        File.WriteAllText(file, TestRubrics.Minimal().Replace("title: Minimal", "title: Edited", StringComparison.Ordinal));

        var finished = await Task.WhenAny(changed.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        finished.Should().BeSameAs(changed.Task, "the watcher should reload the edited file");
        catalog.GetRubric("minimal").Title.Should().Be("Edited");
    }

    [Fact]
    public async Task Catalog_ScoringDuringReloads_IsNeverTorn()
    {
        var file = Path.Combine(_dir.FullName, "t.yaml");
        File.WriteAllText(file, TestRubrics.Minimal());
        using var catalog = new RubricCatalog(new RubricLoader(), [RubricSource.FromDirectory(_dir.FullName)]);
        var scorer = new RubricScorer();
        var evidence = new[] { new FairRubrics.Evidence.EvidenceItem("s", "rating", "delivery", "manager", 3, RaterSource.Manager) };
        using var stop = new CancellationTokenSource();

        var reloader = Task.Run(() =>
        {
            for (var i = 0; i < 30; i++)
            {
                File.WriteAllText(file, TestRubrics.Minimal().Replace("title: Minimal", $"title: Minimal {i}", StringComparison.Ordinal));
                catalog.Reload();
            }

            stop.Cancel();
        });

        var scored = 0;
        while (!stop.IsCancellationRequested || scored == 0)
        {
            var rubric = catalog.GetRubric("minimal");
            var score = scorer.Score(rubric, "s", evidence, new ScoringOptions { AsOf = new DateOnly(2026, 1, 1) });
            score.Rubric.Should().BeSameAs(rubric);
            score.Overall.Should().Be(3);
            scored++;
        }

        await reloader;
        scored.Should().BePositive();
    }

    [Fact]
    public void Catalog_MissingFolder_IsAnError()
    {
        using var catalog = new RubricCatalog(new RubricLoader(), [RubricSource.FromDirectory(Path.Combine(_dir.FullName, "missing"))]);

        catalog.Diagnostics.Should().ContainSingle().Which.Id.Should().Be("FR030");
    }
}
