using System.Numerics;

namespace FairRubrics.Audit.Statistics;

/// <summary>
/// Threshold decisions on shares of counts, made exactly: a share a/n is a rational number, and a threshold is
/// taken as the decimal it was written as (<c>(decimal)threshold</c>, at most 15 significant digits, so 0.1 is
/// 1/10), so that a difference of exactly 0.10 meets a threshold of 0.10 even though 0.65 − 0.55 is
/// 0.09999999999999998 in doubles.
/// </summary>
internal static class ExactShare
{
    /// <summary>Whether a/n − b/m ≥ threshold, exactly: (a·m − b·n)·10^s ≥ M·n·m where threshold = M/10^s.</summary>
    /// <param name="a">The first count.</param>
    /// <param name="n">The first total, &gt; 0.</param>
    /// <param name="b">The second count.</param>
    /// <param name="m">The second total, &gt; 0.</param>
    /// <param name="threshold">The threshold, a finite number.</param>
    /// <returns>True when the difference of the shares is at least the threshold.</returns>
    public static bool DifferenceAtLeast(long a, long n, long b, long m, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        var (mantissa, scale) = Decimal(threshold);
        var difference = (((BigInteger)a * m) - ((BigInteger)b * n)) * scale;
        return difference >= mantissa * n * m;
    }

    /// <summary>Whether count &lt; share·total, exactly: count·10^s &lt; M·total where share = M/10^s.</summary>
    /// <param name="count">The count.</param>
    /// <param name="total">The total.</param>
    /// <param name="share">The share, a finite number.</param>
    /// <returns>True when the count is below that share of the total.</returns>
    public static bool Below(long count, long total, double share)
    {
        var (mantissa, scale) = Decimal(share);
        return count * scale < mantissa * total;
    }

    /// <summary>The threshold as M / S with S a power of ten, from its decimal form.</summary>
    private static (BigInteger Mantissa, BigInteger Scale) Decimal(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A share threshold must be a finite number.");
        }

        var d = (decimal)value;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return (d < 0 ? -mantissa : mantissa, BigInteger.Pow(10, d.Scale));
    }
}
