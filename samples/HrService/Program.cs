using Acme.HrService;

// An HR service with FairRubrics inside: evidence in, explained scores and outcome audits out, everything stored in
// SQLite (a file under the content root) or, when ConnectionStrings:HrService is set, PostgreSQL. See README.md.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHrService();

var app = builder.Build();

// Errors become RFC 9457 problem details without a stack trace, in every environment.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHrServiceEndpoints();

await app.Services.GetRequiredService<Acme.HrService.Storage.HrDatabase>().InitializeAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The program; public so that tests can start it with WebApplicationFactory.</summary>
#pragma warning disable CA1515 // WebApplicationFactory<Program> needs a public entry point type.
public partial class Program;
#pragma warning restore CA1515
