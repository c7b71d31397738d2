using System.Globalization;

namespace FairRubrics.Scoring;

/// <summary>The built-in <c>count</c> rule: sums the quantities of evidence items of the listed types and maps the sum through thresholds.</summary>
internal sealed class CountRule : ScoringRule<CountRuleSettings>
{
    public override string Name => "count";

    public override string Description => "counts evidence items of the listed types";

    public override CountRuleSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context)
    {
        context.RejectUnknownParameters(parameters, "of", "thresholds");
        var ofNode = context.Get(parameters, "of", required: true);
        var of = ofNode is null ? null : EvidenceTypes.Read(ofNode, context);

        var thresholdsNode = context.Get(parameters, "thresholds", required: true);
        List<CountThreshold>? thresholds = null;
        if (thresholdsNode is not null && context.ReadLevelMap(thresholdsNode, "'thresholds'") is { } entries)
        {
            thresholds = [];
            var ok = true;
            CountThreshold? previous = null;
            foreach (var (level, valueNode) in entries)
            {
                var min = context.ReadInteger(valueNode, string.Create(CultureInfo.InvariantCulture, $"the minimum count for level {level}"), 1);
                if (min is null)
                {
                    ok = false;
                    continue;
                }

                var threshold = new CountThreshold(level, min.Value);
                if (previous is not null && threshold.MinCount < previous.MinCount)
                {
                    context.ReportError(
                        valueNode,
                        string.Create(CultureInfo.InvariantCulture, $"thresholds must not decrease as levels rise: level {level} needs {threshold.MinCount} but level {previous.Level} needs {previous.MinCount}; give level {level} at least {previous.MinCount}"),
                        DiagnosticIds.DecreasingThresholds);
                    ok = false;
                }

                thresholds.Add(threshold);
                previous = threshold;
            }

            if (!ok)
            {
                thresholds = null;
            }
        }

        return of is not null && thresholds is not null ? new CountRuleSettings(of, [.. thresholds]) : null;
    }

    public override IReadOnlyCollection<string> OccurrenceTypes(CountRuleSettings settings) => settings.Of;

    public override bool Counts(CountRuleSettings settings, in Evidence.EvidenceItem item) => !item.IsRating;

    public override PathOutcome Evaluate(CountRuleSettings settings, in PathEvidence evidence)
    {
        if (evidence.Count == 0)
        {
            return PathOutcome.NoLevel("no evidence");
        }

        var count = evidence.Count;
        Span<double> quantities = count <= 128 ? stackalloc double[count] : new double[count];
        for (var i = 0; i < count; i++)
        {
            quantities[i] = evidence.Items[i].Quantity;
        }

        return Evaluate(settings, settings.Thresholds is CountThreshold[] thresholds ? thresholds : [.. settings.Thresholds], quantities);
    }

    /// <summary>
    /// The rule's arithmetic, shared by <see cref="Evaluate(CountRuleSettings, in PathEvidence)"/> and the scorer
    /// (which gathers the quantities straight from the routed items, and for whole quantities takes the same level
    /// from <see cref="ScoringPlan.PathPlan.LevelByTotal"/> without sorting): the sum of the quantities, in sorted
    /// order so that it does not depend on the order of the evidence, mapped through the thresholds.
    /// </summary>
    /// <param name="settings">The path's settings.</param>
    /// <param name="thresholds">The settings' thresholds as an array (<see cref="CountRuleSettings.Thresholds"/>).</param>
    /// <param name="quantities">The quantities of the path's items (at least one); sorted in place.</param>
    internal static PathOutcome Evaluate(CountRuleSettings settings, ReadOnlySpan<CountThreshold> thresholds, Span<double> quantities)
    {
        var total = SortedSum(quantities);
        int? level = null;
        foreach (var threshold in thresholds)
        {
            if (total >= threshold.MinCount)
            {
                level = threshold.Level;
            }
        }

        return level is { } reached ? PathOutcome.AtLevel(reached) : BelowLowest(settings, total);
    }

    public override PathAdvice? Guide(CountRuleSettings settings, in PathEvidence evidence, double targetLevel)
    {
        // The first threshold at or above the target needs the fewest items (counts never decrease as levels rise).
        CountThreshold? goal = null;
        foreach (var threshold in settings.Thresholds)
        {
            if (threshold.Level >= targetLevel)
            {
                goal = threshold;
                break;
            }
        }

        if (goal is null)
        {
            return PathAdvice.Unreachable(string.Create(CultureInfo.InvariantCulture, $"the highest level this path gives is {settings.MaxLevel}"), "guidance.unreachable.count-top", ("level", settings.MaxLevel));
        }

        var existing = new double[evidence.Count];
        for (var i = 0; i < existing.Length; i++)
        {
            existing[i] = evidence.Items[i].Quantity;
        }

        var sorted = (double[])existing.Clone();
        var total = SortedSum(sorted);
        var more = Math.Max(1, (int)Math.Min(int.MaxValue, Math.Ceiling(goal.MinCount - total)));

        // Confirm on the rule's own arithmetic (sorted summation) that this is the exact number of items: with
        // fractional quantities the rounding of the sum can differ from the subtraction by a hair.
        if (more <= ExactCheckLimit)
        {
            while (TotalWithOnes(sorted, more) < goal.MinCount)
            {
                more++;
            }

            while (more > 1 && TotalWithOnes(sorted, more - 1) >= goal.MinCount)
            {
                more--;
            }
        }

        return PathAdvice.ByAdding(new OccurrenceNeed(settings.Of, more));
    }

    /// <summary>Above this many missing items the closed form is used without replaying the summation.</summary>
    private const int ExactCheckLimit = 1_000_000;

    /// <summary>Sorts the quantities and sums them in ascending order, so the sum does not depend on the order of the evidence.</summary>
    internal static double SortedSum(Span<double> quantities)
    {
        SmallSort.Ascending(quantities);
        var total = 0.0;
        foreach (var q in quantities)
        {
            total += q;
        }

        return total;
    }

    /// <summary>The sum <see cref="SortedSum"/> would give with <paramref name="ones"/> more items of quantity 1.</summary>
    private static double TotalWithOnes(double[] sorted, int ones)
    {
        var total = 0.0;
        var i = 0;
        while (i < sorted.Length && sorted[i] < 1)
        {
            total += sorted[i++];
        }

        for (var k = 0; k < ones; k++)
        {
            total += 1;
        }

        while (i < sorted.Length)
        {
            total += sorted[i++];
        }

        return total;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static PathOutcome BelowLowest(CountRuleSettings settings, double total) =>
        PathOutcome.NoLevel(string.Create(CultureInfo.InvariantCulture, $"{total.ToString("0.###", CultureInfo.InvariantCulture)} counted, {settings.Thresholds[0].MinCount} needed for level {settings.Thresholds[0].Level}"));
}

/// <summary>Reads the <c>of:</c> list shared by <c>count</c> and <c>presence</c>.</summary>
internal static class EvidenceTypes
{
    public static IReadOnlyList<string>? Read(Loading.RubricNode node, ScoringRuleContext context)
    {
        var types = context.ReadNameList(node, "'of'", "evidence type");
        if (types is null)
        {
            return null;
        }

        if (types.Contains("rating", StringComparer.Ordinal) && node is Loading.RubricSequenceNode sequence)
        {
            var at = sequence.Items.First(i => i is Loading.RubricScalarNode { Value: "rating" });
            context.ReportError(at, "'rating' is not an occurrence type; to score ratings use 'rule: rating' instead of listing it in 'of'");
            return null;
        }

        return types;
    }
}
