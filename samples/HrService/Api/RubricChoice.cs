using System.Globalization;
using FairRubrics.Catalog;
using FairRubrics.Model;

namespace Acme.HrService.Api;

/// <summary>Finds the rubric a request names (or the only one loaded) and the scoring date it asks for.</summary>
internal static class RubricChoice
{
    public static (Rubric? Rubric, IResult? Problem) Find(IRubricCatalog catalog, string? id, string title)
    {
        var loaded = catalog.Rubrics;
        if (string.IsNullOrWhiteSpace(id))
        {
            var ids = loaded.Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
            return ids.Count == 1
                ? (catalog.GetRubric(ids[0]), null)
                : (null, Problems.BadRequest(title, ids.Count == 0
                    ? "no rubric is loaded; check the rubric folder (HrService:Rubrics) and the service's log"
                    : $"name the rubric: one of {string.Join(", ", ids)}"));
        }

        return catalog.Find(id) is { } rubric
            ? (rubric, null)
            : (null, Problems.NotFound($"no rubric '{id}' is loaded"));
    }

    /// <summary>The scoring date: <paramref name="text"/> as YYYY-MM-DD, else today (UTC) from the clock.</summary>
    public static (DateOnly AsOf, IResult? Problem) AsOf(string? text, TimeProvider clock, string title)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (default, Problems.BadRequest(title, "'asOf' is not a date written as YYYY-MM-DD"));
    }
}
