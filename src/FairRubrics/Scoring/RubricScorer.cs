using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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
            results.Add(Score(rubric, subject, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bySubject[subject]), options));
        }

        return results;
    }

    /// <inheritdoc/>
    public SubjectScore Score(Rubric rubric, string subject, ReadOnlySpan<EvidenceItem> evidence, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(subject);
        var plan = _plans.GetValue(rubric, static r => new ScoringPlan(r));
        var asOf = options?.AsOf ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var earliest = rubric.Window?.EarliestCountedDate(asOf);

        // Route every item to the paths that count it: pairs (path, item), then a counting sort by path.
        var pathCount = plan.Paths.Length;
        var pairs = ArrayPool<long>.Shared.Rent(Math.Max(16, evidence.Length * 2));
        var pairCount = 0;
        List<EvidenceIssue>? issues = null;
        var used = 0;
        try
        {
            for (var i = 0; i < evidence.Length; i++)
            {
                ref readonly var item = ref evidence[i];
                var before = pairCount;
                var issue = Route(plan, subject, item, i, earliest, asOf, ref pairs, ref pairCount);
                if (issue is not null)
                {
                    (issues ??= []).Add(issue);
                }
                else if (pairCount > before)
                {
                    used++;
                }
            }

            Span<int> counts = pathCount <= 256 ? stackalloc int[pathCount + 1] : new int[pathCount + 1];
            counts.Clear();
            for (var p = 0; p < pairCount; p++)
            {
                counts[(int)(pairs[p] >> 32) + 1]++;
            }

            for (var p = 1; p <= pathCount; p++)
            {
                counts[p] += counts[p - 1];
            }

            var routed = pairCount == 0 ? [] : new EvidenceItem[pairCount];
            Span<int> fill = pathCount <= 256 ? stackalloc int[pathCount] : new int[pathCount];
            counts[..pathCount].CopyTo(fill);
            for (var p = 0; p < pairCount; p++)
            {
                var path = (int)(pairs[p] >> 32);
                routed[fill[path]++] = evidence[(int)(pairs[p] & 0xFFFFFFFF)];
            }

            return Build(plan, subject, asOf, routed, counts, issues, used);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(pairs);
        }
    }

    private static EvidenceIssue? Route(ScoringPlan plan, string subject, in EvidenceItem item, int index, DateOnly? earliest, DateOnly asOf, ref long[] pairs, ref int pairCount)
    {
        if (!string.Equals(item.Subject, subject, StringComparison.Ordinal))
        {
            return new EvidenceIssue(item, true, "the item belongs to another subject");
        }

        if (item.Date is { } date)
        {
            if (date > asOf)
            {
                return new EvidenceIssue(item, false, string.Create(CultureInfo.InvariantCulture, $"dated after the scoring date {asOf:yyyy-MM-dd}"));
            }

            if (earliest is { } first && date < first)
            {
                return new EvidenceIssue(item, false, string.Create(CultureInfo.InvariantCulture, $"older than the rubric's window (counts from {first:yyyy-MM-dd})"));
            }
        }
        else if (earliest is not null)
        {
            return new EvidenceIssue(item, true, "no 'date', but the rubric has a window: the date is needed to know whether the item counts");
        }

        var rubric = plan.Rubric;
        if (item.Competency is not null || item.Path is not null)
        {
            if (item.Competency is null || !plan.ByCompetency.TryGetValue(item.Competency, out var competency))
            {
                return new EvidenceIssue(item, true, item.Competency is null
                    ? "a 'path' is given without its 'competency'"
                    : $"the rubric '{rubric.Id}' has no competency '{item.Competency}'");
            }

            if (item.Path is null)
            {
                return item.IsRating
                    ? new EvidenceIssue(item, true, "a rating needs the 'path' it is for")
                    : RouteByType(plan, item, index, competency.Index, ref pairs, ref pairCount);
            }

            if (!competency.Paths.TryGetValue(item.Path, out var pathIndex))
            {
                return new EvidenceIssue(item, true, $"competency '{item.Competency}' has no path '{item.Path}'");
            }

            var path = plan.Paths[pathIndex];
            if (item.IsRating)
            {
                if (!path.UsesRatings)
                {
                    return new EvidenceIssue(item, true, $"path '{item.Path}' of '{item.Competency}' is not scored by ratings (its rule is '{path.Path.Score.Rule}')");
                }

                var value = item.Value!.Value;
                if (value < 1 || value > rubric.Scale.MaxLevel)
                {
                    return new EvidenceIssue(item, true, string.Create(CultureInfo.InvariantCulture, $"rating {value} is outside the scale 1..{rubric.Scale.MaxLevel}"));
                }
            }
            else if (!path.Types.Contains(item.Type))
            {
                return new EvidenceIssue(item, false, $"path '{item.Path}' of '{item.Competency}' does not count evidence of type '{item.Type}'");
            }

            if (!path.Rule.CountsItem(path.Settings, item))
            {
                return new EvidenceIssue(item, false, item.IsRating
                    ? $"ratings from '{item.Source.ToString().ToLowerInvariant()}' do not count for path '{item.Path}' of '{item.Competency}'"
                    : $"path '{item.Path}' of '{item.Competency}' does not count this item");
            }

            Add(ref pairs, ref pairCount, pathIndex, index);
            return null;
        }

        if (item.IsRating)
        {
            return new EvidenceIssue(item, true, "a rating needs the 'competency' and 'path' it is for");
        }

        return RouteByType(plan, item, index, -1, ref pairs, ref pairCount);
    }

    private static EvidenceIssue? RouteByType(ScoringPlan plan, in EvidenceItem item, int index, int competencyFilter, ref long[] pairs, ref int pairCount)
    {
        if (!plan.ByType.TryGetValue(item.Type, out var targets))
        {
            return new EvidenceIssue(item, false, competencyFilter >= 0
                ? $"no path of '{item.Competency}' counts evidence of type '{item.Type}'"
                : $"no path of the rubric '{plan.Rubric.Id}' counts evidence of type '{item.Type}'");
        }

        var added = false;
        foreach (var target in targets)
        {
            var path = plan.Paths[target];
            if ((competencyFilter >= 0 && path.Competency != competencyFilter) || !path.Rule.CountsItem(path.Settings, item))
            {
                continue;
            }

            Add(ref pairs, ref pairCount, target, index);
            added = true;
        }

        return added ? null : new EvidenceIssue(item, false, $"no path counts this item of type '{item.Type}'");
    }

    private static void Add(ref long[] pairs, ref int pairCount, int path, int item)
    {
        if (pairCount == pairs.Length)
        {
            var bigger = ArrayPool<long>.Shared.Rent(pairs.Length * 2);
            pairs.AsSpan(0, pairCount).CopyTo(bigger);
            ArrayPool<long>.Shared.Return(pairs);
            pairs = bigger;
        }

        pairs[pairCount++] = ((long)path << 32) | (uint)item;
    }

    private static SubjectScore Build(ScoringPlan plan, string subject, DateOnly asOf, EvidenceItem[] routed, ReadOnlySpan<int> starts, List<EvidenceIssue>? issues, int used)
    {
        var rubric = plan.Rubric;
        var paths = new PathScore[plan.Paths.Length];
        for (var p = 0; p < plan.Paths.Length; p++)
        {
            var pathPlan = plan.Paths[p];
            var segment = new ArraySegment<EvidenceItem>(routed, starts[p], starts[p + 1] - starts[p]);
            var outcome = pathPlan.Rule.EvaluatePath(pathPlan.Settings, new PathEvidence(segment, rubric.Scale, asOf));
            if (outcome.Level is { } level && (!double.IsFinite(level) || level < 0 || level > rubric.Scale.MaxLevel))
            {
                throw new FairRubricsException(string.Create(CultureInfo.InvariantCulture, $"The scoring rule '{pathPlan.Path.Score.Rule}' gave path '{pathPlan.Path.Id}' the level {level}, outside the scale 0..{rubric.Scale.MaxLevel}; this is a defect in that rule."));
            }

            paths[p] = new PathScore(pathPlan.Path, outcome.Level, segment, outcome.Note);
        }

        var competencies = new CompetencyScore[rubric.Competencies.Count];
        double weightedSum = 0;
        double weightTotal = 0;
        var failed = false;
        var anyScored = false;
        for (var c = 0; c < competencies.Length; c++)
        {
            var competency = rubric.Competencies[c];
            var start = plan.CompetencyStarts[c];
            var count = plan.CompetencyStarts[c + 1] - start;
            var (level, winner) = Combine(competency, paths.AsSpan(start, count));
            competencies[c] = new CompetencyScore(competency, level, winner, new ArraySegment<PathScore>(paths, start, count));
            if (level is { } l)
            {
                weightedSum += competency.Weight * l;
                weightTotal += competency.Weight;
                anyScored = true;
            }
            else
            {
                switch (rubric.MissingEvidence)
                {
                    case MissingEvidencePolicy.Zero:
                        weightTotal += competency.Weight;
                        anyScored = true;
                        break;
                    case MissingEvidencePolicy.Fail:
                        failed = true;
                        break;
                }
            }
        }

        double? overall = null;
        string? band = null;
        var status = ScoreStatus.InsufficientEvidence;
        if (!failed && anyScored && weightTotal > 0)
        {
            overall = weightedSum / weightTotal;
            status = ScoreStatus.Scored;
            foreach (var b in plan.Bands)
            {
                if (overall.Value >= b.Min)
                {
                    band = b.Label;
                    break;
                }
            }
        }

        return new SubjectScore(subject, rubric, asOf, status, overall, band, competencies, (IReadOnlyList<EvidenceIssue>?)issues ?? [], used);
    }

    private static (double? Level, int Winner) Combine(Competency competency, ReadOnlySpan<PathScore> paths)
    {
        var best = -1;
        double sum = 0, weightSum = 0;
        var levelled = 0;
        for (var i = 0; i < paths.Length; i++)
        {
            if (paths[i].Level is not { } level)
            {
                continue;
            }

            levelled++;
            if (best < 0 || level > paths[best].Level!.Value)
            {
                best = i;
            }

            if (competency.Combine == CombineMode.WeightedMean)
            {
                sum += paths[i].Path.Weight * level;
                weightSum += paths[i].Path.Weight;
            }
            else
            {
                sum += level;
                weightSum += 1;
            }
        }

        if (levelled == 0)
        {
            return (null, -1);
        }

        return competency.Combine == CombineMode.BestOf
            ? (paths[best].Level, best)
            : (sum / weightSum, best);
    }
}
