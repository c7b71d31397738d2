using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FairRubrics.DependencyInjection;

/// <summary>
/// The steps every <c>AddFairRubrics(…)</c> call adds, in call order: code (<see cref="Action{T}"/>) and
/// configuration sections bound by property name. One instance per service collection, so that calling
/// <c>AddFairRubrics</c> again registers nothing twice.
/// </summary>
internal sealed class FairRubricsSetup : IConfigureOptions<FairRubricsOptions>
{
    private readonly List<Action<FairRubricsOptions>> _steps = [];

    /// <summary>Gets the path of the last configuration section bound (for messages naming keys), or "FairRubrics".</summary>
    public string KeyPrefix { get; private set; } = "FairRubrics";

    public void Add(Action<FairRubricsOptions> configure) => _steps.Add(configure);

    public void Add(IConfiguration configuration)
    {
        if (configuration is IConfigurationSection section)
        {
            KeyPrefix = section.Path;
        }

        // Unknown keys are errors: a misspelt key in appsettings.json must not be ignored silently.
        _steps.Add(options => configuration.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true));
    }

    public void Configure(FairRubricsOptions options)
    {
        foreach (var step in _steps.ToArray())
        {
            step(options);
        }
    }
}
