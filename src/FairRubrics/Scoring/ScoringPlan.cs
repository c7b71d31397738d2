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
                paths.Add(new PathPlan(c, path, rule, settings, rule.UsesRatingsOf(settings), types));
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

    internal sealed record PathPlan(int Competency, EvidencePath Path, ScoringRule Rule, object Settings, bool UsesRatings, HashSet<string> Types);

    internal sealed record CompetencyPlan(int Index, Dictionary<string, int> Paths);
}
