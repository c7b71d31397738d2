using FairRubrics.Comparison;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Comparison;

public sealed class RubricComparerTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider();

    private static FairRubrics.Model.Rubric Load(string path) =>
        Services.GetRequiredService<RubricLoader>().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, path)).GetRubricOrThrow();

    private static List<EvidenceItem> SampleEvidence() =>
        [.. EvidenceReader.ReadFile(Path.Combine(TestRubrics.RepositoryRoot, "samples", "org", "evidence.csv")).Where(r => r.IsValid).Select(r => r.Item!.Value)];

    [Fact]
    public void AddFairRubrics_RegistersTheComparer()
    {
        Services.GetRequiredService<IRubricComparer>().Should().BeOfType<RubricComparer>();
    }

    [Fact]
    public void Compare_ReadsTheEvidenceOnce()
    {
        var evidence = SampleEvidence();
        var reads = 0;
        IEnumerable<EvidenceItem> Once()
        {
            reads++;
            foreach (var item in evidence)
            {
                yield return item;
            }
        }

        var result = Services.GetRequiredService<IRubricComparer>().Compare(
            Load("samples/legacy-networking.yaml"), Load("rubrics/professional-relationships.yaml"), Once(), new ComparisonOptions { AsOf = new DateOnly(2026, 6, 30) });

        reads.Should().Be(1, "both rubrics are scored in one pass over the evidence");
        result.Transitions.Sum(t => t.Count).Should().Be(result.Subjects);
        result.Competencies.Select(c => c.Competency).Should().StartWith(["networking", "delivery"]);
        result.People.Should().BeEmpty("people are listed only when asked for");
    }

    [Fact]
    public void Compare_AttributesWithoutATable_AndUnknownColumns_AreClearErrors()
    {
        var fair = Load("rubrics/professional-relationships.yaml");
        var comparer = Services.GetRequiredService<IRubricComparer>();
        var options = new ComparisonOptions();
        options.Attributes.Add("gender");

        var act = () => comparer.Compare(fair, fair, [], options);

        act.Should().Throw<ArgumentException>().WithMessage("*no attribute table*");
    }

    [Fact]
    public void Compare_ARubricWithoutFavourableBands_NeedsThemGiven()
    {
        var comparer = Services.GetRequiredService<IRubricComparer>();
        var fair = Load("rubrics/professional-relationships.yaml");
        var plain = Services.GetRequiredService<RubricLoader>().LoadString(TestRubrics.Minimal(), "plain.yaml").GetRubricOrThrow();

        var act = () => comparer.Compare(plain, fair, [], new ComparisonOptions());

        act.Should().Throw<ArgumentException>().WithMessage("*names no favourable bands*--favourable*");
    }
}
