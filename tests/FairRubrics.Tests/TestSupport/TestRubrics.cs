using System.Globalization;
using FairRubrics.Loading;
using FairRubrics.Scoring;

namespace FairRubrics.Tests.TestSupport;

/// <summary>Paths and helpers shared by the tests.</summary>
internal static class TestRubrics
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CorpusDirectory => Path.Combine(RepositoryRoot, "tests", "FairRubrics.Tests", "Loading", "Corpus");

    public static RubricLoader LoaderWithCustomRule() =>
        new(new RubricLoaderOptions(), new ScoringRuleSet([new AcceptAnythingRule()]));

    /// <summary>A minimal valid rubric; <paramref name="competencies"/> replaces the competencies block when given.</summary>
    public static string Minimal(string? competencies = null, string extra = "") =>
        $"""
        fairrubrics: 1
        id: minimal
        version: 1.0.0
        title: Minimal
        scale: {"{"} 1: Low, 2: Mid, 3: High {"}"}
        competencies:
        {competencies ?? "  - id: delivery\n    title: Delivers\n    paths:\n      - id: manager\n        title: Manager view\n        score: { rule: rating, sources: [manager, peer] }"}
        {extra}
        """;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FairRubrics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FairRubrics.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A custom rule named <c>acme/tenure-weighted</c> that accepts any parameters.</summary>
    internal sealed class AcceptAnythingRule : ScoringRule<object>
    {
        public override string Name => "acme/tenure-weighted";

        public override object? Bind(ScoringRuleParameters parameters, ScoringRuleContext context) => new object();

        public override PathOutcome Evaluate(object settings, in PathEvidence evidence) => evidence.Count == 0 ? PathOutcome.NoLevel() : PathOutcome.AtLevel(1);
    }
}

/// <summary>Runs code under a given culture and restores the previous one.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    public CultureScope(string name)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = new CultureInfo(name);
        CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
