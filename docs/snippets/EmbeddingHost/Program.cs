using System.Runtime.CompilerServices;
using FairRubrics.Catalog;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

// Options and rubric folders come from appsettings.json (section "FairRubrics"), checked when the host starts.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddFairRubrics(builder.Configuration.GetSection("FairRubrics"));
builder.Services.AddHealthChecks().AddFairRubricsHealthCheck();
using var host = builder.Build();
await host.StartAsync();

// A rubric file that does not load is logged (event 1003: file, line, column, FR code) and makes this Unhealthy.
var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
Console.WriteLine($"health: {health.Status}");

// Score evidence as it streams in, grouped by subject, within a time budget and until the host stops.
var rubric = host.Services.GetRequiredService<IRubricCatalog>().GetRubric("teamwork");
var scorer = host.Services.GetRequiredService<IRubricScorer>();
var options = new ScoringOptions { AsOf = new DateOnly(2026, 11, 27), EvidenceOrder = EvidenceOrder.GroupedBySubject };
using var budget = CancellationTokenSource.CreateLinkedTokenSource(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
budget.CancelAfter(builder.Configuration.GetValue("Scoring:Budget", TimeSpan.FromMinutes(5)));
try
{
    await foreach (var score in scorer.ScoreAllAsync(rubric, ReadEvidenceAsync(budget.Token), options, budget.Token))
    {
        Console.WriteLine($"{score.Subject}: {score.Status}, band {score.Band}");
    }
}
catch (OperationCanceledException)
{
    Console.WriteLine("scoring stopped: over budget or shutting down");
}

await host.StopAsync();

// Stands in for a database query (ORDER BY subject) read row by row with a DbDataReader.
static async IAsyncEnumerable<EvidenceItem> ReadEvidenceAsync([EnumeratorCancellation] CancellationToken cancellationToken)
{
    EvidenceItem[] rows =
    [
        new("e-001", "rating", "delivery", "outcomes", 4, RaterSource.Manager, Date: new DateOnly(2026, 10, 1)),
        new("e-001", "rating", "delivery", "outcomes", 4, RaterSource.Peer, Date: new DateOnly(2026, 10, 3)),
        new("e-001", "rating", "relationships", "broad-network", 4, RaterSource.Manager, Date: new DateOnly(2026, 10, 1)),
        new("e-002", "rating", "delivery", "outcomes", 5, RaterSource.Manager, Date: new DateOnly(2026, 10, 2)),
        new("e-002", "mentoring", Value: 7, Date: new DateOnly(2026, 6, 30)),
    ];
    foreach (var row in rows)
    {
        await Task.Delay(10, cancellationToken);   // a round trip to the database
        yield return row;
    }
}
