using System.Globalization;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Tests.Audit.Statistics;

public sealed class FisherExactTests
{
    public static TheoryData<string> PublishedCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceData.Values.Fisher.Where(c => c.Published is not null))
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Fact]
    public void FisherExact_TeaTasting_MatchesR()
    {
        // R: fisher.test(matrix(c(3, 1, 1, 3), nrow = 2)) gives p-value = 0.4857, which is 34/70 exactly.
        FisherExact.TwoSidedP(3, 1, 1, 3).Should().BeApproximately(34.0 / 70.0, 1e-15);
    }

    [Theory]
    [MemberData(nameof(PublishedCases))]
    public void FisherExact_PublishedValue_MatchesToThePublishedDigits(string name)
    {
        var c = ReferenceData.Values.Fisher.Single(f => f.Name == name);

        var p = FisherExact.TwoSidedP(c.Table[0], c.Table[1], c.Table[2], c.Table[3]);

        // Published values are rounded (R prints 16 digits, the last not always right), so allow one unit in the last digit.
        var unit = Math.Pow(10, Math.Floor(Math.Log10(c.Published!.Value)) - c.PublishedDigits!.Value + 1);
        p.Should().BeApproximately(c.Published.Value, unit, c.Source);
        ReferenceData.RelativeError(p, c.P).Should().BeLessThanOrEqualTo(Tolerances.FisherP);
    }

    [Fact]
    public void FisherExact_AllReferenceTables_MatchSixtyDigitValues()
    {
        var report = new Assertions.ErrorReport(Tolerances.FisherP);
        foreach (var c in ReferenceData.Values.Fisher)
        {
            report.Add(c.Name, FisherExact.TwoSidedP(c.Table[0], c.Table[1], c.Table[2], c.Table[3]), c.P);
        }

        report.ShouldPass();
    }

    [Fact]
    public void FisherExact_AllReferenceTablesButNearTies_AgreeWithScipy()
    {
        var report = new Assertions.ErrorReport(Tolerances.FisherPVersusScipy);
        foreach (var c in ReferenceData.Values.Fisher.Where(c => !c.Name.StartsWith("near-tie", StringComparison.Ordinal)))
        {
            report.Add(c.Name, FisherExact.TwoSidedP(c.Table[0], c.Table[1], c.Table[2], c.Table[3]), c.Scipy);
        }

        report.ShouldPass();
    }

    [Fact]
    public void FisherExact_NearTies_CountTablesWithinOnePartInTenMillionLikeR()
    {
        // Each table has another whose probability exceeds the observed one's by less than 1e-7 (relative):
        // R's tolerance counts it, SciPy's 1e-14 does not, so the p-values differ by far more than rounding.
        var nearTies = ReferenceData.Values.Fisher.Where(c => c.Name.StartsWith("near-tie", StringComparison.Ordinal)).ToList();
        nearTies.Should().HaveCount(4);
        foreach (var c in nearTies)
        {
            var p = FisherExact.TwoSidedP(c.Table[0], c.Table[1], c.Table[2], c.Table[3]);

            ReferenceData.RelativeError(p, c.P).Should().BeLessThanOrEqualTo(Tolerances.FisherP, c.Name);
            ReferenceData.RelativeError(p, c.Scipy).Should().BeGreaterThan(0.01, c.Name);
        }

        // The mode is within the tolerance of the observed table, so every table counts.
        FisherExact.TwoSidedP(3999, 4001, 4001, 4001).Should().Be(1.0);
    }

    [Theory]
    [InlineData(0, 0, 5, 10)]
    [InlineData(5, 10, 0, 0)]
    [InlineData(0, 5, 0, 10)]
    [InlineData(5, 0, 10, 0)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(0, 0, 0, 1)]
    public void FisherExact_EmptyRowOrColumn_IsOne(int a, int b, int c, int d)
    {
        FisherExact.TwoSidedP(a, b, c, d).Should().Be(1.0);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 0, -1, 0)]
    [InlineData(0, 0, 0, -1)]
    public void FisherExact_NegativeCount_Throws(int a, int b, int c, int d)
    {
        var act = () => FisherExact.TwoSidedP(a, b, c, d);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void FisherExact_EqualGroups_AreOne()
    {
        FisherExact.TwoSidedP(1, 1, 1, 1).Should().Be(1.0);
        FisherExact.TwoSidedP(1234, 4321, 1234, 4321).Should().Be(1.0);
        FisherExact.TwoSidedP(5_000_000, 5_000_000, 5_000_000, 5_000_000).Should().Be(1.0);
    }

    [Fact]
    public void FisherExact_RandomTables_ArePValuesSymmetricUnderRowColumnSwapsAndTransposition()
    {
        var random = new Random(20240601);
        for (var i = 0; i < 300; i++)
        {
            var scale = i % 3 == 0 ? 20 : i % 3 == 1 ? 2_000 : 2_000_000;
            int a = random.Next(scale), b = random.Next(scale), c = random.Next(scale), d = random.Next(scale);

            var p = FisherExact.TwoSidedP(a, b, c, d);

            var name = string.Create(CultureInfo.InvariantCulture, $"[[{a}, {b}], [{c}, {d}]]");
            p.Should().BeInRange(0.0, 1.0, name);
            foreach (var other in new[]
            {
                FisherExact.TwoSidedP(c, d, a, b),   // rows swapped
                FisherExact.TwoSidedP(b, a, d, c),   // columns swapped
                FisherExact.TwoSidedP(a, c, b, d),   // transposed
                FisherExact.TwoSidedP(d, c, b, a),   // both swapped
            })
            {
                if (p < Assertions.SmallestNormal)
                {
                    other.Should().BeLessThan(Assertions.SmallestNormal, name);
                }
                else
                {
                    ReferenceData.RelativeError(other, p).Should().BeLessThanOrEqualTo(1e-12, name);
                }
            }
        }
    }

    [Fact]
    public void FisherExact_GroupsAtTheLimitOfInt_ReturnAProbability()
    {
        const int half = int.MaxValue / 2;

        FisherExact.TwoSidedP(half, half, half, half).Should().Be(1.0);
        FisherExact.TwoSidedP(half - 200_000, half + 200_000, half, half).Should().BeInRange(1e-12, 1e-6);
        FisherExact.TwoSidedP(int.MaxValue, 0, 0, int.MaxValue).Should().Be(0.0);
    }

    [Fact]
    public void LogTableProbability_ReferenceValues_MatchSixtyDigitLogs()
    {
        foreach (var c in ReferenceData.Values.HypergeometricLogPmf)
        {
            var logP = FisherExact.LogTableProbability(c.X, c.R1, c.R2, c.C1);

            // Absolute error in the log = relative error in the probability.
            logP.Should().BeApproximately(c.LogP, 1e-12, string.Create(CultureInfo.InvariantCulture, $"x={c.X}, r1={c.R1}, r2={c.R2}, c1={c.C1}"));
        }
    }

    [Fact]
    public void LogTableProbability_OfAllTables_SumsToOne()
    {
        foreach (var (r1, r2, c1) in new[] { (5L, 7L, 6L), (40L, 60L, 30L), (1000L, 3000L, 2500L) })
        {
            var sum = 0.0;
            for (var x = Math.Max(0, c1 - r2); x <= Math.Min(r1, c1); x++)
            {
                sum += Math.Exp(FisherExact.LogTableProbability(x, r1, r2, c1));
            }

            sum.Should().BeApproximately(1.0, 1e-13);
        }
    }
}
