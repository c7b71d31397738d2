using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli;

/// <summary>The command line uses FairRubrics exactly as a host does: through <c>AddFairRubrics()</c>.</summary>
internal static class CliServices
{
    public static ServiceProvider Create(Action<DependencyInjection.FairRubricsOptions>? configure = null) =>
        new ServiceCollection().AddFairRubrics(configure).Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
