using BenchmarkDotNet.Attributes;
using FairRubrics.Checks;
using FairRubrics.Language;
using FairRubrics.Loading;
using FairRubrics.Model;

namespace FairRubrics.Benchmarks;

/// <summary>
/// The word-list matcher on a typical anchor or review comment (every built-in list, as the review-comment
/// checks will use it), and a full design lint of the legacy sample rubric.
/// </summary>
[MemoryDiagnoser]
public class WordMatcherBenchmarks
{
    private const string Comment =
        "She leads the migration of two services, shares what she learns with other teams and supports colleagues on call; "
        + "she can be abrasive in design reviews but is naturally confident, assertive and a real team player who meets senior leaders.";

    private WordMatcher _all = null!;
    private RubricLinter _linter = null!;
    private Rubric _legacy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _all = new WordMatcher(WordListLoader.BuiltIn);
        _linter = new RubricLinter(BuiltInChecks.Create());
        _legacy = new RubricLoader().LoadFile(Path.Combine(FindRoot(), "samples", "legacy-networking.yaml")).GetRubricOrThrow();
    }

    [Benchmark]
    public int FindInComment() => _all.Find(Comment).Count;

    [Benchmark]
    public int LintLegacyRubric() => _linter.Lint(_legacy).Count;

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
