using FairRubrics.Checks;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FairRubrics.DependencyInjection;

internal sealed class FairRubricsBuilder(IServiceCollection services) : IFairRubricsBuilder
{
    public IServiceCollection Services { get; } = services;

    public IFairRubricsBuilder AddScoringRule<TRule>()
        where TRule : ScoringRule
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ScoringRule, TRule>());
        return this;
    }

    public IFairRubricsBuilder AddRubricCheck<TCheck>()
        where TCheck : class, IRubricCheck
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRubricCheck, TCheck>());
        return this;
    }

    public IFairRubricsBuilder AddOutcomeCheck<TCheck>()
        where TCheck : class, Audit.IOutcomeCheck
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Audit.IOutcomeCheck, TCheck>());
        return this;
    }
}
