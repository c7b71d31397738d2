namespace FairRubrics.Scoring;

/// <summary>
/// How a score keeps which item counted for which path: its (path, item) pairs in item order, one int each (the
/// path in the high bits) when the rubric has at most 2,048 paths and the evidence at most 2^20 items, else two
/// ints (path, item). Explanations find a path's items by one scan of the pairs.
/// </summary>
internal static class RoutedPairs
{
    private const int ItemBits = 20;
    private const int ItemMask = (1 << ItemBits) - 1;

    /// <summary>Whether pairs of a rubric with <paramref name="pathCount"/> paths and <paramref name="itemCount"/> items take one int each.</summary>
    public static bool IsPacked(int pathCount, int itemCount) => pathCount <= 1 << (31 - ItemBits) && itemCount <= 1 << ItemBits;

    /// <summary>Writes pair number <paramref name="index"/>.</summary>
    public static void Write(Span<int> pairs, int index, bool packed, int path, int item)
    {
        if (packed)
        {
            pairs[index] = (path << ItemBits) | item;
        }
        else
        {
            pairs[2 * index] = path;
            pairs[(2 * index) + 1] = item;
        }
    }

    /// <summary>Reads pair number <paramref name="index"/>.</summary>
    public static (int Path, int Item) Read(ReadOnlySpan<int> pairs, int index, bool packed) =>
        packed ? (pairs[index] >> ItemBits, pairs[index] & ItemMask) : (pairs[2 * index], pairs[(2 * index) + 1]);
}
