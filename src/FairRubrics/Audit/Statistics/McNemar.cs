namespace FairRubrics.Audit.Statistics;

/// <summary>
/// The exact McNemar test of paired binary outcomes: of the pairs that differ, <c>b</c> changed one way and <c>c</c> the
/// other; under no change in the rate each discordant pair is equally likely to go either way, so <c>b</c> is binomial
/// with <c>n = b + c</c> and <c>p = 0.5</c>, and the two-sided p-value is twice the smaller tail, at most 1
/// (the same as R's <c>binom.test(b, b + c)</c> and SciPy's <c>binomtest(b, b + c)</c>, which for p = 0.5 sum the
/// same symmetric tails).
/// </summary>
internal static class McNemar
{
    /// <summary>The exact two-sided p-value; 1 when there are no discordant pairs.</summary>
    /// <param name="b">Discordant pairs one way (e.g. favourable only after the change).</param>
    /// <param name="c">Discordant pairs the other way.</param>
    /// <returns>The p-value in (0, 1].</returns>
    public static double ExactTwoSidedP(long b, long c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var n = b + c;
        var k = Math.Min(b, c);
        if (n == 0 || 2 * k == n)
        {
            return 1.0;
        }

        // P(X <= k) for X ~ Binomial(n, 1/2): the terms C(n, i) / 2^n for i = 0..k, summed from the largest (i = k)
        // down, each from the next by the ratio i / (n - i + 1), scaled by the largest term's logarithm so that
        // nothing underflows before it matters.
        var logLargest = SpecialFunctions.LogFactorial(n) - SpecialFunctions.LogFactorial(k) - SpecialFunctions.LogFactorial(n - k) - (n * Math.Log(2.0));
        double sum = 0, term = 1;
        for (var i = k; i >= 0; i--)
        {
            sum += term;
            term *= i / (double)(n - i + 1);
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        var tail = Math.Exp(logLargest + Math.Log(sum));
        return Math.Min(1.0, 2.0 * tail);
    }
}
