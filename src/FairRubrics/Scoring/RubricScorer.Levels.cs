using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

// Levels: path levels from the routed items (exact sums without sorting where possible, else the rule's own evaluation), and the subject's score built from them.
public sealed partial class RubricScorer : IRubricScorer
{
    private static SubjectScore Build(ScoringPlan plan, string subject, DateOnly asOf, ReadOnlyMemory<EvidenceItem> evidence, Span<double> levels, Span<int> layout, ReadOnlySpan<int> active, ReadOnlySpan<double> sums, ReadOnlySpan<int> fractional, Span<int> grouped, Span<double> values, List<EvidenceIssue>? issues, int used)
    {
        var rubric = plan.Rubric;
        var pathCount = plan.Paths.Length;
        var competencyCount = rubric.Competencies.Count;
        string?[]? notes = null;
        var items = evidence.Span;
        var scale = rubric.Scale;
        var maxLevel = scale.MaxLevel;
        var paths = plan.Paths;
        EvidenceItem[]? scratch = null;
        var isGrouped = false;

        // No evidence: the path has no level (not zero), whatever its rule.
        levels[..pathCount].Fill(double.NaN);
        foreach (var p in active)
        {
            var start = layout[p];
            var count = layout[p + 1] - start;
            var pathPlan = paths[p];
            if (TryExactLevel(pathPlan, count, sums[p], fractional[p] != 0, out var exact))
            {
                if (exact > maxLevel)
                {
                    throw Issues.LevelOffScale(pathPlan, exact, maxLevel);
                }

                levels[p] = exact;
                continue;
            }

            // The rule's own evaluation: presence from the number of items, the others from the path's items (in
            // item order), grouped by path once for all such paths. The built-in rules read one number per item,
            // gathered straight from the items; only custom rules get the items themselves, copied into a rented array.
            PathOutcome outcome;
            if (pathPlan.Kind == ScoringPlan.PathKind.Presence)
            {
                outcome = PresenceRule.Evaluate((PresenceRuleSettings)pathPlan.Settings, count);
            }
            else
            {
                if (!isGrouped)
                {
                    RoutedPairs.GroupByPath(layout, pathCount, competencyCount, RoutedPairs.IsPacked(pathCount, items.Length), grouped);
                    isGrouped = true;
                }

                outcome = Evaluate(pathPlan, items, grouped.Slice(start, count), values[..count], ref scratch, scale, asOf);
            }

            if (outcome.Level is { } level)
            {
                if (!double.IsFinite(level) || level < 0 || level > maxLevel)
                {
                    throw Issues.LevelOffScale(pathPlan, level, maxLevel);
                }

                levels[p] = level;
            }

            if (outcome.Note is not null)
            {
                (notes ??= new string?[pathCount])[p] = outcome.Note;
            }
        }

        if (scratch is not null)
        {
            ArrayPool<EvidenceItem>.Shared.Return(scratch, clearArray: true);
        }

        var starts = plan.CompetencyStarts;
        var modes = plan.CombineModes;
        for (var c = 0; c < competencyCount; c++)
        {
            var start = starts[c];
            var competencyPaths = levels.Slice(start, starts[c + 1] - start);
            int winner;
            if (modes[c] == CombineMode.BestOf)
            {
                levels[pathCount + c] = BestOf(competencyPaths, out winner);
            }
            else
            {
                levels[pathCount + c] = CombineLevel(plan.PathWeights, modes[c], competencyPaths, start, out winner);
            }

            layout[pathCount + 1 + c] = winner;
        }

        var (status, overall, band) = Overall(plan, levels.Slice(pathCount, competencyCount));

        // The result's numbers in one allocation: the levels, then the layout's ints packed two to a double.
        var data = new double[levels.Length + ((layout.Length + 1) / 2)];
        levels.CopyTo(data);
        layout.CopyTo(MemoryMarshal.Cast<double, int>(data.AsSpan(levels.Length)));
        return new SubjectScore(subject, plan, asOf, status, overall, band, data, notes, evidence, (IReadOnlyList<EvidenceIssue>?)issues ?? [], used);
    }

    /// <summary>
    /// The level of a built-in path whose arithmetic is exact without sorting, from its items' count and sum: a
    /// <c>count</c> path whose quantities are whole, or a <c>rating</c> path aggregated by mean whose ratings are
    /// whole levels. Whole numbers this small add up exactly in any order, so the result is the very number
    /// <see cref="CountRule.SortedSum"/> and <see cref="RatingRule.Aggregate"/> give after sorting. False (the
    /// caller takes the rule's own evaluation, which also writes notes) for anything else, and when the path
    /// reaches no level.
    /// </summary>
    private static bool TryExactLevel(ScoringPlan.PathPlan path, int count, double sum, bool fractional, out double level)
    {
        level = 0;
        if (fractional || count > ExactSumLimit)
        {
            return false;
        }

        switch (path.Exact)
        {
            case ScoringPlan.ExactKind.Count when sum >= 0:
                // A whole total up to the highest threshold indexes the level table; any larger total reaches them all.
                var byTotal = path.LevelByTotal;
                level = byTotal[(int)Math.Min(sum, byTotal.Length - 1)];
                return !double.IsNaN(level);
            case ScoringPlan.ExactKind.RatingMean when count >= path.MinRatings:
                level = sum / count;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The most items of one path <see cref="TryExactLevel"/> adds up (with <see cref="ExactValueLimit"/>, sums stay far below 2^53).</summary>
    private const int ExactSumLimit = 1 << 20;

    /// <summary>The largest quantity <see cref="TryExactLevel"/> adds up without sorting.</summary>
    private const double ExactValueLimit = 1 << 30;

    /// <summary>The best-of combination for the scorer's loop: the first of the highest levels and its index (-1 and NaN without a level).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double BestOf(ReadOnlySpan<double> levels, out int winner)
    {
        // Without branches (the JIT turns a conditional expression on doubles into jumps): which path has a level,
        // and which is highest, follows the evidence and predicts badly. NaN (no level) is never greater.
        long best = -1;
        var top = BitConverter.DoubleToInt64Bits(double.NegativeInfinity);
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            var higher = -(long)Unsafe.BitCast<bool, byte>(level > BitConverter.Int64BitsToDouble(top));
            best = (i & higher) | (best & ~higher);
            top = (BitConverter.DoubleToInt64Bits(level) & higher) | (top & ~higher);
        }

        winner = (int)best;
        return best < 0 ? double.NaN : BitConverter.Int64BitsToDouble(top);
    }

    /// <summary>Scores one path from its routed items (indices into <paramref name="items"/>, at least one).</summary>
    private static PathOutcome Evaluate(ScoringPlan.PathPlan path, ReadOnlySpan<EvidenceItem> items, ReadOnlySpan<int> routed, Span<double> values, ref EvidenceItem[]? scratch, RatingScale scale, DateOnly asOf)
    {
        switch (path.Kind)
        {
            case ScoringPlan.PathKind.Rating:
                for (var i = 0; i < routed.Length; i++)
                {
                    values[i] = items[routed[i]].Value!.Value;
                }

                return RatingRule.Evaluate((RatingRuleSettings)path.Settings, values);
            case ScoringPlan.PathKind.Count:
                for (var i = 0; i < routed.Length; i++)
                {
                    values[i] = items[routed[i]].Quantity;
                }

                return CountRule.Evaluate((CountRuleSettings)path.Settings, path.Thresholds, values);
            default:
                if (scratch is null || scratch.Length < routed.Length)
                {
                    if (scratch is not null)
                    {
                        ArrayPool<EvidenceItem>.Shared.Return(scratch, clearArray: true);
                    }

                    scratch = ArrayPool<EvidenceItem>.Shared.Rent(routed.Length);
                }

                for (var i = 0; i < routed.Length; i++)
                {
                    scratch[i] = items[routed[i]];
                }

                return path.Rule.EvaluatePath(path.Settings, new PathEvidence(scratch.AsSpan(0, routed.Length), scale, asOf));
        }
    }
}
