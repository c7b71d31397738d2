using Acme.HouseStyle;
using Acme.HrHost;
using Acme.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The content root is the folder of the program, where the rubrics, the data and appsettings.json are copied.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.Configure<ReviewCycleOptions>(builder.Configuration.GetSection(ReviewCycleOptions.Section));
var watch = builder.Configuration.GetValue<bool>($"{ReviewCycleOptions.Section}:Watch");

builder.Services.AddFairRubrics(o => o.Linter.Severities[HouseStyleCheck.RoutesNotExplained] = FairRubrics.DiagnosticSeverity.Warning)
       .AddRubricsFromDirectory(Path.Combine(builder.Environment.ContentRootPath, "rubrics"), watch)
       .AddScoringRule<RecentCountRule>()     // acme/recent-count, used by rubrics/engineering.yaml
       .AddRubricCheck<HouseStyleCheck>();    // ACME001, ACME002 next to FR101-FR110
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHostedService<ReviewCycleWorker>();

using var host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;
