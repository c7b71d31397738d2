using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli;

/// <summary>The command line uses FairRubrics exactly as a host does: through <c>AddFairRubrics()</c>.</summary>
internal static class CliServices
{
    /// <summary>
    /// The container a command uses. Not validated on build: validation builds every registration's call site on
    /// every command, and the tests validate the same collection (<see cref="Collection"/>) once.
    /// </summary>
    public static ServiceProvider Create(Action<DependencyInjection.FairRubricsOptions>? configure = null) =>
        Collection(configure).BuildServiceProvider();

    /// <summary>The registrations behind <see cref="Create"/>.</summary>
    public static IServiceCollection Collection(Action<DependencyInjection.FairRubricsOptions>? configure = null) =>
        new ServiceCollection().AddFairRubrics(configure).Services;
}
