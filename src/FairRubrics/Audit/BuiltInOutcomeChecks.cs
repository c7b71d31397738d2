using System.Globalization;
using FairRubrics.Audit.Statistics;
using FairRubrics.Checks;

namespace FairRubrics.Audit;

/// <summary>The ids of the built-in outcome findings.</summary>
public static class OutcomeCheckIds
{
    /// <summary>Adverse impact: selection-rate impact ratio below four fifths.</summary>
    public const string AdverseImpact = "FR201";

    /// <summary>Scoring-rate impact ratio below four fifths (Local Law 144 style).</summary>
    public const string ScoringRateImpact = "FR202";

    /// <summary>Overall scores differ by a notable effect size.</summary>
    public const string ScoreGap = "FR203";

    /// <summary>An alternative path that some group relies on scores systematically lower.</summary>
    public const string PathEquivalence = "FR204";

    /// <summary>A group has more insufficient-evidence competencies.</summary>
    public const string MissingEvidence = "FR205";

    /// <summary>A rater's ratings differ by group.</summary>
    public const string RaterEffect = "FR206";

    /// <summary>A group's impact ratio fell below four fifths, or by 0.1 or more, since the earlier cycle (<see cref="AuditOptions.Baseline"/>).</summary>
    public const string ImpactRatioFell = "FR207";
}

/// <summary>The built-in outcome checks FR201–FR207; registered through the same <c>AddOutcomeCheck&lt;T&gt;()</c> integrators use.</summary>
public static class BuiltInOutcomeChecks
{
    /// <summary>Creates the built-in checks (for use without a container).</summary>
    /// <returns>The checks.</returns>
    public static IReadOnlyList<IOutcomeCheck> All() =>
        [new AdverseImpactCheck(), new ScoringRateCheck(), new ScoreGapCheck(), new PathEquivalenceCheck(), new MissingEvidenceCheck(), new RaterEffectCheck(), new ImpactRatioChangeCheck()];

    internal static string Help(string id) => $"docs/checks/{id}.md";

    internal static string Label(IReadOnlyList<string> attributes, IReadOnlyList<string> values) =>
        string.Join(" × ", attributes.Zip(values, (a, v) => $"{a} '{v}'"));

    internal static string Pct(double value) => AuditText.NoNegativeZero(Math.Round(value * 100, 1, MidpointRounding.AwayFromZero)).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    internal static string Num(double value, int digits = 2) => AuditText.NoNegativeZero(Math.Round(value, digits, MidpointRounding.AwayFromZero)).ToString("0." + new string('#', digits), CultureInfo.InvariantCulture);

    /// <summary>"p &lt; 0.0001" or "p = 0.0123".</summary>
    internal static string P(double p) => p < 0.0001 ? "p < 0.0001" : "p = " + Num(p, 4);
}

/// <summary>FR201: a group's selection rate is below four fifths of the reference group's (exact on counts).</summary>
internal sealed class AdverseImpactCheck : IOutcomeCheck
{
    public IReadOnlyList<CheckDescriptor> Descriptors { get; } =
        [new(OutcomeCheckIds.AdverseImpact, "Selection rate below four fifths of the reference group", DiagnosticSeverity.Warning, BuiltInOutcomeChecks.Help(OutcomeCheckIds.AdverseImpact))];

    public void Check(AuditReport report, OutcomeCheckContext context)
    {
        foreach (var analysis in report.Analyses)
        {
            var reference = analysis.Groups.FirstOrDefault(g => g.IsReference);
            foreach (var g in analysis.Groups.Where(g => g.BelowFourFifths == true))
            {
                // Significance on the adjusted p when the audit adjusts (AuditOptions.PValueAdjustment), else the raw one.
                var tested = report.PValueAdjustment == PValueAdjustment.None ? g.FisherP : g.FisherPAdjusted;
                var significant = tested is { } p && p < context.Options.Alpha;
                var adjusted = report.PValueAdjustment == PValueAdjustment.None || g.FisherPAdjusted is null || g.FisherPAdjusted == g.FisherP
                    ? string.Empty
                    : $" ({AuditText.AdjustmentName(report.PValueAdjustment)}-adjusted {BuiltInOutcomeChecks.P(g.FisherPAdjusted.Value)})";
                var label = BuiltInOutcomeChecks.Label(analysis.Attributes, g.Values);
                var refLabel = BuiltInOutcomeChecks.Label(analysis.Attributes, analysis.Reference!);
                var fragile = g.FlipFlopFourFifths is { } people
                    ? $" Caution: with these small numbers, a different outcome for {(people == 1 ? "one person" : "two people")} would change the four-fifths result, so read it as a signal to investigate, not proof."
                    : g.FlipFlopSignificance is { } sig ? $" Caution: a different outcome for {(sig == 1 ? "one person" : "two people")} would move the test across p = {BuiltInOutcomeChecks.Num(context.Options.Alpha, 3)}." : string.Empty;
                var message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{label}: {BuiltInOutcomeChecks.Pct(g.SelectionRate!.Value)} favourable outcomes against {BuiltInOutcomeChecks.Pct(reference!.SelectionRate!.Value)} for {refLabel}, an impact ratio of {BuiltInOutcomeChecks.Num(g.ImpactRatio!.Value)} (below 0.8, the four-fifths rule). Fisher exact {BuiltInOutcomeChecks.P(g.FisherP!.Value)}{adjusted}{(significant ? ", statistically significant" : ", not statistically significant")}. {AuditText.Count(g.Shortfall)} more favourable outcome(s) would bring the group to the reference rate.{fragile} Look at which competency and path drive the gap (per-competency gaps and FR204) before acting.");
                context.Report(new AuditFinding(OutcomeCheckIds.AdverseImpact, DiagnosticSeverity.Warning, analysis.Attributes, g.Values, message), significant ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
            }
        }
    }
}

/// <summary>FR202: a group's scoring rate (share above the overall median) is below four fifths of the highest.</summary>
internal sealed class ScoringRateCheck : IOutcomeCheck
{
    public IReadOnlyList<CheckDescriptor> Descriptors { get; } =
        [new(OutcomeCheckIds.ScoringRateImpact, "Scoring rate below four fifths of the highest", DiagnosticSeverity.Warning, BuiltInOutcomeChecks.Help(OutcomeCheckIds.ScoringRateImpact))];

    public void Check(AuditReport report, OutcomeCheckContext context)
    {
        foreach (var analysis in report.Analyses)
        {
            foreach (var g in analysis.Groups.Where(g => g.ScoringImpactRatio is < 0.8))
            {
                var message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{BuiltInOutcomeChecks.Label(analysis.Attributes, g.Values)}: {BuiltInOutcomeChecks.Pct(g.ScoringRate!.Value)} score above the median overall score ({BuiltInOutcomeChecks.Num(report.MedianScore ?? 0)}), a scoring impact ratio of {BuiltInOutcomeChecks.Num(g.ScoringImpactRatio!.Value)} against the highest group (below 0.8). Check whether the group's evidence reaches the paths that score highest.");
                context.Report(new AuditFinding(OutcomeCheckIds.ScoringRateImpact, DiagnosticSeverity.Warning, analysis.Attributes, g.Values, message));
            }
        }
    }
}

/// <summary>FR203: overall scores differ from the reference group's by |Hedges' g| at or above the threshold.</summary>
internal sealed class ScoreGapCheck : IOutcomeCheck
{
    public IReadOnlyList<CheckDescriptor> Descriptors { get; } =
        [new(OutcomeCheckIds.ScoreGap, "Overall scores differ by a notable effect size", DiagnosticSeverity.Warning, BuiltInOutcomeChecks.Help(OutcomeCheckIds.ScoreGap))];

    public void Check(AuditReport report, OutcomeCheckContext context)
    {
        foreach (var analysis in report.Analyses)
        {
            foreach (var g in analysis.Groups.Where(g => g.HedgesG is { } h && Math.Abs(h) >= context.Options.EffectSizeThreshold))
            {
                // The competency with the largest gap in the direction of the overall gap.
                var lower = g.HedgesG!.Value < 0;
                var driver = g.Competencies.Where(c => c.HedgesG is not null).OrderBy(c => lower ? c.HedgesG : -c.HedgesG).FirstOrDefault();
                var driverText = driver is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" The largest gap is in '{driver.Competency}' (g = {BuiltInOutcomeChecks.Num(driver.HedgesG!.Value)}).");
                var message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{BuiltInOutcomeChecks.Label(analysis.Attributes, g.Values)}: mean overall score {BuiltInOutcomeChecks.Num(g.MeanScore!.Value)} against {BuiltInOutcomeChecks.Num(analysis.Groups.First(r => r.IsReference).MeanScore!.Value)} for the reference group, Hedges' g = {BuiltInOutcomeChecks.Num(g.HedgesG!.Value)} (|g| ≥ {BuiltInOutcomeChecks.Num(context.Options.EffectSizeThreshold)}).{driverText}");
                context.Report(new AuditFinding(OutcomeCheckIds.ScoreGap, DiagnosticSeverity.Warning, analysis.Attributes, g.Values, message) { Competency = driver?.Competency });
            }
        }
    }
}

/// <summary>
/// FR204: in a multi-path competency, subjects whose level comes through one path score lower (|g| at or above
/// the threshold against the other paths), and some group relies on that path more than everyone does.
/// </summary>
internal sealed class PathEquivalenceCheck : IOutcomeCheck
{
    public IReadOnlyList<CheckDescriptor> Descriptors { get; } =
        [new(OutcomeCheckIds.PathEquivalence, "An alternative path that a group relies on scores lower", DiagnosticSeverity.Warning, BuiltInOutcomeChecks.Help(OutcomeCheckIds.PathEquivalence))];

    public void Check(AuditReport report, OutcomeCheckContext context)
    {
        foreach (var path in report.Paths.Where(p => p.HedgesG is { } g && g <= -context.Options.EffectSizeThreshold))
        {
            var best = report.Paths.Where(p => p.Competency == path.Competency && p.MeanLevel is not null).OrderByDescending(p => p.MeanLevel).First();
            foreach (var analysis in report.Analyses)
            {
                foreach (var g in analysis.Groups.Where(g => !g.Suppressed))
                {
                    var share = g.PathMix.FirstOrDefault(m => m.Competency == path.Competency && m.Path == path.Path);
                    if (share is null || !ReliesMore(share, path, context.Options.PathRelianceThreshold))
                    {
                        continue;
                    }

                    var message = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{BuiltInOutcomeChecks.Label(analysis.Attributes, g.Values)} reaches '{path.Competency}' through path '{path.Path}' for {BuiltInOutcomeChecks.Pct(share.Share)} of its people against {BuiltInOutcomeChecks.Pct(path.Share)} overall, and people who reach it that way average level {BuiltInOutcomeChecks.Num(path.MeanLevel!.Value)} against {BuiltInOutcomeChecks.Num(best.MeanLevel!.Value)} through '{best.Path}' (g = {BuiltInOutcomeChecks.Num(path.HedgesG!.Value)}). The alternative route is not treated as equal in practice: check that '{path.Path}' can reach the same levels (thresholds, anchors, evidence recorded).");
                    context.Report(new AuditFinding(OutcomeCheckIds.PathEquivalence, DiagnosticSeverity.Warning, analysis.Attributes, g.Values, message) { Competency = path.Competency, Path = path.Path });
                }
            }
        }
    }

    /// <summary>
    /// Whether the group's share of the path exceeds the overall share by at least the threshold, decided on the
    /// counts behind both shares (a difference of exactly the threshold counts, whatever doubles make of it).
    /// </summary>
    private static bool ReliesMore(PathShare group, PathEquivalence overall, double threshold) =>
        group.Total > 0 && overall.Total > 0
            ? ExactShare.DifferenceAtLeast(group.Count, group.Total, overall.Subjects, overall.Total, threshold)
            : group.Share - overall.Share >= threshold;   // shares not made by the audit carry no counts
}

/// <summary>FR205: a group's share of insufficient-evidence competencies exceeds everyone's by the threshold.</summary>
internal sealed class MissingEvidenceCheck : IOutcomeCheck
{
    public IReadOnlyList<CheckDescriptor> Descriptors { get; } =
        [new(OutcomeCheckIds.MissingEvidence, "A group has more insufficient-evidence competencies", DiagnosticSeverity.Warning, BuiltInOutcomeChecks.Help(OutcomeCheckIds.MissingEvidence))];

    public void Check(AuditReport report, OutcomeCheckContext context)
    {
        if (report.OverallInsufficientEvidenceRate is not { } overall)
        {
            return;
        }

        foreach (var analysis in report.Analyses)
        {
            foreach (var g in analysis.Groups.Where(g => g.InsufficientEvidenceRate is { } rate && MissesMore(g, rate, report, overall, context.Options.MissingEvidenceThreshold)))
            {
                var message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{BuiltInOutcomeChecks.Label(analysis.Attributes, g.Values)}: {BuiltInOutcomeChecks.Pct(g.InsufficientEvidenceRate!.Value)} of competencies have too little evidence to score, against {BuiltInOutcomeChecks.Pct(overall)} overall. Missing evidence is not a low score: find out whether this group's work is recorded (ratings requested, contributions logged) as often as others'.");
                context.Report(new AuditFinding(OutcomeCheckIds.MissingEvidence, DiagnosticSeverity.Warning, analysis.Attributes, g.Values, message));
            }
        }
    }

    /// <summary>
    /// Whether a group's share of insufficient-evidence competencies exceeds everyone's by at least the threshold,
    /// decided exactly on the counts (the threshold read as the decimal it was written as), so that a difference
    /// of exactly the threshold is reported whatever its floating-point rounding; as FR204 decides.
    /// </summary>
    private static bool MissesMore(GroupResult group, double rate, AuditReport report, double overall, double threshold) =>
        group.InsufficientEvidence.Total > 0 && report.OverallInsufficientEvidence.Total > 0
            ? ExactShare.DifferenceAtLeast(group.InsufficientEvidence.Count, group.InsufficientEvidence.Total, report.OverallInsufficientEvidence.Count, report.OverallInsufficientEvidence.Total, threshold)
            : rate - overall >= threshold;   // rates not made by the audit carry no counts
}

/// <summary>FR206: a rater's ratings of one group differ from the same rater's ratings of others by |g| at or above the threshold.</summary>
internal sealed class RaterEffectCheck : IOutcomeCheck
{
    public IReadOnlyList<CheckDescriptor> Descriptors { get; } =
        [new(OutcomeCheckIds.RaterEffect, "A rater's ratings differ by group", DiagnosticSeverity.Warning, BuiltInOutcomeChecks.Help(OutcomeCheckIds.RaterEffect))];

    public void Check(AuditReport report, OutcomeCheckContext context)
    {
        foreach (var effect in context.RaterEffects.Where(e => e.HedgesG is { } g && Math.Abs(g) >= context.Options.RaterEffectThreshold))
        {
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"Rater '{effect.Rater}' gives {effect.Attribute} '{effect.Value}' a mean rating of {BuiltInOutcomeChecks.Num(effect.MeanRating)} ({effect.Ratings} ratings) against {BuiltInOutcomeChecks.Num(effect.OtherMeanRating)} for others ({effect.OtherRatings} ratings), Hedges' g = {BuiltInOutcomeChecks.Num(effect.HedgesG!.Value)}. Review this rater's ratings with their calibration group.");
            context.Report(new AuditFinding(OutcomeCheckIds.RaterEffect, DiagnosticSeverity.Warning, [effect.Attribute], [effect.Value], message) { Rater = effect.Rater });
        }
    }
}
