using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>A rubric compiled for scoring: paths flattened, lookups by type and by competency/path prepared once.</summary>
internal sealed class ScoringPlan
{
    public ScoringPlan(Rubric rubric)
    {
        Rubric = rubric;
        var paths = new List<PathPlan>();
        var byType = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        ByCompetency = new Dictionary<string, CompetencyPlan>(StringComparer.Ordinal);
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

            ByCompetency.Add(competency.Id, new CompetencyPlan(c, byPath));
        }

        CompetencyStarts[^1] = paths.Count;
        Paths = [.. paths];
        ByType = byType.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        Bands = [.. rubric.Bands];
        Favourable = new HashSet<string>(rubric.Favourable, StringComparer.Ordinal);
    }

    public Rubric Rubric { get; }

    public PathPlan[] Paths { get; }

    public int[] CompetencyStarts { get; }

    public Dictionary<string, int[]> ByType { get; }

    public Dictionary<string, CompetencyPlan> ByCompetency { get; }

    public Band[] Bands { get; }

    public HashSet<string> Favourable { get; }

    /// <summary>
    /// How the scorer decides whether an item routed to a path counts, without a virtual call for the built-in
    /// rules: a bit mask of counted rater sources for <c>rating</c>, "every occurrence" for <c>count</c> and
    /// <c>presence</c> (-1), or 0 to ask the rule (custom rules).
    /// </summary>
    private static int FilterOf(ScoringRule rule, object settings) => (rule, settings) switch
    {
        (RatingRule, RatingRuleSettings rating) => rating.Sources.Count == 0 ? 0x1F : rating.Sources.Aggregate(0, (mask, source) => mask | (1 << (int)source)),
        (CountRule, _) or (PresenceRule, _) => -1,
        _ => 0,
    };

    internal sealed record PathPlan(int Competency, EvidencePath Path, ScoringRule Rule, object Settings, bool UsesRatings, HashSet<string> Types, int Filter)
    {
        /// <summary>Whether an item routed to this path counts (see <see cref="FilterOf"/>).</summary>
        public bool Counts(in Evidence.EvidenceItem item) => Filter switch
        {
            -1 => !item.IsRating,
            0 => Rule.CountsItem(Settings, item),
            _ => item.IsRating && (Filter & (1 << (int)item.Source)) != 0,
        };
    }

    internal sealed record CompetencyPlan(int Index, Dictionary<string, int> Paths);
}
