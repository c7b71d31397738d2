using System.Text;
using FairRubrics.Audit;
using FairRubrics.Comparison;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Comparison;

/// <summary>ICompareRunner, the engine of <c>fairrubrics compare</c>: evidence and attributes in, the comparison and rejected rows out.</summary>
public sealed class CompareRunnerTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly Lazy<(Rubric Legacy, Rubric Fair)> Rubrics = new(() =>
    {
        var loader = new RubricLoader();
        return (loader.LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "samples", "legacy-networking.yaml")).GetRubricOrThrow(),
            loader.LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow());
    });

    private static string Org(string file) => Path.Combine(TestRubrics.RepositoryRoot, "samples", "org", file);

    [Fact]
    public async Task RunAsync_SampleFiles_ScoresEveryoneWithBothRubricsAndAnalysesTheChosenColumn()
    {
        AttributeTable? read = null;
        var result = await Runner().RunAsync(new CompareRequest(Rubrics.Value.Legacy, Rubrics.Value.Fair)
        {
            EvidencePath = Org("evidence.csv"), AttributesPath = Org("attributes.csv"), By = ["GENDER"], AsOf = AsOf, IncludePeople = true, AttributesRead = t => read = t,
        });

        var people = File.ReadLines(Org("attributes.csv")).Skip(1).Count(l => l.Length > 0);
        read.Should().NotBeNull();
        result.Rejected.Should().Be(0);
        result.Comparison.Subjects.Should().Be(people, "every person of the sample organisation has evidence");
        result.Comparison.Analyses.Should().Contain(a => a.Attributes.SequenceEqual(new[] { "gender" }));
        result.Comparison.People.Should().HaveCount((int)result.Comparison.Changed);
        result.Comparison.Design.Fixed.Select(d => d.Id).Should().Contain("FR102", "the alternative-path rubric stops counting contacts");
    }

    [Fact]
    public async Task RunAsync_RejectedRows_AreCountedAndToldInFileOrder()
    {
        const string csv = "subject,type,competency,path,value,source,date,id\n"
            + "e1,mentoring,,,,,2026-02-01,m1\n"
            + ",talk,,,,,2026-03-01,t1\n"
            + "e2,mentoring,,,,,2026-02-01,m2\n"
            + "e3,mentoring,,,,,not-a-date,m3\n";
        var told = new List<long>();

        var result = await Runner().RunAsync(new CompareRequest(Rubrics.Value.Legacy, Rubrics.Value.Fair)
        {
            Evidence = new MemoryStream(Encoding.UTF8.GetBytes(csv)), AsOf = AsOf, RowRejected = row => told.Add(row.Row),
        });

        result.Rejected.Should().Be(2);
        told.Should().Equal(2, 4);
        result.Comparison.Subjects.Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_ByNamedTwice_ThrowsSayingSo()
    {
        var act = () => Runner().RunAsync(new CompareRequest(Rubrics.Value.Legacy, Rubrics.Value.Fair)
        {
            EvidencePath = Org("evidence.csv"), Attributes = new MemoryStream(Encoding.UTF8.GetBytes("subject,gender\ne1,female\n")), By = ["gender", "Gender"], AsOf = AsOf,
        });

        var thrown = (await act.Should().ThrowAsync<AttributeSelectionException>()).Which;
        (thrown.Attribute, thrown.Twice).Should().Be(("Gender", true));
    }

    [Fact]
    public async Task RunAsync_IntersectWithOneAttribute_ThrowsNamingIntersect()
    {
        var act = () => Runner().RunAsync(new CompareRequest(Rubrics.Value.Legacy, Rubrics.Value.Fair)
        {
            EvidencePath = Org("evidence.csv"), AttributesPath = Org("attributes.csv"), By = ["gender"], Intersect = true, AsOf = AsOf,
        });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be(nameof(CompareRequest.Intersect));
    }

    [Fact]
    public async Task RunAsync_EvidenceThatIsNotCsv_ThrowsAFormatErrorNamingTheFile()
    {
        var act = () => Runner().RunAsync(new CompareRequest(Rubrics.Value.Legacy, Rubrics.Value.Fair)
        {
            Evidence = new MemoryStream(Encoding.UTF8.GetBytes("who,what\ne1,x\n")), AsOf = AsOf,
        });

        (await act.Should().ThrowAsync<EvidenceFormatException>()).Which.Message.Should().StartWith("evidence: ");
    }

    private static ICompareRunner Runner() => new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider().GetRequiredService<ICompareRunner>();
}
