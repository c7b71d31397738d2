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

        return of is not null && thresholds is not null ? new CountRuleSettings(of, thresholds) : null;
    }

    public override IReadOnlyCollection<string> OccurrenceTypes(CountRuleSettings settings) => settings.Of;

    public override bool Counts(CountRuleSettings settings, in Evidence.EvidenceItem item) => !item.IsRating;

    public override PathOutcome Evaluate(CountRuleSettings settings, in PathEvidence evidence)
    {
        if (evidence.Count == 0)
        {
            return PathOutcome.NoLevel("no evidence");
        }

        // Quantities are summed in sorted order so that the sum does not depend on the order of the evidence.
        var count = evidence.Count;
        Span<double> quantities = count <= 128 ? stackalloc double[count] : new double[count];
        for (var i = 0; i < count; i++)
        {
            quantities[i] = evidence.Items[i].Quantity;
        }

        quantities.Sort();
        var total = 0.0;
        foreach (var q in quantities)
        {
            total += q;
        }

        var level = settings.LevelFor(total);
        return level is { } reached ? PathOutcome.AtLevel(reached) : BelowLowest(settings, total);
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
