using FairRubrics.Audit.Statistics;

namespace FairRubrics.Tests.Audit.Statistics;

public sealed class MomentsTests
{
    [Fact]
    public void Moments_Add_MatchesTheTwoPassFormulas()
    {
        double[] values = [3.25, 2.5, 4.0, 3.75, 1.0, 3.25];

        var moments = Moments.Of(values);

        var mean = values.Average();
        moments.Count.Should().Be(6);
        moments.Mean.Should().BeApproximately(mean, 1e-15);
        moments.M2.Should().BeApproximately(values.Sum(v => (v - mean) * (v - mean)), 1e-14);
        moments.Variance.Should().BeApproximately(moments.M2 / 5, 1e-15);
    }

    [Fact]
    public void Moments_MergeOfRandomPartitions_EqualsOnePass()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 10_000).Select(_ => Math.Round(random.NextDouble() * 16) / 4).ToArray();
        var onePass = Moments.Of(values);

        for (var trial = 0; trial < 20; trial++)
        {
            // Split into 1..50 random partitions, accumulate each, and merge them in a random order.
            var parts = new Moments[random.Next(1, 51)];
            foreach (var value in values)
            {
                var i = random.Next(parts.Length);
                parts[i] = parts[i].Add(value);
            }

            var merged = Moments.Empty;
            foreach (var part in parts.OrderBy(_ => random.Next()))
            {
                merged = Moments.Merge(merged, part);
            }

            merged.Count.Should().Be(onePass.Count);
            ReferenceData.RelativeError(merged.Mean, onePass.Mean).Should().BeLessThanOrEqualTo(Tolerances.MomentsMerge);
            ReferenceData.RelativeError(merged.M2, onePass.M2).Should().BeLessThanOrEqualTo(Tolerances.MomentsMerge);
        }
    }

    [Fact]
    public void Moments_MergeWithEmpty_IsIdentity()
    {
        var moments = Moments.Of([1.0, 2.0, 4.0]);

        Moments.Merge(moments, Moments.Empty).Should().Be(moments);
        Moments.Merge(Moments.Empty, moments).Should().Be(moments);
        Moments.Merge(Moments.Empty, Moments.Empty).Should().Be(default(Moments));
    }

    [Fact]
    public void Moments_FewValues_HaveNoVariance()
    {
        Moments.Empty.Variance.Should().BeNull();
        Moments.Of([2.0]).Variance.Should().BeNull();
        Moments.Of([2.0]).StandardDeviation.Should().BeNull();
        Moments.Of([2.0, 2.0]).Variance.Should().Be(0.0);
    }

    [Fact]
    public void Moments_FromSummary_RecoversMeanAndStandardDeviation()
    {
        var moments = Moments.FromSummary(50, 103, 5.5);

        moments.M2.Should().BeApproximately(49 * 30.25, 1e-12);
        moments.StandardDeviation.Should().BeApproximately(5.5, 1e-15);
    }

    [Fact]
    public void Moments_NonFiniteOrNegativeInputs_Throw()
    {
        var actions = new Action[]
        {
            () => Moments.Empty.Add(double.NaN),
            () => Moments.Empty.Add(double.PositiveInfinity),
            () => Moments.Empty.Add(-double.MaxValue).Add(double.MaxValue),   // the deviation overflows
            () => _ = new Moments(-1, 0, 0),
            () => _ = new Moments(2, 1, -0.5),
            () => _ = new Moments(2, double.NaN, 0),
            () => Moments.FromSummary(3, 1, -1),
        };

        foreach (var action in actions)
        {
            action.Should().Throw<ArgumentOutOfRangeException>();
        }
    }

    [Fact]
    public void Moments_ToString_IsCultureInvariant()
    {
        using var culture = new FairRubrics.Tests.TestSupport.CultureScope("fr-FR");

        Moments.Of([2.0, 3.0]).ToString().Should().Be("n = 2, mean = 2.5, M2 = 0.5");
    }
}
