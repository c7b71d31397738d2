namespace FairRubrics.Audit.Statistics;

/// <summary>
/// The four-fifths rule of the US Uniform Guidelines on Employee Selection Procedures (29 CFR 1607.4(D)),
/// decided exactly on counts: a group's selection rate a/n is below four fifths of the reference rate
/// a_ref/n_ref when 5·a·n_ref &lt; 4·a_ref·n, so a ratio of exactly 0.8 is not flagged.
/// </summary>
internal static class FourFifthsRule
{
    /// <summary>
    /// Whether the group's rate is strictly below four fifths of the reference rate: 5·a·n_ref &lt; 4·a_ref·n,
    /// in exact integer arithmetic for any counts (no overflow, no rounding). False when the reference rate is 0.
    /// </summary>
    /// <param name="a">Favourable outcomes in the group.</param>
    /// <param name="n">Size of the group, &gt; 0.</param>
    /// <param name="aRef">Favourable outcomes in the reference group.</param>
    /// <param name="nRef">Size of the reference group, &gt; 0.</param>
    /// <returns>True when the four-fifths rule flags the group.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or a count is outside [0, size].</exception>
    public static bool BelowFourFifths(long a, long n, long aRef, long nRef)
    {
        Validate(a, n, aRef, nRef);

        // 5X < 4Y with X = a n_ref and Y = a_ref n (each below 2^126): 4Y fits in 128 unsigned bits, 5X may not,
        // so compare X with 4Y / 5 by quotient and remainder.
        var x = (UInt128)(ulong)a * (ulong)nRef;
        var fourY = (UInt128)(ulong)aRef * (ulong)n * 4;
        var quotient = fourY / 5;
        return x < quotient || (x == quotient && fourY % 5 != 0);
    }

    /// <summary>
    /// The impact ratio (a/n) / (a_ref/n_ref), computed as (a·n_ref) / (a_ref·n) from exact integer products,
    /// so it is correctly rounded whenever both products are below 2⁵³ (groups up to about 9·10⁷).
    /// </summary>
    /// <param name="a">Favourable outcomes in the group.</param>
    /// <param name="n">Size of the group, &gt; 0.</param>
    /// <param name="aRef">Favourable outcomes in the reference group.</param>
    /// <param name="nRef">Size of the reference group, &gt; 0.</param>
    /// <returns>The ratio; null when the reference rate is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or a count is outside [0, size].</exception>
    public static double? ImpactRatio(long a, long n, long aRef, long nRef)
    {
        Validate(a, n, aRef, nRef);
        if (aRef == 0)
        {
            return null;
        }

        return (double)((Int128)a * nRef) / (double)((Int128)aRef * n);
    }

    /// <summary>Checks that both sizes are positive and both counts lie within their sizes.</summary>
    internal static void Validate(long a, long n, long aRef, long nRef)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nRef);
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(aRef);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(a, n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(aRef, nRef);
    }
}
