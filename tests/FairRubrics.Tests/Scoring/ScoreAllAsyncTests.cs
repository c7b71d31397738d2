using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Scoring;

/// <summary>IRubricScorer.ScoreAllAsync: streaming per subject when grouped, the ScoreAll results in any order, and prompt cancellation.</summary>
public sealed class ScoreAllAsyncTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly Lazy<Rubric> Relationships = new(() =>
        new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow());

    private static readonly string[] Types = ["mentoring", "cross-team-help", "onboarding-buddy", "talk", "doc", "answered-question", "unrelated"];

    [Fact]
    public async Task ScoreAllAsync_GroupedEvidence_GivesScoreAllResultsInInputOrder()
    {
        // Grouped but not in ordinal order (what ORDER BY in a database collation or numeric ids give).
        string[] subjects = ["zed", "E10", "E9", "anna", "Émile"];
        var evidence = subjects.SelectMany((s, i) => Evidence(new Random(i), s, 5 + (i * 7))).ToArray();
        var scorer = new RubricScorer();
        var options = new ScoringOptions { AsOf = AsOf, EvidenceOrder = EvidenceOrder.GroupedBySubject };

        var streamed = await ToListAsync(scorer.ScoreAllAsync(Relationships.Value, Async(evidence), options));
        var expected = scorer.ScoreAll(Relationships.Value, evidence, new ScoringOptions { AsOf = AsOf }).ToDictionary(s => s.Subject, StringComparer.Ordinal);

        streamed.Select(s => s.Subject).Should().Equal(subjects);
        foreach (var score in streamed)
        {
            Json(score).Should().Be(Json(expected[score.Subject]));
        }
    }

    [Fact]
    public async Task ScoreAllAsync_GroupedEvidence_YieldsEachSubjectBeforeReadingFurther()
    {
        var first = Evidence(new Random(1), "a", 12);
        var second = Evidence(new Random(2), "b", 12);
        var source = new CountingSource([.. first, .. second]);
        var options = new ScoringOptions { AsOf = AsOf, EvidenceOrder = EvidenceOrder.GroupedBySubject };

        await foreach (var score in new RubricScorer().ScoreAllAsync(Relationships.Value, source.ReadAsync(), options))
        {
            // The first result comes once the first item of the next subject is read, not at the end.
            if (score.Subject == "a")
            {
                source.Pulled.Should().Be(first.Length + 1);
            }
        }

        source.Pulled.Should().Be(first.Length + second.Length);
    }

    [Fact]
    public async Task ScoreAllAsync_AnyOrder_GivesScoreAllResultsInOrdinalOrder()
    {
        var random = new Random(5);
        var evidence = Enumerable.Range(0, 30).SelectMany(i => Evidence(random, "p" + (i * 37 % 30).ToString(System.Globalization.CultureInfo.InvariantCulture), random.Next(0, 9)))
            .OrderBy(_ => random.Next()).ToArray();
        var scorer = new RubricScorer();

        var streamed = await ToListAsync(scorer.ScoreAllAsync(Relationships.Value, Async(evidence), new ScoringOptions { AsOf = AsOf }));
        var expected = scorer.ScoreAll(Relationships.Value, evidence, new ScoringOptions { AsOf = AsOf });

        streamed.Select(Json).Should().Equal(expected.Select(Json));
        streamed.Select(s => s.Subject).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task ScoreAllAsync_DeclaredGroupedButNot_ThrowsNamingTheItemIndexNotTheSubject()
    {
        EvidenceItem[] evidence = [.. Evidence(new Random(1), "secret-a", 3), .. Evidence(new Random(2), "secret-b", 2), .. Evidence(new Random(3), "secret-a", 1)];
        var options = new ScoringOptions { AsOf = AsOf, EvidenceOrder = EvidenceOrder.GroupedBySubject };

        var act = () => ToListAsync(new RubricScorer().ScoreAllAsync(Relationships.Value, Async(evidence), options));

        var thrown = await act.Should().ThrowAsync<EvidenceOrderException>();
        thrown.Which.ItemIndex.Should().Be(5);
        thrown.Which.Message.Should().Contain("item 5").And.NotContain("secret");
    }

    [Fact]
    public async Task ScoreAllAsync_Cancelled_StopsPromptlyOnAnEndlessStream()
    {
        using var cts = new CancellationTokenSource();
        var results = 0;
        var options = new ScoringOptions { AsOf = AsOf, EvidenceOrder = EvidenceOrder.GroupedBySubject };
        var started = DateTime.UtcNow;

        var act = async () =>
        {
            await foreach (var _ in new RubricScorer().ScoreAllAsync(Relationships.Value, Endless(), options, cts.Token))
            {
                if (++results == 50)
                {
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        results.Should().Be(50, "no result comes after the token is cancelled");
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ScoreAllAsync_Cancelled_WhileTheSourceWaits_Stops()
    {
        using var cts = new CancellationTokenSource();
        var evidence = Evidence(new Random(1), "a", 3);
        var stream = new RubricScorer().ScoreAllAsync(Relationships.Value, Stalling(evidence), new ScoringOptions { AsOf = AsOf }, cts.Token);

        var pending = ToListAsync(stream);
        cts.CancelAfter(TimeSpan.FromMilliseconds(50));

        var act = () => pending;
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void ScoreAllAsync_NullArguments_ThrowAtTheCall()
    {
        var scorer = new RubricScorer();
        var act = () => scorer.ScoreAllAsync(null!, Async([]));
        act.Should().Throw<ArgumentNullException>();
        var act2 = () => scorer.ScoreAllAsync(Relationships.Value, null!);
        act2.Should().Throw<ArgumentNullException>();
    }

    private static async IAsyncEnumerable<EvidenceItem> Async(IEnumerable<EvidenceItem> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static async IAsyncEnumerable<EvidenceItem> Endless([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var random = new Random(9);
        for (var i = 0L; ; i++)
        {
            await Task.Yield();
            cancellationToken.IsCancellationRequested.Should().BeFalse("the scorer stops asking once cancelled");
            yield return new EvidenceItem("s" + (i / 4).ToString(System.Globalization.CultureInfo.InvariantCulture), Types[random.Next(Types.Length)], Date: AsOf.AddDays(-random.Next(300)));
        }
    }

    private static async IAsyncEnumerable<EvidenceItem> Stalling(EvidenceItem[] items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }

    private static async Task<List<SubjectScore>> ToListAsync(IAsyncEnumerable<SubjectScore> scores)
    {
        var list = new List<SubjectScore>();
        await foreach (var score in scores)
        {
            list.Add(score);
        }

        return list;
    }

    private static string Json(SubjectScore score)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ScoreJson.Write(writer, score, explain: true);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static EvidenceItem[] Evidence(Random random, string subject, int count)
    {
        var rubric = Relationships.Value;
        var rated = rubric.Competencies.SelectMany(c => c.Paths.Where(p => p.Score.Rule == "rating").Select(p => (c.Id, p.Id))).ToArray();
        var items = new EvidenceItem[count];
        for (var i = 0; i < count; i++)
        {
            var date = AsOf.AddDays(-random.Next(0, 500));
            if (random.Next(3) == 0)
            {
                var (competency, path) = rated[random.Next(rated.Length)];
                items[i] = new EvidenceItem(subject, "rating", competency, path, random.Next(1, 6), RaterSource.Manager, $"r{random.Next(5)}", date, $"{subject}-e{i}");
            }
            else
            {
                items[i] = new EvidenceItem(subject, Types[random.Next(Types.Length)], Value: random.Next(5) == 0 ? random.Next(1, 4) : null, Date: date, Id: $"{subject}-e{i}");
            }
        }

        return items;
    }

    private sealed class CountingSource(EvidenceItem[] items)
    {
        public int Pulled { get; private set; }

        public async IAsyncEnumerable<EvidenceItem> ReadAsync()
        {
            foreach (var item in items)
            {
                await Task.Yield();
                Pulled++;
                yield return item;
            }
        }
    }
}
