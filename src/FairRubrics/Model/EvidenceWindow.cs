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

    /// <summary>
    /// Gets the first scoring date on which evidence dated <paramref name="date"/> no longer counts: the smallest
    /// date <c>d</c> with <see cref="EarliestCountedDate"/>(<c>d</c>) after <paramref name="date"/>. With months,
    /// month ends are clamped as in <see cref="EarliestCountedDate"/> (evidence of 28 Feb in a 1-month window stops
    /// counting on 1 Apr, because 29-31 Mar minus a month is still 28 Feb).
    /// </summary>
    /// <param name="date">The evidence date.</param>
    /// <returns>The date, or null when it would lie beyond the calendar's end (year 9999).</returns>
    public DateOnly? StopsCountingOn(DateOnly date)
    {
        var span = (Months ?? 0) + 1;
        if (Months is null ? date.DayNumber > DateOnly.MaxValue.DayNumber - (Days ?? 0) - 1 : date > DateOnly.MaxValue.AddMonths(-span))
        {
            return null;
        }

        if (Months is not { } months)
        {
            return date.AddDays((Days ?? 0) + 1);
        }

        // EarliestCountedDate is non-decreasing in the scoring date and d.AddMonths(m).AddMonths(-m) <= d, so the
        // answer is at or after date + months; month-end clamping moves it at most a few days further.
        var candidate = date.AddMonths(months);
        while (EarliestCountedDate(candidate) <= date)
        {
            candidate = candidate.AddDays(1);
        }

        return candidate;
    }
}
