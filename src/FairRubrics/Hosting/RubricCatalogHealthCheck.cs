using FairRubrics.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FairRubrics.Hosting;

/// <summary>
/// Healthy when every configured rubric source loaded; Degraded when only edits were kept out (the previous
/// version of each such file stays in use); Unhealthy when a file or a configured folder failed to load with
/// nothing to fall back on. The data holds the counts and every diagnostic (<c>file:line:col: error FR0xx: …</c>).
/// Register it with <c>AddFairRubricsHealthCheck()</c> from the FairRubrics.HealthChecks package, or without that package
/// as <c>services.AddHealthChecks().AddCheck&lt;RubricCatalogHealthCheck&gt;("fairrubrics")</c>. The failure status
/// of the registration applies to the Unhealthy case.
/// </summary>
/// <param name="catalog">The catalog registered by <c>AddFairRubrics()</c>.</param>
public sealed class RubricCatalogHealthCheck(IRubricCatalog catalog) : IHealthCheck
{
    /// <summary>Reports the catalog's health: the rubrics loaded and the diagnostics of files that did not load.</summary>
    /// <param name="context">The health check context (its registration's failure status is used when a rubric failed to load).</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>Healthy, Degraded or the failure status, with the counts and diagnostics as data.</returns>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = catalog.Diagnostics;
        var rubrics = catalog.Rubrics;
        var failedFiles = diagnostics.Where(d => d.IsError).Select(d => d.Location.File).ToHashSet(StringComparer.Ordinal);
        var keptFiles = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Info && string.Equals(d.Id, DiagnosticIds.Unreadable, StringComparison.Ordinal))
            .Select(d => d.Location.File)
            .ToHashSet(StringComparer.Ordinal);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["rubrics"] = rubrics.Count,
            ["errors"] = diagnostics.Count(d => d.IsError),
            ["diagnostics"] = diagnostics.Select(d => d.ToString()).ToArray(),
        };

        HealthCheckResult result;
        if (failedFiles.Count == 0)
        {
            result = HealthCheckResult.Healthy($"{rubrics.Count} rubric(s) loaded", data);
        }
        else if (failedFiles.IsSubsetOf(keptFiles))
        {
            result = new HealthCheckResult(HealthStatus.Degraded, $"{failedFiles.Count} rubric file(s) have edits that do not load; their previous versions stay in use", data: data);
        }
        else
        {
            var failed = failedFiles.Except(keptFiles).Order(StringComparer.Ordinal).ToArray();
            result = new HealthCheckResult(context.Registration.FailureStatus, $"{failed.Length} rubric source(s) failed to load: {string.Join(", ", failed)}", data: data);
        }

        return Task.FromResult(result);
    }
}
