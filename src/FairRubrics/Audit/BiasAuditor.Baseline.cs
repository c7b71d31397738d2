using System.Numerics;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

/// <summary>Comparison with an earlier cycle's report (<see cref="AuditOptions.Baseline"/>).</summary>
public sealed partial class BiasAuditor
{
    /// <summary>
    /// Gives each group reported now its figures as published then and, when it was reported then too, the change.
    /// A group suppressed now gains nothing (no figure then or now is set beside it); a group suppressed then gains
    /// only that fact, which the earlier report published.
    /// </summary>
    private static void AttachBaseline(List<GroupResult> results, IReadOnlyList<string> attributes, PublishedAudit? baseline)
    {
        if (baseline?.Find(attributes) is not { } earlier)
        {
            return;
        }

        var referenceNow = results.FirstOrDefault(r => r.IsReference);
        var referenceThen = earlier.Groups.FirstOrDefault(g => g.IsReference);
        for (var i = 0; i < results.Count; i++)
        {
            var now = results[i];
            if (now.Suppressed || earlier.Find(now.Values) is not { } then)
            {
                continue;
            }

            if (then.Suppressed)
            {
                results[i] = now with { Baseline = new GroupBaseline(true, null, null, null, null) };
                continue;
            }

            var n0 = then.N!.Value;
            var a0 = then.Favourable!.Value;
            var n1 = now.N!.Value;
            var a1 = now.Favourable!.Value;
            var z = Proportions.TwoProportionZ(checked((int)a1), checked((int)n1), checked((int)a0), checked((int)n0));
            var ratioChange = now.ImpactRatio is { } r1 && then.ImpactRatio is { } r0 ? r1 - r0 : (double?)null;
            var bothRatios = now.ImpactRatio is not null && then.ImpactRatio is not null;
            var wasAtLeast = then.IsReference || then.BelowFourFifths == false || (then.BelowFourFifths is null && then.ImpactRatio >= 0.8);
            results[i] = now with
            {
                Baseline = new GroupBaseline(false, n0, a0, then.SelectionRate ?? (a0 / (double)n0), then.ImpactRatio),
                Change = new GroupChange(
                    (a1 / (double)n1) - (a0 / (double)n0),
                    ratioChange,
                    z?.Z,
                    z?.P,
                    FisherExact.TwoSidedP(checked((int)a1), checked((int)(n1 - a1)), checked((int)a0), checked((int)(n0 - a0))))
                {
                    FellBelowFourFifths = bothRatios && wasAtLeast && now.BelowFourFifths == true,
                    FellByAtLeastOneTenth = bothRatios && FellByOneTenth(then, referenceThen, now, referenceNow),
                },
            };
        }
    }

    /// <summary>
    /// Whether the impact ratio fell by 0.1 or more: exactly, as a₀·r₀/(n₀·s₀) − a₁·r₁/(n₁·s₁) ≥ 1/10 on the counts of
    /// both groups and both references (n, favourable), when the reports give them; else on the published ratios read as decimals.
    /// </summary>
    private static bool FellByOneTenth(PublishedGroup then, PublishedGroup? referenceThen, GroupResult now, GroupResult? referenceNow)
    {
        if (referenceThen is { N: { } nr0, Favourable: { } ar0 } && ar0 > 0 && referenceNow is { N: { } nr1, Favourable: { } ar1 } && ar1 > 0)
        {
            BigInteger a0 = then.Favourable!.Value, n0 = then.N!.Value, a1 = now.Favourable!.Value, n1 = now.N!.Value;
            var left = 10 * ((a0 * nr0 * n1 * ar1) - (a1 * nr1 * n0 * ar0));
            return left >= n0 * ar0 * n1 * ar1;
        }

        return (decimal)then.ImpactRatio!.Value - (decimal)now.ImpactRatio!.Value >= 0.1m;
    }
}
