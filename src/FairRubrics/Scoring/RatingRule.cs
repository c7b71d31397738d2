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

        Span<double> values = count <= 64 ? stackalloc double[count] : new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = evidence.Items[i].Value!.Value;
        }

        return Evaluate(settings, values);
    }

    /// <summary>
    /// The rule's arithmetic, shared by <see cref="Evaluate(RatingRuleSettings, in PathEvidence)"/> and the scorer
    /// (which gathers the values straight from the routed items, and for a mean of whole levels divides their
    /// exact sum without sorting).
    /// </summary>
    /// <param name="settings">The path's settings.</param>
    /// <param name="values">The values of the path's counted ratings; sorted in place.</param>
    internal static PathOutcome Evaluate(RatingRuleSettings settings, Span<double> values)
    {
        if (values.Length < settings.MinRatings)
        {
            return TooFew(settings, values.Length);
        }

        // Sort the values so that the result does not depend on the order of the evidence.
        SmallSort.Ascending(values);
        return PathOutcome.AtLevel(Aggregate(values, settings.Aggregate));
    }

    /// <summary>Aggregates ratings sorted in ascending order (the rule's one arithmetic, shared by scoring and guidance).</summary>
    internal static double Aggregate(ReadOnlySpan<double> sorted, RatingAggregate aggregate)
    {
        var count = sorted.Length;
        switch (aggregate)
        {
            case RatingAggregate.Median:
                return count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2;
            case RatingAggregate.Min:
                return sorted[0];
            case RatingAggregate.Max:
                return sorted[count - 1];
            default:
                var sum = 0.0;
                foreach (var v in sorted)
                {
                    sum += v;
                }

                return sum / count;
        }
    }

    /// <summary>The most additional ratings guidance will ever ask for (as many as <c>min-ratings</c> may demand).</summary>
    internal const int MaxSuggestedRatings = 1000;

    /// <summary>
    /// The fewest more ratings that take the path to the target, then the lowest whole level they need, then how few
    /// of them need it (the rest may be any level). Every aggregate is non-decreasing in each rating, so raising any
    /// of the suggested ratings, or adding more, never lowers the result.
    /// </summary>
    public override PathAdvice? Guide(RatingRuleSettings settings, in PathEvidence evidence, double targetLevel)
    {
        var existing = new double[evidence.Count];
        for (var i = 0; i < existing.Length; i++)
        {
            existing[i] = evidence.Items[i].Value!.Value;
        }

        Array.Sort(existing);
        var top = evidence.Scale.MaxLevel;
        // Fewest ratings (all at the top): double until enough, then search the last doubling.
        var low = Math.Max(1, settings.MinRatings - existing.Length);
        var high = low;
        while (!Reaches(existing, high, top, high, settings.Aggregate, targetLevel))
        {
            if (high >= MaxSuggestedRatings)
            {
                return WhyNot(settings, existing, top, targetLevel);
            }

            low = high + 1;
            high = Math.Min(MaxSuggestedRatings, high * 2);
        }

        var count = Smallest(low, high, k => Reaches(existing, k, top, k, settings.Aggregate, targetLevel));
        var level = 1;
        while (!Reaches(existing, count, level, count, settings.Aggregate, targetLevel))
        {
            level++;
        }

        var atLevel = Smallest(1, count, j => Reaches(existing, count, level, j, settings.Aggregate, targetLevel));
        return PathAdvice.ByAdding(new RatingNeed(settings.Sources, count, level, atLevel));
    }

    /// <summary>Whether the existing ratings plus <paramref name="high"/> ratings at <paramref name="level"/> and the rest of <paramref name="count"/> at 1 reach the target.</summary>
    private static bool Reaches(double[] existing, int count, int level, int high, RatingAggregate aggregate, double target)
    {
        var values = new double[existing.Length + count];
        existing.CopyTo(values, 0);
        for (var i = 0; i < count; i++)
        {
            values[existing.Length + i] = i < high ? level : 1;
        }

        Array.Sort(values);
        return Aggregate(values, aggregate) >= target;
    }

    /// <summary>The smallest value in [low, high] for which a non-decreasing predicate holds (it holds at <paramref name="high"/>).</summary>
    private static int Smallest(int low, int high, Func<int, bool> holds)
    {
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (holds(middle))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static PathAdvice WhyNot(RatingRuleSettings settings, double[] existing, int top, double target)
    {
        if (existing.Length == 0 || target > top)
        {
            return PathAdvice.Unreachable(string.Create(CultureInfo.InvariantCulture, $"ratings on this scale go up to {top}"), "guidance.unreachable.rating-top", ("top", top));
        }

        var lowest = ScoreText.FormatNumber(existing[0]);
        var goal = ScoreText.FormatNumber(target);
        return settings.Aggregate switch
        {
            RatingAggregate.Min => PathAdvice.Unreachable(
                $"this path takes the lowest rating, and a rating of {lowest} already counts, so more ratings cannot bring it to {goal}",
                "guidance.unreachable.rating-min",
                ("lowest", lowest),
                ("goal", goal)),
            RatingAggregate.Mean when target >= top => PathAdvice.Unreachable(
                $"this path takes the mean rating, and a rating of {lowest} already counts, so more ratings cannot bring the mean to {goal}",
                "guidance.unreachable.rating-mean",
                ("lowest", lowest),
                ("goal", goal)),
            _ => PathAdvice.Unreachable(
                string.Create(CultureInfo.InvariantCulture, $"even {MaxSuggestedRatings} more ratings of {top} would not bring this path to {goal}"),
                "guidance.unreachable.rating-many",
                ("n", MaxSuggestedRatings),
                ("top", top),
                ("goal", goal)),
        };
    }
}
