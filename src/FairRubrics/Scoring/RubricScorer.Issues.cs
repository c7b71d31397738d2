using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

// The reasons an item does not count.
public sealed partial class RubricScorer : IRubricScorer
{
    /// <summary>The reasons an item does not count: built off the hot path, only when needed.</summary>
    private static class Issues
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue OtherSubject(in EvidenceItem item) => new(item, true, "the item belongs to another subject") { Kind = EvidenceIssueKind.OtherSubject };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue AfterScoringDate(in EvidenceItem item, DateOnly asOf) =>
            new(item, false, string.Create(CultureInfo.InvariantCulture, $"dated after the scoring date {asOf:yyyy-MM-dd}")) { Kind = EvidenceIssueKind.AfterScoringDate };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue OutsideWindow(in EvidenceItem item, DateOnly first) =>
            new(item, false, string.Create(CultureInfo.InvariantCulture, $"older than the rubric's window (counts from {first:yyyy-MM-dd})")) { Kind = EvidenceIssueKind.OutsideWindow };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue NoDate(in EvidenceItem item) =>
            new(item, true, "no 'date', but the rubric has a window: the date is needed to know whether the item counts") { Kind = EvidenceIssueKind.NoDate };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue RatingWithoutPath(in EvidenceItem item) =>
            new(item, true, item.Competency is null ? "a rating needs the 'competency' and 'path' it is for" : "a rating needs the 'path' it is for") { Kind = EvidenceIssueKind.RatingWithoutPath };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue UnknownCompetency(ScoringPlan plan, in EvidenceItem item) =>
            new(item, true, item.Competency is null ? "a 'path' is given without its 'competency'" : $"the rubric '{plan.Rubric.Id}' has no competency '{item.Competency}'")
            {
                Category = item.Competency is null ? "a 'path' is given without its 'competency'" : "the 'competency' is not one of the rubric's",
                Kind = EvidenceIssueKind.UnknownCompetency,
            };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue UnknownPath(in EvidenceItem item) => new(item, true, $"competency '{item.Competency}' has no path '{item.Path}'") { Category = "the 'path' is not one of its competency's", Kind = EvidenceIssueKind.UnknownPath };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue PathNotRated(in EvidenceItem item, ScoringPlan.PathPlan path) =>
            new(item, true, $"path '{item.Path}' of '{item.Competency}' is not scored by ratings (its rule is '{path.Path.Score.Rule}')") { Category = "a rating for a path that is not scored by ratings", Kind = EvidenceIssueKind.PathNotRated };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue OffScale(ScoringPlan plan, in EvidenceItem item) =>
            new(item, true, string.Create(CultureInfo.InvariantCulture, $"rating {item.Value} is outside the scale 1..{plan.Rubric.Scale.MaxLevel}"))
            {
                Category = string.Create(CultureInfo.InvariantCulture, $"the rating is outside the scale 1..{plan.Rubric.Scale.MaxLevel}"),
                Kind = EvidenceIssueKind.OffScale,
            };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue TypeNotCounted(in EvidenceItem item) =>
            new(item, false, $"path '{item.Path}' of '{item.Competency}' does not count evidence of type '{item.Type}'") { Category = "the path given does not count evidence of this 'type'", Kind = EvidenceIssueKind.TypeNotCounted };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue NotCounted(in EvidenceItem item) =>
            new(item, false, item.IsRating
                ? $"ratings from '{item.Source.ToString().ToLowerInvariant()}' do not count for path '{item.Path}' of '{item.Competency}'"
                : $"path '{item.Path}' of '{item.Competency}' does not count this item")
            {
                Category = item.IsRating ? $"ratings from '{item.Source.ToString().ToLowerInvariant()}' do not count for the path given" : "the path given does not count this item",
                Kind = EvidenceIssueKind.NotCounted,
            };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue NoPathForType(ScoringPlan plan, in EvidenceItem item, bool inCompetency) =>
            new(item, false, inCompetency
                ? $"no path of '{item.Competency}' counts evidence of type '{item.Type}'"
                : NoPathOfTheRubric(plan, item.Type))
            {
                Category = inCompetency ? "no path of the competency given counts evidence of this 'type'" : "no path of the rubric counts evidence of this 'type'",
                Kind = EvidenceIssueKind.NoPathForType,
            };

        private static string NoPathOfTheRubric(ScoringPlan plan, string type)
        {
            if (plan.NoPathForTypeReasons.TryGetValue(type, out var reason))
            {
                return reason;
            }

            reason = $"no path of the rubric '{plan.Rubric.Id}' counts evidence of type '{type}'";
            if (plan.NoPathForTypeReasons.Count < 1024)
            {
                plan.NoPathForTypeReasons.TryAdd(type, reason);
            }

            return reason;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue NoPathCountsItem(in EvidenceItem item) => new(item, false, $"no path counts this item of type '{item.Type}'") { Category = "no path counts this item", Kind = EvidenceIssueKind.NoPathCountsItem };

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceIssue QuantityTooLarge(in EvidenceItem item) =>
            new(item, true, "the 'value' makes the subject's total quantity too large to count (above 1.79e308, the largest number there is); the item is not used");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static FairRubricsException LevelOffScale(ScoringPlan.PathPlan path, double level, int max) =>
            new(string.Create(CultureInfo.InvariantCulture, $"The scoring rule '{path.Path.Score.Rule}' gave path '{path.Path.Id}' the level {level}, outside the scale 0..{max}; this is a defect in that rule."));
    }
}
