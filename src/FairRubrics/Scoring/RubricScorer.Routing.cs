using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

// Routing: each evidence item to the paths that count it, or to the reason it does not count.
public sealed partial class RubricScorer : IRubricScorer
{
    private static EvidenceIssue? Route(ScoringPlan plan, string subject, in EvidenceItem item, int index, DateOnly? earliest, DateOnly asOf, Span<long> pairs, ref int pairCount)
    {
        if (!ReferenceEquals(item.Subject, subject) && !string.Equals(item.Subject, subject, StringComparison.Ordinal))
        {
            return Issues.OtherSubject(item);
        }

        if (item.Date is { } date)
        {
            if (date > asOf)
            {
                return Issues.AfterScoringDate(item, asOf);
            }

            if (earliest is { } first && date < first)
            {
                return Issues.OutsideWindow(item, first);
            }
        }
        else if (earliest is not null)
        {
            return Issues.NoDate(item);
        }

        var isRating = item.IsRating;
        if (item.Competency is null && item.Path is null)
        {
            return isRating ? Issues.RatingWithoutPath(item) : RouteByType(plan, item, index, -1, pairs, ref pairCount);
        }

        var competencyIndex = item.Competency is null ? -1 : plan.ByCompetency.Find(item.Competency);
        if (competencyIndex < 0)
        {
            return Issues.UnknownCompetency(plan, item);
        }

        var competency = plan.Competencies[competencyIndex];

        if (item.Path is null)
        {
            return isRating ? Issues.RatingWithoutPath(item) : RouteByType(plan, item, index, competency.Index, pairs, ref pairCount);
        }

        var pathIndex = competency.IndexOf(item.Path);
        if (pathIndex < 0)
        {
            return Issues.UnknownPath(item);
        }

        var path = plan.Paths[pathIndex];
        if (isRating)
        {
            if (!path.UsesRatings)
            {
                return Issues.PathNotRated(item, path);
            }

            var value = item.Value!.Value;
            if (value < 1 || value > plan.MaxLevel)
            {
                return Issues.OffScale(plan, item);
            }
        }
        else if (!path.Types.Contains(item.Type))
        {
            return Issues.TypeNotCounted(item);
        }

        if (!path.Counts(item, isRating))
        {
            return Issues.NotCounted(item);
        }

        pairs[pairCount++] = Pair(pathIndex, index);
        return null;
    }

    /// <summary>Routes an occurrence (never a rating) that names no path to every path that counts its type.</summary>
    private static EvidenceIssue? RouteByType(ScoringPlan plan, in EvidenceItem item, int index, int competencyFilter, Span<long> pairs, ref int pairCount)
    {
        var route = plan.ByType.Find(item.Type);
        if (route < 0)
        {
            return Issues.NoPathForType(plan, item, competencyFilter >= 0);
        }

        // Most types are counted by one path that counts every occurrence: routed from one small table, without
        // reading the path's plan.
        var single = plan.SingleTargets[route];
        if (single >= 0 && (competencyFilter < 0 || plan.PathCompetencies[single] == competencyFilter))
        {
            pairs[pairCount++] = Pair(single, index);
            return null;
        }

        var targets = plan.Targets[route];
        var added = false;
        foreach (var target in targets)
        {
            var path = plan.Paths[target];
            if ((competencyFilter >= 0 && path.Competency != competencyFilter) || !path.Counts(item, isRating: false))
            {
                continue;
            }

            pairs[pairCount++] = Pair(target, index);
            added = true;
        }

        return added ? null : Issues.NoPathCountsItem(item);
    }

    /// <summary>A (path, item) pair, ordered by path: the path index in the high half.</summary>
    private static long Pair(int path, int item) => ((long)path << 32) | (uint)item;
}
