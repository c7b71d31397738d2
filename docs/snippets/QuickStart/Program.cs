using FairRubrics.Audit;
using FairRubrics.Catalog;
using FairRubrics.Checks;
using FairRubrics.Evidence;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;

// 1. Register FairRubrics and the folder your rubrics live in.
var services = new ServiceCollection();
services.AddFairRubrics()
        .AddRubricsFromDirectory("rubrics");
using var provider = services.BuildServiceProvider();

// 2. Load: files that fail to load are reported with file:line:col, never skipped silently.
var catalog = provider.GetRequiredService<IRubricCatalog>();
foreach (var problem in catalog.Diagnostics)
{
    Console.Error.WriteLine(problem);
}

var rubric = catalog.GetRubric("teamwork");
foreach (var finding in provider.GetRequiredService<IRubricLinter>().Lint(rubric))
{
    Console.Error.WriteLine(finding);   // design checks FR101-FR110: is the rubric biased by design?
}

// 3. Score: evidence never carries protected attributes, and every score explains itself.
var evidence = new List<EvidenceItem>();
// Passing the rubric is optional: the reader then shares its ids' strings, which makes scoring faster.
foreach (var row in EvidenceReader.ReadFile("evidence.csv", rubric: rubric))
{
    if (row.IsValid)
    {
        evidence.Add(row.Item.Value);
    }
    else
    {
        Console.Error.WriteLine($"evidence.csv row {row.Row}: {row.Error}");
    }
}

var scorer = provider.GetRequiredService<IRubricScorer>();
var scores = scorer.ScoreAll(rubric, evidence, new ScoringOptions { AsOf = new DateOnly(2026, 11, 27) });
foreach (var score in scores)
{
    Console.WriteLine(score);
}

// 4. Audit: attributes (from your HR system) are joined with the results only here.
var gender = new Dictionary<string, string?>
{
    ["e-001"] = "woman", ["e-002"] = "man", ["e-003"] = "woman",
    ["e-004"] = "man", ["e-005"] = "woman", ["e-006"] = "man",
};
var attributes = scores.ToDictionary(
    s => s.Subject,
    s => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["gender"] = gender.GetValueOrDefault(s.Subject) });
var options = new AuditOptions { MinGroupSize = 3 };   // default 5; never below 3
foreach (var band in rubric.Favourable)
{
    options.FavourableBands.Add(band);                 // the outcome that counts: here 'Strong'
}

var report = provider.GetRequiredService<IBiasAuditor>().Audit(scores.Select(AuditSubject.From), attributes, options);
Console.WriteLine(AuditMarkdown.Render(report, "Teamwork audit"));
