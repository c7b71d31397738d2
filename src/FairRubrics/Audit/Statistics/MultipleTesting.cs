namespace FairRubrics.Audit.Statistics;

/// <summary>
/// Adjusted p-values for a family of m tests (docs/statistics.md). With the p-values sorted ascending,
/// p₍₁₎ ≤ … ≤ p₍ₘ₎: Holm's p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1)·p₍ⱼ₎), and Benjamini–Hochberg's
/// p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m/j·p₍ⱼ₎). Both give tied p-values the same adjusted value, whatever their order.
/// </summary>
internal static class MultipleTesting
{
    /// <summary>Adjusts the non-null p-values among <paramref name="p"/> as one family (nulls stay null and do not count in m).</summary>
    /// <param name="p">The raw p-values, in any order.</param>
    /// <param name="method">The adjustment; <see cref="PValueAdjustment.None"/> gives all nulls.</param>
    /// <returns>The adjusted p-values, in the order of <paramref name="p"/>.</returns>
    public static double?[] Adjust(IReadOnlyList<double?> p, PValueAdjustment method)
    {
        var adjusted = new double?[p.Count];
        if (method == PValueAdjustment.None)
        {
            return adjusted;
        }

        var order = Enumerable.Range(0, p.Count).Where(i => p[i] is not null).OrderBy(i => p[i]!.Value).ThenBy(i => i).ToArray();
        var m = order.Length;
        if (method == PValueAdjustment.Holm)
        {
            var running = 0.0;
            for (var j = 0; j < m; j++)
            {
                running = Math.Max(running, Math.Min(1.0, (m - j) * p[order[j]]!.Value));
                adjusted[order[j]] = running;
            }
        }
        else
        {
            var running = 1.0;
            for (var j = m - 1; j >= 0; j--)
            {
                running = Math.Min(running, Math.Min(1.0, m * p[order[j]]!.Value / (j + 1)));
                adjusted[order[j]] = running;
            }
        }

        return adjusted;
    }
}
