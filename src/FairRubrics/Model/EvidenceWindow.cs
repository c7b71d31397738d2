namespace FairRubrics.Model;

/// <summary>How far back evidence counts: evidence older than this before the scoring date is ignored.</summary>
/// <param name="Months">Calendar months, when the window is written in months.</param>
/// <param name="Days">Days, when the window is written in days.</param>
/// <param name="Location">Where the window is written.</param>
public sealed record EvidenceWindow(int? Months, int? Days, SourceLocation Location)
{
    /// <summary>Gets the first date whose evidence still counts when scoring as of <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The scoring date.</param>
    /// <returns>The earliest counted date (inclusive).</returns>
    public DateOnly EarliestCountedDate(DateOnly asOf) =>
        Months is { } months ? asOf.AddMonths(-months) : asOf.AddDays(-(Days ?? 0));
}
