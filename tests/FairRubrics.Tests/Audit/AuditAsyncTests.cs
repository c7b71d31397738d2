using System.Runtime.CompilerServices;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>IBiasAuditor.AuditAsync: the same report as the in-memory audit, attributes asked in bounded batches, prompt cancellation.</summary>
public sealed class AuditAsyncTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AuditAsync_GivesTheInMemoryAuditsReport(int seed)
    {
        var (attributes, people) = AuditPopulation.Random(seed, size: 1234);
        var options = AuditPopulation.Options(attributes);
        var source = new DictionarySource(people, attributes);

        var report = await new BiasAuditor().AuditAsync(Async(people.Select(p => p.Subject)), source, options);

        AuditPopulation.Json(report).Should().Be(AuditPopulation.Json(AuditPopulation.Report(attributes, people, options)));
    }

    [Fact]
    public async Task AuditAsync_AsksForAttributesInBatchesOfDistinctSubjects()
    {
        var (attributes, people) = AuditPopulation.Random(4, size: 1234);
        var source = new DictionarySource(people, attributes);

        await new BiasAuditor().AuditAsync(Async(people.Select(p => p.Subject)), source, AuditPopulation.Options(attributes));

        source.Batches.Should().HaveCount(3);
        source.Batches.Should().OnlyContain(b => b.Count <= BiasAuditor.AttributeBatchSize && b.Distinct().Count() == b.Count);
        source.Batches.SelectMany(b => b).Should().BeEquivalentTo(people.Select(p => p.Subject.Subject));
        source.Names.Should().OnlyContain(n => n.SequenceEqual(attributes));
    }

    [Fact]
    public async Task AuditAsync_SubjectsTheSourceDoesNotKnow_AreUnknown()
    {
        var (attributes, people) = AuditPopulation.Random(5, size: 300);
        var known = people.Take(200).ToList();
        var unknownToo = people.Select((p, i) => i < 200 ? p : p with { Values = new string?[attributes.Length] }).ToList();

        var report = await new BiasAuditor().AuditAsync(Async(people.Select(p => p.Subject)), new DictionarySource(known, attributes), AuditPopulation.Options(attributes));

        AuditPopulation.Json(report).Should().Be(AuditPopulation.Json(AuditPopulation.Report(attributes, unknownToo)));
    }

    [Fact]
    public async Task AuditAsync_WithRatings_CountsRatingsOfSubjectsTheSourceKnows_AsTheAccumulatorDoes()
    {
        var (attributes, people) = AuditPopulation.Random(8, size: 1300);
        var known = people.Take(1100).ToList();
        var ratings = Ratings(people, seed: 8);
        var source = new DictionarySource(known, attributes);
        var options = AuditPopulation.Options(attributes);

        var report = await new BiasAuditor().AuditAsync(Async(people.Select(p => p.Subject)), Async(ratings), source, options);

        // Expected: results of people unknown to the source join as unknown; their ratings are left out.
        var values = people.ToDictionary(p => p.Subject.Subject, p => p.Values, StringComparer.Ordinal);
        var accumulator = AuditPopulation.Accumulate(attributes, people.Select((p, i) => i < 1100 ? p : p with { Values = new string?[attributes.Length] }));
        foreach (var rating in ratings.Where(r => known.Exists(p => p.Subject.Subject == r.Subject)))
        {
            accumulator.AddRating(rating, values[rating.Subject]);
        }

        var expected = new BiasAuditor().Report(accumulator, options);
        AuditPopulation.Json(report).Should().Be(AuditPopulation.Json(expected));
        report.Findings.Should().Contain(f => f.Id == "FR206", "the ratings are skewed by group for one rater");
        source.Batches.Should().OnlyContain(b => b.Count <= BiasAuditor.AttributeBatchSize && b.Distinct().Count() == b.Count);
        source.Batches.Should().HaveCount(3 + 3, "1,300 results, then the 1,300 rated subjects grouped, each in batches of 500");
    }

    [Fact]
    public async Task AuditAsync_Cancelled_WhileTheSourceLooksUp_EndsWithoutAReport()
    {
        var (attributes, people) = AuditPopulation.Random(6, size: 100);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var act = () => new BiasAuditor().AuditAsync(Async(people.Select(p => p.Subject)), new StallingSource(), AuditPopulation.Options(attributes), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task AuditAsync_Cancelled_OnAnEndlessStream_Stops()
    {
        var (attributes, people) = AuditPopulation.Random(7, size: 100);
        using var cts = new CancellationTokenSource();
        var source = new DictionarySource(people, attributes) { AfterBatch = cts.Cancel };

        var act = () => new BiasAuditor().AuditAsync(Endless(people.Select(p => p.Subject).ToArray()), source, AuditPopulation.Options(attributes), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        source.Batches.Should().HaveCount(1);
    }

    [Fact]
    public void AuditAsync_WithoutAttributeNames_ThrowsAtTheCall()
    {
        var options = AuditPopulation.Options([]);

        Action act = () => _ = new BiasAuditor().AuditAsync(Async([]), new StallingSource(), options);

        act.Should().Throw<ArgumentException>().WithMessage("*AuditOptions.Attributes*");
    }

    private static async IAsyncEnumerable<AuditSubject> Async(IEnumerable<AuditSubject> subjects)
    {
        foreach (var subject in subjects)
        {
            await Task.Yield();
            yield return subject;
        }
    }

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    /// <summary>Three ratings per person, grouped by subject; rater "r0" rates the first attribute's "female" group a point lower.</summary>
    private static List<AuditRating> Ratings(List<AuditPerson> people, int seed)
    {
        var random = new Random(seed);
        var ratings = new List<AuditRating>();
        foreach (var person in people)
        {
            for (var k = 0; k < 3; k++)
            {
                var rater = "r" + random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var value = Math.Clamp(random.Next(2, 6) - (rater == "r0" && person.Values[0] == "female" ? 1.5 : 0), 1, 5);
                ratings.Add(new AuditRating(person.Subject.Subject, rater, value));
            }
        }

        return ratings;
    }

    private static async IAsyncEnumerable<AuditSubject> Endless(AuditSubject[] subjects, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0L; ; i++)
        {
            await Task.Yield();
            var s = subjects[i % subjects.Length];
            yield return s with { Subject = "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    private sealed class DictionarySource(IEnumerable<AuditPerson> people, string[] attributes) : ISubjectAttributeSource
    {
        private readonly Dictionary<string, IReadOnlyDictionary<string, string?>> _rows = people.ToDictionary(
            p => p.Subject.Subject,
            p => (IReadOnlyDictionary<string, string?>)attributes.Select((a, i) => (a, p.Values[i])).ToDictionary(x => x.a, x => x.Item2, StringComparer.Ordinal),
            StringComparer.Ordinal);

        public List<List<string>> Batches { get; } = [];

        public List<IReadOnlyList<string>> Names { get; } = [];

        public Action? AfterBatch { get; init; }

        public async ValueTask<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> GetAttributesAsync(IReadOnlyList<string> subjects, IReadOnlyList<string> attributes, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Batches.Add([.. subjects]);
            Names.Add([.. attributes]);
            AfterBatch?.Invoke();
            return subjects.Where(_rows.ContainsKey).ToDictionary(s => s, s => _rows[s], StringComparer.Ordinal);
        }
    }

    private sealed class StallingSource : ISubjectAttributeSource
    {
        public async ValueTask<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> GetAttributesAsync(IReadOnlyList<string> subjects, IReadOnlyList<string> attributes, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new Dictionary<string, IReadOnlyDictionary<string, string?>>();
        }
    }
}
