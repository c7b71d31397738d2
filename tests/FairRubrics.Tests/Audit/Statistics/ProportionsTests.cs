using System.Globalization;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Tests.Audit.Statistics;

public sealed class ProportionsTests
{
    [Fact]
    public void TwoProportionZ_ReferenceCases_MatchSixtyDigitValues()
    {
        var zReport = new Assertions.ErrorReport(Tolerances.Z);
        var pReport = new Assertions.ErrorReport(Tolerances.ZP);
        var scipyReport = new Assertions.ErrorReport(Tolerances.ZPVersusScipy);
        foreach (var c in ReferenceData.Values.ZTest)
        {
            var result = Proportions.TwoProportionZ(c.X1, c.N1, c.X2, c.N2);

            if (c.Z is null)
            {
                result.Should().BeNull(c.Name);
                continue;
            }

            result.Should().NotBeNull(c.Name);
            zReport.Add(c.Name, result!.Value.Z, c.Z.Value);
            pReport.Add(c.Name, result.Value.P, c.P!.Value);
            scipyReport.Add(c.Name, result.Value.P, c.ScipyP!.Value);
        }

        zReport.ShouldPass();
        pReport.ShouldPass();
        scipyReport.ShouldPass();
    }

    [Theory]
    [InlineData(0, 0, 5, 10)]
    [InlineData(3, 10, 0, 0)]
    [InlineData(0, 10, 0, 20)]
    [InlineData(10, 10, 20, 20)]
    public void TwoProportionZ_EmptyGroupOrPooledRateZeroOrOne_IsNull(int x1, int n1, int x2, int n2)
    {
        Proportions.TwoProportionZ(x1, n1, x2, n2).Should().BeNull();
    }

    [Fact]
    public void TwoProportionZ_EqualRates_IsZeroWithPOne()
    {
        var result = Proportions.TwoProportionZ(300, 1000, 3, 10);

        result.Should().Be(new ZTest(0.0, 1.0));
    }

    [Fact]
    public void TwoProportionZ_GroupBelowReference_IsNegative_AndSwappingNegatesIt()
    {
        var below = Proportions.TwoProportionZ(30, 100, 50, 100)!.Value;
        var swapped = Proportions.TwoProportionZ(50, 100, 30, 100)!.Value;

        below.Z.Should().BeNegative();
        swapped.Z.Should().Be(-below.Z);
        swapped.P.Should().Be(below.P);
    }

    [Theory]
    [InlineData(-1, 10, 5, 10)]
    [InlineData(11, 10, 5, 10)]
    [InlineData(1, 10, 5, -1)]
    public void TwoProportionZ_InvalidCounts_Throw(int x1, int n1, int x2, int n2)
    {
        var act = () => Proportions.TwoProportionZ(x1, n1, x2, n2);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Wilson_ReferenceCases_MatchSixtyDigitValues()
    {
        var report = new Assertions.ErrorReport(Tolerances.Wilson);
        foreach (var c in ReferenceData.Values.Wilson)
        {
            var interval = Proportions.Wilson(c.X, c.N);

            report.Add(c.Name + " lower", interval.Lower, c.Lower);
            report.Add(c.Name + " upper", interval.Upper, c.Upper);
        }

        report.ShouldPass();
    }

    [Fact]
    public void Wilson_Newcombe1998_MatchesThePublishedTable()
    {
        // Newcombe (1998), Statistics in Medicine 17:857-872, Table II, method 3 (score interval), 4 decimals.
        foreach (var c in ReferenceData.Values.Wilson.Where(c => c.Published is not null))
        {
            var interval = Proportions.Wilson(c.X, c.N);

            Math.Round(interval.Lower, 4).Should().Be(c.Published![0], c.Name);
            Math.Round(interval.Upper, 4).Should().Be(c.Published[1], c.Name);
        }
    }

    [Fact]
    public void Wilson_AnyCounts_ContainTheRate_WithinZeroAndOne_AndMirrorUnderComplement()
    {
        foreach (var n in new[] { 1, 2, 3, 7, 10, 99, 1000, 123_457, int.MaxValue })
        {
            foreach (var x in new[] { 0, 1, n / 3, n / 2, n - 1, n }.Where(x => x >= 0 && x <= n).Distinct())
            {
                var interval = Proportions.Wilson(x, n);
                var mirror = Proportions.Wilson(n - x, n);
                var name = string.Create(CultureInfo.InvariantCulture, $"{x}/{n}");

                interval.Lower.Should().BeInRange(0.0, (double)x / n, name);
                interval.Upper.Should().BeInRange((double)x / n, 1.0, name);
                (1.0 - mirror.Upper).Should().BeApproximately(interval.Lower, 1e-15, name);
                (1.0 - mirror.Lower).Should().BeApproximately(interval.Upper, 1e-15, name);
            }
        }
    }

    [Fact]
    public void Wilson_NoneOrAllFavourable_HaveExactZeroOrOneBounds()
    {
        Proportions.Wilson(0, 20).Lower.Should().Be(0.0);
        Proportions.Wilson(20, 20).Upper.Should().Be(1.0);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    public void Wilson_InvalidCounts_Throw(int x, int n)
    {
        var act = () => Proportions.Wilson(x, n);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ZTestAndInterval_ToString_IsCultureInvariant()
    {
        using var culture = new FairRubrics.Tests.TestSupport.CultureScope("de-DE");

        new ZTest(-2.5, 0.0125).ToString().Should().Be("z = -2.5, p = 0.0125");
        new Interval(0.25, 0.5).ToString().Should().Be("[0.25, 0.5]");
    }
}
