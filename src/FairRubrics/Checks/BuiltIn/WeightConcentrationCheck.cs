using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>
/// FR107: interpersonal competencies, and competencies whose only evidence depends on visibility (FR106),
/// carry more than <see cref="DesignCheckOptions.MaxInterpersonalWeightShare"/> of the overall weight. Not
/// reported for a rubric with a single competency.
/// </summary>
internal sealed class WeightConcentrationCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr107 = Describe(
        DesignCheckIds.WeightConcentration,
        "WeightConcentration",
        "Interpersonal competencies carry too much of the overall weight",
        DiagnosticSeverity.Warning,
        "Interpersonal and visibility-dependent competencies carry more than the set share (default 40%) of the overall weight, so any bias in how relationships are judged dominates the overall result.");

    protected override CheckDescriptor Descriptor => Fr107;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        if (rubric.Competencies.Count < 2)
        {
            return;
        }

        var total = rubric.Competencies.Sum(c => c.Weight);
        var concentrated = rubric.Competencies
            .Where(c => c.Category == CompetencyCategory.Interpersonal || c.Paths.All(p => RubricFacts.VisibilityReason(p, Environment, rubric) is not null))
            .ToList();
        var weight = concentrated.Sum(c => c.Weight);
        var share = weight / total;
        if (concentrated.Count == 0 || share <= Environment.MaxInterpersonalWeightShare + 1e-12)
        {
            return;
        }

        var heaviest = concentrated.MaxBy(c => c.Weight)!;
        context.Report(
            Fr107.Id,
            heaviest.WeightLocation,
            $"interpersonal and visibility competencies ({RubricFacts.Quote(concentrated.Select(c => c.Id))}) carry {RubricFacts.Percent(share)} of the overall weight ({RubricFacts.Number(weight)} of {RubricFacts.Number(total)}), more than {RubricFacts.Percent(Environment.MaxInterpersonalWeightShare)}: "
            + $"how relationships are judged then decides most of the overall result; lower their weight (e.g. weight: 1 for '{heaviest.Id}') so that the result rests mostly on the work delivered",
            RubricFacts.At(heaviest) + ".weight");
    }
}
