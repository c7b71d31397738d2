using FairRubrics.Audit.Statistics;

namespace FairRubrics.Tests.Audit.Statistics;

public sealed class MedianTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 3.25, 3.25, 3.5, 3.25 }, 3.25)]
    [InlineData(new[] { -1.0, 5.0 }, 2.0)]
    [InlineData(new[] { 0.1, 0.2 }, 0.15000000000000002)]
    public void Median_OddAndEvenCounts_IsTheMiddleOrTheMeanOfTheTwoMiddles(double[] values, double expected)
    {
        Median.Of(values).Should().Be(expected);
    }

    [Fact]
    public void Median_Empty_IsNull()
    {
        Median.Of([]).Should().BeNull();
        Median.OfCounts([], []).Should().BeNull();
        Median.OfCounts([1.0], [0]).Should().BeNull();
    }

    [Fact]
    public void Median_Of_DoesNotChangeItsInput()
    {
        double[] values = [3.0, 1.0, 2.0];

        Median.Of(values);

        values.Should().Equal(3.0, 1.0, 2.0);
    }

    [Fact]
    public void Median_HugeValues_DoNotOverflow()
    {
        Median.Of([double.MaxValue, double.MaxValue]).Should().Be(double.MaxValue);
        Median.Of([double.MaxValue, double.MaxValue / 2]).Should().Be(0.75 * double.MaxValue);
    }

    [Fact]
    public void Median_NonFiniteValue_Throws()
    {
        var nan = () => Median.Of([1.0, double.NaN]);
        var infinity = () => Median.Of([double.PositiveInfinity]);

        nan.Should().Throw<ArgumentException>();
        infinity.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void MedianOfCounts_RandomMultisets_EqualsTheMedianOfTheExpandedValues()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var distinct = Enumerable.Range(0, random.Next(1, 8)).Select(i => (i * 0.25) + 1.0).ToArray();
            var counts = distinct.Select(_ => (long)random.Next(0, 5)).ToArray();
            var expanded = distinct.SelectMany((v, i) => Enumerable.Repeat(v, (int)counts[i])).ToArray();

            Median.OfCounts(distinct, counts).Should().Be(Median.Of(expanded));
        }
    }

    [Fact]
    public void MedianOfCounts_InvalidInput_Throws()
    {
        var lengths = () => Median.OfCounts([1.0, 2.0], [1]);
        var order = () => Median.OfCounts([2.0, 1.0], [1, 1]);
        var duplicate = () => Median.OfCounts([1.0, 1.0], [1, 1]);
        var negative = () => Median.OfCounts([1.0], [-1]);

        lengths.Should().Throw<ArgumentException>();
        order.Should().Throw<ArgumentException>();
        duplicate.Should().Throw<ArgumentException>();
        negative.Should().Throw<ArgumentException>();
    }
}
