using System.Globalization;

namespace FairRubrics.Audit.Statistics;

/// <summary>Tests and intervals for selection rates (proportions): the pooled two-proportion z test and the Wilson score interval.</summary>
internal static class Proportions
{
    /// <summary>The 0.975 quantile of the standard normal distribution (the double nearest 1.95996398454005423552…), for 95% intervals.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The pooled two-proportion z test of a group's rate x₁/n₁ against a reference rate x₂/n₂:
    /// z = (x₁/n₁ − x₂/n₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)) with the pooled rate p̂ = (x₁ + x₂)/(n₁ + n₂), and the
    /// two-sided p-value erfc(|z|/√2). z is negative when the group's rate is below the reference's.
    /// </summary>
    /// <param name="x1">Favourable outcomes in the group.</param>
    /// <param name="n1">Size of the group.</param>
    /// <param name="x2">Favourable outcomes in the reference group.</param>
    /// <param name="n2">Size of the reference group.</param>
    /// <returns>
    /// z and p; null when the test is undefined: a group is empty, or the pooled rate is 0 or 1 (nobody, or
    /// everybody, has a favourable outcome, so the standard error is 0).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or a favourable count exceeds its group.</exception>
    public static ZTest? TwoProportionZ(int x1, int n1, int x2, int n2)
    {
        ValidateCount(x1, n1, nameof(x1));
        ValidateCount(x2, n2, nameof(x2));
        if (n1 == 0 || n2 == 0)
        {
            return null;
        }

        long total = (long)n1 + n2, favourable = (long)x1 + x2;
        if (favourable == 0 || favourable == total)
        {
            return null;
        }

        // z = (x1 n2 - x2 n1) / (n1 n2) / sqrt(X (N - X) / N^2 * N / (n1 n2)) = (x1 n2 - x2 n1) / sqrt(n1 n2 X (N - X) / N);
        // the numerator is an exact integer, so z has only a few roundings and is exactly 0 for equal rates.
        var numerator = ((long)x1 * n2) - ((long)x2 * n1);
        var variance = (double)n1 * n2 * ((double)favourable * (total - favourable) / total);
        var z = numerator / Math.Sqrt(variance);
        return new ZTest(z, SpecialFunctions.NormalTwoSidedP(z));
    }

    /// <summary>
    /// The Wilson score interval for the proportion x/n at 95% (z = <see cref="Z95"/>):
    /// (2x + z² ∓ z√(z² + 4x(n − x)/n)) / (2(n + z²)). The lower bound is computed as
    /// x² / (n (n + z²) upper), the product of the two roots, so neither bound suffers cancellation; the
    /// bounds are exactly 0 when x = 0 and exactly 1 when x = n.
    /// </summary>
    /// <param name="x">Favourable outcomes, 0 ≤ x ≤ n.</param>
    /// <param name="n">Group size, n &gt; 0.</param>
    /// <returns>The interval; it always contains x/n and lies in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive, or <paramref name="x"/> is outside [0, n].</exception>
    public static Interval Wilson(int x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ValidateCount(x, n, nameof(x));

        const double z2 = Z95 * Z95;
        double xd = x, nd = n;
        var root = Math.Sqrt(z2 + (4.0 * xd * ((nd - xd) / nd)));
        var upper = x == n ? 1.0 : Math.Min(((2.0 * xd) + z2 + (Z95 * root)) / (2.0 * (nd + z2)), 1.0);
        var lower = x == 0 ? 0.0 : xd * xd / (nd * (nd + z2) * upper);
        return new Interval(lower, upper);
    }

    private static void ValidateCount(int favourable, int size, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(favourable, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(favourable, size, name);
    }
}

/// <summary>The result of a z test.</summary>
/// <param name="Z">The standard-normal statistic; negative when the group's rate is below the reference's.</param>
/// <param name="P">The two-sided p-value, erfc(|z|/√2).</param>
internal readonly record struct ZTest(double Z, double P)
{
    /// <summary>Formats the result with the invariant culture and round-trip precision.</summary>
    /// <returns>For example <c>z = -2.5, p = 0.0124</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"z = {Z:R}, p = {P:R}");
}

/// <summary>A closed interval [Lower, Upper].</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
internal readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>Formats the interval with the invariant culture and round-trip precision.</summary>
    /// <returns>For example <c>[0.25, 0.5]</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Lower:R}, {Upper:R}]");
}
