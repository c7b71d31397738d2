using System.Globalization;
using FairRubrics.Evidence;
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

    public override bool UsesRatings(RatingRuleSettings settings) => true;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static PathOutcome TooFew(RatingRuleSettings settings, int count) =>
        count == 0
            ? PathOutcome.NoLevel("no ratings")
            : PathOutcome.NoLevel(string.Create(CultureInfo.InvariantCulture, $"{count} rating(s), {settings.MinRatings} needed"));

    public override bool Counts(RatingRuleSettings settings, in EvidenceItem item) => item.IsRating && settings.Counts(item.Source);

    public override PathOutcome Evaluate(RatingRuleSettings settings, in PathEvidence evidence)
    {
        var count = evidence.Count;
        if (count < settings.MinRatings)
        {
            return TooFew(settings, count);
        }

        // Sort the values so that the result does not depend on the order of the evidence.
        Span<double> values = count <= 64 ? stackalloc double[count] : new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = evidence.Items[i].Value!.Value;
        }

        values.Sort();
        double level;
        switch (settings.Aggregate)
        {
            case RatingAggregate.Median:
                level = count % 2 == 1 ? values[count / 2] : (values[(count / 2) - 1] + values[count / 2]) / 2;
                break;
            case RatingAggregate.Min:
                level = values[0];
                break;
            case RatingAggregate.Max:
                level = values[count - 1];
                break;
            default:
                var sum = 0.0;
                foreach (var v in values)
                {
                    sum += v;
                }

                level = sum / count;
                break;
        }

        return PathOutcome.AtLevel(level);
    }
}
