using BenchmarkDotNet.Attributes;
using FairRubrics.Audit;

namespace FairRubrics.Benchmarks;

/// <summary>
/// The in-memory part of an audit (PRODUCT.md 8: a million scored subjects by two attributes and their intersection
/// in under a second): adding 1,000,000 results already in memory to an <see cref="AuditAccumulator"/> (gender ×
/// ethnicity with unknowns, two competencies, one with three paths), then the report with every statistic and check.
/// Reading and parsing the files is measured end to end by benchmarks/compare/compare.py.
/// Run: <c>dotnet run -c Release --project benchmarks/FairRubrics.Benchmarks -- --filter '*Audit*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class AuditBenchmarks
{
    private static readonly string[] Genders = ["female", "male", "non-binary", ""];
    private static readonly string[] Ethnicities = ["White", "Asian", "Black", "Hispanic", "Mixed", "Pacific Islander", ""];
    private static readonly string[] Bands = ["Developing", "Solid", "Strong", "Exceptional"];
    private static readonly string[] Paths = ["broad-network", "altruistic-contribution", "knowledge-sharing"];

    private AuditSubject[] _subjects = [];
    private string?[][] _values = [];
    private AuditAccumulator _accumulated = null!;
    private readonly AuditOptions _options = new() { Intersect = true };

    /// <summary>Gets or sets the number of subjects.</summary>
    [Params(1_000_000)]
    public int Subjects { get; set; }

    /// <summary>Makes the population (deterministic).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _subjects = new AuditSubject[Subjects];
        _values = new string?[Subjects][];
        for (var i = 0; i < Subjects; i++)
        {
            var relationships = 1 + (random.Next(9) / 2.0);
            var delivery = 1 + (random.Next(9) / 2.0);
            var overall = (relationships + (2 * delivery)) / 3;
            var scored = random.Next(50) != 0;
            var band = Bands[Math.Min(3, (int)Math.Max(0, overall - 1.5))];
            _subjects[i] = new AuditSubject(
                $"S{i:D7}",
                scored,
                scored ? overall : null,
                scored ? band : null,
                [new("relationships", scored ? relationships : null, scored ? Paths[random.Next(3)] : null), new("delivery", scored ? delivery : null, scored ? "outcomes" : null)],
                "compare");
            _values[i] = [Genders[random.Next(Genders.Length)], Ethnicities[Math.Min(random.Next(12), Ethnicities.Length - 1)]];
        }

        _options.FavourableBands.Add("Exceptional");
        _options.FavourableBands.Add("Strong");
        _options.Attributes.Add("gender");
        _options.Attributes.Add("ethnicity");
        _accumulated = Accumulate();
    }

    /// <summary>Adds every subject to a new accumulator.</summary>
    /// <returns>The accumulator.</returns>
    [Benchmark]
    public AuditAccumulator Accumulate()
    {
        var accumulator = new AuditAccumulator(["gender", "ethnicity"], intersect: true);
        for (var i = 0; i < _subjects.Length; i++)
        {
            accumulator.Add(_subjects[i], _values[i]);
        }

        return accumulator;
    }

    /// <summary>The report of the accumulated statistics (every statistic, suppression and check).</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public AuditReport Report() => new BiasAuditor().Report(_accumulated, _options);

    /// <summary>Both: the in-memory audit of a million subjects.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public AuditReport AccumulateAndReport() => new BiasAuditor().Report(Accumulate(), _options);
}
