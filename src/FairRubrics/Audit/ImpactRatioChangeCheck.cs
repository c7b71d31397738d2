using System.Globalization;
using FairRubrics.Checks;

namespace FairRubrics.Audit;

/// <summary>
/// FR207: against the earlier cycle (<see cref="AuditOptions.Baseline"/>), a group's impact ratio was at or above 0.8
/// and is now below it, or fell by 0.1 or more. Only groups reported in both cycles are compared.
/// </summary>
internal sealed class ImpactRatioChangeCheck : IOutcomeCheck
{
    public IReadOnlyList<CheckDescriptor> Descriptors { get; } =
        [new(OutcomeCheckIds.ImpactRatioFell, "Impact ratio fell since the earlier cycle", DiagnosticSeverity.Warning, BuiltInOutcomeChecks.Help(OutcomeCheckIds.ImpactRatioFell))];

    public void Check(AuditReport report, OutcomeCheckContext context)
    {
        foreach (var analysis in report.Analyses)
        {
            foreach (var g in analysis.Groups.Where(g => g.Change is { } c && (c.FellBelowFourFifths || c.FellByAtLeastOneTenth)))
            {
                var change = g.Change!;
                var then = g.Baseline!;
                var what = change.FellBelowFourFifths
                    ? "below 0.8 (the four-fifths rule) after being at or above it"
                    : "a fall of " + BuiltInOutcomeChecks.Num(-change.ImpactRatio!.Value) + " (0.1 or more)";
                var test = change.ZP is { } zp
                    ? $"Fisher exact {BuiltInOutcomeChecks.P(change.FisherP)}, two-proportion z {BuiltInOutcomeChecks.P(zp)}"
                    : $"Fisher exact {BuiltInOutcomeChecks.P(change.FisherP)}";
                var message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{BuiltInOutcomeChecks.Label(analysis.Attributes, g.Values)}: impact ratio {BuiltInOutcomeChecks.Num(then.ImpactRatio!.Value)} in the earlier cycle and {BuiltInOutcomeChecks.Num(g.ImpactRatio!.Value)} now, {what}. Selection rate {BuiltInOutcomeChecks.Pct(then.SelectionRate!.Value)} then ({AuditText.Count(then.N)} scored) and {BuiltInOutcomeChecks.Pct(g.SelectionRate!.Value)} now ({AuditText.Count(g.N)} scored); the change in selection rate between the cycles: {test}. Find what changed since the earlier cycle (rubric version, evidence recorded, raters, who was assessed) before the gap settles in.");
                context.Report(new AuditFinding(OutcomeCheckIds.ImpactRatioFell, DiagnosticSeverity.Warning, analysis.Attributes, g.Values, message));
            }
        }
    }
}
