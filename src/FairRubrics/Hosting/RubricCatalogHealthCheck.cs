using FairRubrics.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FairRubrics.Hosting;

/// <summary>
/// Healthy when every configured rubric source loaded; Degraded when only edits were kept out (the previous
/// version of each such file stays in use); Unhealthy when a file or a configured folder failed to load with
/// nothing to fall back on. The data holds the counts and every diagnostic (<c>file:line:col: error FR0xx: …</c>).
/// </summary>
internal sealed class RubricCatalogHealthCheck(IRubricCatalog catalog) : IHealthCheck
{
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
