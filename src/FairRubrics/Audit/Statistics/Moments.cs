using System.Globalization;
using System.Runtime.CompilerServices;

namespace FairRubrics.Audit.Statistics;

/// <summary>
/// Running count, mean and sum of squared deviations (M2) of a stream of values: updated one value at a
/// time (Welford) and mergeable (Chan, Golub &amp; LeVeque), so that partitions of a population can be
/// accumulated separately and merged; the merge agrees with a single pass to within rounding (about 1e-15
/// relative for well-scaled data; the tests require 1e-12).
/// </summary>
/// <remarks>
/// Immutable: <see cref="Add"/> and <see cref="Merge"/> return new values, so an accumulator lives in a
/// field or array slot (<c>moments[i] = moments[i].Add(x)</c>) and costs no allocation. The default value
/// is the empty accumulator. Merging is exact in the count and commutative up to rounding; a caller that
/// needs byte-identical output whatever the partitioning must merge partitions in a canonical order.
/// </remarks>
internal readonly record struct Moments
{
    /// <summary>Creates moments from their parts.</summary>
    /// <param name="count">The number of values, ≥ 0.</param>
    /// <param name="mean">Their mean (ignored, and stored as 0, when the count is 0).</param>
    /// <param name="m2">The sum of squared deviations from the mean, ≥ 0 (ignored when the count is 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">The count or M2 is negative, or a value is not finite.</exception>
    public Moments(long count, double mean, double m2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0)
        {
            if (!double.IsFinite(mean))
            {
                throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be finite.");
            }

            if (!double.IsFinite(m2) || m2 < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(m2), m2, "M2 must be finite and non-negative.");
            }

            Count = count;
            Mean = mean;
            M2 = m2;
        }
    }

    /// <summary>Gets the empty accumulator (the same as <c>default</c>).</summary>
    public static Moments Empty => default;

    /// <summary>Gets the number of values.</summary>
    public long Count { get; }

    /// <summary>Gets the mean of the values (0 when there are none).</summary>
    public double Mean { get; }

    /// <summary>Gets the sum of squared deviations from the mean, Σ(x − mean)².</summary>
    public double M2 { get; }

    /// <summary>Gets the sample variance M2 / (n − 1); null with fewer than two values.</summary>
    public double? Variance => Count < 2 ? null : M2 / (Count - 1);

    /// <summary>Gets the sample standard deviation √(M2 / (n − 1)); null with fewer than two values.</summary>
    public double? StandardDeviation => Variance is { } variance ? Math.Sqrt(variance) : null;

    /// <summary>Creates moments from a published summary: count, mean and sample standard deviation (n − 1 denominator).</summary>
    /// <param name="count">The number of values.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The sample standard deviation, ≥ 0 (ignored when the count is below 2).</param>
    /// <returns>The moments, with M2 = (n − 1) sd².</returns>
    /// <exception cref="ArgumentOutOfRangeException">The standard deviation is negative or not finite.</exception>
    public static Moments FromSummary(long count, double mean, double standardDeviation)
    {
        if (!double.IsFinite(standardDeviation) || standardDeviation < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be finite and non-negative.");
        }

        return new(count, mean, count < 2 ? 0.0 : (count - 1) * standardDeviation * standardDeviation);
    }

    /// <summary>The moments of some values, in one pass.</summary>
    /// <param name="values">Finite values.</param>
    /// <returns>Their moments.</returns>
    public static Moments Of(ReadOnlySpan<double> values)
    {
        var moments = default(Moments);
        foreach (var value in values)
        {
            moments = moments.Add(value);
        }

        return moments;
    }

    /// <summary>
    /// The moments of the values of two disjoint sets together:
    /// n = n₁ + n₂, mean = mean₁ + δ n₂/n, M2 = M2₁ + M2₂ + δ² n₁n₂/n with δ = mean₂ − mean₁.
    /// </summary>
    /// <param name="left">The moments of one set.</param>
    /// <param name="right">The moments of the other.</param>
    /// <returns>The moments of their union.</returns>
    public static Moments Merge(in Moments left, in Moments right)
    {
        if (right.Count == 0)
        {
            return left;
        }

        if (left.Count == 0)
        {
            return right;
        }

        var count = left.Count + right.Count;
        var delta = right.Mean - left.Mean;
        var rightShare = (double)right.Count / count;
        var mean = left.Mean + (delta * rightShare);
        var m2 = left.M2 + right.M2 + (delta * delta * left.Count * rightShare);
        return new Moments(count, mean, m2);
    }

    /// <summary>The moments with one more value (Welford's update).</summary>
    /// <param name="value">A finite value.</param>
    /// <returns>The updated moments.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, or so large that the moments overflow.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Moments Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Values must be finite.");
        }

        var count = Count + 1;
        var delta = value - Mean;
        var mean = Mean + (delta / count);
        var m2 = M2 + (delta * (value - mean));
        if (!double.IsFinite(mean) || !double.IsFinite(m2))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The values' moments overflow.");
        }

        return new Moments(count, mean, m2, Checked.No);
    }

    /// <summary>Moments already checked by the caller (the hot path of <see cref="Add"/>), without the checks of the public constructor.</summary>
    private Moments(long count, double mean, double m2, Checked _)
    {
        Count = count;
        Mean = mean;
        M2 = m2;
    }

    /// <summary>Marks the constructor that does not check its arguments.</summary>
    private enum Checked
    {
        No,
    }

    /// <summary>Formats the moments with the invariant culture and round-trip precision.</summary>
    /// <returns>For example <c>n = 3, mean = 2.5, M2 = 0.5</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"n = {Count}, mean = {Mean:R}, M2 = {M2:R}");
}
