using FairRubrics.Cli.Demo;

namespace FairRubrics.Cli.Tests;

/// <summary>fairrubrics sample: ids that sort as written, so that score streams the evidence it writes.</summary>
[Collection("cli")]
public sealed class SampleCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-sample-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData(400, "E0001", "E0400")]
    [InlineData(9_999, "E0001", "E9999")]
    [InlineData(10_000, "E00001", "E10000")]
    [InlineData(1_000_000, "E0000001", "E1000000")]
    public void SubjectIds_AreAsWideAsTheLargest_SoTheySortOrdinallyInNumberOrder(int people, string first, string last)
    {
        SampleOrganisation.SubjectId(1, people).Should().Be(first);
        SampleOrganisation.SubjectId(people, people).Should().Be(last);
        int[] indexes = [1, 2, 9, 10, 11, 99, 100, 999, 1000, people / 2, people - 1, people];
        var ids = indexes.Where(i => i <= people).Distinct().Order().Select(i => SampleOrganisation.SubjectId(i, people)).ToArray();
        ids.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void Sample_WritesEvidenceSortedBySubject_WithTheRowCountItReports()
    {
        var (code, stdout, _) = CliRunner.Run("sample", "--people", "30", "--seed", "5", "--out", _dir.FullName);

        code.Should().Be(0);
        var lines = File.ReadAllLines(Path.Combine(_dir.FullName, "evidence.csv"));
        lines[0].Should().Be("subject,type,competency,path,value,source,rater,date,id");
        var subjects = lines.Skip(1).Select(l => l.Split(',')[0]).ToArray();
        subjects.Should().BeInAscendingOrder(StringComparer.Ordinal);
        subjects.Distinct().Should().HaveCountLessThanOrEqualTo(30).And.HaveCountGreaterThan(20);
        stdout.Should().Contain($"({lines.Length - 1} evidence rows)");
        File.ReadAllLines(Path.Combine(_dir.FullName, "attributes.csv")).Should().HaveCount(31);
    }
}
