using System.Reflection;
using FairRubrics.Catalog;
using FairRubrics.DependencyInjection;

// In the namespace of AddFairRubrics(), like other libraries' registration extensions, so that the one
// `using Microsoft.Extensions.DependencyInjection;` a host already has finds them.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds rubric sources to the <see cref="IRubricCatalog"/> that <c>AddFairRubrics()</c> registers.</summary>
public static class FairRubricsBuilderExtensions
{
    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> file under a folder into the catalog. Adding the same folder twice adds it once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="directory">The folder; a relative one resolves against <c>IHostEnvironment.ContentRootPath</c> when the container has one, otherwise against the working directory when the catalog is created.</param>
    /// <param name="watch">Whether to reload on file changes (a broken edit keeps the last valid version).</param>
    /// <returns>The builder.</returns>
    public static IFairRubricsBuilder AddRubricsFromDirectory(this IFairRubricsBuilder builder, string directory, bool watch = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(directory);

        // A relative folder stays relative until the catalog is created: then it resolves against the host's
        // content root (IHostEnvironment), so the same app works when started from bin/.
        var path = Path.IsPathFullyQualified(directory) ? Path.GetFullPath(directory) : directory;
        var exists = builder.Services.Any(d => d.ServiceType == typeof(RubricSource)
            && d.ImplementationInstance is RubricSource.DirectorySource s
            && string.Equals(s.Directory, path, StringComparison.Ordinal) && s.Watch == watch);
        if (!exists)
        {
            builder.Services.AddSingleton<RubricSource>(new RubricSource.DirectorySource(path, watch));
        }

        return builder;
    }

    /// <summary>Adds a rubric held in a string.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name used in diagnostics.</param>
    /// <returns>The builder.</returns>
    public static IFairRubricsBuilder AddRubricsFromString(this IFairRubricsBuilder builder, string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(RubricSource.FromString(yaml, sourceName));
        return builder;
    }

    /// <summary>Adds a rubric read from a stream whenever the catalog loads.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="open">Opens the stream (it is disposed after reading).</param>
    /// <param name="sourceName">The name used in diagnostics.</param>
    /// <returns>The builder.</returns>
    public static IFairRubricsBuilder AddRubricsFromStream(this IFairRubricsBuilder builder, Func<Stream> open, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(RubricSource.FromStream(open, sourceName));
        return builder;
    }

    /// <summary>Adds every embedded <c>*.yaml</c>/<c>*.yml</c> resource of an assembly (optionally only those starting with a prefix).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="assembly">The assembly.</param>
    /// <param name="prefix">A resource-name prefix, or null for all.</param>
    /// <returns>The builder.</returns>
    public static IFairRubricsBuilder AddRubricsFromEmbeddedResources(this IFairRubricsBuilder builder, Assembly assembly, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(RubricSource.FromEmbeddedResources(assembly, prefix));
        return builder;
    }
}
