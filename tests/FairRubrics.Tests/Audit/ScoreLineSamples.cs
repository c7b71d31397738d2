using System.Globalization;
using System.Text;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>A fast path of the result-line parser: false leaves the line to the next path.</summary>
internal delegate bool FastPath(ReadOnlySpan<byte> line, ScoreRecord record, out string? error);

/// <summary>Result lines for the differential tests of the fast paths against the general path: lines the scorer writes, and mutations of them.</summary>
internal static class ScoreLineSamples
{
    public static readonly Lazy<Rubric> Relationships = new(() =>
        new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow());

    private static readonly byte[] Interesting = [.. "{}[],:\"\\ \t0123456789-+.eEtrufalsn\u00e9x"u8, 0x7F, 0x01, (byte)'\r', 0xFF];

    /// <summary>Gets bytes a mutation puts in: JSON punctuation, digits, letters of literals, white space, bytes that are not plain.</summary>
    public static ReadOnlySpan<byte> InterestingBytes => Interesting;

    /// <summary>Reads the line with <paramref name="fast"/> and the general path; when the fast one reads it, the verdicts and records must be identical. Returns whether it did.</summary>
    public static bool Compare(byte[] line, FastPath fast) => Compare(line, fast, new ScoreRecord());

    /// <summary>As <see cref="Compare(byte[], FastPath)"/>, the fast path reading into <paramref name="record"/> (reused from line to line).</summary>
    public static bool Compare(byte[] line, FastPath fast, ScoreRecord record)
    {
        var general = new ScoreRecord();
        var expected = ScoreLineParser.TryParseGeneral(line, general);
        if (!fast(line, record, out var error))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(line);
        error.Should().Be(expected, text);
        if (expected is null)
        {
            Snapshot(record).Should().Be(Snapshot(general), text);
        }

        return true;
    }

    private static string Snapshot(ScoreRecord r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Hex(r.Subject)}|{r.Scored}|{BitConverter.DoubleToInt64Bits(r.Overall)}|{r.HasBand}:{Hex(r.Band)}|{r.HasRubric}:{Hex(r.Rubric)}|{r.CompetencyCount}");
        for (var c = 0; c < r.CompetencyCount; c++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"|{Hex(r.CompetencyId(c))},{BitConverter.DoubleToInt64Bits(r.Level(c))},{r.HasPath(c)}:{Hex(r.Path(c))}");
        }

        return sb.ToString();

        static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
    }

    public static byte[] Mutate(Random random, byte[] line)
    {
        var bytes = line.ToList();
        for (var k = random.Next(1, 4); k > 0 && bytes.Count > 0; k--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 20), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Score results of random evidence as <c>fairrubrics score</c> writes them, with and without explanations.</summary>
    public static List<(byte[] Line, bool Explained)> ScorerLines(int seed, Rubric? rubric = null)
    {
        var random = new Random(seed);
        rubric ??= Relationships.Value;
        var types = rubric.Competencies.SelectMany(c => c.Paths).SelectMany(p => p.Score.Implementation.OccurrenceTypesOf(p.Score.Settings)).Distinct().ToArray();
        var rated = rubric.Competencies.SelectMany(c => c.Paths.Where(p => p.Score.Rule == "rating").Select(p => (c.Id, p.Id))).ToArray();
        var asOf = new DateOnly(2026, 6, 30);
        var lines = new List<(byte[], bool)>();
        for (var s = 0; s < 6; s++)
        {
            var items = new List<EvidenceItem>();
            for (var i = random.Next(0, 30); i > 0; i--)
            {
                if (rated.Length > 0 && (types.Length == 0 || random.Next(3) == 0))
                {
                    var (competency, path) = rated[random.Next(rated.Length)];
                    items.Add(new EvidenceItem($"s{seed}-{s}", "rating", competency, path, random.Next(1, 6) + (random.Next(3) == 0 ? 0.5 : 0) is var v && v > 5 ? 5 : v, (RaterSource)random.Next(5), Date: asOf, Id: $"e{i}"));
                }
                else
                {
                    items.Add(new EvidenceItem($"s{seed}-{s}", types[random.Next(types.Length)], Value: random.Next(4) == 0 ? random.Next(1, 9) / 2.0 : null, Date: asOf, Id: $"e{i}"));
                }
            }

            var score = new RubricScorer().Score(rubric, $"s{seed}-{s}", items.ToArray(), new ScoringOptions { AsOf = asOf });
            foreach (var explain in new[] { false, true })
            {
                using var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream))
                {
                    ScoreJson.Write(writer, score, explain);
                }

                lines.Add((stream.ToArray(), explain));
            }
        }

        return lines;
    }
}
