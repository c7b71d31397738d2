namespace FairRubrics.Tests.Audit.Statistics;

/// <summary>
/// Relative tolerances against the 60-digit references, each with its reason. They sit one to two orders of
/// magnitude above the errors measured on x64 Linux (docs/statistics.md lists those), leaving room for
/// another platform's libm, and well inside the 1e-9 the audit needs.
/// </summary>
internal static class Tolerances
{
    /// <summary>erfc, the normal tail and ln n!: a few units in the last place (measured below 5e-16).</summary>
    public const double SpecialFunction = 1e-14;

    /// <summary>
    /// Fisher p: log-probabilities of size L carry about 1e-15·L absolute error from Loader's deviance
    /// terms, so a p of 1e-200 (L ≈ 460) is good to about 5e-13 (measured max 4.7e-13).
    /// </summary>
    public const double FisherP = 1e-11;

    /// <summary>
    /// Fisher p against SciPy 1.10: SciPy's own hypergeometric sums are off by up to 3e-9 for tables of
    /// millions (reference.json shows it against the 60-digit values), so agreement is checked to 1e-8.
    /// </summary>
    public const double FisherPVersusScipy = 1e-8;

    /// <summary>z: a few roundings from exact integer counts (measured 2e-16).</summary>
    public const double Z = 1e-14;

    /// <summary>
    /// z-test p: p = erfc(|z|/√2) amplifies z's relative error by about z², so 1e-300 (z ≈ 37) is good to
    /// about 1e-13 (measured 7.6e-14).
    /// </summary>
    public const double ZP = 1e-11;

    /// <summary>
    /// z-test p against SciPy: SciPy's z, from the textbook formula in float64, has its own rounding, which
    /// p amplifies by z² (measured 1.2e-12 at p = 1e-300).
    /// </summary>
    public const double ZPVersusScipy = 1e-10;

    /// <summary>Wilson bounds: no cancellation in either bound (measured 3e-16).</summary>
    public const double Wilson = 1e-13;

    /// <summary>
    /// Hedges' g: Welford's rounding is amplified by mean / SD and by 1 / |g|; the case with values near 1e6
    /// and SD 0.3 is conditioned at about 3e6 (measured 1.7e-11, the same as numpy's two-pass formula).
    /// </summary>
    public const double HedgesG = 1e-9;

    /// <summary>Merged moments against one pass: rounding only.</summary>
    public const double MomentsMerge = 1e-12;
}
