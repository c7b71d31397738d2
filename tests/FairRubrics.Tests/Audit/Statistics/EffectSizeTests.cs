using FairRubrics.Audit.Statistics;

namespace FairRubrics.Tests.Audit.Statistics;

public sealed class EffectSizeTests
{
    [Fact]
    public void HedgesG_ReferenceCases_MatchExactValues()
    {
        var report = new Assertions.ErrorReport(Tolerances.HedgesG);
        foreach (var c in ReferenceData.Values.Hedges)
        {
            var g = EffectSize.HedgesG(Moments.Of(c.Group), Moments.Of(c.Reference));

            if (c.G is null)
            {
                g.Should().BeNull(c.Name);
                continue;
            }

            g.Should().NotBeNull(c.Name);
            report.Add(c.Name, g!.Value, c.G.Value);
        }

        report.ShouldPass();
    }

    [Fact]
    public void HedgesG_Borenstein2009_MatchesThePublishedValue()
    {
        // Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis, ch. 4:
        // means 103 and 100, SDs 5.5 and 4.5, 50 each: d = 0.5970, J = 0.9923, g = 0.5924.
        var c = ReferenceData.Values.HedgesSummary.Single();

        var g = EffectSize.HedgesG(Moments.FromSummary(c.N1, c.Mean1, c.Sd1), Moments.FromSummary(c.N2, c.Mean2, c.Sd2));

        Math.Round(g!.Value, 4).Should().Be(c.Published);
        ReferenceData.RelativeError(g.Value, c.G).Should().BeLessThanOrEqualTo(1e-14);
    }

    [Fact]
    public void HedgesG_FromMergedPartitions_EqualsOnePass()
    {
        double[] group = [3.25, 3.5, 2.75, 3.0, 3.25, 4.0, 2.5];
        double[] reference = [3.5, 3.75, 4.0, 3.25, 3.5];
        var merged = Moments.Merge(Moments.Of(group.AsSpan(0, 3)), Moments.Of(group.AsSpan(3)));

        var g = EffectSize.HedgesG(merged, Moments.Of(reference))!.Value;

        ReferenceData.RelativeError(g, EffectSize.HedgesG(Moments.Of(group), Moments.Of(reference))!.Value).Should().BeLessThanOrEqualTo(1e-12);
        g.Should().BeNegative();
    }

    [Fact]
    public void HedgesG_TooFewValuesOrNoSpread_IsNull()
    {
        EffectSize.HedgesG(Moments.Of([3.0]), Moments.Of([1.0, 2.0])).Should().BeNull();
        EffectSize.HedgesG(Moments.Of([1.0, 2.0]), Moments.Of([3.0])).Should().BeNull();
        EffectSize.HedgesG(Moments.Of([3.0, 3.0]), Moments.Of([4.0, 4.0, 4.0])).Should().BeNull();
        EffectSize.HedgesG(Moments.Empty, Moments.Empty).Should().BeNull();
    }

    [Fact]
    public void HedgesG_UsesTheSmallSampleCorrectionOfTheProductContract()
    {
        // n1 = n2 = 2: pooled SD = sqrt((0.5 + 0.5) / 2), d = 1 / sqrt(0.5), J = 1 - 3 / (4 * 4 - 9) = 4/7.
        var g = EffectSize.HedgesG(Moments.Of([1.0, 2.0]), Moments.Of([0.0, 1.0]))!.Value;

        g.Should().BeApproximately(4.0 / 7.0 * Math.Sqrt(2.0), 1e-15);
    }
}
