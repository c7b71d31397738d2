using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Tests.Guidance;

/// <summary>Turns a route's advice into the evidence an employee would record: exactly what it says, dated on the scoring date.</summary>
internal static class SuggestedEvidence
{
    /// <summary>
    /// The evidence a route asks for. Occurrences come in a random mix of the listed types (or all of the first type
    /// without <paramref name="random"/>); ratings at the minimum level (or, with <paramref name="random"/>, anywhere
    /// from it to the top) for those that need it and at 1 (or anywhere) for the rest, from a listed source.
    /// </summary>
    public static List<EvidenceItem> For(PathRoute route, Competency competency, string subject, DateOnly asOf, int top, Random? random = null, int? countOverride = null)
    {
        var items = new List<EvidenceItem>();
        foreach (var need in route.Advice!.Needs)
        {
            switch (need)
            {
                case OccurrenceNeed o:
                    for (var i = 0; i < (countOverride ?? o.Count); i++)
                    {
                        var type = random is null ? o.Types[0] : o.Types[random.Next(o.Types.Count)];
                        items.Add(new EvidenceItem(subject, type, Date: asOf, Id: $"new-{type}-{i}"));
                    }

                    break;
                case RatingNeed r:
                    var count = countOverride ?? r.Count;
                    for (var i = 0; i < count; i++)
                    {
                        var high = countOverride is not null || i < r.CountAtMinimum;
                        var low = countOverride is not null ? top : high ? r.MinimumLevel : 1;
                        var value = random is null ? low : random.Next(low, top + 1);
                        var source = r.Sources.Count == 0
                            ? (random is null ? RaterSource.Manager : (RaterSource)random.Next(5))
                            : r.Sources[random?.Next(r.Sources.Count) ?? 0];
                        items.Add(new EvidenceItem(subject, "rating", competency.Id, route.Path.Id, value, source, $"rater-{i}", asOf, $"new-rating-{i}"));
                    }

                    break;
                default:
                    throw new InvalidOperationException("cannot materialise " + need);
            }
        }

        return items;
    }
}
