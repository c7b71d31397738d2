using System.Globalization;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Tests.Audit.Statistics;

public sealed class PracticalSignificanceTests
{
    [Fact]
    public void PracticalSignificance_ReferenceCases_MatchTheBruteForceDefinitions()
    {
        foreach (var c in ReferenceData.Values.Practical)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{c.A}/{c.N} vs {c.ARef}/{c.NRef}");

            FourFifthsRule.BelowFourFifths(c.A, c.N, c.ARef, c.NRef).Should().Be(c.BelowFourFifths, name);
            (FisherExact.TwoSidedP(c.A, c.N - c.A, c.ARef, c.NRef - c.ARef) < PracticalSignificance.Alpha).Should().Be(c.Significant, name);
            PracticalSignificance.Shortfall(c.A, c.N, c.ARef, c.NRef).Should().Be(c.Shortfall, name);
            PracticalSignificance.FourFifthsShortfall(c.A, c.N, c.ARef, c.NRef).Should().Be(c.FourFifthsShortfall, name);
            PracticalSignificance.FlipFlop(c.A, c.N, c.ARef, c.NRef)
                .Should().Be(new FlipFlopResult(c.FlipFlopFourFifths, c.FlipFlopSignificance), name);
        }
    }

    [Fact]
    public void Shortfall_SmallGroups_IsTheSmallestCountReachingTheReferenceRate()
    {
        for (var nRef = 1; nRef <= 12; nRef++)
        {
            for (var aRef = 0; aRef <= nRef; aRef++)
            {
                for (var n = 1; n <= 12; n++)
                {
                    for (var a = 0; a <= n; a++)
                    {
                        var k = PracticalSignificance.Shortfall(a, n, aRef, nRef);
                        var four = PracticalSignificance.FourFifthsShortfall(a, n, aRef, nRef);
                        var name = string.Create(CultureInfo.InvariantCulture, $"{a}/{n} vs {aRef}/{nRef}");

                        k.Should().BeInRange(0, n - a, name);
                        ((a + k) * nRef >= aRef * n).Should().BeTrue(name);
                        (k == 0 || (a + k - 1) * nRef < aRef * n).Should().BeTrue(name);
                        FourFifthsRule.BelowFourFifths(a + four, n, aRef, nRef).Should().BeFalse(name);
                        (four == 0 || FourFifthsRule.BelowFourFifths(a + four - 1, n, aRef, nRef)).Should().BeTrue(name);
                        four.Should().BeLessThanOrEqualTo(k, name);
                    }
                }
            }
        }
    }

    [Fact]
    public void Shortfall_LargeCounts_IsExact()
    {
        // 301 of 951 against 400 of 1000: reaching 0.4 needs ceil(380.4) = 381, so 80 more.
        PracticalSignificance.Shortfall(301, 951, 400, 1000).Should().Be(80);
        PracticalSignificance.FourFifthsShortfall(301, 951, 400, 1000).Should().Be(4);
        PracticalSignificance.Shortfall(0, long.MaxValue, long.MaxValue, long.MaxValue).Should().Be(long.MaxValue);
        PracticalSignificance.FourFifthsShortfall(0, long.MaxValue, long.MaxValue, long.MaxValue).Should().Be(7_378_697_629_483_820_646); // ceil(4 (2^63 - 1) / 5)
    }

    [Fact]
    public void FlipFlop_TinyGroup_OnePersonReversesBothDecisions()
    {
        // 0 of 5 against 4 of 5: flagged (ratio 0) and significant (p = 0.048); one more favourable
        // outcome in the group gives p = 0.206 but a ratio of 0.25, so only significance flips with one person.
        var result = PracticalSignificance.FlipFlop(0, 5, 4, 5);

        result.SignificancePeople.Should().Be(1);
        result.FourFifthsPeople.Should().BeNull();
        result.IsFragile.Should().BeTrue();
    }

    [Fact]
    public void FlipFlop_AtTheFourFifthsBoundary_OnePersonReversesTheRule()
    {
        // 4/10 against 5/10 is exactly 0.8 (not flagged); one favourable outcome fewer flags it.
        PracticalSignificance.FlipFlop(4, 10, 5, 10).FourFifthsPeople.Should().Be(1);
    }

    [Fact]
    public void FlipFlop_LargeClearGap_IsStable()
    {
        var result = PracticalSignificance.FlipFlop(300, 1000, 500, 1000);

        result.Should().Be(new FlipFlopResult(null, null));
        result.IsFragile.Should().BeFalse();
    }
}
