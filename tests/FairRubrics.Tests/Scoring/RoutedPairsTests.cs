using FairRubrics.Scoring;

namespace FairRubrics.Tests.Scoring;

public sealed class RoutedPairsTests
{
    [Theory]
    [InlineData(2048, 1 << 20, true)]
    [InlineData(2049, 10, false)]
    [InlineData(10, (1 << 20) + 1, false)]
    public void RoutedPairs_PackOnlyWhatFitsOneInt(int paths, int items, bool packed) =>
        RoutedPairs.IsPacked(paths, items).Should().Be(packed);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RoutedPairs_ReadBackWhatWasWritten(bool packed)
    {
        (int Path, int Item)[] pairs = [(0, 0), (2047, (1 << 20) - 1), (5, 17), (2047, 0), (0, (1 << 20) - 1)];
        var store = new int[pairs.Length * 2];

        for (var i = 0; i < pairs.Length; i++)
        {
            RoutedPairs.Write(store, i, packed, pairs[i].Path, pairs[i].Item);
        }

        Enumerable.Range(0, pairs.Length).Select(i => RoutedPairs.Read(store, i, packed)).Should().Equal(pairs);
    }
}
