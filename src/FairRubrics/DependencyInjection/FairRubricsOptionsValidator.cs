using System.Globalization;
using Microsoft.Extensions.Options;

namespace FairRubrics.DependencyInjection;

/// <summary>Validates the options when they are created (at host start with <c>ValidateOnStart</c>); every message names the configuration key.</summary>
internal sealed class FairRubricsOptionsValidator(FairRubricsSetup setup) : IValidateOptions<FairRubricsOptions>
{
    public ValidateOptionsResult Validate(string? name, FairRubricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = setup.KeyPrefix;
        var failures = new List<string>();
        Check(failures, prefix, "Loader", options.Loader.Validate);
        Check(failures, prefix, "DesignChecks", options.DesignChecks.Validate);
        Check(failures, prefix, "ReviewText", options.ReviewText.Validate);
        for (var i = 0; i < options.Rubrics.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Rubrics[i]?.Directory))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:Rubrics:{i}:Directory is required: the folder that holds the rubric files, e.g. \"rubrics\" (relative to the content root)."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Runs one options class's own range checks and turns their exceptions into messages naming the key.</summary>
    internal static void Check(List<string> failures, string prefix, string section, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            failures.Add($"{prefix}:{section}:{ex.ParamName}: {(cut >= 0 ? message[..cut] : message.Split('\n')[0]).TrimEnd()}");
        }
        catch (FairRubricsConfigurationException ex)
        {
            failures.Add($"{prefix}:{section}: {ex.Message}");
        }
    }
}
