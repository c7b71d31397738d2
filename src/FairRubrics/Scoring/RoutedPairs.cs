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

    /// <summary>
    /// Groups the items of a score's pairs by path (a counting sort; stable, so each path's items stay in item
    /// order): path p's items go to <paramref name="grouped"/> from its start on.
    /// </summary>
    /// <param name="layout">The score's layout: per path its start (the last entry the number of pairs), each competency's winner, then the pairs.</param>
    /// <param name="pathCount">The rubric's number of paths.</param>
    /// <param name="competencyCount">The rubric's number of competencies.</param>
    /// <param name="packed">Whether the pairs take one int each (<see cref="IsPacked"/>).</param>
    /// <param name="grouped">Receives the item indices; as long as the number of pairs.</param>
    public static void GroupByPath(ReadOnlySpan<int> layout, int pathCount, int competencyCount, bool packed, Span<int> grouped)
    {
        var pairs = layout[(pathCount + 1 + competencyCount)..];
        var fill = pathCount <= 256 ? stackalloc int[pathCount] : new int[pathCount];
        layout[..pathCount].CopyTo(fill);
        for (var i = 0; i < layout[pathCount]; i++)
        {
            var (path, item) = Read(pairs, i, packed);
            grouped[fill[path]++] = item;
        }
    }
}
