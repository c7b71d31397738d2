using System.Text;
using System.Text.Json;
using FairRubrics.DependencyInjection;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Scoring;

/// <summary>IScoreRunner, the engine of <c>fairrubrics score</c>, used directly as a host does: evidence in a stream, JSON Lines out.</summary>
public sealed class ScoreRunnerTests
{
    private static readonly Lazy<Rubric> Relationships = new(() =>
        new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow());

    private const string Header = "subject,type,competency,path,value,source,date,id\n";

    // Not sorted: e2's rows come before and after e1's.
    private const string Unsorted = Header + """
        e2,talk,,,,,2026-03-01,t1
        e1,rating,delivery,outcomes,4,manager,2026-06-01,r1
        e1,rating,delivery,outcomes,5,peer,2026-06-01,r2
        e1,mentoring,,,,,2026-02-01,m1
        e2,rating,delivery,outcomes,9,manager,2026-06-01,r3
        e2,unknown-type,,,,,2026-06-01,u1
        ,talk,,,,,2026-03-01,t2

        """;

    // The same rows with each subject's rows together, in ordinal order (the empty subject is rejected either way).
    private const string Sorted = Header + """
        e1,rating,delivery,outcomes,4,manager,2026-06-01,r1
        e1,rating,delivery,outcomes,5,peer,2026-06-01,r2
        e1,mentoring,,,,,2026-02-01,m1
        e2,talk,,,,,2026-03-01,t1
        e2,rating,delivery,outcomes,9,manager,2026-06-01,r3
        e2,unknown-type,,,,,2026-06-01,u1
        ,talk,,,,,2026-03-01,t2

        """;

    [Fact]
    public async Task RunAsync_UnsortedCsvStream_WritesEachSubjectOnceInOrderAndReconcilesEveryRow()
    {
        var (result, lines) = await RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(Unsorted)));

        result.Sorted.Should().BeFalse();
        var rows = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows.Should().HaveCount(2);
        using var first = JsonDocument.Parse(rows[0]);
        first.RootElement.GetProperty("subject").GetString().Should().Be("e1");
        first.RootElement.GetProperty("overall").GetDouble().Should().Be(2.75, "delivery 4.5 from the two ratings' mean, relationships 1 from one mentoring");
        first.RootElement.GetProperty("competencies").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "delivery")
            .GetProperty("level").GetDouble().Should().Be(4.5);
        JsonDocument.Parse(rows[1]).RootElement.GetProperty("subject").GetString().Should().Be("e2");
        result.Read.Should().Be(7);
        result.Used.Should().Be(4);
        result.Subjects.Should().Be(2);
        result.Rejections.Rejected.Should().Be(2, "a rating off the scale and a row without a subject");
        result.Rejections.NotCounted.Should().Be(1, "a type no path counts");
        (result.Used + result.Rejections.Rejected + result.Rejections.NotCounted).Should().Be(result.Read);
    }

    [Fact]
    public async Task RunAsync_SortedAndUnsortedEvidence_WriteTheSameBytes()
    {
        var (sorted, sortedLines) = await RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(Sorted)));
        var (unsorted, unsortedLines) = await RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(Unsorted)));

        sorted.Sorted.Should().BeTrue();
        unsorted.Sorted.Should().BeFalse();
        unsortedLines.Should().Be(sortedLines);
        unsorted.Should().BeEquivalentTo(sorted, o => o.Excluding(r => r.Sorted).Excluding(r => r.Rejections));
    }

    [Fact]
    public async Task RunAsync_UnsortedEvidenceInAStreamThatCannotSeek_SaysItCannotReadItAgain()
    {
        var act = () => RunAsync(new ForwardOnly(Encoding.UTF8.GetBytes(Unsorted)));

        (await act.Should().ThrowAsync<FairRubricsException>()).WithMessage("*not sorted by subject*seekable stream or a file*");
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWithoutWritingALine()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var output = new MemoryStream();
        var runner = Services().GetRequiredService<IScoreRunner>();

        var act = () => runner.RunAsync(Request(new MemoryStream(Encoding.UTF8.GetBytes(Sorted))), output, cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        output.Length.Should().Be(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task RunAsync_SortedEvidenceOfManyBatches_IsTheExternalSortsBytesAndCounts(int seed)
    {
        // Thousands of subjects (the reading thread hands rows over in batches of a few hundred, cut at subject
        // ends), a subject whose rows fill several batches, and rejected rows everywhere, against the same rows
        // shuffled, which go through the single-threaded external sort.
        var random = new Random(seed);
        var rows = new List<string>();
        for (var s = 0; s < 3000; s++)
        {
            var subject = "e" + s.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            var count = s == 1234 ? 2500 : random.Next(0, 9);
            for (var i = 0; i < count; i++)
            {
                var date = new DateOnly(2026, 6, 1).AddDays(-random.Next(400)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                rows.Add(random.Next(12) switch
                {
                    0 => $"{subject},talk,,,,,not-a-date,x{s}-{i}",
                    1 => $",talk,,,,,{date},y{s}-{i}",
                    2 or 3 => $"{subject},rating,delivery,outcomes,{random.Next(0, 7)},manager,{date},r{s}-{i}",
                    4 => $"{subject},unknown-type,,,,,{date},u{s}-{i}",
                    _ => $"{subject},{(random.Next(2) == 0 ? "mentoring" : "talk")},,,,,{date},m{s}-{i}",
                });
            }
        }

        var shuffled = rows.OrderBy(_ => random.Next()).ToList();
        var (sorted, sortedLines) = await RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(Header + string.Join('\n', rows) + "\n")));
        var (unsorted, unsortedLines) = await RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(Header + string.Join('\n', shuffled) + "\n")));

        sorted.Sorted.Should().BeTrue();
        unsorted.Sorted.Should().BeFalse();
        sortedLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCountGreaterThan(2500);
        sortedLines.Should().Be(unsortedLines);
        sorted.Should().BeEquivalentTo(unsorted, o => o.Excluding(r => r.Sorted).Excluding(r => r.Rejections));
        sorted.Rejections.Rejected.Should().Be(unsorted.Rejections.Rejected).And.BePositive();
        sorted.Rejections.NotCounted.Should().Be(unsorted.Rejections.NotCounted).And.BePositive();
        (sorted.Used + sorted.Rejections.Rejected + sorted.Rejections.NotCounted).Should().Be(sorted.Read);
    }

    [Fact]
    public async Task RunAsync_OutputFailsWhileScoring_ThrowsItsErrorAndStopsReading()
    {
        using var services = Services();
        var input = OneRowPerSubject(200000);
        using var output = new FailingAfter(4096);

        var act = () => services.GetRequiredService<IScoreRunner>().RunAsync(Request(input), output);

        (await act.Should().ThrowAsync<IOException>()).WithMessage("*disk full*");
        input.Position.Should().BeLessThan(input.Length / 2, "the reading stops once the scoring thread has failed");
    }

    [Fact]
    public async Task RunAsync_CancelledWhileReading_StopsPromptly()
    {
        using var services = Services();
        using var cancel = new CancellationTokenSource();
        var input = OneRowPerSubject(200000);
        using var output = new MemoryStream();
        var request = Request(input) with { Progress = new Cancelling(cancel, input.Length / 10) };

        var act = () => services.GetRequiredService<IScoreRunner>().RunAsync(request, output, cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        input.Position.Should().BeLessThan(input.Length / 2);
    }

    /// <summary>Sorted evidence of one mentoring row for each of <paramref name="subjects"/> subjects.</summary>
    private static MemoryStream OneRowPerSubject(int subjects)
    {
        var evidence = new StringBuilder(Header);
        for (var s = 0; s < subjects; s++)
        {
            evidence.Append(System.Globalization.CultureInfo.InvariantCulture, $"e{s:D6},mentoring,,,,,2026-05-01,m{s}\n");
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(evidence.ToString()));
    }

    private static ServiceProvider Services() => new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider();

    private static ScoreRequest Request(Stream evidence) =>
        new(Relationships.Value) { Evidence = evidence, Format = EvidenceFormat.Csv, AsOf = new DateOnly(2026, 11, 27) };

    private static async Task<(ScoreRunResult Result, string Lines)> RunAsync(Stream evidence)
    {
        using var services = Services();
        using var output = new MemoryStream();
        var result = await services.GetRequiredService<IScoreRunner>().RunAsync(Request(evidence), output);
        return (result, Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>An output that fails once more than a number of bytes is written, as a full disk does.</summary>
    private sealed class FailingAfter(int bytes) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        private void Check(int count)
        {
            if (Length + count > bytes)
            {
                throw new IOException("disk full");
            }
        }
    }

    /// <summary>Cancels once the reading has passed a position.</summary>
    private sealed class Cancelling(CancellationTokenSource cancel, long at) : IProgress<long>
    {
        public void Report(long value)
        {
            if (value >= at)
            {
                cancel.Cancel();
            }
        }
    }

    /// <summary>A stream read once from start to end, as a network body is.</summary>
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
