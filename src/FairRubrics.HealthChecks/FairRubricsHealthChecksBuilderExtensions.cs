using FairRubrics.Catalog;
using FairRubrics.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// In the namespace of AddHealthChecks(), like other libraries' health check extensions.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the health of the FairRubrics catalog to a host's health checks.</summary>
public static class FairRubricsHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check of the <see cref="IRubricCatalog"/> registered by <c>AddFairRubrics()</c>: Unhealthy (or
    /// <paramref name="failureStatus"/>) when a configured rubric file or folder failed to load, Degraded when only edits
    /// were kept out (the previous versions stay in use), Healthy otherwise. The result's data holds the rubric and error
    /// counts and every diagnostic as <c>file:line:col: error FR0xx: message</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name; default <c>fairrubrics</c>.</param>
    /// <param name="failureStatus">The status when a rubric failed to load; default Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddFairRubricsHealthCheck(this IHealthChecksBuilder builder, string name = "fairrubrics", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new RubricCatalogHealthCheck(sp.GetRequiredService<IRubricCatalog>()),
            failureStatus ?? HealthStatus.Unhealthy,
            tags));
    }
}
