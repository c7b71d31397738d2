using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>FR108: a competency whose every path is a rating path restricted to exactly one rater source (e.g. only the manager).</summary>
internal sealed class SingleRaterSourceCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr108 = Describe(
        DesignCheckIds.SingleRaterSource,
        "SingleRaterSource",
        "Competency rated by a single rater source",
        DiagnosticSeverity.Warning,
        "Every path of a competency is rated by one source only (e.g. only the manager), so one person's view decides the level; ratings carry a large share of rater-specific variance.");

    protected override CheckDescriptor Descriptor => Fr108;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        foreach (var competency in rubric.Competencies)
        {
            var settings = competency.Paths.Select(p => p.Score.Settings as RatingRuleSettings).ToList();
            if (settings.Any(s => s is null || s.Sources.Count != 1))
            {
                continue;
            }

            var sources = settings.Select(s => RubricFacts.SourceName(s!.Sources[0])).Distinct(StringComparer.Ordinal).ToList();
            var who = sources.Count == 1 ? $"only by the {sources[0]}" : $"by one source per path ({RubricFacts.Quote(sources)})";
            var suggestion = sources.Count == 1 && sources[0] != "peer" ? $"[{sources[0]}, peer]" : "[manager, peer]";
            context.Report(
                Fr108.Id,
                RubricFacts.ParameterLocation(competency.Paths[0], "sources"),
                $"competency '{competency.Id}' is rated {who}, so one person's view decides the level and their idiosyncrasies go unchecked; "
                + $"count ratings from a second source with min-ratings: 2 (e.g. sources: {suggestion}), or add an alternative path on recorded outcomes",
                RubricFacts.At(competency));
        }
    }
}
