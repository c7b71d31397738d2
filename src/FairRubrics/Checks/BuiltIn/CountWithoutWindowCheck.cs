using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>FR109: a rubric with count or presence paths and no <c>window</c>: counts then accumulate over a whole career.</summary>
internal sealed class CountWithoutWindowCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr109 = Describe(
        DesignCheckIds.CountWithoutWindow,
        "CountWithoutWindow",
        "Counted evidence has no time window",
        DiagnosticSeverity.Info,
        "The rubric counts evidence but has no window, so counts grow with tenure: long-serving people outscore newer colleagues, returners and part-time staff for the same rate of contribution.");

    protected override CheckDescriptor Descriptor => Fr109;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        if (rubric.Window is not null)
        {
            return;
        }

        var counted = rubric.Competencies
            .SelectMany(c => c.Paths.Select(p => (Competency: c, Path: p)))
            .Where(x => RubricFacts.CountedTypes(x.Path) is not null)
            .ToList();
        if (counted.Count == 0)
        {
            return;
        }

        var first = counted[0];
        context.Report(
            Fr109.Id,
            first.Path.Score.RuleLocation,
            $"the rubric counts evidence ({RubricFacts.Quote(counted.Select(x => x.Competency.Id + "." + x.Path.Id))}) but has no 'window', so counts grow with tenure and long-serving people outscore newer colleagues for the same rate of contribution; add e.g. window: {{ months: 12 }}",
            null);
    }
}
