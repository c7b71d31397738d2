using System.Text;
using System.Text.Json;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Scoring;

/// <summary>Properties over many random evidence sets: best-of is never below any path, more evidence never lowers a count path, order and culture never change the output, parallel equals sequential.</summary>
public sealed class ScoringPropertyTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly Lazy<Rubric> Relationships = new(() =>
        new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow());

    private static readonly string[] Types = ["mentoring", "cross-team-help", "onboarding-buddy", "talk", "doc", "answered-question", "process-improvement", "review-action-completed", "unrelated"];

    public static TheoryData<int> Seeds() => RandomSeeds.UpTo(40);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Scoring_BestOf_IsNeverBelowAnyPath(int seed)
    {
        var score = Score(RandomEvidence(new Random(seed), "s", 30));

        foreach (var competency in score.Competencies.Where(c => c.Competency.Combine == CombineMode.BestOf))
        {
            foreach (var path in competency.Paths.Where(p => p.Level is not null))
            {
                competency.Level.Should().BeGreaterThanOrEqualTo(path.Level!.Value);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Scoring_AddingEvidence_NeverLowersACountPath(int seed)
    {
        var random = new Random(seed);
        var items = RandomEvidence(random, "s", 25);
        var more = items.Concat(RandomEvidence(random, "s", 10).Where(i => !i.IsRating)).ToArray();

        var before = Score(items);
        var after = Score(more);

        for (var c = 0; c < before.Competencies.Count; c++)
        {
            for (var p = 0; p < before.Competencies[c].Paths.Count; p++)
            {
                var b = before.Competencies[c].Paths[p];
                if (b.Rule == "count" && b.Level is { } level)
                {
                    after.Competencies[c].Paths[p].Level.Should().BeGreaterThanOrEqualTo(level);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Scoring_ShuffledEvidence_GivesByteIdenticalOutput(int seed)
    {
        var random = new Random(seed);
        var items = RandomEvidence(random, "s", 40);
        var shuffled = items.OrderBy(_ => random.Next()).ToArray();

        Json(Score(shuffled)).Should().Be(Json(Score(items)));
    }

    [Fact]
    public void Scoring_UnderAnyCulture_GivesByteIdenticalOutput()
    {
        var items = RandomEvidence(new Random(7), "s", 60);
        var expected = Json(Score(items), explain: true) + Score(items);

        foreach (var culture in new[] { "de-DE", "tr-TR", "ar-SA", "fr-CH" })
        {
            using var scope = new CultureScope(culture);
            (Json(Score(items), explain: true) + Score(items)).Should().Be(expected, culture);
        }
    }

    [Fact]
    public void Scoring_InParallel_EqualsSequential()
    {
        var random = new Random(11);
        var evidence = Enumerable.Range(0, 400).SelectMany(i => RandomEvidence(random, $"subject-{i:D4}", random.Next(0, 30))).ToArray();
        var scorer = new RubricScorer();
        var options = new ScoringOptions { AsOf = AsOf };
        var sequential = scorer.ScoreAll(Relationships.Value, evidence, options).Select(s => Json(s)).ToList();

        var bySubject = evidence.GroupBy(e => e.Subject).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var parallel = bySubject.AsParallel().AsOrdered().WithDegreeOfParallelism(4)
            .Select(g => Json(scorer.Score(Relationships.Value, g.Key, g.ToArray(), options)))
            .ToList();

        parallel.Should().Equal(sequential);
    }

    private static SubjectScore Score(EvidenceItem[] items) =>
        new RubricScorer().Score(Relationships.Value, "s", items, new ScoringOptions { AsOf = AsOf });

    private static string Json(SubjectScore score, bool explain = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ScoreJson.Write(writer, score, explain);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static EvidenceItem[] RandomEvidence(Random random, string subject, int count)
    {
        var rubric = Relationships.Value;
        var ratedPaths = rubric.Competencies.SelectMany(c => c.Paths.Where(p => p.Score.Rule == "rating").Select(p => (c.Id, p.Id))).ToArray();
        var items = new EvidenceItem[count];
        for (var i = 0; i < count; i++)
        {
            var date = AsOf.AddDays(-random.Next(0, 500));
            if (random.Next(3) == 0)
            {
                var (competency, path) = ratedPaths[random.Next(ratedPaths.Length)];
                items[i] = new EvidenceItem(subject, "rating", competency, path, random.Next(1, 6) + (random.Next(4) == 0 ? 0.5 : 0) is var v && v > 5 ? 5 : v, (RaterSource)random.Next(5), $"r{random.Next(5)}", date, $"e{i}");
            }
            else
            {
                items[i] = new EvidenceItem(subject, Types[random.Next(Types.Length)], Value: random.Next(5) == 0 ? random.Next(1, 4) : null, Date: date, Id: $"e{i}");
            }
        }

        return items;
    }
}
