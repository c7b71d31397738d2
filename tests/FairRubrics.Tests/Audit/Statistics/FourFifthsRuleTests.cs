using FairRubrics.Audit.Statistics;

namespace FairRubrics.Tests.Audit.Statistics;

public sealed class FourFifthsRuleTests
{
    [Theory]
    [InlineData(4, 10, 5, 10)]
    [InlineData(8, 10, 10, 10)]
    [InlineData(4, 5, 1, 1)]
    [InlineData(24, 100, 3, 10)]
    [InlineData(12, 30, 1, 2)]
    public void BelowFourFifths_RatioOfExactlyFourFifths_IsNotFlagged(long a, long n, long aRef, long nRef)
    {
        FourFifthsRule.BelowFourFifths(a, n, aRef, nRef).Should().BeFalse();
        FourFifthsRule.ImpactRatio(a, n, aRef, nRef).Should().Be(0.8);
    }

    [Theory]
    [InlineData(3, 10, 4, 10, true)]
    [InlineData(7, 10, 9, 10, true)]
    [InlineData(23, 100, 3, 10, true)]
    [InlineData(25, 100, 3, 10, false)]
    [InlineData(0, 10, 1, 10, true)]
    [InlineData(0, 10, 0, 10, false)]
    [InlineData(5, 5, 0, 7, false)]
    public void BelowFourFifths_DecidesOnCounts(long a, long n, long aRef, long nRef, bool expected)
    {
        FourFifthsRule.BelowFourFifths(a, n, aRef, nRef).Should().Be(expected);
    }

    [Fact]
    public void BelowFourFifths_HugeCounts_AreExactWhereDoublesWouldRoundTheRatio()
    {
        // Ratio exactly 0.8 with counts near long.MaxValue; one favourable outcome fewer is flagged.
        const long n = 5_000_000_000_000_000_000, nRef = 3_000_000_000_000_000_000;
        const long a = 4_000_000_000_000_000_000, aRef = 3_000_000_000_000_000_000;

        FourFifthsRule.BelowFourFifths(a, n, aRef, nRef).Should().BeFalse();
        FourFifthsRule.BelowFourFifths(a - 1, n, aRef, nRef).Should().BeTrue();
        FourFifthsRule.BelowFourFifths(long.MaxValue - 1, long.MaxValue, long.MaxValue, long.MaxValue).Should().BeFalse();
        FourFifthsRule.BelowFourFifths(0, long.MaxValue, long.MaxValue, long.MaxValue).Should().BeTrue();
    }

    [Fact]
    public void ImpactRatio_ReferenceRateZero_IsNull()
    {
        FourFifthsRule.ImpactRatio(3, 10, 0, 10).Should().BeNull();
    }

    [Fact]
    public void ImpactRatio_IsTheRatioOfRates()
    {
        FourFifthsRule.ImpactRatio(301, 951, 400, 1000).Should().Be(301.0 * 1000 / (400.0 * 951));
        FourFifthsRule.ImpactRatio(1, 3, 2, 3).Should().Be(0.5);
    }

    [Theory]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(-1, 1, 1, 1)]
    [InlineData(2, 1, 1, 1)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(1, 1, -1, 1)]
    public void FourFifthsRule_InvalidCounts_Throw(long a, long n, long aRef, long nRef)
    {
        var below = () => FourFifthsRule.BelowFourFifths(a, n, aRef, nRef);
        var ratio = () => FourFifthsRule.ImpactRatio(a, n, aRef, nRef);

        below.Should().Throw<ArgumentOutOfRangeException>();
        ratio.Should().Throw<ArgumentOutOfRangeException>();
    }
}
