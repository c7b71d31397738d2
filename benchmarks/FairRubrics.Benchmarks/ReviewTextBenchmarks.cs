using BenchmarkDotNet.Attributes;
using FairRubrics.Language;

namespace FairRubrics.Benchmarks;

/// <summary>
/// The review-language checker on one core: one concrete comment (no finding, the common case while a reviewer
/// types), one flagged comment, and every comment of the labelled set in turn (266 realistic comments, about half
/// flagged), reported per comment. The quality bar is at least 100,000 comments per second, i.e. at most 10 µs per
/// comment; results are in benchmarks/README.md.
/// </summary>
[MemoryDiagnoser]
public class ReviewTextBenchmarks
{
    private const string Concrete =
        "She led the billing migration to the new payments API in March; 40 services moved without downtime, and the rollback runbook she wrote was used twice by the on-call team.";

    private const string Flagged = "She is abrasive and too emotional, and needs to be a better team player.";

    private const int LabelledCount = 266;

    private IReviewTextChecker _checker = null!;
    private string[] _labelled = null!;
    private ReviewTextAccumulator _accumulator = null!;
    private string?[] _values = null!;

    [GlobalSetup]
    public void Setup()
    {
        _checker = ReviewTextChecker.Create();
        var folder = Path.Combine(FindRoot(), "tests", "FairRubrics.Tests", "Language", "ReviewComments");
        _labelled = [.. new[] { "labelled.csv", "holdout.csv" }
            .SelectMany(f => ReviewCommentReader.ReadFile(Path.Combine(folder, f)))
            .Select(r => r.Comment!)];
        if (_labelled.Length != LabelledCount)
        {
            throw new InvalidOperationException($"Expected {LabelledCount} labelled comments, found {_labelled.Length}; update LabelledCount.");
        }

        _accumulator = new ReviewTextAccumulator(["gender"], intersect: false);
        _values = ["woman"];
    }

    [Benchmark]
    public int CheckConcreteComment() => _checker.Check(Concrete).WordCount;

    [Benchmark]
    public int CheckFlaggedComment() => _checker.Check(Flagged).Findings.Count;

    /// <summary>Every labelled comment once; the reported time is per comment.</summary>
    [Benchmark(OperationsPerInvoke = LabelledCount)]
    public int CheckLabelledSetPerComment()
    {
        var findings = 0;
        foreach (var comment in _labelled)
        {
            findings += _checker.Check(comment).Findings.Count;
        }

        return findings;
    }

    /// <summary>Check and accumulate for FR304 (the <c>review-text --attributes</c> inner loop); per comment.</summary>
    [Benchmark(OperationsPerInvoke = LabelledCount)]
    public long CheckAndAccumulatePerComment()
    {
        for (var i = 0; i < _labelled.Length; i++)
        {
            _accumulator.Add(i % 2 == 0 ? "e1" : "e2", _checker.Check(_labelled[i]), _values);
        }

        return _accumulator.Comments;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FairRubrics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FairRubrics.sln not found");
    }
}
