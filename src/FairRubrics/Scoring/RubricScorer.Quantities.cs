using FairRubrics.Evidence;

namespace FairRubrics.Scoring;

// Quantities whose sums would not be finite (issue #24 item 4: two occurrences of value 1e308).
public sealed partial class RubricScorer : IRubricScorer
{
    /// <summary>A total of counted quantities at or below which no sum of any of them, in any order, can overflow.</summary>
    private const double SafeQuantityTotal = double.MaxValue / 4;

    /// <summary>
    /// The most the kept quantities may add up to (more than one of them): below the largest double by more than
    /// the rounding of any order of summation, so that every sum of them is finite. A single quantity is kept up to the
    /// largest double itself.
    /// </summary>
    private const double MaxQuantityTotal = double.MaxValue * (1 - (1.0 / (1 << 20)));

    /// <summary>
    /// Rejects the counted occurrences that would make the subject's total quantity too large: adds them up from
    /// the smallest (equal quantities in row order) and rejects each item that would take the total past
    /// <see cref="MaxQuantityTotal"/>. Their pairs are removed and each gets an issue. Rare: only for quantities near
    /// the largest double, so clarity over speed.
    /// </summary>
    /// <returns>How many items were rejected.</returns>
    private static int RejectOverflowingQuantities(ReadOnlySpan<EvidenceItem> items, Span<long> pairs, ref int pairCount, ref List<EvidenceIssue>? issues)
    {
        var counted = new SortedSet<int>();
        for (var p = 0; p < pairCount; p++)
        {
            counted.Add((int)pairs[p]);
        }

        var array = items.ToArray();
        var order = counted.OrderBy(i => array[i].Value.GetValueOrDefault(1)).ThenBy(i => array[i].Row).ThenBy(i => i).ToList();
        var rejected = new HashSet<int>();
        var total = 0.0;
        var kept = 0;
        foreach (var i in order)
        {
            var quantity = array[i].Value.GetValueOrDefault(1);
            if (!double.IsFinite(quantity))
            {
                continue;   // not a number already (only an item made in code can hold one; the readers reject it): left to the rule
            }

            var next = total + quantity;
            if (!double.IsFinite(next) || (kept > 0 && next > MaxQuantityTotal))
            {
                rejected.Add(i);
                continue;
            }

            total = next;
            kept++;
        }

        if (rejected.Count == 0)
        {
            return 0;
        }

        var write = 0;
        for (var p = 0; p < pairCount; p++)
        {
            if (!rejected.Contains((int)pairs[p]))
            {
                pairs[write++] = pairs[p];
            }
        }

        pairCount = write;
        issues ??= [];
        foreach (var i in rejected.Order())
        {
            issues.Add(Issues.QuantityTooLarge(array[i]));
        }

        return rejected.Count;
    }
}
