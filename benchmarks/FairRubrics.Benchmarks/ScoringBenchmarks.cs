using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Benchmarks;

/// <summary>
/// PRODUCT.md section 8: at least 1,000,000 subjects per second on one core for a 10-competency, 3-path rubric
/// with about 20 evidence items per subject, with no per-evidence allocations. One operation = one subject.
/// Two sources of the same evidence: items constructed in code, each with its own string instances
/// (<see cref="ScoreSubjects"/>), and the items as <see cref="EvidenceReader"/> reads them from CSV
/// (<see cref="ScoreSubjectsAsRead"/>), whose equal field values share one instance.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Subjects = 10_000;
    private readonly ScoringOptions _options = new() { AsOf = new DateOnly(2026, 6, 30) };
    private Rubric _rubric = null!;
    private RubricScorer _scorer = null!;
    private EvidenceItem[][] _evidence = null!;
    private EvidenceItem[][] _read = null!;
    private string[] _names = null!;

    /// <summary>Gets or sets the evidence items per subject.</summary>
    [Params(20)]
    public int ItemsPerSubject { get; set; }

    /// <summary>Builds the rubric and the evidence.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rubric = new RubricLoader().LoadString(BuildRubric(10), "bench.yaml").GetRubricOrThrow();
        _scorer = new RubricScorer();
        var random = new Random(42);
        _names = new string[Subjects];
        _evidence = new EvidenceItem[Subjects][];
        for (var s = 0; s < Subjects; s++)
        {
            var subject = "subject-" + s.ToString("D6", CultureInfo.InvariantCulture);
            _names[s] = subject;
            var items = new EvidenceItem[ItemsPerSubject];
            for (var i = 0; i < items.Length; i++)
            {
                var c = random.Next(10);
                items[i] = random.Next(3) == 0
                    ? new EvidenceItem(subject, "rating", $"competency-{c}", "rated", random.Next(1, 6), random.Next(2) == 0 ? RaterSource.Manager : RaterSource.Peer, Date: new DateOnly(2026, 1, 1).AddDays(random.Next(180)), Id: "e" + i.ToString(CultureInfo.InvariantCulture))
                    : new EvidenceItem(subject, $"type-{c}-{random.Next(4)}", Date: new DateOnly(2026, 1, 1).AddDays(random.Next(180)), Id: "e" + i.ToString(CultureInfo.InvariantCulture));
            }

            _evidence[s] = items;
        }

        _read = ReadBack(_evidence, _rubric);

        var check = _scorer.Score(_rubric, _names[0], _evidence[0], _options);
        if (check.UsedItems == 0)
        {
            throw new InvalidOperationException("the benchmark evidence does not match the rubric");
        }

        if (_scorer.Score(_rubric, _names[0], _read[0], _options).ToString() != check.ToString())
        {
            throw new InvalidOperationException("the evidence read back from CSV does not score as the original");
        }
    }

    /// <summary>Scores every subject once (reported per subject).</summary>
    /// <returns>A checksum so the work is not optimised away.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public double ScoreSubjects()
    {
        var sum = 0.0;
        for (var s = 0; s < Subjects; s++)
        {
            sum += _scorer.Score(_rubric, _names[s], new ReadOnlyMemory<EvidenceItem>(_evidence[s]), _options).Overall ?? 0;
        }

        return sum;
    }

    /// <summary>Scores every subject once, its evidence as read by <see cref="EvidenceReader"/> (reported per subject).</summary>
    /// <returns>A checksum so the work is not optimised away.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public double ScoreSubjectsAsRead()
    {
        var sum = 0.0;
        for (var s = 0; s < Subjects; s++)
        {
            var items = _read[s];
            sum += _scorer.Score(_rubric, items[0].Subject, new ReadOnlyMemory<EvidenceItem>(items), _options).Overall ?? 0;
        }

        return sum;
    }

    /// <summary>Writes the evidence as CSV and reads it back with <see cref="EvidenceReader"/> for the rubric (as <c>fairrubrics score</c> does), one array per subject.</summary>
    private static EvidenceItem[][] ReadBack(EvidenceItem[][] evidence, Rubric rubric)
    {
        var csv = new StringBuilder("subject,type,competency,path,value,source,date,id\n");
        foreach (var items in evidence)
        {
            foreach (var i in items)
            {
                var source = i.IsRating ? i.Source.ToString().ToLowerInvariant() : string.Empty;
                csv.Append(CultureInfo.InvariantCulture, $"{i.Subject},{i.Type},{i.Competency},{i.Path},{i.Value},{source},{i.Date:yyyy-MM-dd},{i.Id}\n");
            }
        }

        var read = EvidenceReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), rubric: rubric)
            .Select(row => row.Item ?? throw new InvalidOperationException(row.Error))
            .ToArray();
        var result = new EvidenceItem[evidence.Length][];
        var next = 0;
        for (var s = 0; s < evidence.Length; s++)
        {
            result[s] = read.AsSpan(next, evidence[s].Length).ToArray();
            next += evidence[s].Length;
        }

        return result;
    }

    private static string BuildRubric(int competencies)
    {
        var sb = new StringBuilder("fairrubrics: 1\nid: bench\nversion: 1.0.0\ntitle: Bench\nscale: { 1: A, 2: B, 3: C, 4: D, 5: E }\ncompetencies:\n");
        for (var c = 0; c < competencies; c++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
                  - id: competency-{c}
                    title: Competency {c}
                    paths:
                      - id: rated
                        title: Rated
                        score: {"{"} rule: rating, sources: [manager, peer] {"}"}
                      - id: counted-a
                        title: Counted A
                        score: {"{"} rule: count, of: [type-{c}-0, type-{c}-1], thresholds: {"{"} 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 {"}"} {"}"}
                      - id: counted-b
                        title: Counted B
                        score: {"{"} rule: count, of: [type-{c}-2, type-{c}-3], thresholds: {"{"} 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 {"}"} {"}"}

                """);
        }

        sb.Append("bands:\n  - { label: High, min: 3.5 }\n  - { label: Low, min: 0 }\nwindow: { months: 12 }\n");
        return sb.ToString();
    }
}
