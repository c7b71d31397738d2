using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>
/// The scorer: path levels from the rules, competency levels by the combination, the overall score by the
/// missing-evidence policy, and the band. Deterministic and culture-invariant: the same evidence in any order
/// gives the same result.
/// </summary>
public sealed partial class RubricScorer : IRubricScorer
{
    private readonly TimeProvider _time;
    private readonly Hosting.FairRubricsTelemetry? _telemetry;
    private readonly Microsoft.Extensions.Logging.ILogger? _logger;
    private readonly ConditionalWeakTable<Rubric, ScoringPlan> _plans = [];
    private ScoringPlan? _lastPlan;

    /// <summary>Creates a scorer.</summary>
    /// <param name="timeProvider">Where today's date comes from when no scoring date is given; default the system clock.</param>
    public RubricScorer(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>Creates a scorer that reports counts (never ids or values) to a host's logs and metrics.</summary>
    internal RubricScorer(TimeProvider? timeProvider, Hosting.FairRubricsTelemetry? telemetry, Microsoft.Extensions.Logging.ILogger? logger)
        : this(timeProvider)
    {
        _telemetry = telemetry;
        _logger = logger;
    }

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

        using var activity = _telemetry?.ActivitySource.StartActivity("FairRubrics.ScoreAll");
        var results = new List<SubjectScore>(bySubject.Count);
        foreach (var subject in bySubject.Keys.Order(StringComparer.Ordinal))
        {
            results.Add(ScoreOne(rubric, subject, new ReadOnlyMemory<EvidenceItem>([.. bySubject[subject]]), options));
        }

        if (_telemetry is not null || _logger is not null)
        {
            long items = 0, rejected = 0;
            foreach (var list in bySubject.Values)
            {
                items += list.Count;
            }

            foreach (var result in results)
            {
                rejected += RejectedCount(result);
            }

            Record(rubric, results.Count, items, rejected, activity);
            if (_logger is not null)
            {
                Hosting.Log.SubjectsScored(_logger, results.Count, rubric.Id, rubric.Version, items, rejected);
            }
        }

        return results;
    }

    /// <inheritdoc/>
    public SubjectScore Score(Rubric rubric, string subject, ReadOnlySpan<EvidenceItem> evidence, ScoringOptions? options = null) =>
        Score(rubric, subject, new ReadOnlyMemory<EvidenceItem>(evidence.ToArray()), options);

    /// <inheritdoc/>
    public SubjectScore Score(Rubric rubric, string subject, ReadOnlyMemory<EvidenceItem> evidence, ScoringOptions? options = null)
    {
        var result = ScoreOne(rubric, subject, evidence, options);
        if (_telemetry is not null || _logger is not null)
        {
            var rejected = RejectedCount(result);
            Record(rubric, 1, evidence.Length, rejected, activity: null);
            if (_logger is not null)
            {
                Hosting.Log.SubjectScored(_logger, rubric.Id, rubric.Version, evidence.Length, rejected);
            }
        }

        return result;
    }

    private static int RejectedCount(SubjectScore result)
    {
        var rejected = 0;
        foreach (var issue in result.Issues)
        {
            rejected += issue.Rejected ? 1 : 0;
        }

        return rejected;
    }

    private void Record(Rubric rubric, int subjects, long items, long rejected, System.Diagnostics.Activity? activity)
    {
        if (_telemetry is { } telemetry)
        {
            var tag = new KeyValuePair<string, object?>("fairrubrics.rubric.id", rubric.Id);
            telemetry.SubjectsScored.Add(subjects, tag);
            if (rejected > 0)
            {
                telemetry.EvidenceRejected.Add(rejected, tag);
            }
        }

        activity?.SetTag("fairrubrics.rubric.id", rubric.Id)
            .SetTag("fairrubrics.rubric.version", rubric.Version)
            .SetTag("fairrubrics.subjects", subjects)
            .SetTag("fairrubrics.evidence.items", items)
            .SetTag("fairrubrics.evidence.rejected", rejected);
    }

    private SubjectScore ScoreOne(Rubric rubric, string subject, ReadOnlyMemory<EvidenceItem> evidence, ScoringOptions? options)
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
        var quantities = 0.0;
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
                quantities += items[i].Value.GetValueOrDefault(1);   // ratings too: they are at most the top of the scale
            }
        }

        // Every sum of a subject's quantities (a path's count, a type's total, guidance) must stay finite, whatever
        // order it adds them in: when the counted items come near the largest double, the largest are rejected.
        if (!(quantities <= SafeQuantityTotal))
        {
            used -= RejectOverflowingQuantities(items, pairs, ref pairCount, ref issues);
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
}
