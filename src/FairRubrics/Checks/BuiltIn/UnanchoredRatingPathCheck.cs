using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>FR110: a rating path with no anchors: raters have no described behaviour to rate against.</summary>
internal sealed class UnanchoredRatingPathCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr110 = Describe(
        DesignCheckIds.UnanchoredRatingPath,
        "UnanchoredRatingPath",
        "Rating path without behavioural anchors",
        DiagnosticSeverity.Warning,
        "A rating path has no anchors, so each rater decides what each level means; behaviourally anchored scales exist to make raters agree on observable behaviour.");

    protected override CheckDescriptor Descriptor => Fr110;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        foreach (var competency in rubric.Competencies)
        {
            foreach (var path in competency.Paths)
            {
                if (path.Score.Settings is RatingRuleSettings && path.Anchors.Count == 0)
                {
                    context.Report(
                        Fr110.Id,
                        path.TitleLocation,
                        $"rating path '{path.Id}' has no anchors, so each rater decides what each level means and their own picture of a good performer fills the gap; "
                        + "add anchors that describe observable behaviour, at least for the lowest, a middle and the top level",
                        RubricFacts.At(competency, path));
                }
            }
        }
    }
}
