using System.Text;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.DependencyInjection;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Audit;

/// <summary>IAuditRunner, the engine of <c>fairrubrics audit</c>, used directly as a host does: files in, a report and counts out.</summary>
public sealed class AuditRunnerTests : IDisposable
{
    private static readonly string Case = Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "cases", "basic");
    private static readonly string Rubric = Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "rubric.yaml");
    private static readonly string Scores = Path.Combine(Case, "scores.jsonl");
    private static readonly string Attributes = Path.Combine(Case, "attributes.csv");

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-audit-runner-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task AuditRunner_ReferenceCase_GivesTheIndependentlyComputedFiguresWithTheRubricsFavourableBands()
    {
        using var services = Services();

        var result = await services.GetRequiredService<IAuditRunner>().RunAsync(new AuditRequest(Scores, Attributes) { Rubric = Rubric, By = ["gender"] });

        // expected.json was computed by make_datasets.py from the same files, independently of the library.
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Case, "expected.json")));
        var root = expected.RootElement;
        result.Report.Favourable.Should().Equal("Exceptional", "Strong");
        result.Report.Subjects.Should().Be(root.GetProperty("subjects").GetInt64());
        result.Report.Scored.Should().Be(root.GetProperty("scored").GetInt64());
        var gender = root.GetProperty("analyses").EnumerateArray().Single(a => a.GetProperty("attributes").GetArrayLength() == 1 && a.GetProperty("attributes")[0].GetString() == "gender");
        var female = gender.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("values")[0].GetString() == "female");
        var group = result.Report.Analyses.Single().Groups.Single(g => g.Values[0] == "female");
        group.N.Should().Be(female.GetProperty("n").GetInt64());
        group.Favourable.Should().Be(female.GetProperty("favourable").GetInt64());
        result.AttributeTable.Count.Should().Be(File.ReadAllLines(Attributes).Length - 1);
        result.Rejected.Should().Be(0);
    }

    [Fact]
    public async Task AuditRunner_By_MatchesColumnsIgnoringCase_AndNamesThemAsTheHeaderDoes()
    {
        using var services = Services();

        var result = await services.GetRequiredService<IAuditRunner>().RunAsync(new AuditRequest(Scores, Attributes) { FavourableBands = ["Strong"], By = ["GENDER", "Age-Band"] });

        result.Report.Analyses.Select(a => string.Join("|", a.Attributes)).Should().Equal("gender", "age-band");
        result.Report.Favourable.Should().Equal("Strong");
    }

    [Fact]
    public async Task AuditRunner_AttributeThatIsNotAColumn_IsRefusedWithTheColumns()
    {
        using var services = Services();

        var act = () => services.GetRequiredService<IAuditRunner>().RunAsync(new AuditRequest(Scores, Attributes) { FavourableBands = ["Strong"], By = ["shoe-size"] });

        var thrown = (await act.Should().ThrowAsync<AuditRequestException>()).Which;
        thrown.Problem.Should().Be(AuditRequestProblem.NotAColumn);
        thrown.Name.Should().Be("shoe-size");
        thrown.Choices.Should().Equal("gender", "ethnicity", "age-band");
        thrown.Message.Should().Contain(Attributes);
    }

    [Fact]
    public async Task AuditRunner_NoFavourableBandsAndNoRubric_IsRefused()
    {
        using var services = Services();

        var act = () => services.GetRequiredService<IAuditRunner>().RunAsync(new AuditRequest(Scores, Attributes));

        (await act.Should().ThrowAsync<AuditRequestException>()).Which.Problem.Should().Be(AuditRequestProblem.NoFavourableBands);
    }

    [Fact]
    public async Task AuditRunner_ReferenceGroupOfAnAttributeNotAnalysed_IsRefusedWithTheAnalysedOnes()
    {
        using var services = Services();

        var act = () => services.GetRequiredService<IAuditRunner>().RunAsync(new AuditRequest(Scores, Attributes) { FavourableBands = ["Strong"], By = ["gender"], ReferenceGroups = [new("ethnicity", "White")] });

        var thrown = (await act.Should().ThrowAsync<AuditRequestException>()).Which;
        thrown.Problem.Should().Be(AuditRequestProblem.ReferenceNotAnalysed);
        thrown.Choices.Should().Equal("gender");
    }

    [Fact]
    public async Task AuditRunner_NamedReferenceGroup_IsTheReference()
    {
        using var services = Services();

        var result = await services.GetRequiredService<IAuditRunner>().RunAsync(new AuditRequest(Scores, Attributes) { FavourableBands = ["Strong"], By = ["gender"], ReferenceGroups = [new("Gender", "female")] });

        result.Report.Analyses.Single().Reference.Should().Equal("female");
    }

    [Fact]
    public async Task AuditRunner_MissingEarlierReport_IsRefusedNamingTheField()
    {
        using var services = Services();
        var missing = Path.Combine(_dir.FullName, "missing.json");

        var act = () => services.GetRequiredService<IAuditRunner>().RunAsync(new AuditRequest(Scores, Attributes) { FavourableBands = ["Strong"], ConsistentWith = missing });

        var thrown = (await act.Should().ThrowAsync<AuditRequestException>()).Which;
        thrown.Problem.Should().Be(AuditRequestProblem.NoSuchFile);
        thrown.Field.Should().Be(nameof(AuditRequest.ConsistentWith));
        thrown.Name.Should().Be(missing);
    }

    [Fact]
    public async Task AuditRunner_BaselineAndConsistentWithOneFile_ReadsItOnceForBoth()
    {
        using var services = Services();
        var runner = services.GetRequiredService<IAuditRunner>();
        var request = new AuditRequest(Scores, Attributes) { FavourableBands = ["Strong"], By = ["gender", "ethnicity"], Intersect = true };
        var first = await runner.RunAsync(request);
        var earlier = Path.Combine(_dir.FullName, "earlier.json");
        await using (var stream = File.Create(earlier))
        await using (var writer = new Utf8JsonWriter(stream))
        {
            AuditJson.Write(writer, first.Report);
        }

        var second = await runner.RunAsync(request with { Baseline = earlier, ConsistentWith = earlier });

        second.Report.ConsistentWith.Should().NotBeNull().And.BeSameAs(second.Report.Baseline);
        var suppressedThen = first.Report.Analyses.SelectMany((a, i) => a.Groups.Where(g => g.Suppressed).Select(g => (i, string.Join("|", g.Values)))).ToList();
        suppressedThen.Should().NotBeEmpty();
        var now = second.Report.Analyses.SelectMany((a, i) => a.Groups.Select(g => (Key: (i, string.Join("|", g.Values)), g.Suppression))).ToList();
        now.Where(g => suppressedThen.Contains(g.Key)).Should().OnlyContain(g => g.Suppression == SuppressionReason.EarlierReport);
    }

    [Fact]
    public async Task AuditRunner_RejectedScoreLines_AreCountedAndKept()
    {
        using var services = Services();
        var scores = Path.Combine(_dir.FullName, "scores.jsonl");
        File.WriteAllText(scores, File.ReadAllText(Scores) + "{not json\n", new UTF8Encoding(false));

        var result = await services.GetRequiredService<IAuditRunner>().RunAsync(new AuditRequest(scores, Attributes) { FavourableBands = ["Strong"], KeepAllRejections = true });

        result.Rejected.Should().Be(1);
        result.Rejections.Rejected.Should().Be(1);
        result.Report.Subjects.Should().Be(403);
    }

    private static ServiceProvider Services() => new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider();
}
