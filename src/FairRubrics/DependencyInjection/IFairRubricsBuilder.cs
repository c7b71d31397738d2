using FairRubrics.Checks;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.DependencyInjection;

/// <summary>Adds scoring rules and design checks to FairRubrics in a service collection. Returned by <c>AddFairRubrics()</c>.</summary>
public interface IFairRubricsBuilder
{
    /// <summary>Gets the service collection FairRubrics is registered in.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Registers a scoring rule that rubrics can name with <c>rule: …</c>. Registering the same type twice
    /// registers it once; two different rules with one name fail when the rule set is first resolved.
    /// </summary>
    /// <typeparam name="TRule">The rule type (singleton; must be thread-safe).</typeparam>
    /// <returns>This builder.</returns>
    IFairRubricsBuilder AddScoringRule<TRule>()
        where TRule : ScoringRule;

    /// <summary>Registers a rubric design check run by the linter. Registering the same type twice registers it once.</summary>
    /// <typeparam name="TCheck">The check type (singleton; must be thread-safe).</typeparam>
    /// <returns>This builder.</returns>
    IFairRubricsBuilder AddRubricCheck<TCheck>()
        where TCheck : class, IRubricCheck;

    /// <summary>Registers an outcome check run by the auditor. Registering the same type twice registers it once.</summary>
    /// <typeparam name="TCheck">The check type (singleton; must be thread-safe).</typeparam>
    /// <returns>This builder.</returns>
    IFairRubricsBuilder AddOutcomeCheck<TCheck>()
        where TCheck : class, Audit.IOutcomeCheck;
}
