using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>
/// FR106: a competency whose every path depends on self-promotion or visibility: rating paths rated by the
/// person themselves only, or count/presence paths whose every evidence type names self-nomination or
/// visibility to leadership (visibility word list).
/// </summary>
internal sealed class VisibilityDependenceCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr106 = Describe(
        DesignCheckIds.VisibilityDependence,
        "VisibilityOrSelfPromotionDependence",
        "Evidence depends on self-promotion or visibility",
        DiagnosticSeverity.Warning,
        "The only evidence for a competency is self-nomination, self-rating or visibility to leadership, which measures willingness and opportunity to be seen as much as performance, and penalises people (often women) for whom self-promotion backfires.");

    protected override CheckDescriptor Descriptor => Fr106;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        foreach (var competency in rubric.Competencies)
        {
            var reasons = competency.Paths.Select(p => RubricFacts.VisibilityReason(p, Environment, rubric)).ToList();
            if (reasons.Any(r => r is null))
            {
                continue;
            }

            context.Report(
                Fr106.Id,
                competency.Location,
                $"the only evidence for competency '{competency.Id}' is self-promotion or visibility to leadership ({string.Join("; ", reasons)}): people who do not put themselves forward, or see senior leaders less often, score lower for the same work; "
                + "add a path on evidence that others record, e.g. a rating by manager and peers on outcomes (rule: rating, sources: [manager, peer], min-ratings: 2), or counts of work others built on",
                RubricFacts.At(competency));
        }
    }
}
