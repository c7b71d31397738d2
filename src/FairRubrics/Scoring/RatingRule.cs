using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>The built-in <c>rating</c> rule: the path's level is the aggregate of the counted raters' levels.</summary>
internal sealed class RatingRule : ScoringRule<RatingRuleSettings>
{
    internal static readonly IReadOnlyDictionary<string, RaterSource> SourceNames = new Dictionary<string, RaterSource>(StringComparer.Ordinal)
    {
        ["self"] = RaterSource.Self,
        ["manager"] = RaterSource.Manager,
        ["peer"] = RaterSource.Peer,
        ["report"] = RaterSource.Report,
        ["system"] = RaterSource.System,
    };

    private static readonly IReadOnlyDictionary<string, RatingAggregate> AggregateNames = new Dictionary<string, RatingAggregate>(StringComparer.Ordinal)
    {
        ["mean"] = RatingAggregate.Mean,
        ["median"] = RatingAggregate.Median,
        ["min"] = RatingAggregate.Min,
        ["max"] = RatingAggregate.Max,
    };

    public override string Name => "rating";

    public override string Description => "a rater's level for this path";

    public override RatingRuleSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context)
    {
        context.RejectUnknownParameters(parameters, "sources", "aggregate", "min-ratings");
        var ok = true;

        var sources = new List<RaterSource>();
        if (context.Get(parameters, "sources") is { } sourcesNode)
        {
            var items = context.ReadList(sourcesNode, "'sources'");
            ok &= items is not null;
            foreach (var item in items ?? [])
            {
                var source = context.ReadChoice(item, "rater source", SourceNames);
                if (source is null)
                {
                    ok = false;
                }
                else if (sources.Contains(source.Value))
                {
                    context.ReportError(item, "this rater source is listed twice in 'sources'; list it once", DiagnosticIds.DuplicateId);
                    ok = false;
                }
                else
                {
                    sources.Add(source.Value);
                }
            }
        }

        var aggregate = RatingAggregate.Mean;
        if (context.Get(parameters, "aggregate") is { } aggregateNode)
        {
            var value = context.ReadChoice(aggregateNode, "'aggregate'", AggregateNames);
            ok &= value is not null;
            aggregate = value ?? aggregate;
        }

        var minRatings = 1;
        if (context.Get(parameters, "min-ratings") is { } minNode)
        {
            var value = context.ReadInteger(minNode, "'min-ratings'", 1, 1000);
            ok &= value is not null;
            minRatings = value ?? minRatings;
        }

        return ok ? new RatingRuleSettings(sources, aggregate, minRatings) : null;
    }
}
