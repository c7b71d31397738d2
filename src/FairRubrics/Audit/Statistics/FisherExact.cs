namespace FairRubrics.Audit.Statistics;

/// <summary>
/// Fisher's exact test on a 2x2 table, two-sided, as R's <c>fisher.test</c> defines it and PRODUCT.md 5.2
/// requires: exact for groups of millions and fast (O(√n) work, no allocation).
/// </summary>
/// <remarks>
/// <para>
/// For the table <c>[[a, b], [c, d]]</c> with row sums r₁ = a + b, r₂ = c + d and first column sum
/// c₁ = a + c, the tables with the same margins are indexed by their top-left cell x in
/// [max(0, c₁ − r₂), min(r₁, c₁)], with the hypergeometric probability
/// P(x) = C(r₁, x) C(r₂, c₁ − x) / C(r₁ + r₂, c₁). The two-sided p-value is the sum of P(x) over every x with
/// P(x) ≤ P(a) (1 + 10⁻⁷): the relative tolerance of R (<c>relErr &lt;- 1 + 10^(-7)</c>) so that tables
/// whose probabilities are equal in exact arithmetic count as equal. (SciPy 1.10 uses 10⁻¹⁴; the two
/// differ only on tables with a near-tie, which docs/statistics.md shows.)
/// </para>
/// <para>
/// P is unimodal, so the tables counted are two tails: one ends at the observed table, the other begins
/// where P first falls to the limit on the far side of the mode, found by bisection. Each tail is summed
/// from its inner end outwards with the ratio recurrence P(x+1)/P(x), stopping once the rest cannot
/// change the sum in the 17th digit (the rest is bounded by a geometric series because the ratios
/// shrink), and re-anchored to a directly computed probability every 256 steps so that rounding does not
/// accumulate. Log-probabilities come from Loader's saddle-point form
/// (<see cref="SpecialFunctions.LogBinomialProbability"/>), accurate for millions, where differences of
/// log-factorials would lose eight digits. Against 60-digit references the result is within 6e-14 relative
/// for p above 1e-100 and within 5e-13 down to 1e-300 (docs/statistics.md).
/// </para>
/// </remarks>
internal static class FisherExact
{
    /// <summary>The relative tolerance when comparing table probabilities: 1e-7, as in R's fisher.test.</summary>
    public const double RelativeTolerance = 1e-7;

    /// <summary>ln(1 + <see cref="RelativeTolerance"/>).</summary>
    private const double LogOnePlusTolerance = 9.999999500000033e-08;

    /// <summary>A tail stops when the bound on its remaining terms is below this fraction of its sum.</summary>
    private const double TailCutoff = 1e-17;

    /// <summary>Steps between re-anchoring a tail's running term to a directly computed probability.</summary>
    private const int ReanchorInterval = 256;

    /// <summary>
    /// The two-sided p-value of Fisher's exact test for the table <c>[[a, b], [c, d]]</c>: the sum of the
    /// probabilities of all tables with the same margins whose probability is at most the observed one's
    /// times 1 + 1e-7. A table with an empty row or column gives 1.
    /// </summary>
    /// <param name="a">Top-left count (e.g. favourable outcomes in the group).</param>
    /// <param name="b">Top-right count (e.g. other outcomes in the group).</param>
    /// <param name="c">Bottom-left count (e.g. favourable outcomes in the reference group).</param>
    /// <param name="d">Bottom-right count (e.g. other outcomes in the reference group).</param>
    /// <returns>The p-value in [0, 1]; it underflows to 0 below about 1e-308.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double TwoSidedP(int a, int b, int c, int d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfNegative(d);

        long row1 = (long)a + b, row2 = (long)c + d, column1 = (long)a + c, column2 = (long)b + d;
        if (row1 == 0 || row2 == 0 || column1 == 0 || column2 == 0)
        {
            return 1.0;
        }

        var table = new Margins(row1, row2, column1);
        var lo = table.Low;
        var hi = table.High;
        var mode = table.Mode;
        var limit = table.LogProbability(a) + LogOnePlusTolerance;
        if (table.LogProbability(mode) <= limit)
        {
            // Every table is at most as probable as the mode, so every table counts.
            return 1.0;
        }

        // The counted tables are [lo, lowerEnd] and [upperStart, hi]; either may be empty.
        long lowerEnd, upperStart;
        if (a < mode)
        {
            lowerEnd = LastAtMost(table, a, mode - 1, limit);
            upperStart = FirstAtMost(table, mode + 1, hi, limit);
        }
        else
        {
            upperStart = FirstAtMost(table, mode + 1, a, limit);
            lowerEnd = LastAtMost(table, lo, mode - 1, limit);
        }

        var logLower = lowerEnd >= lo ? LogLowerTail(table, lo, lowerEnd) : double.NegativeInfinity;
        var logUpper = upperStart <= hi ? LogUpperTail(table, upperStart, hi) : double.NegativeInfinity;
        var max = Math.Max(logLower, logUpper);
        var min = Math.Min(logLower, logUpper);
        var p = Math.Exp(max) * (1.0 + Math.Exp(min - max));
        return Math.Min(p, 1.0);
    }

    /// <summary>
    /// ln P(x) for the table with top-left cell <paramref name="x"/> and the given margins (the hypergeometric
    /// log-probability), accurate to about 1e-15 relative in P for margins up to billions.
    /// </summary>
    /// <param name="x">The top-left cell.</param>
    /// <param name="row1">The first row sum.</param>
    /// <param name="row2">The second row sum.</param>
    /// <param name="column1">The first column sum.</param>
    /// <returns>ln P(x); −∞ outside the support.</returns>
    internal static double LogTableProbability(long x, long row1, long row2, long column1) =>
        new Margins(row1, row2, column1).LogProbability(x);

    /// <summary>The largest x in [from, to] with ln P(x) ≤ limit, where P increases on [from, to]; from − 1 when none.</summary>
    private static long LastAtMost(in Margins table, long from, long to, double limit)
    {
        if (from > to || table.LogProbability(from) > limit)
        {
            return from - 1;
        }

        // Invariant: P(lo) is within the limit, P(hi) is not (or hi is past the range).
        long lo = from, hi = to + 1;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (table.LogProbability(mid) <= limit)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The smallest x in [from, to] with ln P(x) ≤ limit, where P decreases on [from, to]; to + 1 when none.</summary>
    private static long FirstAtMost(in Margins table, long from, long to, double limit)
    {
        if (from > to || table.LogProbability(to) > limit)
        {
            return to + 1;
        }

        // Invariant: P(hi) is within the limit, P(lo) is not (or lo is before the range).
        long lo = from - 1, hi = to;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (table.LogProbability(mid) <= limit)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    /// <summary>ln Σ P(x) for x in [start, hi], where P decreases from start upwards.</summary>
    private static double LogUpperTail(in Margins table, long start, long hi)
    {
        var logStart = table.LogProbability(start);
        double sum = 1.0, term = 1.0;
        var steps = 0;
        for (var x = start; x < hi; x++)
        {
            var ratio = table.RatioUp(x);
            term *= ratio;
            if (++steps == ReanchorInterval)
            {
                steps = 0;
                term = Math.Exp(table.LogProbability(x + 1) - logStart);
            }

            sum += term;

            // The later ratios are smaller, so the rest is below term r / (1 - r).
            if (ratio < 1.0 && term * ratio <= sum * TailCutoff * (1.0 - ratio))
            {
                break;
            }
        }

        return logStart + Math.Log(sum);
    }

    /// <summary>ln Σ P(x) for x in [lo, end], where P decreases from end downwards.</summary>
    private static double LogLowerTail(in Margins table, long lo, long end)
    {
        var logStart = table.LogProbability(end);
        double sum = 1.0, term = 1.0;
        var steps = 0;
        for (var x = end; x > lo; x--)
        {
            var ratio = table.RatioDown(x);
            term *= ratio;
            if (++steps == ReanchorInterval)
            {
                steps = 0;
                term = Math.Exp(table.LogProbability(x - 1) - logStart);
            }

            sum += term;
            if (ratio < 1.0 && term * ratio <= sum * TailCutoff * (1.0 - ratio))
            {
                break;
            }
        }

        return logStart + Math.Log(sum);
    }

    /// <summary>The margins of a 2x2 table with no empty row or column, and the probabilities of its tables.</summary>
    private readonly struct Margins
    {
        private readonly long _row1;
        private readonly long _row2;
        private readonly long _column1;
        private readonly double _p;
        private readonly double _q;
        private readonly double _logDenominator;

        public Margins(long row1, long row2, long column1)
        {
            _row1 = row1;
            _row2 = row2;
            _column1 = column1;
            var total = row1 + row2;

            // P(x) = Bin(x; r1, p) Bin(c1 - x; r2, p) / Bin(c1; N, p) for any p; p = c1/N centres the denominator.
            _p = (double)column1 / total;
            _q = (double)(total - column1) / total;
            _logDenominator = SpecialFunctions.LogBinomialProbability(column1, total, _p, _q);
            Low = Math.Max(0, column1 - row2);
            High = Math.Min(row1, column1);
            var mode = (long)((Int128)(column1 + 1) * (row1 + 1) / (total + 2));
            Mode = Math.Clamp(mode, Low, High);
        }

        /// <summary>Gets the smallest possible top-left cell.</summary>
        public long Low { get; }

        /// <summary>Gets the largest possible top-left cell.</summary>
        public long High { get; }

        /// <summary>Gets the most probable top-left cell (the larger one when two tie).</summary>
        public long Mode { get; }

        /// <summary>ln P(x).</summary>
        public double LogProbability(long x) =>
            SpecialFunctions.LogBinomialProbability(x, _row1, _p, _q)
            + SpecialFunctions.LogBinomialProbability(_column1 - x, _row2, _p, _q)
            - _logDenominator;

        /// <summary>P(x + 1) / P(x) = (r1 − x)(c1 − x) / ((x + 1)(r2 − c1 + x + 1)).</summary>
        public double RatioUp(long x) =>
            ((double)(_row1 - x) * (_column1 - x)) / ((double)(x + 1) * (_row2 - _column1 + x + 1));

        /// <summary>P(x − 1) / P(x) = x (r2 − c1 + x) / ((r1 − x + 1)(c1 − x + 1)).</summary>
        public double RatioDown(long x) =>
            ((double)x * (_row2 - _column1 + x)) / ((double)(_row1 - x + 1) * (_column1 - x + 1));
    }
}
