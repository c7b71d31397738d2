namespace FairRubrics.Audit.Statistics;

/// <summary>
/// The exact median of doubles: the middle value of an odd count, the mean of the two middle values of an
/// even count (correctly rounded). The scoring rate of PRODUCT.md 5.2 compares scores with the median of
/// all scored subjects' overall scores.
/// </summary>
/// <remarks>
/// A streaming auditor can get the median exactly without holding every score, because scores take few
/// distinct values (means of small integer levels): keep a count per distinct score
/// (<c>Dictionary&lt;double, long&gt;</c>, mergeable across partitions by adding counts), then sort the
/// distinct values and call <see cref="OfCounts"/>. Memory is bounded by the number of distinct scores.
/// If that number could be large, make two passes instead: the first counts values per coarse bucket to
/// find the bucket holding the middle rank(s), the second keeps only the values in that bucket.
/// </remarks>
internal static class Median
{
    /// <summary>The median of some values; the input is left unchanged (a sorted copy is made).</summary>
    /// <param name="values">Finite values, in any order.</param>
    /// <returns>The median; null when there are no values.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static double? Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return null;
        }

        var copy = values.ToArray();
        return OfInPlace(copy);
    }

    /// <summary>The median of some values, sorting them in place (no allocation).</summary>
    /// <param name="values">Finite values, in any order; sorted ascending on return.</param>
    /// <returns>The median; null when there are no values.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static double? OfInPlace(Span<double> values)
    {
        foreach (var value in values)
        {
            EnsureFinite(value, nameof(values));
        }

        if (values.IsEmpty)
        {
            return null;
        }

        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : Midpoint(values[middle - 1], values[middle]);
    }

    /// <summary>
    /// The median of a multiset given as its distinct values in ascending order and how often each occurs:
    /// the same result as <see cref="Of"/> on the expanded values.
    /// </summary>
    /// <param name="distinctValues">Finite values, strictly ascending.</param>
    /// <param name="counts">The number of occurrences of each value, ≥ 0, as many as values.</param>
    /// <returns>The median; null when the counts sum to 0.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, the values are not finite and strictly ascending, or a count is negative.</exception>
    public static double? OfCounts(ReadOnlySpan<double> distinctValues, ReadOnlySpan<long> counts)
    {
        if (distinctValues.Length != counts.Length)
        {
            throw new ArgumentException("There must be one count per value.", nameof(counts));
        }

        long total = 0;
        for (var i = 0; i < distinctValues.Length; i++)
        {
            EnsureFinite(distinctValues[i], nameof(distinctValues));
            if (i > 0 && !(distinctValues[i - 1] < distinctValues[i]))
            {
                throw new ArgumentException("The values must be strictly ascending.", nameof(distinctValues));
            }

            if (counts[i] < 0)
            {
                throw new ArgumentException("Counts must not be negative.", nameof(counts));
            }

            total = checked(total + counts[i]);
        }

        if (total == 0)
        {
            return null;
        }

        // 0-based ranks of the middle value(s).
        var lowRank = (total - 1) / 2;
        var highRank = total / 2;
        double? low = null;
        long seen = 0;
        for (var i = 0; i < distinctValues.Length; i++)
        {
            seen += counts[i];
            if (low is null && seen > lowRank)
            {
                low = distinctValues[i];
            }

            if (seen > highRank)
            {
                return Midpoint(low!.Value, distinctValues[i]);
            }
        }

        throw new InvalidOperationException("unreachable: the ranks are below the total");
    }

    /// <summary>(a + b) / 2 correctly rounded, without overflow.</summary>
    private static double Midpoint(double a, double b)
    {
        if (a == b)
        {
            return a;
        }

        var sum = a + b;
        return double.IsInfinity(sum) ? (a / 2) + (b / 2) : sum / 2;
    }

    private static void EnsureFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("Values must be finite numbers.", name);
        }
    }
}
