using Acme.Rubrics;
using FairRubrics;
using FairRubrics.Audit;
using FairRubrics.Catalog;
using FairRubrics.Checks;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Snippets;

public static class Embedding
{
    public static IServiceCollection Options(IServiceCollection services)
    {
        // begin-snippet: embedding-options
        services.AddFairRubrics(o =>
        {
            o.Loader.MaxFileBytes = 1_000_000;             // rubric files are bounded: size, depth, nodes, scalars
            o.Linter.Severities["FR107"] = DiagnosticSeverity.Error;   // house policy: weight concentration is an error
            o.DesignChecks.MaxInterpersonalWeightShare = 0.3;          // FR107 threshold, default 0.4
        });
        // end-snippet
        return services;
    }

    public static void Host(string[] args)
    {
        // begin-snippet: embedding-host
        // dotnet add package Microsoft.Extensions.Hosting --version 10.0.15
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
        builder.Services.AddFairRubrics()
               .AddRubricsFromDirectory("rubrics", watch: true);   // relative: under the content root
        using var host = builder.Build();
        // end-snippet
    }

    public static void FromConfiguration(string[] args)
    {
        // begin-snippet: hosting-configuration
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
        builder.Services.AddFairRubrics(builder.Configuration.GetSection("FairRubrics"));   // bound and validated at start
        builder.Services.AddHealthChecks().AddFairRubricsHealthCheck();                     // Unhealthy when a rubric fails to load
        using var host = builder.Build();
        // end-snippet
    }

    // begin-snippet: embedding-service
    public sealed class ReviewCycleService(IRubricCatalog catalog, IRubricScorer scorer)
    {
        // A singleton that many requests use at once: the catalog and the scorer are thread-safe, and a rubric
        // taken from the catalog stays the same object for the whole calculation, even if the file is edited.
        public SubjectScore Score(string rubricId, string employeeId, EvidenceItem[] evidence)
        {
            var rubric = catalog.GetRubric(rubricId);          // latest version; or GetRubric(id, "1.2.0")
            return scorer.Score(rubric, employeeId, evidence);  // no AsOf: today, from the registered TimeProvider
        }
    }
    // end-snippet

    public static void Reload(IServiceProvider provider, Action<string> log)
    {
        // begin-snippet: embedding-reload
        var catalog = provider.GetRequiredService<IRubricCatalog>();
        catalog.Changed += (_, _) =>
        {
            foreach (var problem in catalog.Diagnostics)
            {
                log(problem.ToString());   // a broken edit: the last valid version stays in use
            }
        };
        // end-snippet
    }

    public static void WithoutContainer()
    {
        // begin-snippet: embedding-no-container
        var loader = new RubricLoader(new RubricLoaderOptions(), new ScoringRuleSet([new SustainedContributionRule()]));
        var rubric = loader.LoadFile("rubrics/mentoring.yaml").GetRubricOrThrow();   // throws with every diagnostic
        var linter = new RubricLinter([.. BuiltInChecks.Create(), new DescribedCompetencyCheck()]);
        var findings = linter.Lint(rubric);
        var scorer = new RubricScorer();
        var auditor = new BiasAuditor();
        // end-snippet
        GC.KeepAlive(findings);
        GC.KeepAlive(scorer);
        GC.KeepAlive(auditor);
    }

    public static Rubric LoadOne(RubricLoader loader)
    {
        // begin-snippet: embedding-load-result
        var result = loader.LoadFile("rubrics/teamwork.yaml");
        if (!result.Succeeded)
        {
            foreach (var d in result.Diagnostics)
            {
                Console.Error.WriteLine(d);   // rubrics/teamwork.yaml:14:5: error FR008: ...
            }
        }
        // end-snippet
        return result.GetRubricOrThrow();
    }
}
