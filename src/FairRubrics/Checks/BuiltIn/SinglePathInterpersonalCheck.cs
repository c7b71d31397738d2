using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>FR101: an interpersonal competency with exactly one evidence path measures relationships one way only.</summary>
internal sealed class SinglePathInterpersonalCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr101 = Describe(
        DesignCheckIds.SinglePathInterpersonal,
        "SinglePathInterpersonalCompetency",
        "Interpersonal competency with a single evidence path",
        DiagnosticSeverity.Warning,
        "An interpersonal competency has only one evidence path, so relationships are measured one way only and people who build them in less socially overt ways (helping others succeed, sharing knowledge) cannot show the competency.");

    protected override CheckDescriptor Descriptor => Fr101;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        foreach (var competency in rubric.Competencies)
        {
            if (competency.Category != CompetencyCategory.Interpersonal || competency.Paths.Count != 1)
            {
                continue;
            }

            var path = competency.Paths[0];
            context.Report(
                Fr101.Id,
                competency.Location,
                $"the interpersonal competency '{competency.Id}' has a single evidence path ('{path.Id}'), so relationship building is measured one way only and people who build relationships differently get no credit; "
                + "add alternative paths under combine: best-of, e.g. helping others succeed (rule: count, of: [mentoring, cross-team-help]) and sharing knowledge (rule: count, of: [talk, doc, answered-question])",
                RubricFacts.At(competency));
        }
    }
}
