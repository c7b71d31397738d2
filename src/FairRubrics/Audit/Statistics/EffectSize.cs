namespace FairRubrics.Audit.Statistics;

/// <summary>Standardised mean differences between a group and a reference group.</summary>
internal static class EffectSize
{
    /// <summary>
    /// Hedges' g of a group against a reference group: g = J (mean₁ − mean₂) / s, with the pooled standard
    /// deviation s = √((M2₁ + M2₂) / (n₁ + n₂ − 2)) (n − 1 denominators) and the small-sample correction
    /// J = 1 − 3 / (4(n₁ + n₂) − 9), as PRODUCT.md 5.2 specifies. Negative when the group's mean is lower.
    /// </summary>
    /// <param name="group">The moments of the group's scores.</param>
    /// <param name="reference">The moments of the reference group's scores.</param>
    /// <returns>g; null when a group has fewer than two values or the pooled standard deviation is 0.</returns>
    public static double? HedgesG(in Moments group, in Moments reference)
    {
        if (group.Count < 2 || reference.Count < 2)
        {
            return null;
        }

        var total = group.Count + reference.Count;
        var pooledVariance = (group.M2 + reference.M2) / (total - 2);
        if (!(pooledVariance > 0))
        {
            return null;
        }

        var d = (group.Mean - reference.Mean) / Math.Sqrt(pooledVariance);
        var j = 1.0 - (3.0 / ((4.0 * total) - 9.0));
        return j * d;
    }
}
