using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Tests.Scoring;

/// <summary>The external sort behind scoring evidence in any order: every item back, grouped, in a fixed order, and no file left.</summary>
public sealed class ExternalSubjectSortTests
{
    [Theory]
    [InlineData(1_000_000, 500)]   // all in memory
    [InlineData(7, 500)]           // many runs
    [InlineData(1, 400)]           // more runs than files are kept open: the runs are merged on the way
    public void Groups_AreEverySubjectInOrdinalOrder_ItemsInTheOrderAdded(int itemsPerRun, int count)
    {
        var items = Items(count, seed: itemsPerRun);
        using var sort = new ExternalSubjectSort(rubric: null, itemsPerRun);
        foreach (var item in items)
        {
            sort.Add(item);
        }

        var groups = sort.Groups().ToList();

        // Expected, independently: LINQ's stable ordering by the ordinal subject.
        var expected = items.GroupBy(i => i.Subject).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToList();
        groups.Should().HaveCount(expected.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            groups[g].Should().Equal(expected[g]);
        }

        if (itemsPerRun < count)
        {
            sort.RunsWritten.Should().BeGreaterThan(1);
        }
    }

    [Fact]
    public void Dispose_RemovesTheTemporaryFolder_AlsoWhenTheGroupsWereNotAllRead()
    {
        string? folder;
        using (var sort = new ExternalSubjectSort(rubric: null, itemsPerRun: 5))
        {
            foreach (var item in Items(100, seed: 2))
            {
                sort.Add(item);
            }

            folder = sort.Folder;
            folder.Should().NotBeNull();
            Directory.Exists(folder).Should().BeTrue();
            sort.Groups().Take(2).Should().HaveCount(2);
        }

        Directory.Exists(folder).Should().BeFalse();
    }

    [Fact]
    public void Groups_Cancelled_Throw()
    {
        using var sort = new ExternalSubjectSort(rubric: null, itemsPerRun: 5);
        foreach (var item in Items(50, seed: 4))
        {
            sort.Add(item);
        }

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var act = () => sort.Groups(cancel.Token).ToList();

        act.Should().Throw<OperationCanceledException>();
    }

    private static List<EvidenceItem> Items(int count, int seed)
    {
        var random = new Random(seed);
        string?[] optional = [null, "x", "ü-ñ", string.Empty];
        var items = new List<EvidenceItem>(count);
        for (var i = 0; i < count; i++)
        {
            // Subjects that sort differently ordinally and by culture (upper/lower case, digits, non-ASCII).
            var subject = random.Next(6) switch
            {
                0 => "a" + random.Next(30),
                1 => "B" + random.Next(30),
                2 => "é" + random.Next(5),
                _ => "s" + random.Next(40),
            };
            items.Add(new EvidenceItem(
                subject,
                random.Next(2) == 0 ? EvidenceItem.RatingType : "talk",
                optional[random.Next(optional.Length)],
                optional[random.Next(optional.Length)],
                random.Next(3) == 0 ? null : random.NextDouble() * 5,
                (RaterSource)random.Next(4),
                optional[random.Next(optional.Length)],
                random.Next(3) == 0 ? null : new DateOnly(2026, 1, 1).AddDays(random.Next(300)),
                random.Next(4) == 0 ? null : "id" + i,
                i + 1));
        }

        return items;
    }
}
