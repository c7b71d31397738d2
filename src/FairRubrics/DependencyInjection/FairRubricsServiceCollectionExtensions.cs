using FairRubrics.Audit;
using FairRubrics.Catalog;
using FairRubrics.Checks;
using FairRubrics.Checks.BuiltIn;
using FairRubrics.DependencyInjection;
using FairRubrics.Guidance;
using FairRubrics.Language;
using FairRubrics.Loading;
using FairRubrics.Pages;
using FairRubrics.Hosting;
using FairRubrics.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FairRubrics in a service collection.</summary>
public static class FairRubricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers FairRubrics: the built-in scoring rules and design checks (through the same
    /// <see cref="IFairRubricsBuilder.AddScoringRule{TRule}"/> and <see cref="IFairRubricsBuilder.AddRubricCheck{TCheck}"/>
    /// integrators call), the <see cref="ScoringRuleSet"/>, the <see cref="RubricLoader"/>, the
    /// <see cref="IRubricLinter"/>, the <see cref="IRubricScorer"/>, the <see cref="IGuidanceAdvisor"/>, the <see cref="IEmployeePageRenderer"/> for pages for the people assessed, the <see cref="IAuditRunner"/> that audits files as <c>fairrubrics audit</c> does, and the
    /// <see cref="IReviewTextChecker"/> for reviewers' comments. Safe to call more than once: nothing is registered
    /// twice, and every <paramref name="configure"/> is applied to the same options, in call order. The services log
    /// through the container's <c>ILoggerFactory</c> and publish metrics and activities named
    /// <see cref="FairRubricsInstrumentation.MeterName"/> (see docs/hosting.md).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">
    /// Sets options. It runs once when called, so that a value out of range fails here, and again when the
    /// options are created (<c>IOptions&lt;FairRubricsOptions&gt;</c>, validated at host start), so it must only set options.
    /// </param>
    /// <returns>A builder to add scoring rules and checks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option set by <paramref name="configure"/> is out of its range.</exception>
    public static IFairRubricsBuilder AddFairRubrics(this IServiceCollection services, Action<FairRubricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var setup = Setup(services);
        if (configure is not null)
        {
            // Fail fast where the bad value is written; the same checks run again, naming keys, at start.
            var preview = new FairRubricsOptions();
            configure(preview);
            preview.Loader.Validate();
            preview.DesignChecks.Validate();
            preview.ReviewText.Validate();
            setup.Add(configure);
        }

        return Register(services);
    }

    /// <summary>
    /// Registers FairRubrics (as <see cref="AddFairRubrics(IServiceCollection, Action{FairRubricsOptions}?)"/>) with
    /// options bound by property name from a configuration section, e.g. <c>configuration.GetSection("FairRubrics")</c>
    /// holding <c>{ "Rubrics": [ { "Directory": "rubrics", "Watch": true } ], "Loader": { "MaxDepth": 30 } }</c>.
    /// The section is read when the options are created and validated when the host starts (<c>ValidateOnStart</c>):
    /// a value out of range, a value of the wrong type or an unknown key stops the host with a message naming the key.
    /// Relative rubric folders resolve against <c>IHostEnvironment.ContentRootPath</c> when the container has one.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section (or any configuration) to bind <see cref="FairRubricsOptions"/> from.</param>
    /// <returns>A builder to add scoring rules and checks.</returns>
    public static IFairRubricsBuilder AddFairRubrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        Setup(services).Add(configuration);
        return Register(services);
    }

    private static FairRubricsSetup Setup(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(IConfigureOptions<FairRubricsOptions>) && d.ImplementationInstance is FairRubricsSetup)?.ImplementationInstance is FairRubricsSetup existing)
        {
            return existing;
        }

        var setup = new FairRubricsSetup();
        services.AddSingleton<IConfigureOptions<FairRubricsOptions>>(setup);
        services.AddSingleton<IValidateOptions<FairRubricsOptions>>(new FairRubricsOptionsValidator(setup));
        services.AddOptions<FairRubricsOptions>().ValidateOnStart();
        return setup;
    }

    private static FairRubricsBuilder Register(IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<FairRubricsOptions>>().Value);
        services.TryAddSingleton(sp => new FairRubricsTelemetry(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new ScoringRuleSet(sp.GetServices<ScoringRule>()));
        services.TryAddSingleton(sp => new RubricLoader(sp.GetRequiredService<FairRubricsOptions>().Loader, sp.GetRequiredService<ScoringRuleSet>()));
        services.TryAddSingleton<IRubricCatalog>(sp => new RubricCatalog(
            sp.GetRequiredService<RubricLoader>(),
            RubricSources(sp),
            sp.GetService<TimeProvider>(),
            reloadDelay: null,
            sp.GetRequiredService<FairRubricsTelemetry>(),
            Logger(sp, "FairRubrics.Catalog")));
        services.TryAddSingleton<IBiasAuditor>(sp => new BiasAuditor(sp.GetServices<IOutcomeCheck>(), sp.GetRequiredService<FairRubricsTelemetry>(), Logger(sp, "FairRubrics.Audit")));
        services.TryAddSingleton<IRubricScorer>(sp => new RubricScorer(sp.GetService<TimeProvider>(), sp.GetRequiredService<FairRubricsTelemetry>(), Logger(sp, "FairRubrics.Scoring")));
        services.TryAddSingleton<IGuidanceAdvisor>(sp => new GuidanceAdvisor(sp.GetRequiredService<FairRubricsOptions>().Guidance.Phrases));
        services.TryAddSingleton<IScoreRunner>(sp => new ScoreRunner(sp.GetRequiredService<IRubricScorer>(), sp.GetRequiredService<IGuidanceAdvisor>()));
        services.TryAddSingleton<IAuditRunner>(sp => new AuditRunner(sp.GetRequiredService<IBiasAuditor>(), sp.GetRequiredService<RubricLoader>()));
        services.TryAddSingleton<IEmployeePageRenderer>(sp => new EmployeePageRenderer(sp.GetRequiredService<IGuidanceAdvisor>(), sp.GetRequiredService<FairRubricsOptions>().Guidance.Phrases));
        services.TryAddSingleton<IRubricLinter>(sp => new RubricLinter(sp.GetServices<IRubricCheck>(), sp.GetRequiredService<FairRubricsOptions>().Linter));
        services.TryAddSingleton<FairRubrics.Comparison.IRubricComparer>(sp => new FairRubrics.Comparison.RubricComparer(sp.GetRequiredService<IRubricScorer>(), sp.GetRequiredService<IRubricLinter>(), sp.GetRequiredService<IBiasAuditor>()));
        services.TryAddSingleton(sp => new DesignCheckEnvironment(sp.GetRequiredService<FairRubricsOptions>().DesignChecks));
        services.TryAddSingleton<IReviewTextChecker>(sp => ReviewTextChecker.Create(sp.GetRequiredService<FairRubricsOptions>().ReviewText));
        services.TryAddSingleton<ILintRunner>(sp => new LintRunner(sp.GetRequiredService<RubricLoader>(), sp.GetRequiredService<IRubricLinter>()));
        services.TryAddSingleton<IStatementRunner>(sp => new StatementRunner(sp.GetRequiredService<IRubricScorer>(), sp.GetRequiredService<IEmployeePageRenderer>()));
        services.TryAddSingleton<IReviewTextRunner>(sp => new ReviewTextRunner(sp.GetRequiredService<IReviewTextChecker>()));
        services.TryAddSingleton<FairRubrics.Comparison.ICompareRunner>(sp => new FairRubrics.Comparison.CompareRunner(sp.GetRequiredService<FairRubrics.Comparison.IRubricComparer>()));
        services.TryAddSingleton<FairRubrics.Demo.IDemoRunner>(sp => new FairRubrics.Demo.DemoRunner(sp.GetRequiredService<RubricLoader>(), sp.GetRequiredService<IRubricLinter>(), sp.GetRequiredService<IRubricScorer>(), sp.GetRequiredService<IBiasAuditor>(), sp.GetRequiredService<FairRubrics.Comparison.IRubricComparer>(), sp.GetRequiredService<IEmployeePageRenderer>()));
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
            .AddOutcomeCheck<RaterEffectCheck>()
            .AddOutcomeCheck<ImpactRatioChangeCheck>();
        return builder;
    }

    private static ILogger? Logger(IServiceProvider provider, string category) => provider.GetService<ILoggerFactory>()?.CreateLogger(category);

    /// <summary>The registered sources, then the folders of the options; relative folders resolved against the content root.</summary>
    private static List<RubricSource> RubricSources(IServiceProvider provider)
    {
        var contentRoot = provider.GetService<IHostEnvironment>()?.ContentRootPath;
        contentRoot = string.IsNullOrEmpty(contentRoot) ? null : contentRoot;
        var sources = new List<RubricSource>();
        var seen = new HashSet<(string, bool)>();
        var folders = provider.GetRequiredService<FairRubricsOptions>().Rubrics
            .Where(f => !string.IsNullOrWhiteSpace(f.Directory))
            .Select(f => new RubricSource.DirectorySource(f.Directory!, f.Watch));
        foreach (var source in provider.GetServices<RubricSource>().Concat(folders))
        {
            var resolved = source is RubricSource.DirectorySource directory ? directory.Resolve(contentRoot) : source;
            if (resolved is RubricSource.DirectorySource d && !seen.Add((d.Directory, d.Watch)))
            {
                continue;   // the same folder from code and from configuration loads once
            }

            sources.Add(resolved);
        }

        return sources;
    }
}
