using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>
/// FR103: under best-of, a path whose highest reachable level (count: its highest threshold; presence: its
/// level; rating: the top of the scale) is below another path's, so the alternative routes are not equivalent.
/// Paths scored by custom rules are skipped (their ceiling is unknown).
/// </summary>
internal sealed class UnequalPathCeilingsCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr103 = Describe(
        DesignCheckIds.UnequalPathCeilings,
        "UnequalPathCeilings",
        "Alternative paths cannot reach the same level",
        DiagnosticSeverity.Warning,
        "Under best-of, a path cannot reach the top level that another path of the same competency reaches, so people who take that route are capped and the alternative routes are not equivalent.");

    protected override CheckDescriptor Descriptor => Fr103;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        foreach (var competency in rubric.Competencies)
        {
            if (competency.Combine != CombineMode.BestOf || competency.Paths.Count < 2)
            {
                continue;
            }

            var ceilings = competency.Paths
                .Select(p => (Path: p, Max: RubricFacts.MaxReachableLevel(p, rubric.Scale)))
                .Where(x => x.Max is not null)
                .ToList();
            if (ceilings.Count < 2)
            {
                continue;
            }

            var top = ceilings.MaxBy(x => x.Max!.Value);
            foreach (var (path, max) in ceilings)
            {
                if (max >= top.Max)
                {
                    continue;
                }

                var (location, fix) = path.Score.Settings switch
                {
                    CountRuleSettings => (RubricFacts.ParameterLocation(path, "thresholds"), $"add thresholds up to level {top.Max} (e.g. {Example(max!.Value, top.Max!.Value)})"),
                    PresenceRuleSettings => (RubricFacts.ParameterLocation(path, "level"), $"raise its 'level' to {top.Max}, or make it a count path with thresholds up to level {top.Max}"),
                    _ => (path.Location, $"let it reach level {top.Max}"),
                };
                context.Report(
                    Fr103.Id,
                    location,
                    $"path '{path.Id}' can reach at most {RubricFacts.LevelName(rubric.Scale, max!.Value)} while path '{top.Path.Id}' reaches {RubricFacts.LevelName(rubric.Scale, top.Max!.Value)}: under best-of, people who take this route are capped, so the routes are not equivalent; {fix}",
                    RubricFacts.At(competency, path) + ".score");
            }
        }
    }

    private static string Example(int from, int to)
    {
        var parts = Enumerable.Range(from + 1, to - from).Select(level => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{level}: N{level - from}"));
        return "thresholds: { ..., " + string.Join(", ", parts) + " }";
    }
}
