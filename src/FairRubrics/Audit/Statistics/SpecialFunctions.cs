namespace FairRubrics.Audit.Statistics;

/// <summary>
/// The special functions the audit statistics need, accurate to a few units in the last place: the
/// complementary error function (W. J. Cody's rational approximations), log-factorials, and the pieces of
/// C. Loader's saddle-point form of binomial probabilities (Stirling's error term and the deviance
/// <c>bd0</c>), which keep log-probabilities accurate for counts in the millions.
/// </summary>
/// <remarks>
/// Pure functions of their arguments; no state. See <c>docs/statistics.md</c> for the formulas and the
/// accuracy measured against 60-digit references.
/// </remarks>
internal static class SpecialFunctions
{
    /// <summary>ln(2π).</summary>
    internal const double LogTwoPi = 1.8378770664093456;

    /// <summary>ln(2π) / 2 = ln √(2π).</summary>
    internal const double HalfLogTwoPi = 0.9189385332046728;

    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>√2 minus its nearest double <see cref="Sqrt2"/>.</summary>
    private const double Sqrt2Low = -9.667293313452913e-17;

    private const double InverseSqrt2 = 0.7071067811865476;

    private const double TwoOverSqrtPi = 1.1283791670955126;

    private const double InverseSqrtPi = 0.56418958354775628695;

    /// <summary>
    /// Stirling's error term δ(n) = ln n! − (n + ½) ln n + n − ½ ln 2π for n = 0..15 (δ(0) is defined as 0;
    /// callers never need it). Computed with 40-digit arithmetic.
    /// </summary>
    private static ReadOnlySpan<double> StirlingErrorTable =>
    [
        0.0,
        0.08106146679532726,
        0.0413406959554093,
        0.02767792568499834,
        0.020790672103765093,
        0.016644691189821193,
        0.013876128823070748,
        0.01189670994589177,
        0.010411265261972096,
        0.009255462182712733,
        0.00833056343336287,
        0.007573675487951841,
        0.00694284010720953,
        0.006408994188004207,
        0.0059513701127588475,
        0.005554733551962801,
    ];

    /// <summary>n! for n = 0..20, exact.</summary>
    private static ReadOnlySpan<long> Factorials =>
    [
        1L, 1L, 2L, 6L, 24L, 120L, 720L, 5040L, 40320L, 362880L, 3628800L, 39916800L, 479001600L,
        6227020800L, 87178291200L, 1307674368000L, 20922789888000L, 355687428096000L,
        6402373705728000L, 121645100408832000L, 2432902008176640000L,
    ];

    /// <summary>
    /// The complementary error function erfc(x) = 1 − erf(x), with relative error of a few units in the last
    /// place wherever the result is a normal double (x up to about 26.5); it underflows to subnormals and 0
    /// beyond. W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
    /// 631–637, with the coefficients of his SPECFUN routine CALERF.
    /// </summary>
    /// <param name="x">Any double; NaN gives NaN.</param>
    /// <returns>erfc(x), in [0, 2].</returns>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var y = Math.Abs(x);
        if (y <= 0.46875)
        {
            // erf(x) = x R(x²) on [0, 0.46875]; erfc = 1 - erf loses nothing here because erf <= 0.493.
            var ysq = y > 1.11e-16 ? y * y : 0.0;
            var num = 1.85777706184603153e-1 * ysq;
            var den = ysq;
            num = (num + 3.16112374387056560e00) * ysq;
            den = (den + 2.36012909523441209e01) * ysq;
            num = (num + 1.13864154151050156e02) * ysq;
            den = (den + 2.44024637934444173e02) * ysq;
            num = (num + 3.77485237685302021e02) * ysq;
            den = (den + 1.28261652607737228e03) * ysq;
            var erf = x * (num + 3.20937758913846947e03) / (den + 2.84423683343917062e03);
            return 1.0 - erf;
        }

        double result;
        if (y <= 4.0)
        {
            // erfc(y) = exp(-y²) R(y) on [0.46875, 4].
            var num = 2.15311535474403846e-8 * y;
            var den = y;
            num = (num + 5.64188496988670089e-1) * y;
            den = (den + 1.57449261107098347e01) * y;
            num = (num + 8.88314979438837594e00) * y;
            den = (den + 1.17693950891312499e02) * y;
            num = (num + 6.61191906371416295e01) * y;
            den = (den + 5.37181101862009858e02) * y;
            num = (num + 2.98635138197400131e02) * y;
            den = (den + 1.62138957456669019e03) * y;
            num = (num + 8.81952221241769090e02) * y;
            den = (den + 3.29079923573345963e03) * y;
            num = (num + 1.71204761263407058e03) * y;
            den = (den + 4.36261909014324716e03) * y;
            num = (num + 2.05107837782607147e03) * y;
            den = (den + 3.43936767414372164e03) * y;
            result = ExpMinusSquare(y) * ((num + 1.23033935479799725e03) / (den + 1.23033935480374942e03));
        }
        else if (y >= 27.3)
        {
            // erfc(27.3) is below the smallest subnormal double.
            result = 0.0;
        }
        else
        {
            // erfc(y) = exp(-y²)/y (1/√π + R(1/y²)/y²) for y > 4.
            var ysq = 1.0 / (y * y);
            var num = 1.63153871373020978e-2 * ysq;
            var den = ysq;
            num = (num + 3.05326634961232344e-1) * ysq;
            den = (den + 2.56852019228982242e00) * ysq;
            num = (num + 3.60344899949804439e-1) * ysq;
            den = (den + 1.87295284992346047e00) * ysq;
            num = (num + 1.25781726111229246e-1) * ysq;
            den = (den + 5.27905102951428412e-1) * ysq;
            num = (num + 1.60837851487422766e-2) * ysq;
            den = (den + 6.05183413124413191e-2) * ysq;
            var tail = ysq * (num + 6.58749161529837803e-4) / (den + 2.33520497626869185e-3);
            result = ExpMinusSquare(y) * ((InverseSqrtPi - tail) / y);
        }

        return x < 0 ? 2.0 - result : result;
    }

    /// <summary>
    /// The two-sided tail probability of the standard normal distribution, P(|Z| ≥ |z|) = erfc(|z|/√2).
    /// The rounding of |z|/√2 to a double is corrected to first order, so the result is accurate to a few
    /// units in the last place for the given <paramref name="z"/> (values down to about 1e-307).
    /// </summary>
    /// <param name="z">A finite standard-normal statistic.</param>
    /// <returns>The p-value, in [0, 1].</returns>
    public static double NormalTwoSidedP(double z)
    {
        var t = Math.Abs(z);
        var x = t * InverseSqrt2;

        // δ = t/√2 - x, from the residual t - x√2 computed with a fused multiply-add and √2 in two parts.
        var residual = Math.FusedMultiplyAdd(-x, Sqrt2, t) - (x * Sqrt2Low);
        var delta = residual * InverseSqrt2;
        var p = Erfc(x) - (delta * TwoOverSqrtPi * Math.Exp(-x * x));
        return Math.Clamp(p, 0.0, 1.0);
    }

    /// <summary>
    /// ln n! (= ln Γ(n + 1)) for a non-negative integer, with relative error of a few units in the last place:
    /// exact factorials for n ≤ 20, otherwise Stirling's formula with <see cref="StirlingError"/>.
    /// </summary>
    /// <param name="n">A non-negative integer.</param>
    /// <returns>ln n!.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double LogFactorial(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n < Factorials.Length)
        {
            return Math.Log(Factorials[(int)n]);
        }

        double m = n;
        return ((m + 0.5) * Math.Log(m)) - m + HalfLogTwoPi + StirlingError(n);
    }

    /// <summary>
    /// Stirling's error term δ(n) = ln n! − (n + ½) ln n + n − ½ ln 2π for an integer n ≥ 1 (0 for n = 0):
    /// a table for n ≤ 15, the asymptotic series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹)
    /// − 691/(360360n¹¹) above, whose truncation error is below 2e-16 absolute at n = 16 and falls fast.
    /// </summary>
    /// <param name="n">A non-negative integer.</param>
    /// <returns>δ(n), to within about 1e-17 absolute.</returns>
    public static double StirlingError(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n < StirlingErrorTable.Length)
        {
            return StirlingErrorTable[(int)n];
        }

        double m = n;
        var inv2 = 1.0 / (m * m);
        var series = (1.0 / 12) - (inv2 * ((1.0 / 360) - (inv2 * ((1.0 / 1260) - (inv2 * ((1.0 / 1680) - (inv2 * ((1.0 / 1188) - (inv2 * (691.0 / 360360))))))))));
        return series / m;
    }

    /// <summary>
    /// The deviance term bd0(x, μ) = x ln(x/μ) + μ − x ≥ 0 of C. Loader, "Fast and accurate computation of
    /// binomial probabilities" (2000), evaluated without cancellation when x is near μ (a series in
    /// v = (x − μ)/(x + μ)).
    /// </summary>
    /// <param name="x">A positive count.</param>
    /// <param name="mu">A positive mean.</param>
    /// <returns>bd0(x, μ).</returns>
    public static double Bd0(double x, double mu)
    {
        var difference = x - mu;
        if (Math.Abs(difference) < 0.1 * (x + mu))
        {
            // x ln(x/μ) + μ - x = (x - μ) v + 2x Σ_{j≥1} v^(2j+1)/(2j+1), |v| < 1/10.
            var v = difference / (x + mu);
            var sum = difference * v;
            var term = 2.0 * x * v;
            var v2 = v * v;
            for (var j = 1; j < 100; j++)
            {
                term *= v2;
                var next = sum + (term / ((2 * j) + 1));
                if (next == sum)
                {
                    return next;
                }

                sum = next;
            }

            return sum;
        }

        return (x * Math.Log(x / mu)) + mu - x;
    }

    /// <summary>
    /// ln of the binomial probability C(n, x) pᵡ qⁿ⁻ᵡ, by Loader's saddle-point form
    /// δ(n) − δ(x) − δ(n−x) − bd0(x, np) − bd0(n−x, nq) − ½ ln(2π x (n−x)/n), which stays accurate to a few
    /// units in the last place of the log-probability for n in the billions.
    /// </summary>
    /// <param name="x">The number of successes.</param>
    /// <param name="n">The number of trials, n ≥ 0.</param>
    /// <param name="p">The success probability, in (0, 1).</param>
    /// <param name="q">1 − p, given separately so that it keeps full relative precision.</param>
    /// <returns>The log-probability; −∞ when x is outside [0, n].</returns>
    public static double LogBinomialProbability(long x, long n, double p, double q)
    {
        if (x < 0 || x > n)
        {
            return double.NegativeInfinity;
        }

        if (x == 0)
        {
            return n == 0 ? 0.0 : p < 0.1 ? -Bd0(n, n * q) - (n * p) : n * Math.Log(q);
        }

        if (x == n)
        {
            return q < 0.1 ? -Bd0(n, n * p) - (n * q) : n * Math.Log(p);
        }

        var rest = n - x;
        var lc = StirlingError(n) - StirlingError(x) - StirlingError(rest) - Bd0(x, n * p) - Bd0(rest, n * q);
        var lf = LogTwoPi + Math.Log(x * ((double)rest / n));
        return lc - (0.5 * lf);
    }

    /// <summary>exp(−y²) without the error of rounding y² first: y is split as h + (y − h) with h a multiple of 1/16.</summary>
    private static double ExpMinusSquare(double y)
    {
        var h = Math.Truncate(y * 16.0) / 16.0;
        var rest = (y - h) * (y + h);
        return Math.Exp(-h * h) * Math.Exp(-rest);
    }
}
