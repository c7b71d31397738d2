using FairRubrics.Audit;
using FairRubrics.Catalog;
using FairRubrics.Checks;
using FairRubrics.Checks.BuiltIn;
using FairRubrics.DependencyInjection;
using FairRubrics.Guidance;
using FairRubrics.Language;
using FairRubrics.Loading;
using FairRubrics.Pages;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FairRubrics in a service collection.</summary>
public static class FairRubricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers FairRubrics: the built-in scoring rules and design checks (through the same
    /// <see cref="IFairRubricsBuilder.AddScoringRule{TRule}"/> and <see cref="IFairRubricsBuilder.AddRubricCheck{TCheck}"/>
    /// integrators call), the <see cref="ScoringRuleSet"/>, the <see cref="RubricLoader"/>, the
    /// <see cref="IRubricLinter"/>, the <see cref="IRubricScorer"/>, the <see cref="IGuidanceAdvisor"/>, the <see cref="IEmployeePageRenderer"/> for pages for the people assessed, and the
    /// <see cref="IReviewTextChecker"/> for reviewers' comments. Safe to call more than once: nothing is registered
    /// twice, and every <paramref name="configure"/> is applied to the same options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options; validated when the services are first resolved.</param>
    /// <returns>A builder to add scoring rules and checks.</returns>
    public static IFairRubricsBuilder AddFairRubrics(this IServiceCollection services, Action<FairRubricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.FirstOrDefault(d => d.ServiceType == typeof(FairRubricsOptions))?.ImplementationInstance as FairRubricsOptions;
        if (options is null)
        {
            options = new FairRubricsOptions();
            services.AddSingleton(options);
        }

        configure?.Invoke(options);
        options.Loader.Validate();
        options.DesignChecks.Validate();
        options.ReviewText.Validate();

        services.TryAddSingleton(sp => new ScoringRuleSet(sp.GetServices<ScoringRule>()));
        services.TryAddSingleton(sp => new RubricLoader(sp.GetRequiredService<FairRubricsOptions>().Loader, sp.GetRequiredService<ScoringRuleSet>()));
        services.TryAddSingleton<IRubricCatalog>(sp => new RubricCatalog(sp.GetRequiredService<RubricLoader>(), sp.GetServices<RubricSource>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IBiasAuditor>(sp => new BiasAuditor(sp.GetServices<IOutcomeCheck>()));
        services.TryAddSingleton<IRubricScorer>(sp => new RubricScorer(sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IGuidanceAdvisor>(sp => new GuidanceAdvisor(sp.GetRequiredService<FairRubricsOptions>().Guidance.Phrases));
        services.TryAddSingleton<IEmployeePageRenderer>(sp => new EmployeePageRenderer(sp.GetRequiredService<IGuidanceAdvisor>(), sp.GetRequiredService<FairRubricsOptions>().Guidance.Phrases));
        services.TryAddSingleton<IRubricLinter>(sp => new RubricLinter(sp.GetServices<IRubricCheck>(), sp.GetRequiredService<FairRubricsOptions>().Linter));
        services.TryAddSingleton<FairRubrics.Comparison.IRubricComparer>(sp => new FairRubrics.Comparison.RubricComparer(sp.GetRequiredService<IRubricScorer>(), sp.GetRequiredService<IRubricLinter>(), sp.GetRequiredService<IBiasAuditor>()));
        services.TryAddSingleton(sp => new DesignCheckEnvironment(sp.GetRequiredService<FairRubricsOptions>().DesignChecks));
        services.TryAddSingleton<IReviewTextChecker>(sp => ReviewTextChecker.Create(sp.GetRequiredService<FairRubricsOptions>().ReviewText));

        var builder = new FairRubricsBuilder(services);
        builder.AddScoringRule<RatingRule>()
            .AddScoringRule<CountRule>()
            .AddScoringRule<PresenceRule>()
            .AddRubricCheck<SinglePathInterpersonalCheck>()
            .AddRubricCheck<ContactAccumulationCheck>()
            .AddRubricCheck<UnequalPathCeilingsCheck>()
            .AddRubricCheck<CodedLanguageCheck>()
            .AddRubricCheck<VagueAnchorCheck>()
            .AddRubricCheck<VisibilityDependenceCheck>()
            .AddRubricCheck<WeightConcentrationCheck>()
            .AddRubricCheck<SingleRaterSourceCheck>()
            .AddRubricCheck<CountWithoutWindowCheck>()
            .AddRubricCheck<UnanchoredRatingPathCheck>()
            .AddRubricCheck<MissingTranslationCheck>()
            .AddOutcomeCheck<AdverseImpactCheck>()
            .AddOutcomeCheck<ScoringRateCheck>()
            .AddOutcomeCheck<ScoreGapCheck>()
            .AddOutcomeCheck<PathEquivalenceCheck>()
            .AddOutcomeCheck<MissingEvidenceCheck>()
            .AddOutcomeCheck<RaterEffectCheck>();
        return builder;
    }
}
