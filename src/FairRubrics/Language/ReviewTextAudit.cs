using System.Globalization;
using FairRubrics.Audit;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Language;

/// <summary>
/// FR304: per analysis, each reported group against the union of the other reported groups (suppressed groups
/// and unknowns never enter a published comparison): rates of FR301, FR302 and FR303 findings (Fisher exact test)
/// and comment length (Hedges' g, Welch's statistic). Small groups are suppressed by distinct people, with the
/// outcome audit's complementary suppression.
/// </summary>
internal static class ReviewTextAudit
{
    public static ReviewTextReport Report(ReviewTextAccumulator acc, ReviewTextAuditOptions options, DiagnosticSeverity? severity)
    {
        ArgumentNullException.ThrowIfNull(acc);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var k = options.MinGroupSize;
        var cells = acc.Groups.Select(groups => (IReadOnlyList<CellSuppression.Cell>)[.. groups.Select(g => new CellSuppression.Cell(g.Key, g.Value.Values, g.Value.Subjects.Count))]).ToList();
        var decisions = CellSuppression.Decide(acc.Analyses, cells, acc.Subjects, k, options.ComplementarySuppression);

        var analyses = new List<ReviewTextAnalysis>();
        var findings = new List<ReviewTextGroupFinding>();
        for (var a = 0; a < acc.Analyses.Count; a++)
        {
            var attributes = acc.Analyses[a].Select(i => acc.Attributes[i]).ToArray();
            var decision = decisions[a];
            var groups = acc.Groups[a].OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var reported = groups.Where(g => !decision.Suppressed.ContainsKey(g.Key) && g.Value.Comments > 0).ToList();
            var results = new List<ReviewTextGroup>();
            foreach (var (key, counts) in groups)
            {
                if (decision.Suppressed.TryGetValue(key, out var reason) || counts.Comments == 0)
                {
                    results.Add(new ReviewTextGroup { Values = counts.Values, Suppression = counts.Comments == 0 ? SuppressionReason.SmallGroup : reason });
                    continue;
                }

                var others = new ReviewTextAccumulator.Counts();
                foreach (var (otherKey, other) in reported)
                {
                    if (!string.Equals(otherKey, key, StringComparison.Ordinal))
                    {
                        others.Merge(other);
                    }
                }

                var group = Figures(counts, others.Comments > 0 ? others : null);
                results.Add(group);
                if (severity is { } configured && others.Comments > 0)
                {
                    Check(findings, attributes, group, options, configured);
                }
            }

            analyses.Add(new ReviewTextAnalysis(
                attributes,
                decision.WithholdUnknown ? null : acc.Unknown[a].Subjects.Count,
                decision.WithholdUnknown ? null : acc.Unknown[a].Comments,
                decision.WithholdUnknown ? decision.Unreported : null,
                results));
        }

        var ordered = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => string.Join("\u001F", f.Attributes), StringComparer.Ordinal)
            .ThenBy(f => string.Join("\u001F", f.Values), StringComparer.Ordinal)
            .ThenBy(f => f.Measure, StringComparer.Ordinal)
            .ToList();
        return new ReviewTextReport(acc.Comments, acc.Subjects, k, Figures(acc.All, null), analyses, ordered);
    }

    private static ReviewTextGroup Figures(ReviewTextAccumulator.Counts g, ReviewTextAccumulator.Counts? others)
    {
        var words = g.Length.Count * g.Length.Mean;
        double? welchP = null;
        if (others is not null && g.Length.Variance is { } v1 && others.Length.Variance is { } v2)
        {
            var se = Math.Sqrt((v1 / g.Length.Count) + (v2 / others.Length.Count));
            welchP = se > 0 ? SpecialFunctions.NormalTwoSidedP((g.Length.Mean - others.Length.Mean) / se) : null;
        }

        return new ReviewTextGroup
        {
            Values = g.Values,
            Subjects = g.Subjects.Count,
            Comments = g.Comments,
            GenderCoded = Rate(g.GenderCoded, g.Comments, others?.GenderCoded, others?.Comments),
            Personality = Rate(g.Personality, g.Comments, others?.Personality, others?.Comments),
            Vague = Rate(g.Vague, g.Comments, others?.Vague, others?.Comments),
            AnyFinding = Rate(g.AnyFinding, g.Comments, others?.AnyFinding, others?.Comments),
            PersonalityWordsPerThousand = words > 0 ? 1000.0 * g.PersonalityWords / words : null,
            GenderCodedWordsPerThousand = words > 0 ? 1000.0 * g.GenderCodedWords / words : null,
            MeanWords = g.Length.Count > 0 ? g.Length.Mean : null,
            WordsStandardDeviation = g.Length.StandardDeviation,
            OthersMeanWords = others is { Length.Count: > 0 } ? others.Length.Mean : null,
            LengthHedgesG = others is null ? null : EffectSize.HedgesG(g.Length, others.Length),
            LengthP = welchP,
        };
    }

    private static string P(double p) => p < 0.0001 ? "p < 0.0001" : "p = " + BuiltInOutcomeChecks.P(p);

    private static ReviewTextRate Rate(long count, long comments, long? otherCount, long? otherComments)
    {
        var rate = count / (double)comments;
        if (otherCount is not { } oc || otherComments is not { } on || on == 0)
        {
            return new ReviewTextRate(count, rate, null, null, null);
        }

        var othersRate = oc / (double)on;
        var p = FisherExact.TwoSidedP(checked((int)count), checked((int)(comments - count)), checked((int)oc), checked((int)(on - oc)));
        return new ReviewTextRate(count, rate, othersRate, rate - othersRate, p);
    }

    private static void Check(List<ReviewTextGroupFinding> findings, string[] attributes, ReviewTextGroup g, ReviewTextAuditOptions options, DiagnosticSeverity configured)
    {
        var label = BuiltInOutcomeChecks.Label(attributes, g.Values);
        foreach (var (measure, rate, what, advice) in new[]
        {
            (ReviewTextCheckIds.GenderCoded, g.GenderCoded!, "describe the person with gender-coded words (FR301)", "ask reviewers to describe what the person did rather than their traits"),
            (ReviewTextCheckIds.Personality, g.Personality!, "judge personality rather than behaviour (FR302)", "ask reviewers what happened, and check whether the same behaviour is described neutrally for others"),
            (ReviewTextCheckIds.VagueFeedback, g.Vague!, "give no concrete example (FR303)", "read a sample of these comments with their reviewers and ask for a concrete example in each: vague feedback leaves this group with less to act on and less evidence in calibration"),
        })
        {
            if (rate.Difference is not { } difference || difference < options.RateDifferenceThreshold)
            {
                continue;
            }

            var significant = rate.FisherP < options.Alpha;
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"{label}: {BuiltInOutcomeChecks.Pct(rate.Rate)} of the {g.Comments} comments about this group {what}, against {BuiltInOutcomeChecks.Pct(rate.OthersRate!.Value)} for the other reported groups (a difference of {BuiltInOutcomeChecks.Pct(difference)}, threshold {BuiltInOutcomeChecks.Pct(options.RateDifferenceThreshold)}); Fisher exact {P(rate.FisherP!.Value)}{(significant ? ", statistically significant" : ", not statistically significant: read it as a signal to look closer")}. Comments about the same person are not independent, so treat p as optimistic; {advice}.");
            findings.Add(new ReviewTextGroupFinding(ReviewTextCheckIds.GroupDifferences, significant ? configured : DiagnosticSeverity.Info, attributes, g.Values, measure, message));
        }

        if (g.LengthHedgesG is { } hedges && hedges <= -options.LengthEffectSizeThreshold)
        {
            var significant = g.LengthP < options.Alpha;
            var p = g.LengthP is { } lengthP ? $"; {P(lengthP)}{(significant ? ", statistically significant" : ", not statistically significant")}" : string.Empty;
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"{label}: comments about this group are shorter, {BuiltInOutcomeChecks.Num(g.MeanWords!.Value, 1)} words on average against {BuiltInOutcomeChecks.Num(g.OthersMeanWords!.Value, 1)} for the other reported groups (Hedges' g = {BuiltInOutcomeChecks.Num(hedges)}, threshold -{BuiltInOutcomeChecks.Num(options.LengthEffectSizeThreshold)}){p}. Shorter feedback carries less evidence into calibration and promotion decisions; ask reviewers to write the same depth of feedback for everyone.");
            findings.Add(new ReviewTextGroupFinding(ReviewTextCheckIds.GroupDifferences, significant ? configured : DiagnosticSeverity.Info, attributes, g.Values, "length", message));
        }
    }
}
