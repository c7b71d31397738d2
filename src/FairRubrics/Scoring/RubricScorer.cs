using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>Scores evidence against rubrics with explanations. Thread-safe; sees no protected attributes.</summary>
public interface IRubricScorer
{
    /// <summary>Scores one subject.</summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="subject">The subject id.</param>
    /// <param name="evidence">The subject's evidence (items of other subjects are reported as issues, never counted).</param>
    /// <param name="options">Scoring options (date), or null for the defaults.</param>
    /// <returns>The explained score.</returns>
    SubjectScore Score(Rubric rubric, string subject, ReadOnlySpan<EvidenceItem> evidence, ScoringOptions? options = null);

    /// <summary>
    /// Scores one subject without copying the evidence: the result keeps a reference to <paramref name="evidence"/>
    /// for its explanations, so the caller must not change that memory afterwards.
    /// </summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="subject">The subject id.</param>
    /// <param name="evidence">The subject's evidence.</param>
    /// <param name="options">Scoring options (date), or null for the defaults.</param>
    /// <returns>The explained score.</returns>
    SubjectScore Score(Rubric rubric, string subject, ReadOnlyMemory<EvidenceItem> evidence, ScoringOptions? options = null);

    /// <summary>Scores every subject found in the evidence, in ordinal subject order.</summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="evidence">Evidence of any number of subjects, in any order.</param>
    /// <param name="options">Scoring options (date), or null for the defaults.</param>
    /// <returns>One result per subject.</returns>
    IReadOnlyList<SubjectScore> ScoreAll(Rubric rubric, IEnumerable<EvidenceItem> evidence, ScoringOptions? options = null);
}

/// <summary>
/// The scorer: path levels from the rules, competency levels by the combination, the overall score by the
/// missing-evidence policy, and the band. Deterministic and culture-invariant: the same evidence in any order
/// gives the same result.
/// </summary>
public sealed class RubricScorer : IRubricScorer
{
    private readonly TimeProvider _time;
    private readonly ConditionalWeakTable<Rubric, ScoringPlan> _plans = [];
    private ScoringPlan? _lastPlan;

    /// <summary>Creates a scorer.</summary>
    /// <param name="timeProvider">Where today's date comes from when no scoring date is given; default the system clock.</param>
    public RubricScorer(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc/>
    public IReadOnlyList<SubjectScore> ScoreAll(Rubric rubric, IEnumerable<EvidenceItem> evidence, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(evidence);
        var bySubject = new Dictionary<string, List<EvidenceItem>>(StringComparer.Ordinal);
        foreach (var item in evidence)
        {
            if (!bySubject.TryGetValue(item.Subject, out var list))
            {
                bySubject[item.Subject] = list = [];
            }

            list.Add(item);
        }

        var results = new List<SubjectScore>(bySubject.Count);
        foreach (var subject in bySubject.Keys.Order(StringComparer.Ordinal))
        {
            results.Add(Score(rubric, subject, new ReadOnlyMemory<EvidenceItem>([.. bySubject[subject]]), options));
        }

        return results;
    }

    /// <inheritdoc/>
    public SubjectScore Score(Rubric rubric, string subject, ReadOnlySpan<EvidenceItem> evidence, ScoringOptions? options = null) =>
        Score(rubric, subject, new ReadOnlyMemory<EvidenceItem>(evidence.ToArray()), options);

    /// <inheritdoc/>
    public SubjectScore Score(Rubric rubric, string subject, ReadOnlyMemory<EvidenceItem> evidence, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(subject);
        var plan = PlanFor(rubric);
        var asOf = options?.AsOf ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var earliest = plan.EarliestCountedDate(asOf);
        var items = evidence.Span;

        // Route every item to the paths that count it as (path, item) pairs, in item order.
        var pathCount = plan.Paths.Length;
        // An item goes to one path, or by its type to at most MaxTargets paths: the buffer never needs to grow.
        // No try/finally for the rented buffers (it would keep the loops' variables in memory): an array not
        // returned because a custom rule threw is simply collected.
        var capacity = items.Length * plan.MaxTargets;
        long[]? rentedPairs = null;
        var pairs = capacity <= 256 ? stackalloc long[capacity] : (rentedPairs = ArrayPool<long>.Shared.Rent(capacity));
        var pairCount = 0;
        List<EvidenceIssue>? issues = null;
        var used = 0;
        PrefetchItems(items);
        for (var i = 0; i < items.Length; i++)
        {
            var before = pairCount;
            var issue = Route(plan, subject, items[i], i, earliest, asOf, pairs, ref pairCount);
            if (issue is not null)
            {
                (issues ??= []).Add(issue);
            }
            else if (pairCount > before)
            {
                used++;
            }
        }

        // One pass over the pairs gathers, per path, its number of items, the sum of their numbers (a rating's value,
        // an occurrence's quantity: the value, else 1, as an absent value reads 0) and whether any is fractional;
        // the built-in rules mostly need nothing more. The layout (see SubjectScore) keeps the pairs in item order
        // for explanations, and is built on the stack (unless large) and copied into the result in one block at the end.
        var competencyCount = rubric.Competencies.Count;
        var routedBase = pathCount + 1 + competencyCount;
        var packed = RoutedPairs.IsPacked(pathCount, items.Length);
        var layoutLength = routedBase + (pairCount * (packed ? 1 : 2));
        var layout = layoutLength <= 512 ? stackalloc int[layoutLength] : new int[layoutLength];
        var sums = pathCount <= 256 ? stackalloc double[pathCount] : new double[pathCount];
        var fractional = pathCount <= 256 ? stackalloc int[pathCount] : new int[pathCount];
        layout[..(pathCount + 1)].Clear();
        sums.Clear();
        fractional.Clear();
        for (var p = 0; p < pairCount; p++)
        {
            var path = (int)(pairs[p] >> 32);
            var item = (int)pairs[p];
            layout[path + 1]++;
            var value = items[item].Value;
            var number = value.GetValueOrDefault() + Unsafe.BitCast<bool, byte>(!value.HasValue);
            sums[path] += number;
            fractional[path] |= Unsafe.BitCast<bool, byte>(!(number == Math.Floor(number) & Math.Abs(number) <= ExactValueLimit));
            RoutedPairs.Write(layout[routedBase..], p, packed, path, item);
        }

        // The paths with evidence, in plan order, listed without a branch per path (which of a subject's
        // paths have evidence follows the evidence and predicts badly); the counts become each path's start.
        var active = pathCount <= 256 ? stackalloc int[pathCount] : new int[pathCount];
        var activeCount = 0;
        var maxPerPath = 0;
        var running = 0;
        for (var p = 1; p <= pathCount; p++)
        {
            var n = layout[p];
            maxPerPath = Math.Max(maxPerPath, n);
            active[activeCount] = p - 1;
            activeCount += n != 0 ? 1 : 0;
            running += n;
            layout[p] = running;
        }

        var levelCount = pathCount + competencyCount;
        var levels = levelCount <= 256 ? stackalloc double[levelCount] : new double[levelCount];

        // Buffers for the paths a rule evaluates itself: the items grouped by path (filled only if needed) and one
        // path's numbers.
        int[]? rentedGrouped = null;
        double[]? rentedValues = null;
        var grouped = pairCount <= 256 ? stackalloc int[pairCount] : (rentedGrouped = ArrayPool<int>.Shared.Rent(pairCount));
        var values = maxPerPath <= 128 ? stackalloc double[maxPerPath] : (rentedValues = ArrayPool<double>.Shared.Rent(maxPerPath));
        var result = Build(plan, subject, asOf, evidence, levels, layout, active[..activeCount], sums, fractional, grouped, values, issues, used);
        Return(rentedPairs);
        Return(rentedGrouped);
        Return(rentedValues);
        return result;
    }

    /// <summary>
    /// Asks the processor to load a subject's items (about 90 bytes each) into its cache all at once: evidence read
    /// for many subjects is usually no longer cached, and routing item by item would wait for each line in turn.
    /// A hint only: nothing is read, and an address the collector has since moved costs nothing.
    /// </summary>
    private static unsafe void PrefetchItems(ReadOnlySpan<EvidenceItem> items)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            return;
        }

        var bytes = Math.Min(items.Length, MaxPrefetchedItems) * Unsafe.SizeOf<EvidenceItem>();
        var start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(items));
        for (var offset = 0; offset < bytes; offset += 64)
        {
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(start + offset);
        }
    }

    /// <summary>The most items of a subject <see cref="PrefetchItems"/> asks for (the rest stream in as they are read).</summary>
    private const int MaxPrefetchedItems = 64;

    private static void Return<T>(T[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    private ScoringPlan PlanFor(Rubric rubric)
    {
        var last = Volatile.Read(ref _lastPlan);
        if (last is not null && ReferenceEquals(last.Rubric, rubric))
        {
            return last;
        }

        var plan = _plans.GetValue(rubric, static r => new ScoringPlan(r));
        Volatile.Write(ref _lastPlan, plan);
        return plan;
    }

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

    /// <summary>
    /// The overall score and band from competency levels (NaN = insufficient evidence) by the missing-evidence policy:
    /// the one arithmetic shared by scoring and guidance.
    /// </summary>
    internal static (ScoreStatus Status, double? Overall, string? Band) Overall(ScoringPlan plan, ReadOnlySpan<double> competencyLevels)
    {
        var rubric = plan.Rubric;
        double weightedSum = 0;
        double weightTotal = 0;
        var failed = false;
        var anyScored = false;
        var weights = plan.CompetencyWeights;
        var missing = rubric.MissingEvidence;
        for (var c = 0; c < competencyLevels.Length; c++)
        {
            var weight = weights[c];
            var l = competencyLevels[c];
            if (!double.IsNaN(l))
            {
                weightedSum += weight * l;
                weightTotal += weight;
                anyScored = true;
            }
            else
            {
                switch (missing)
                {
                    case MissingEvidencePolicy.Zero:
                        weightTotal += weight;
                        anyScored = true;
                        break;
                    case MissingEvidencePolicy.Fail:
                        failed = true;
                        break;
                }
            }
        }

        if (failed || !anyScored || weightTotal <= 0)
        {
            return (ScoreStatus.InsufficientEvidence, null, null);
        }

        var overall = weightedSum / weightTotal;
        foreach (var b in plan.Bands)
        {
            if (overall >= b.Min)
            {
                return (ScoreStatus.Scored, overall, b.Label);
            }
        }

        return (ScoreStatus.Scored, overall, null);
    }

    /// <summary>A competency's level and winning path from its paths' levels (NaN = no level), in the rubric's order.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="competency">The competency.</param>
    /// <param name="levels">The levels of the competency's paths.</param>
    /// <param name="start">The index of the competency's first path in the plan (for path weights).</param>
    internal static (double? Level, int Winner) Combine(ScoringPlan plan, Competency competency, ReadOnlySpan<double> levels, int start)
    {
        var level = CombineLevel(plan.PathWeights, competency.Combine, levels, start, out var winner);
        return winner < 0 ? (null, -1) : (level, winner);
    }

    /// <summary>
    /// <see cref="Combine"/> without the nullable tuple, for the scorer's loop: the level (NaN without one, or for
    /// a weighted mean whose weights are all zero) and the winning path (-1 without a level).
    /// </summary>
    private static double CombineLevel(double[] pathWeights, CombineMode mode, ReadOnlySpan<double> levels, int start, out int winner)
    {
        if (mode == CombineMode.BestOf)
        {
            return BestOf(levels, out winner);
        }

        var best = -1;

        double sum = 0, weightSum = 0;
        var weights = pathWeights.AsSpan(start, levels.Length);
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (double.IsNaN(level))
            {
                continue;
            }

            if (best < 0 || level > levels[best])
            {
                best = i;
            }

            var weight = mode == CombineMode.WeightedMean ? weights[i] : 1;
            sum += weight * level;
            weightSum += weight;
        }

        winner = best;
        if (best < 0)
        {
            return double.NaN;
        }

        return sum / weightSum;
    }

    /// <summary>The reasons an item does not count: built off the hot path, only when needed.</summary>
    private static class Issues
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue OtherSubject(in EvidenceItem item) => new(item, true, "the item belongs to another subject");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue AfterScoringDate(in EvidenceItem item, DateOnly asOf) =>
            new(item, false, string.Create(CultureInfo.InvariantCulture, $"dated after the scoring date {asOf:yyyy-MM-dd}"));

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue OutsideWindow(in EvidenceItem item, DateOnly first) =>
            new(item, false, string.Create(CultureInfo.InvariantCulture, $"older than the rubric's window (counts from {first:yyyy-MM-dd})"));

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue NoDate(in EvidenceItem item) =>
            new(item, true, "no 'date', but the rubric has a window: the date is needed to know whether the item counts");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue RatingWithoutPath(in EvidenceItem item) =>
            new(item, true, item.Competency is null ? "a rating needs the 'competency' and 'path' it is for" : "a rating needs the 'path' it is for");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue UnknownCompetency(ScoringPlan plan, in EvidenceItem item) =>
            new(item, true, item.Competency is null ? "a 'path' is given without its 'competency'" : $"the rubric '{plan.Rubric.Id}' has no competency '{item.Competency}'");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue UnknownPath(in EvidenceItem item) => new(item, true, $"competency '{item.Competency}' has no path '{item.Path}'");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue PathNotRated(in EvidenceItem item, ScoringPlan.PathPlan path) =>
            new(item, true, $"path '{item.Path}' of '{item.Competency}' is not scored by ratings (its rule is '{path.Path.Score.Rule}')");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue OffScale(ScoringPlan plan, in EvidenceItem item) =>
            new(item, true, string.Create(CultureInfo.InvariantCulture, $"rating {item.Value} is outside the scale 1..{plan.Rubric.Scale.MaxLevel}"));

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue TypeNotCounted(in EvidenceItem item) =>
            new(item, false, $"path '{item.Path}' of '{item.Competency}' does not count evidence of type '{item.Type}'");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue NotCounted(in EvidenceItem item) =>
            new(item, false, item.IsRating
                ? $"ratings from '{item.Source.ToString().ToLowerInvariant()}' do not count for path '{item.Path}' of '{item.Competency}'"
                : $"path '{item.Path}' of '{item.Competency}' does not count this item");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue NoPathForType(ScoringPlan plan, in EvidenceItem item, bool inCompetency) =>
            new(item, false, inCompetency
                ? $"no path of '{item.Competency}' counts evidence of type '{item.Type}'"
                : $"no path of the rubric '{plan.Rubric.Id}' counts evidence of type '{item.Type}'");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue NoPathCountsItem(in EvidenceItem item) => new(item, false, $"no path counts this item of type '{item.Type}'");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static FairRubricsException LevelOffScale(ScoringPlan.PathPlan path, double level, int max) =>
            new(string.Create(CultureInfo.InvariantCulture, $"The scoring rule '{path.Path.Score.Rule}' gave path '{path.Path.Id}' the level {level}, outside the scale 0..{max}; this is a defect in that rule."));
    }
}
