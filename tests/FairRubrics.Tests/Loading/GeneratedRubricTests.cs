using System.Globalization;
using System.Text;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Loading;

/// <summary>
/// Many generated cases: random valid rubrics written in different YAML styles load to the same model and
/// hash; a single random mistake in a valid rubric is reported once, with the right id, on the right line.
/// </summary>
public sealed class GeneratedRubricTests
{
    private static readonly string[] Sources = ["self", "manager", "peer", "report", "system"];

    public static TheoryData<int> Seeds() => RandomSeeds.UpTo(60);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Loader_GeneratedRubric_LoadsTheSameModelAndHashInBlockAndFlowStyle(int seed)
    {
        var spec = Spec.Random(new Random(seed));
        var loader = new RubricLoader();

        var block = loader.LoadString(spec.ToBlockYaml(new Random(seed + 1000)), "block.yaml");
        var flow = loader.LoadString(spec.ToFlowYaml(), "flow.yaml");

        block.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        flow.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        flow.Rubric!.ContentHash.Should().Be(block.Rubric!.ContentHash);
        spec.AssertMatches(block.Rubric);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Loader_OneRandomMistake_IsReportedOnceWithItsIdOnItsLine(int seed)
    {
        var random = new Random(seed);
        var spec = Spec.Random(random);
        var lines = spec.ToBlockYaml(new Random(seed + 1000)).Split('\n').ToList();
        var (id, line) = Mutate(lines, random);

        var result = new RubricLoader().LoadString(string.Join('\n', lines), "m.yaml");

        var diagnostic = result.Diagnostics.Should().ContainSingle($"one mistake on line {line}:\n{string.Join('\n', lines)}").Which;
        diagnostic.Id.Should().Be(id);
        diagnostic.Location.Line.Should().Be(line);
    }

    /// <summary>Applies one mistake to a line that holds a given key; returns the expected id and 1-based line.</summary>
    private static (string Id, int Line) Mutate(List<string> lines, Random random)
    {
        var kind = random.Next(7);
        if (kind is 3 or 5 && !lines.Any(l => l.TrimStart().StartsWith("aggregate:", StringComparison.Ordinal)))
        {
            kind = 0;   // no rating path in this rubric: mutate something that always exists
        }

        int Find(string key)
        {
            var candidates = lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart(' ', '-').StartsWith(key + ":", StringComparison.Ordinal)).Select(x => x.i).ToList();
            return candidates[random.Next(candidates.Count)];
        }

        switch (kind)
        {
            case 0:
                {
                    var i = Find("title");
                    lines[i] = lines[i].Replace("title:", "titel:", StringComparison.Ordinal);
                    return ("FR003", i + 1);
                }

            case 1:
                {
                    var i = Find("weight");
                    lines[i] = lines[i][..(lines[i].IndexOf(':', StringComparison.Ordinal) + 1)] + " -1";
                    return ("FR011", i + 1);
                }

            case 2:
                {
                    var i = Find("combine");
                    lines[i] = lines[i][..(lines[i].IndexOf(':', StringComparison.Ordinal) + 1)] + " best";
                    return ("FR007", i + 1);
                }

            case 3:
                {
                    var i = Find("aggregate");
                    lines[i] = lines[i][..(lines[i].IndexOf(':', StringComparison.Ordinal) + 1)] + " average";
                    return ("FR007", i + 1);
                }

            case 4:
                {
                    var i = Find("id");
                    lines[i] = lines[i][..(lines[i].IndexOf(':', StringComparison.Ordinal) + 1)] + " Not_Kebab";
                    return ("FR008", i + 1);
                }

            case 5:
                {
                    var i = Find("min-ratings");
                    lines[i] = lines[i][..(lines[i].IndexOf(':', StringComparison.Ordinal) + 1)] + " 1.5";
                    return ("FR010", i + 1);
                }

            default:
                {
                    var i = Find("weight");
                    lines[i] = lines[i][..(lines[i].IndexOf(':', StringComparison.Ordinal) + 1)] + " 1,5";
                    return ("FR009", i + 1);
                }
        }
    }

    private sealed record PathSpec(string Id, string Title, double Weight, string Rule, string[] Sources, string Aggregate, int MinRatings, string[] Of, int[] Thresholds, int Level, Dictionary<int, string> Anchors);

    private sealed record CompetencySpec(string Id, string Title, string Category, double Weight, string Combine, List<PathSpec> Paths);

    private sealed record Spec(int ScaleMax, List<CompetencySpec> Competencies)
    {
        public static Spec Random(Random r)
        {
            var max = r.Next(2, 11);
            var competencies = new List<CompetencySpec>();
            var count = r.Next(1, 5);
            for (var c = 0; c < count; c++)
            {
                var paths = new List<PathSpec>();
                var pathCount = r.Next(1, 4);
                for (var p = 0; p < pathCount; p++)
                {
                    var rule = new[] { "rating", "count", "presence" }[r.Next(3)];
                    var sources = Sources.OrderBy(_ => r.Next()).Take(r.Next(1, 4)).ToArray();
                    var thresholds = new int[max];
                    var running = 0;
                    for (var l = 0; l < max; l++)
                    {
                        running += r.Next(0, 4) + (l == 0 ? 1 : 0);
                        thresholds[l] = running;
                    }

                    var anchors = Enumerable.Range(1, max).Where(_ => r.Next(2) == 0).ToDictionary(l => l, l => $"Does observable thing number {l} with a clear effect on the team: \"quoted\" # not a comment");
                    paths.Add(new PathSpec($"path-{p}", $"Path {p} – títle", Math.Round(0.5 + (r.NextDouble() * 3), 2), rule, sources, new[] { "mean", "median", "min", "max" }[r.Next(4)], r.Next(1, 4), [$"type-{c}-{p}", $"other-{c}-{p}"], thresholds, r.Next(1, max + 1), anchors));
                }

                competencies.Add(new CompetencySpec($"competency-{c}", $"Competency {c}", new[] { "interpersonal", "technical", "delivery", "leadership", "other" }[r.Next(5)], Math.Round(0.25 + (r.NextDouble() * 4), 3), new[] { "best-of", "mean", "weighted-mean" }[r.Next(3)], paths));
            }

            return new Spec(max, competencies);
        }

        public string ToBlockYaml(Random style)
        {
            var sb = new StringBuilder();
            sb.Append("# generated\nfairrubrics: 1\nid: generated\nversion: 1.0.0\ntitle: Generated rubric\nscale:\n");
            for (var l = 1; l <= ScaleMax; l++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {l}: Level {l}\n");
            }

            sb.Append("competencies:\n");
            foreach (var c in Competencies)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  - id: {c.Id}\n    title: {Quote(c.Title, style)}\n    category: {c.Category}\n    weight: {F(c.Weight)}\n    combine: {c.Combine}\n    paths:\n");
                foreach (var p in c.Paths)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"      - id: {p.Id}\n        title: {Quote(p.Title, style)}\n        weight: {F(p.Weight)}\n");
                    if (p.Anchors.Count > 0)
                    {
                        sb.Append("        anchors:\n");
                        foreach (var (level, text) in p.Anchors)
                        {
                            sb.Append(CultureInfo.InvariantCulture, $"          {level}: '{text.Replace("'", "''", StringComparison.Ordinal)}'\n");
                        }
                    }

                    sb.Append("        score:\n");
                    sb.Append(CultureInfo.InvariantCulture, $"          rule: {p.Rule}\n");
                    switch (p.Rule)
                    {
                        case "rating":
                            sb.Append(CultureInfo.InvariantCulture, $"          sources: [{string.Join(", ", p.Sources)}]\n          aggregate: {p.Aggregate}\n          min-ratings: {p.MinRatings}\n");
                            break;
                        case "count":
                            sb.Append(CultureInfo.InvariantCulture, $"          of:\n            - {p.Of[0]}\n            - {p.Of[1]}\n          thresholds:\n");
                            for (var l = 1; l <= ScaleMax; l++)
                            {
                                sb.Append(CultureInfo.InvariantCulture, $"            {l}: {p.Thresholds[l - 1]}\n");
                            }

                            break;
                        default:
                            sb.Append(CultureInfo.InvariantCulture, $"          of: [{string.Join(", ", p.Of)}]\n          level: {p.Level}\n");
                            break;
                    }
                }
            }

            return sb.ToString();
        }

        public string ToFlowYaml()
        {
            var sb = new StringBuilder("{fairrubrics: 1, version: \"1.0.0\", id: generated, title: 'Generated rubric', scale: {");
            sb.AppendJoin(", ", Enumerable.Range(1, ScaleMax).Reverse().Select(l => string.Create(CultureInfo.InvariantCulture, $"{l}: \"Level {l}\"")));
            sb.Append("}, competencies: [");
            sb.AppendJoin(", ", Competencies.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{{paths: [{string.Join(", ", c.Paths.Select(PathFlow))}], combine: {c.Combine}, weight: {F(c.Weight)}, category: {c.Category}, title: \"{c.Title}\", id: {c.Id}}}")));
            sb.Append("]}");
            return sb.ToString();

            string PathFlow(PathSpec p)
            {
                var score = p.Rule switch
                {
                    "rating" => $"{{min-ratings: {p.MinRatings}, aggregate: {p.Aggregate}, sources: [{string.Join(", ", p.Sources.Reverse())}], rule: rating}}",
                    "count" => $"{{thresholds: {{{string.Join(", ", Enumerable.Range(1, ScaleMax).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l}: {p.Thresholds[l - 1]}")))}}}, of: [{p.Of[1]}, {p.Of[0]}], rule: count}}",
                    _ => string.Create(CultureInfo.InvariantCulture, $"{{level: {p.Level}, of: [{string.Join(", ", p.Of)}], rule: presence}}"),
                };
                var anchors = string.Join(", ", p.Anchors.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key}: \"{a.Value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"")));
                return $"{{score: {score}, anchors: {{{anchors}}}, weight: {F(p.Weight)}, title: \"{p.Title}\", id: {p.Id}}}";
            }
        }

        public void AssertMatches(Rubric rubric)
        {
            rubric.Scale.MaxLevel.Should().Be(ScaleMax);
            rubric.Competencies.Should().HaveCount(Competencies.Count);
            for (var i = 0; i < Competencies.Count; i++)
            {
                var expected = Competencies[i];
                var actual = rubric.Competencies[i];
                actual.Id.Should().Be(expected.Id);
                actual.Title.Should().Be(expected.Title);
                actual.Weight.Should().Be(expected.Weight);
                actual.Category.ToString().ToLowerInvariant().Should().Be(expected.Category);
                actual.Paths.Select(p => p.Id).Should().Equal(expected.Paths.Select(p => p.Id));
                for (var j = 0; j < expected.Paths.Count; j++)
                {
                    var ep = expected.Paths[j];
                    var ap = actual.Paths[j];
                    ap.Weight.Should().Be(ep.Weight);
                    ap.Anchors.Select(a => (a.Level, a.Text)).Should().Equal(ep.Anchors.OrderBy(a => a.Key).Select(a => (a.Key, a.Value)));
                    switch (ap.Score.Settings)
                    {
                        case RatingRuleSettings rating:
                            rating.Sources.Select(s => s.ToString().ToLowerInvariant()).Should().Equal(ep.Sources);
                            rating.MinRatings.Should().Be(ep.MinRatings);
                            break;
                        case CountRuleSettings count:
                            count.Thresholds.Select(t => t.MinCount).Should().Equal(ep.Thresholds);
                            break;
                        case PresenceRuleSettings presence:
                            presence.Level.Should().Be(ep.Level);
                            break;
                    }
                }
            }
        }

        private static string F(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);

        private static string Quote(string text, Random style) => style.Next(3) switch
        {
            0 => $"\"{text}\"",
            1 => $"'{text}'",
            _ => text,
        };
    }
}
