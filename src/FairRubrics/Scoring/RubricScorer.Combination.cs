using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

// Combination: competency levels from path levels, and the overall score and band by the missing-evidence policy.
public sealed partial class RubricScorer : IRubricScorer
{
    /// <summary>
    /// The overall score and band from competency levels (NaN = insufficient evidence) by the missing-evidence policy:
    /// the one arithmetic shared by scoring and guidance.
    /// </summary>
    internal static (ScoreStatus Status, double? Overall, string? Band) Overall(ScoringPlan plan, ReadOnlySpan<double> competencyLevels)
    {
        var rubric = plan.Rubric;
        double weightedSum = 0;
        double weightTotal = 0;
        var failed = false;
        var anyScored = false;
        var weights = plan.CompetencyWeights;
        var missing = rubric.MissingEvidence;
        for (var c = 0; c < competencyLevels.Length; c++)
        {
            var weight = weights[c];
            var l = competencyLevels[c];
            if (!double.IsNaN(l))
            {
                weightedSum += weight * l;
                weightTotal += weight;
                anyScored = true;
            }
            else
            {
                switch (missing)
                {
                    case MissingEvidencePolicy.Zero:
                        weightTotal += weight;
                        anyScored = true;
                        break;
                    case MissingEvidencePolicy.Fail:
                        failed = true;
                        break;
                }
            }
        }

        if (failed || !anyScored || weightTotal <= 0)
        {
            return (ScoreStatus.InsufficientEvidence, null, null);
        }

        var overall = weightedSum / weightTotal;
        foreach (var b in plan.Bands)
        {
            if (overall >= b.Min)
            {
                return (ScoreStatus.Scored, overall, b.Label);
            }
        }

        return (ScoreStatus.Scored, overall, null);
    }

    /// <summary>A competency's level and winning path from its paths' levels (NaN = no level), in the rubric's order.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="competency">The competency.</param>
    /// <param name="levels">The levels of the competency's paths.</param>
    /// <param name="start">The index of the competency's first path in the plan (for path weights).</param>
    internal static (double? Level, int Winner) Combine(ScoringPlan plan, Competency competency, ReadOnlySpan<double> levels, int start)
    {
        var level = CombineLevel(plan.PathWeights, competency.Combine, levels, start, out var winner);
        return winner < 0 ? (null, -1) : (level, winner);
    }

    /// <summary>
    /// <see cref="Combine"/> without the nullable tuple, for the scorer's loop: the level (NaN without one, or for
    /// a weighted mean whose weights are all zero) and the winning path (-1 without a level).
    /// </summary>
    private static double CombineLevel(double[] pathWeights, CombineMode mode, ReadOnlySpan<double> levels, int start, out int winner)
    {
        if (mode == CombineMode.BestOf)
        {
            return BestOf(levels, out winner);
        }

        var best = -1;

        double sum = 0, weightSum = 0;
        var weights = pathWeights.AsSpan(start, levels.Length);
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (double.IsNaN(level))
            {
                continue;
            }

            if (best < 0 || level > levels[best])
            {
                best = i;
            }

            var weight = mode == CombineMode.WeightedMean ? weights[i] : 1;
            sum += weight * level;
            weightSum += weight;
        }

        winner = best;
        if (best < 0)
        {
            return double.NaN;
        }

        return sum / weightSum;
    }
}
