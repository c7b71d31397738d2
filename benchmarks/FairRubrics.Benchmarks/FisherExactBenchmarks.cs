using BenchmarkDotNet.Attributes;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Benchmarks;

/// <summary>
/// Fisher's exact test on groups of a million and ten million people (two equal groups, the reference rate 0.5),
/// at a small gap (p ≈ 0.16 to 0.75, long tails from near the mode: the slowest case), a moderate one (p ≈ 1e-5)
/// and an extreme one (p underflows). Run: <c>dotnet run -c Release --project benchmarks/FairRubrics.Benchmarks -- --filter '*Fisher*'</c>.
/// </summary>
[MemoryDiagnoser]
public class FisherExactBenchmarks
{
    /// <summary>Gets or sets the size of each group.</summary>
    [Params(1_000_000, 10_000_000)]
    public int GroupSize { get; set; }

    /// <summary>Gets or sets the gap between the groups' favourable counts, in standard deviations of the count.</summary>
    [Params(0.3, 1.4, 4.5, 40.0)]
    public double Gap { get; set; }

    private int _a;
    private int _half;

    /// <summary>Sets up the table.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _half = GroupSize / 2;

        // The hypergeometric SD of the top-left cell with equal groups and rate 0.5 is about sqrt(n / 8).
        _a = _half - (int)(Gap * Math.Sqrt(GroupSize / 8.0));
    }

    /// <summary>One two-sided p-value.</summary>
    /// <returns>The p-value.</returns>
    [Benchmark]
    public double TwoSidedP() => FisherExact.TwoSidedP(_a, GroupSize - _a, _half, GroupSize - _half);
}
