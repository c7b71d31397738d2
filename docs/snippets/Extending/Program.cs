using Acme.Rubrics;
using FairRubrics.Audit;
using FairRubrics.Catalog;
using FairRubrics.Checks;
using FairRubrics.Evidence;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddFairRubrics()
        .AddRubricsFromDirectory("rubrics")
        .AddScoringRule<SustainedContributionRule>()    // rubrics can now say `rule: acme/sustained`
        .AddRubricCheck<DescribedCompetencyCheck>();    // the linter now reports ACME010 too
using var provider = services.BuildServiceProvider();

var catalog = provider.GetRequiredService<IRubricCatalog>();
var rubric = catalog.GetRubric("mentoring");
foreach (var finding in provider.GetRequiredService<IRubricLinter>().Lint(rubric))
{
    Console.WriteLine(finding);   // rubrics/mentoring.yaml:7:5: warning ACME010: competency 'mentoring' has no description; ...
}

// Six people: subject i mentored in the first 2*i months of the year.
var evidence = new List<EvidenceItem>();
for (var person = 1; person <= 6; person++)
{
    for (var month = 1; month <= 2 * person && month <= 11; month++)
    {
        evidence.Add(new EvidenceItem($"e-{person:000}", "mentoring", Date: new DateOnly(2026, month, 15)));
    }
}

var scores = provider.GetRequiredService<IRubricScorer>().ScoreAll(rubric, evidence, new ScoringOptions { AsOf = new DateOnly(2026, 11, 30) });
foreach (var score in scores)
{
    Console.WriteLine($"{score.Subject}: level {score.Overall} ({score.Band}) — {ScoreText.Explain(score.Competencies[0])}");
}

string[] north = ["e-001", "e-003", "e-005"];
var attributes = scores.ToDictionary(
    s => s.Subject,
    s => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["site"] = north.Contains(s.Subject) ? "north" : "south" });
var options = new AuditOptions { MinGroupSize = 3 };
options.FavourableBands.Add("Strong");
var report = provider.GetRequiredService<IBiasAuditor>().Audit(scores.Select(AuditSubject.From), attributes, options);
Console.WriteLine($"audit: {report.Subjects} subjects, {report.Findings.Count} finding(s)");
foreach (var finding in report.Findings)
{
    Console.WriteLine($"{finding.Severity} {finding.Id}: {finding.Message}");
}
