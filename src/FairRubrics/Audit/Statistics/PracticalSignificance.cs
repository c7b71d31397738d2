namespace FairRubrics.Audit.Statistics;

/// <summary>
/// Practical significance of a group's comparison with the reference group (PRODUCT.md 5.2): how many more
/// favourable outcomes the group would need (the shortfall), and whether the decisions are so fragile that
/// changing the outcomes of one or two people reverses them (the "flip-flop" caution of the Uniform
/// Guidelines for small numbers). Definitions in docs/statistics.md.
/// </summary>
internal static class PracticalSignificance
{
    /// <summary>The significance level of the Fisher decision: a comparison is significant when p &lt; 0.05.</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// The shortfall: the smallest number k of additional favourable outcomes in the group, 0 ≤ k ≤ n − a,
    /// such that (a + k)/n ≥ a_ref/n_ref, decided exactly on integers ((a + k)·n_ref ≥ a_ref·n). It is
    /// ⌈(a_ref·n − a·n_ref) / n_ref⌉ when positive, else 0, and always exists because a_ref/n_ref ≤ 1.
    /// </summary>
    /// <param name="a">Favourable outcomes in the group.</param>
    /// <param name="n">Size of the group, &gt; 0.</param>
    /// <param name="aRef">Favourable outcomes in the reference group.</param>
    /// <param name="nRef">Size of the reference group, &gt; 0.</param>
    /// <returns>k; 0 when the group's rate already reaches the reference rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or a count is outside [0, size].</exception>
    public static long Shortfall(long a, long n, long aRef, long nRef)
    {
        FourFifthsRule.Validate(a, n, aRef, nRef);
        var gap = ((Int128)aRef * n) - ((Int128)a * nRef);
        return gap <= 0 ? 0 : (long)((gap + nRef - 1) / nRef);
    }

    /// <summary>
    /// The four-fifths shortfall: the smallest number k of additional favourable outcomes in the group,
    /// 0 ≤ k ≤ n − a, after which the four-fifths rule no longer flags it (5·(a + k)·n_ref ≥ 4·a_ref·n).
    /// It is ⌈4·a_ref·n / (5·n_ref)⌉ − a when positive, else 0.
    /// </summary>
    /// <param name="a">Favourable outcomes in the group.</param>
    /// <param name="n">Size of the group, &gt; 0.</param>
    /// <param name="aRef">Favourable outcomes in the reference group.</param>
    /// <param name="nRef">Size of the reference group, &gt; 0.</param>
    /// <returns>k; 0 when the group is not flagged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or a count is outside [0, size].</exception>
    public static long FourFifthsShortfall(long a, long n, long aRef, long nRef)
    {
        FourFifthsRule.Validate(a, n, aRef, nRef);
        var numerator = (UInt128)(ulong)aRef * (ulong)n * 4;
        var denominator = (UInt128)(ulong)nRef * 5;
        var needed = numerator / denominator;
        if (numerator % denominator != 0)
        {
            needed++;
        }

        return needed <= (ulong)a ? 0 : (long)(needed - (ulong)a);
    }

    /// <summary>
    /// The flip-flop check: for each of the two decisions — the four-fifths rule
    /// (<see cref="FourFifthsRule.BelowFourFifths"/>) and significance (Fisher p &lt; <see cref="Alpha"/>) —
    /// the smallest number of people, 1 or 2, whose changed outcomes reverse the decision. A change of
    /// k people moves the favourable counts to a + δ and a_ref + δ_ref with |δ| + |δ_ref| = k (any mix of
    /// gaining and losing a favourable outcome, in the group and in the reference group, moving one
    /// favourable outcome from one to the other included), keeping both counts within their group sizes;
    /// group sizes and the choice of reference group stay fixed. "Reverse" works both ways: a flagged result
    /// that would stop being flagged, and an unflagged one that would become flagged.
    /// </summary>
    /// <param name="a">Favourable outcomes in the group.</param>
    /// <param name="n">Size of the group, &gt; 0.</param>
    /// <param name="aRef">Favourable outcomes in the reference group.</param>
    /// <param name="nRef">Size of the reference group, &gt; 0.</param>
    /// <returns>The smallest number of people for each decision, null where two do not suffice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or a count is outside [0, size].</exception>
    public static FlipFlopResult FlipFlop(int a, int n, int aRef, int nRef)
    {
        FourFifthsRule.Validate(a, n, aRef, nRef);
        var flagged = FourFifthsRule.BelowFourFifths(a, n, aRef, nRef);
        var significant = IsSignificant(a, n, aRef, nRef);
        int? fourFifthsPeople = null, significancePeople = null;
        for (var people = 1; people <= 2 && (fourFifthsPeople is null || significancePeople is null); people++)
        {
            for (var delta = -people; delta <= people; delta++)
            {
                var referenceChange = people - Math.Abs(delta);
                for (var sign = -1; sign <= 1; sign += 2)
                {
                    if (referenceChange == 0 && sign > 0)
                    {
                        break;
                    }

                    long changed = (long)a + delta, changedRef = (long)aRef + (sign * referenceChange);
                    if (changed < 0 || changed > n || changedRef < 0 || changedRef > nRef)
                    {
                        continue;
                    }

                    if (fourFifthsPeople is null && FourFifthsRule.BelowFourFifths(changed, n, changedRef, nRef) != flagged)
                    {
                        fourFifthsPeople = people;
                    }

                    if (significancePeople is null && IsSignificant((int)changed, n, (int)changedRef, nRef) != significant)
                    {
                        significancePeople = people;
                    }
                }
            }
        }

        return new FlipFlopResult(fourFifthsPeople, significancePeople);
    }

    private static bool IsSignificant(int a, int n, int aRef, int nRef) =>
        FisherExact.TwoSidedP(a, n - a, aRef, nRef - aRef) < Alpha;
}

/// <summary>
/// How fragile a comparison is: the smallest number of people (1 or 2) whose changed outcomes would reverse
/// each decision, or null where changing two people's outcomes cannot.
/// </summary>
/// <param name="FourFifthsPeople">People whose changed outcomes reverse the four-fifths decision (1, 2 or null).</param>
/// <param name="SignificancePeople">People whose changed outcomes move the Fisher p across 0.05 (1, 2 or null).</param>
internal readonly record struct FlipFlopResult(int? FourFifthsPeople, int? SignificancePeople)
{
    /// <summary>Gets a value indicating whether changing one or two people's outcomes reverses either decision.</summary>
    public bool IsFragile => FourFifthsPeople is not null || SignificancePeople is not null;
}
