using System.Globalization;
using FairRubrics.Evidence;
using FairRubrics.Scoring;

namespace Acme.Scoring;

/// <summary>The settings of <see cref="RecentCountRule"/>, validated once when the rubric loads.</summary>
/// <param name="Of">The occurrence types counted.</param>
/// <param name="HalfLifeDays">After this many days an item counts half as much.</param>
/// <param name="Thresholds">Minimum weighted count per level, ascending.</param>
public sealed record RecentCountSettings(IReadOnlyList<string> Of, int HalfLifeDays, IReadOnlyList<(int Level, double Min)> Thresholds);

/// <summary>
/// A sample custom scoring rule, <c>acme/recent-count</c>: like the built-in <c>count</c>, but recent evidence
/// counts more — an item's weight halves every <c>half-life-days</c>. Used from YAML as
/// <code>
/// score:
///   rule: acme/recent-count
///   of: [mentoring, talk]
///   half-life-days: 180
///   thresholds: { 1: 1, 2: 2.5, 3: 5 }
/// </code>
/// It sees only the subject's evidence for the path (never protected attributes), validates its parameters at
/// load time with YAML positions, and is deterministic: items are weighted, sorted and summed.
/// </summary>
public sealed class RecentCountRule : ScoringRule<RecentCountSettings>
{
    /// <inheritdoc/>
    public override string Name => "acme/recent-count";

    /// <inheritdoc/>
    public override string Description => "counts evidence of the listed types, recent items counting more";

    /// <inheritdoc/>
    public override RecentCountSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RejectUnknownParameters(parameters, "of", "half-life-days", "thresholds");

        var of = context.Get(parameters, "of", required: true) is { } ofNode ? context.ReadNameList(ofNode, "'of'", "evidence type") : null;
        var halfLife = context.Get(parameters, "half-life-days", required: true) is { } halfLifeNode ? context.ReadInteger(halfLifeNode, "'half-life-days'", min: 1, max: 3650) : null;

        List<(int, double)>? thresholds = null;
        if (context.Get(parameters, "thresholds", required: true) is { } thresholdsNode && context.ReadLevelMap(thresholdsNode, "'thresholds'") is { } entries)
        {
            thresholds = [];
            foreach (var (level, valueNode) in entries)
            {
                var min = context.ReadNumber(valueNode, string.Create(CultureInfo.InvariantCulture, $"the minimum for level {level}"));
                if (min is null)
                {
                    thresholds = null;
                    break;
                }

                if (thresholds.Count > 0 && min < thresholds[^1].Item2)
                {
                    context.ReportError(valueNode, "thresholds must not decrease as levels rise");
                    thresholds = null;
                    break;
                }

                thresholds.Add((level, min.Value));
            }
        }

        return of is null || halfLife is null || thresholds is null ? null : new RecentCountSettings(of, halfLife.Value, thresholds);
    }

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> OccurrenceTypes(RecentCountSettings settings) => settings.Of;

    /// <inheritdoc/>
    public override bool Counts(RecentCountSettings settings, in EvidenceItem item) => !item.IsRating && item.Date is not null;

    /// <inheritdoc/>
    public override PathOutcome Evaluate(RecentCountSettings settings, in PathEvidence evidence)
    {
        if (evidence.Count == 0)
        {
            return PathOutcome.NoLevel("no dated evidence");
        }

        Span<double> weights = evidence.Count <= 128 ? stackalloc double[evidence.Count] : new double[evidence.Count];
        Weigh(settings, evidence, weights);
        var total = SortedSum(weights);
        int? reached = null;
        foreach (var (level, min) in settings.Thresholds)
        {
            if (total >= min)
            {
                reached = level;
            }
        }

        var note = string.Create(CultureInfo.InvariantCulture, $"weighted count {total:0.##}");
        return reached is { } l ? PathOutcome.AtLevel(l, note) : PathOutcome.NoLevel(note);
    }

    /// <summary>
    /// Development guidance: how many more items, recorded today (each weighing 1), take the path to
    /// <paramref name="targetLevel"/>. Optional — without it guidance says "ask your manager what evidence counts".
    /// The answer is checked on <see cref="Evaluate"/>'s own arithmetic, so adding exactly that many really gets there.
    /// </summary>
    /// <inheritdoc/>
    public override PathAdvice? Guide(RecentCountSettings settings, in PathEvidence evidence, double targetLevel)
    {
        (int Level, double Min)? goal = null;
        foreach (var threshold in settings.Thresholds)
        {
            if (threshold.Level >= targetLevel)
            {
                goal = threshold;
                break;
            }
        }

        if (goal is not { } target)
        {
            // A path that cannot reach the level is never suggested; say why.
            return PathAdvice.Unreachable(string.Create(CultureInfo.InvariantCulture, $"the highest level this path gives is {settings.Thresholds[^1].Level}"));
        }

        var weights = new double[evidence.Count];
        Weigh(settings, evidence, weights);
        var more = Math.Max(1, (int)Math.Ceiling(target.Min - SortedSum((double[])weights.Clone())));
        while (TotalWith(weights, more) < target.Min)
        {
            more++;
        }

        while (more > 1 && TotalWith(weights, more - 1) >= target.Min)
        {
            more--;
        }

        return PathAdvice.ByAdding(new OccurrenceNeed(settings.Of, more));
    }

    private static void Weigh(RecentCountSettings settings, in PathEvidence evidence, Span<double> weights)
    {
        for (var i = 0; i < evidence.Count; i++)
        {
            var item = evidence.Items[i];
            var ageDays = evidence.AsOf.DayNumber - item.Date!.Value.DayNumber;
            weights[i] = item.Quantity * Math.Pow(0.5, ageDays / (double)settings.HalfLifeDays);
        }
    }

    /// <summary>Sorts and sums, so the total does not depend on the order of the evidence.</summary>
    private static double SortedSum(Span<double> weights)
    {
        weights.Sort();
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        return total;
    }

    /// <summary>The total <see cref="Evaluate"/> would compute with <paramref name="more"/> new items of weight 1.</summary>
    private static double TotalWith(double[] weights, int more)
    {
        var all = new double[weights.Length + more];
        weights.CopyTo(all, 0);
        all.AsSpan(weights.Length).Fill(1);
        return SortedSum(all);
    }
}
