using System.Globalization;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Tests.Audit.Statistics;

public sealed class SpecialFunctionsTests
{
    [Fact]
    public void Erfc_ReferenceValues_MatchToAFewUlps()
    {
        var report = new Assertions.ErrorReport(Tolerances.SpecialFunction);
        foreach (var c in ReferenceData.Values.Erfc)
        {
            report.Add(c.X.ToString("R", CultureInfo.InvariantCulture), SpecialFunctions.Erfc(c.X), c.Erfc);
        }

        report.ShouldPass();
    }

    [Fact]
    public void Erfc_SpecialArguments_HaveExactValues()
    {
        SpecialFunctions.Erfc(0).Should().Be(1.0);
        SpecialFunctions.Erfc(double.PositiveInfinity).Should().Be(0.0);
        SpecialFunctions.Erfc(double.NegativeInfinity).Should().Be(2.0);
        SpecialFunctions.Erfc(40).Should().Be(0.0);
        double.IsNaN(SpecialFunctions.Erfc(double.NaN)).Should().BeTrue();
    }

    [Fact]
    public void Erfc_IsDecreasingAcrossTheApproximationBoundaries()
    {
        foreach (var boundary in new[] { 0.46875, 4.0 })
        {
            var below = SpecialFunctions.Erfc(Math.BitDecrement(boundary));
            var at = SpecialFunctions.Erfc(boundary);
            var above = SpecialFunctions.Erfc(Math.BitIncrement(boundary));
            below.Should().BeGreaterThanOrEqualTo(at);
            at.Should().BeGreaterThanOrEqualTo(above);
        }
    }

    [Fact]
    public void NormalTwoSidedP_ReferenceValues_MatchToAFewUlps()
    {
        var report = new Assertions.ErrorReport(Tolerances.SpecialFunction);
        foreach (var c in ReferenceData.Values.NormalTail)
        {
            report.Add(c.Z.ToString("R", CultureInfo.InvariantCulture), SpecialFunctions.NormalTwoSidedP(c.Z), c.P);
            report.Add("-" + c.Z.ToString("R", CultureInfo.InvariantCulture), SpecialFunctions.NormalTwoSidedP(-c.Z), c.P);
        }

        report.ShouldPass();
    }

    [Fact]
    public void NormalTwoSidedP_AtTheNinetyFivePercentQuantile_IsPointZeroFive()
    {
        SpecialFunctions.NormalTwoSidedP(1.959963984540054).Should().BeApproximately(0.05, 1e-16);
    }

    [Fact]
    public void LogFactorial_ReferenceValues_MatchToAFewUlps()
    {
        var report = new Assertions.ErrorReport(Tolerances.SpecialFunction);
        foreach (var c in ReferenceData.Values.LogFactorial)
        {
            report.Add(c.N.ToString(CultureInfo.InvariantCulture), SpecialFunctions.LogFactorial(c.N), c.Value);
        }

        report.ShouldPass();
    }

    [Fact]
    public void LogFactorial_AgreesWithTheSumOfLogs_AcrossTheTableAndSeriesBoundaries()
    {
        // ln n! = ln (n-1)! + ln n, checked where the table (n <= 20) and Stirling's error table (n <= 15) hand over.
        for (var n = 2; n <= 40; n++)
        {
            var difference = SpecialFunctions.LogFactorial(n) - SpecialFunctions.LogFactorial(n - 1);
            difference.Should().BeApproximately(Math.Log(n), 1e-13);
        }
    }

    [Fact]
    public void LogFactorial_Negative_Throws()
    {
        var act = () => SpecialFunctions.LogFactorial(-1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Bd0_NearAndFarFromTheMean_MatchesTheDefinition()
    {
        SpecialFunctions.Bd0(10, 10).Should().Be(0.0);
        foreach (var (x, mu) in new[] { (10.0, 9.5), (1000.0, 1001.3), (5.0, 20.0), (300.0, 1.5) })
        {
            var direct = (x * Math.Log(x / mu)) + mu - x;
            SpecialFunctions.Bd0(x, mu).Should().BeApproximately(direct, 1e-12 * Math.Max(1, Math.Abs(direct)));
        }
    }
}
