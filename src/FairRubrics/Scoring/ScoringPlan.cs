using System.Collections.Frozen;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>
/// A rubric compiled for scoring: paths flattened, and every string the scorer routes on (evidence type,
/// competency id, path id) mapped once to integer path indices (<see cref="OrdinalStringIndex"/> for types and
/// competencies, a scan of a competency's few path ids), so that routing an item costs one or two probes and
/// no allocation.
/// </summary>
internal sealed class ScoringPlan
{
    /// <summary>The last scoring date asked of <see cref="EarliestCountedDate"/> (high 32 bits) and its answer; -1 for none.</summary>
    private long _earliest = -1;

    public ScoringPlan(Rubric rubric)
    {
        Rubric = rubric;
        var paths = new List<PathPlan>();
        var byType = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byCompetency = new Dictionary<string, CompetencyPlan>(StringComparer.Ordinal);
        CompetencyStarts = new int[rubric.Competencies.Count + 1];
        for (var c = 0; c < rubric.Competencies.Count; c++)
        {
            var competency = rubric.Competencies[c];
            CompetencyStarts[c] = paths.Count;
            var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var path in competency.Paths)
            {
                var rule = path.Score.Implementation;
                var settings = path.Score.Settings;
                var types = new HashSet<string>(rule.OccurrenceTypesOf(settings), StringComparer.Ordinal);
                var index = paths.Count;
                paths.Add(new PathPlan(c, path, rule, settings, rule.UsesRatingsOf(settings), types, FilterOf(rule, settings)));
                byPath.Add(path.Id, index);
                foreach (var type in types)
                {
                    if (!byType.TryGetValue(type, out var list))
                    {
                        byType[type] = list = [];
                    }

                    list.Add(index);
                }
            }

            byCompetency.Add(competency.Id, new CompetencyPlan(c, CompetencyStarts[c], [.. competency.Paths.Select(p => p.Id)], byPath.ToFrozenDictionary(StringComparer.Ordinal)));
        }

        CompetencyStarts[^1] = paths.Count;
        Paths = [.. paths];
        PathWeights = [.. paths.Select(p => p.Path.Weight)];
        CompetencyWeights = [.. rubric.Competencies.Select(c => c.Weight)];
        CombineModes = [.. rubric.Competencies.Select(c => c.Combine)];
        MaxLevel = rubric.Scale.MaxLevel;
        Competencies = [.. byCompetency.Values.OrderBy(c => c.Index)];
        ByCompetency = new OrdinalStringIndex([.. Competencies.Select(c => KeyValuePair.Create(rubric.Competencies[c.Index].Id, c.Index))]);
        Targets = [.. byType.Values.Select(targets => targets.ToArray())];
        ByType = new OrdinalStringIndex([.. byType.Keys.Select((type, i) => KeyValuePair.Create(type, i))]);
        MaxTargets = Math.Max(1, Targets.Select(targets => targets.Length).DefaultIfEmpty().Max());
        PathCompetencies = [.. Paths.Select(p => p.Competency)];
        SingleTargets = [.. Targets.Select(targets => targets.Length == 1 && Paths[targets[0]].Filter == -1 ? targets[0] : -1)];
        Bands = [.. rubric.Bands];
        Favourable = new HashSet<string>(rubric.Favourable, StringComparer.Ordinal);
    }

    public Rubric Rubric { get; }

    /// <summary>
    /// Gets the reason "no path of the rubric counts evidence of type …" by type, made once per type (the reason of
    /// most unused rows: one string per row otherwise). Bounded; thread-safe, as the plan is shared.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> NoPathForTypeReasons { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets each path's weight (for <see cref="CombineMode.WeightedMean"/>), in plan order.</summary>
    public double[] PathWeights { get; }

    /// <summary>Gets each competency's weight, in the rubric's order.</summary>
    public double[] CompetencyWeights { get; }

    /// <summary>Gets each competency's combination, in the rubric's order.</summary>
    public CombineMode[] CombineModes { get; }

    public PathPlan[] Paths { get; }

    /// <summary>Gets the rubric scale's highest level.</summary>
    public int MaxLevel { get; }

    public int[] CompetencyStarts { get; }

    /// <summary>Gets each occurrence type's index into <see cref="Targets"/>.</summary>
    public OrdinalStringIndex ByType { get; }

    /// <summary>Gets the paths (indices into <see cref="Paths"/>, in plan order) that count each occurrence type of <see cref="ByType"/>.</summary>
    public int[][] Targets { get; }

    /// <summary>
    /// Gets, for each occurrence type of <see cref="ByType"/>, the one path that counts it when exactly one path
    /// does and that path counts every occurrence (<c>count</c>, <c>presence</c>); else -1.
    /// </summary>
    public int[] SingleTargets { get; }

    /// <summary>Gets each path's competency index, in plan order.</summary>
    public int[] PathCompetencies { get; }

    /// <summary>Gets the most paths one item can count for (one, or the most paths that count one type): at least 1.</summary>
    public int MaxTargets { get; }

    /// <summary>Gets each competency's index (into <see cref="Competencies"/>) by its id.</summary>
    public OrdinalStringIndex ByCompetency { get; }

    /// <summary>Gets each competency's plan, with its paths by id, in the rubric's order.</summary>
    public CompetencyPlan[] Competencies { get; }

    public Band[] Bands { get; }

    public HashSet<string> Favourable { get; }

    /// <summary>
    /// How the scorer decides whether an item routed to a path counts, without a virtual call for the built-in
    /// rules: a bit mask of counted rater sources for <c>rating</c>, "every occurrence" for <c>count</c> and
    /// <c>presence</c> (-1), or 0 to ask the rule (custom rules).
    /// </summary>
    private static int FilterOf(ScoringRule rule, object settings)
    {
        switch (rule, settings)
        {
            case (RatingRule, RatingRuleSettings rating):
                if (rating.Sources.Count == 0)
                {
                    return 0x1F;
                }

                var mask = 0;
                foreach (var source in rating.Sources)
                {
                    mask |= 1 << (int)source;
                }

                return mask;
            case (CountRule, _) or (PresenceRule, _):
                return -1;
            default:
                return 0;
        }
    }

    /// <summary>
    /// Which built-in arithmetic the scorer may do in one pass, without sorting, when a path's numbers are whole
    /// (they then add up exactly in any order).
    /// </summary>
    internal enum ExactKind
    {
        /// <summary>
        /// Always the rule's own evaluation: custom rules, <c>presence</c> (from the number of items alone), the
        /// median, min and max, and <c>count</c> paths without thresholds or with one above <see cref="PathPlan.MaxTabulatedCount"/>.
        /// </summary>
        None = 0,

        /// <summary>A <c>count</c> path: the total through the thresholds.</summary>
        Count = 1,

        /// <summary>A <c>rating</c> path aggregated by mean.</summary>
        RatingMean = 2,
    }

    /// <summary>How the scorer evaluates a path.</summary>
    internal enum PathKind
    {
        /// <summary>A rule of an integrator's: through <see cref="ScoringRule.EvaluatePath"/>.</summary>
        Custom = 0,

        /// <summary>The built-in <c>rating</c> rule, from the routed items' values.</summary>
        Rating,

        /// <summary>The built-in <c>count</c> rule, from the routed items' quantities.</summary>
        Count,

        /// <summary>The built-in <c>presence</c> rule, from the number of routed items.</summary>
        Presence,
    }

    internal sealed record PathPlan(int Competency, EvidencePath Path, ScoringRule Rule, object Settings, bool UsesRatings, HashSet<string> Types, int Filter)
    {
        /// <summary>Gets how the scorer evaluates the path: the built-in rules without a virtual call or a copy of the items.</summary>
        public PathKind Kind { get; } = (Rule, Settings) switch
        {
            (RatingRule, RatingRuleSettings) => PathKind.Rating,
            (CountRule, CountRuleSettings) => PathKind.Count,
            (PresenceRule, PresenceRuleSettings) => PathKind.Presence,
            _ => PathKind.Custom,
        };

        /// <summary>Gets the thresholds of a <c>count</c> path as an array (empty for other rules).</summary>
        public CountThreshold[] Thresholds { get; } = Settings is CountRuleSettings count ? [.. count.Thresholds] : [];

        /// <summary>The highest threshold count for which the scorer tabulates a count path's levels by total.</summary>
        internal const int MaxTabulatedCount = 256;

        /// <summary>Gets the fewest ratings of a built-in <c>rating</c> path (0 for other rules).</summary>
        public int MinRatings { get; } = (Rule, Settings) is (RatingRule, RatingRuleSettings rating) ? rating.MinRatings : 0;

        /// <summary>Gets how the scorer may compute the path's level in one pass (see <see cref="ExactKind"/>).</summary>
        public ExactKind Exact { get; } = (Rule, Settings) switch
        {
            (CountRule, CountRuleSettings { Thresholds.Count: > 0 } count) when count.Thresholds.Max(t => t.MinCount) <= MaxTabulatedCount => ExactKind.Count,
            (RatingRule, RatingRuleSettings { Aggregate: RatingAggregate.Mean }) => ExactKind.RatingMean,
            _ => ExactKind.None,
        };

        /// <summary>
        /// Gets the level of a <c>count</c> path of <see cref="ExactKind.Count"/> by its whole total, from 0 to the
        /// highest threshold count (a larger total reaches every threshold, as that count does): the level of the
        /// last threshold reached, as <see cref="CountRule"/> maps it, or NaN for none. Empty for other paths (and
        /// for a count path with a threshold above <see cref="MaxTabulatedCount"/>, which is evaluated by the rule).
        /// </summary>
        public double[] LevelByTotal { get; } = (Rule, Settings) is (CountRule, CountRuleSettings { Thresholds.Count: > 0 } count) && count.Thresholds.Max(t => t.MinCount) is var highest && highest <= MaxTabulatedCount
            ? [.. Enumerable.Range(0, Math.Max(0, highest) + 1).Select(total => count.Thresholds.LastOrDefault(t => total >= t.MinCount) is { } reached ? reached.Level : double.NaN)]
            : [];

        /// <summary>Whether an item routed to this path counts (see <see cref="FilterOf"/>).</summary>
        /// <param name="item">The item.</param>
        /// <param name="isRating">Whether the item is a rating (<see cref="Evidence.EvidenceItem.IsRating"/>, computed once by the caller).</param>
        public bool Counts(in Evidence.EvidenceItem item, bool isRating) => Filter switch
        {
            -1 => !isRating,
            0 => Rule.CountsItem(Settings, item),
            _ => isRating && (Filter & (1 << (int)item.Source)) != 0,
        };
    }

    /// <summary>Gets the first date whose evidence counts on <paramref name="asOf"/> (the rubric's window), or null without a window.</summary>
    /// <param name="asOf">The scoring date.</param>
    /// <returns>The date, remembered for the last scoring date asked (scoring runs usually share one date).</returns>
    public DateOnly? EarliestCountedDate(DateOnly asOf)
    {
        if (Rubric.Window is not { } window)
        {
            return null;
        }

        // The scoring date and its answer packed in one 64-bit word, so that threads read and replace them together.
        var cached = Volatile.Read(ref _earliest);
        if ((int)(cached >> 32) == asOf.DayNumber)
        {
            return DateOnly.FromDayNumber((int)cached);
        }

        var earliest = window.EarliestCountedDate(asOf);
        Volatile.Write(ref _earliest, ((long)asOf.DayNumber << 32) | (uint)earliest.DayNumber);
        return earliest;
    }

    /// <summary>
    /// A competency's plan: its index, the index of its first path in <see cref="Paths"/>, and its paths' ids
    /// (looked up by a scan of <see cref="PathIds"/> when there are few, else in <see cref="Paths"/>).
    /// </summary>
    internal sealed record CompetencyPlan(int Index, int Start, string[] PathIds, FrozenDictionary<string, int> Paths)
    {
        /// <summary>The most paths a competency has for its path ids to be scanned rather than hashed.</summary>
        private const int ScanLimit = 8;

        /// <summary>Gets the plan index of the competency's path with the id <paramref name="path"/> (ordinal), or -1.</summary>
        /// <param name="path">The path id.</param>
        /// <returns>The index into <see cref="ScoringPlan.Paths"/>, or -1.</returns>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int IndexOf(string path)
        {
            var ids = PathIds;
            if (ids.Length > ScanLimit)
            {
                return Paths.TryGetValue(path, out var index) ? index : -1;
            }

            for (var i = 0; i < ids.Length; i++)
            {
                if (string.Equals(ids[i], path, StringComparison.Ordinal))
                {
                    return Start + i;
                }
            }

            return -1;
        }
    }
}
