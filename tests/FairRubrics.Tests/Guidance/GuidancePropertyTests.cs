using System.Globalization;
using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Tests.Guidance;

/// <summary>
/// Guidance is exact, over random rubrics (scales, thresholds with ceilings below the top, aggregates, min-ratings,
/// combinations, shared evidence types, windows, bands, missing-evidence policies) and random evidence: adding exactly
/// what a route says, on the scoring date, reaches the next level; one item or rating less does not take the path there;
/// no route is offered on a path that cannot reach the level; expiry dates are the days items stop counting.
/// 400 cases on 80 rubrics take about 0.35 s of CPU (no timing assertion: wall time depends on the machine's load).
/// </summary>
public sealed class GuidancePropertyTests
{
    private const int Rubrics = 80;
    private const int EvidenceSetsPerRubric = 5;
    private const int Cases = Rubrics * EvidenceSetsPerRubric;
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly string[] Types = ["talk", "doc", "mentoring", "cross-team-help", "certificate"];
    private static readonly string[] Aggregates = ["mean", "median", "min", "max"];
    private static readonly string[] Sources = ["self", "manager", "peer", "report", "system"];
    private static readonly string[] Combines = ["best-of", "mean", "weighted-mean"];
    private static readonly string[] Policies = ["exclude", "zero", "fail"];

    [Fact]
    public void Guidance_AddingTheSuggestedEvidence_ReachesTheNextLevel_AndNeverSuggestsACappedPath()
    {
        var checkedRoutes = 0;
        var unreachable = 0;
        var bandSteps = 0;
        var scorer = new RubricScorer();
        var advisor = new GuidanceAdvisor();
        var options = new ScoringOptions { AsOf = AsOf };
        var loaded = new Dictionary<string, Rubric>(StringComparer.Ordinal);
        for (var seed = 1; seed <= Cases; seed++)
        {
            var random = new Random(seed);
            var (yaml, top) = RandomRubric(new Random(1 + ((seed - 1) / EvidenceSetsPerRubric)));
            if (!loaded.TryGetValue(yaml, out var rubric))
            {
                loaded[yaml] = rubric = new RubricLoader().LoadString(yaml, "random.yaml").GetRubricOrThrow();
            }

            var evidence = RandomEvidence(random, rubric);
            var score = scorer.Score(rubric, "s", evidence, options);
            var guidance = advisor.Advise(score);
            var because = $"seed {seed}:\n{yaml}";

            foreach (var competency in guidance.Competencies)
            {
                var c = Index(rubric, competency.Competency);
                var level = score.Competencies[c].Level;
                competency.TargetLevel.Should().Be(level is { } l ? (int)Math.Floor(l) + 1 : 1, because);
                competency.TargetLevel.Should().BeLessThanOrEqualTo(top, because);
                unreachable += competency.Unreachable.Count;
                foreach (var route in competency.Unreachable)
                {
                    route.Advice!.IsReachable.Should().BeFalse(because);
                }

                foreach (var route in competency.Routes)
                {
                    checkedRoutes++;
                    Ceiling(route.Path, top).Should().BeGreaterThanOrEqualTo(route.RequiredLevel, $"a capped path is never suggested; {because}");

                    var added = SuggestedEvidence.For(route, competency.Competency, "s", AsOf, top, random);
                    var after = scorer.Score(rubric, "s", evidence.Concat(added).ToArray(), options);
                    after.Competencies[c].Level.Should().BeGreaterThanOrEqualTo(competency.TargetLevel, $"{route.Path.Id}: {route.Advice}; {because}");
                    PathLevel(after, c, route.Path).Should().BeGreaterThanOrEqualTo(route.RequiredLevel, because);

                    var count = route.Advice!.Needs.Single() switch { OccurrenceNeed o => o.Count, RatingNeed r => r.Count, _ => 0 };
                    if (count > 1)
                    {
                        var fewer = SuggestedEvidence.For(route, competency.Competency, "s", AsOf, top, countOverride: count - 1);
                        var short1 = scorer.Score(rubric, "s", evidence.Concat(fewer).ToArray(), options);
                        PathLevel(short1, c, route.Path).Should().BeLessThan(route.RequiredLevel, $"one less than {route.Advice} is not enough; {because}");
                    }

                    CheckExpiry(scorer, rubric, evidence, c, route, because);
                }

                foreach (var step in guidance.BandSteps.Where(s => s.Competency == competency.Competency && s.Raises))
                {
                    var route = competency.Routes.FirstOrDefault(r => r.Advice is not null);
                    if (route is null)
                    {
                        continue;
                    }

                    var after = scorer.Score(rubric, "s", evidence.Concat(SuggestedEvidence.For(route, competency.Competency, "s", AsOf, top)).ToArray(), options);
                    var othersUnchanged = Enumerable.Range(0, rubric.Competencies.Count).Where(i => i != c)
                        .All(i => Nullable.Equals(after.Competencies[i].Level, score.Competencies[i].Level));
                    if (othersUnchanged)
                    {
                        bandSteps++;
                        Rank(rubric, after.Band).Should().BeLessThanOrEqualTo(Rank(rubric, step.ToBand), $"the step to {step.ToBand}; {because}");
                    }
                }
            }
        }

        checkedRoutes.Should().BeGreaterThan(Cases, "the generator must produce routes");
        unreachable.Should().BeGreaterThan(Cases / 10, "the generator must produce capped paths");
        bandSteps.Should().BeGreaterThan(Cases / 20, "the generator must produce band steps");
    }

    /// <summary>The evidence counted for a route expires as it says: counted the day before, not on the day.</summary>
    private static void CheckExpiry(RubricScorer scorer, Rubric rubric, EvidenceItem[] evidence, int c, PathRoute route, string because)
    {
        var counted = PathOf(scorer.Score(rubric, "s", evidence, new ScoringOptions { AsOf = AsOf }), c, route.Path).EvidenceCount;
        if (route.Expiring.Count == 0)
        {
            (rubric.Window is null || counted == 0).Should().BeTrue($"counted items expire under a window; {because}");
            return;
        }

        var first = route.Expiring[0];
        var labels = first.Items.ToHashSet(StringComparer.Ordinal);
        Labels(scorer.Score(rubric, "s", evidence, new ScoringOptions { AsOf = first.StopsCountingOn.AddDays(-1) }), c, route.Path).Should().Contain(labels, because);
        Labels(scorer.Score(rubric, "s", evidence, new ScoringOptions { AsOf = first.StopsCountingOn }), c, route.Path).Should().NotIntersectWith(labels, because);
        route.Expiring.Select(e => e.StopsCountingOn).Should().BeInAscendingOrder(because);
        route.Expiring.Sum(e => e.Count).Should().Be(counted, because);
    }

    private static IEnumerable<string> Labels(SubjectScore score, int c, EvidencePath path) => PathOf(score, c, path).Evidence.Select(i => i.Label);

    private static PathScore PathOf(SubjectScore score, int c, EvidencePath path) => score.Competencies[c].Paths.Single(p => p.Path.Id == path.Id);

    private static double PathLevel(SubjectScore score, int c, EvidencePath path) => PathOf(score, c, path).Level ?? 0;

    private static int Index(Rubric rubric, Competency competency)
    {
        for (var i = 0; i < rubric.Competencies.Count; i++)
        {
            if (ReferenceEquals(rubric.Competencies[i], competency))
            {
                return i;
            }
        }

        throw new InvalidOperationException("competency not in rubric");
    }

    private static int Rank(Rubric rubric, string? band)
    {
        for (var i = 0; i < rubric.Bands.Count; i++)
        {
            if (rubric.Bands[i].Label == band)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The highest level a path can ever give.</summary>
    private static double Ceiling(EvidencePath path, int top) => path.Score.Settings switch
    {
        CountRuleSettings count => count.MaxLevel,
        PresenceRuleSettings presence => presence.Level,
        _ => top,
    };

    private static (string Yaml, int Top) RandomRubric(Random random)
    {
        var top = random.Next(2, 7);
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"fairrubrics: 1\nid: random\nversion: 1.0.0\ntitle: Random\nscale: {{ {string.Join(", ", Enumerable.Range(1, top).Select(l => $"{l}: L{l}"))} }}\ncompetencies:\n");
        var competencies = random.Next(1, 4);
        for (var c = 0; c < competencies; c++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: c{c}\n    title: C{c}\n    weight: {random.Next(1, 4)}\n    combine: {Pick(random, Combines)}\n    paths:\n");
            var paths = random.Next(1, 4);
            for (var p = 0; p < paths; p++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      - id: p{p}\n        title: P{c}{p}\n        weight: {random.Next(1, 4)}\n        score: {RandomScore(random, top)}\n");
            }
        }

        var bands = random.Next(0, 4);
        if (bands > 0)
        {
            yaml.Append("bands:\n");
            var mins = Enumerable.Range(0, bands).Select(_ => Math.Round(random.NextDouble() * top, 1)).Distinct().OrderDescending().ToList();
            for (var b = 0; b < mins.Count; b++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  - {{ label: B{b}, min: {mins[b].ToString(CultureInfo.InvariantCulture)} }}\n");
            }
        }

        yaml.Append(CultureInfo.InvariantCulture, $"missing-evidence: {Pick(random, Policies)}\n");
        switch (random.Next(3))
        {
            case 1:
                yaml.Append(CultureInfo.InvariantCulture, $"window: {{ months: {random.Next(1, 13)} }}\n");
                break;
            case 2:
                yaml.Append(CultureInfo.InvariantCulture, $"window: {{ days: {random.Next(10, 400)} }}\n");
                break;
        }

        return (yaml.ToString(), top);
    }

    private static string RandomScore(Random random, int top)
    {
        switch (random.Next(3))
        {
            case 0:
                var sources = Sources.Where(_ => random.Next(3) == 0).ToList();
                return $"{{ rule: rating{(sources.Count > 0 ? $", sources: [{string.Join(", ", sources)}]" : string.Empty)}, aggregate: {Pick(random, Aggregates)}, min-ratings: {random.Next(1, 4)} }}";
            case 1:
                var ceiling = random.Next(2) == 0 ? top : random.Next(1, top + 1);
                var levels = Enumerable.Range(1, ceiling).Where(l => l == ceiling || random.Next(3) > 0).ToList();
                var min = random.Next(1, 3);
                var thresholds = new List<string>();
                foreach (var level in levels)
                {
                    thresholds.Add(string.Create(CultureInfo.InvariantCulture, $"{level}: {min}"));
                    min += random.Next(0, 4);
                }

                return $"{{ rule: count, of: [{string.Join(", ", RandomTypes(random))}], thresholds: {{ {string.Join(", ", thresholds)} }} }}";
            default:
                return string.Create(CultureInfo.InvariantCulture, $"{{ rule: presence, of: [{string.Join(", ", RandomTypes(random))}], level: {random.Next(1, top + 1)} }}");
        }
    }

    private static List<string> RandomTypes(Random random)
    {
        var types = Types.Where(_ => random.Next(3) == 0).ToList();
        return types.Count > 0 ? types : [Pick(random, Types)];
    }

    private static EvidenceItem[] RandomEvidence(Random random, Rubric rubric)
    {
        var top = rubric.Scale.MaxLevel;
        var rated = rubric.Competencies.SelectMany(c => c.Paths.Where(p => p.Score.Rule == "rating").Select(p => (c.Id, p.Id))).ToArray();
        var items = new List<EvidenceItem>();
        var count = random.Next(0, 16);
        for (var i = 0; i < count; i++)
        {
            var date = AsOf.AddDays(-random.Next(0, 420));
            if (rated.Length > 0 && random.Next(2) == 0)
            {
                var (competency, path) = rated[random.Next(rated.Length)];
                var value = Math.Min(top, random.Next(1, top + 1) + (random.Next(4) == 0 ? 0.5 : 0));
                items.Add(new EvidenceItem("s", "rating", competency, path, value, (RaterSource)random.Next(5), $"r{i}", date, $"e{i}"));
            }
            else
            {
                double? quantity = random.Next(4) == 0 ? Math.Round(random.NextDouble() * 3, 1) + 0.1 : null;
                items.Add(new EvidenceItem("s", Pick(random, Types), Value: quantity, Date: date, Id: $"e{i}"));
            }
        }

        return [.. items];
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
