namespace FairRubrics.Scoring;

/// <summary>
/// Sorts the few numbers of one path (a subject has a handful of items per path) in ascending order: an insertion
/// sort up to <see cref="InsertionLimit"/> values, <see cref="MemoryExtensions.Sort{T}(Span{T})"/> above or when a
/// value is NaN (which that sort puts first), so that the order is always exactly the one that sort gives.
/// </summary>
internal static class SmallSort
{
    /// <summary>The most values sorted by insertion.</summary>
    internal const int InsertionLimit = 16;

    /// <summary>Sorts values in ascending order, as <see cref="MemoryExtensions.Sort{T}(Span{T})"/> does.</summary>
    /// <param name="values">The values; sorted in place.</param>
    public static void Ascending(Span<double> values)
    {
        if (values.Length > InsertionLimit)
        {
            values.Sort();
            return;
        }

        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(value))
            {
                values.Sort();
                return;
            }

            var j = i - 1;
            while (j >= 0 && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = value;
        }
    }
}
