using System.Globalization;
using FairRubrics.Model;

namespace FairRubrics.Evidence;

/// <summary>Turns the text fields of one evidence row into an <see cref="EvidenceItem"/>, or a reason the row is rejected.</summary>
internal static partial class EvidenceFields
{
    public static readonly string[] Names = ["subject", "type", "competency", "path", "value", "source", "rater", "date", "id"];

    private static readonly Dictionary<string, RaterSource> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["self"] = RaterSource.Self,
        ["manager"] = RaterSource.Manager,
        ["peer"] = RaterSource.Peer,
        ["report"] = RaterSource.Report,
        ["system"] = RaterSource.System,
    };

    /// <summary>
    /// Builds the item of one row, or the reason it is rejected. With a <c>pool</c> (the reader's), equal types,
    /// ids and consecutive subjects share one string instance.
    /// </summary>
    public static EvidenceRow Build(EvidenceStringPool? pool, long row, long line, string? subject, string? type, string? competency, string? path, string? value, string? source, string? rater, string? date, string? id)
    {
        if (NulField(subject, type, competency, path, source, rater, id) is { } nul)
        {
            return Reject(row, line, $"the '{nul}' field contains a NUL character (a \\u0000 escape or a 0 byte); ids and names never hold one");
        }

        // Every problem of the row is reported at once (joined), so that one fix makes the row good.
        List<string>? problems = null;
        subject = Clean(subject);
        type = Clean(type);
        if (subject is null)
        {
            Problem("the 'subject' field is empty; every row needs the id of the person assessed");
        }

        if (type is null)
        {
            Problem("the 'type' field is empty; write 'rating' or an occurrence type such as 'talk'");
        }

        competency = Clean(competency);
        path = Clean(path);
        double? number = null;
        var badNumber = false;
        if (Clean(value) is { } valueText)
        {
            if (!double.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
            {
                Problem("the 'value' field is not a finite number written with '.' (e.g. 3 or 3.5)");
                badNumber = true;
            }
            else
            {
                number = parsed;
            }
        }

        var isRating = string.Equals(type, EvidenceItem.RatingType, StringComparison.Ordinal);
        if (isRating)
        {
            if (competency is null || path is null)
            {
                Problem("a rating needs the 'competency' and 'path' it is for");
            }

            if (number is null && !badNumber)
            {
                Problem("a rating needs a 'value': the level given");
            }
        }
        else if (number is <= 0)
        {
            Problem("the 'value' of an occurrence is a positive quantity (default 1)");
        }

        var raterSource = RaterSource.System;
        if (Clean(source) is { } sourceText && !Sources.TryGetValue(sourceText, out raterSource))
        {
            Problem("the 'source' field must be one of self, manager, peer, report, system");
        }

        DateOnly? parsedDate = null;
        if (Clean(date) is { } dateText)
        {
            if (!TryParseDate(dateText, out var d))
            {
                Problem("the 'date' field is not an ISO 8601 date (YYYY-MM-DD)");
            }
            else
            {
                parsedDate = d;
            }
        }

        if (problems is not null)
        {
            return Reject(row, line, EvidenceRowProblems.Join(problems));
        }

        var raterId = Clean(rater);
        if (pool is not null)
        {
            subject = pool.Subject(subject!);
            type = pool.Intern(type)!;
            competency = pool.Intern(competency);
            path = pool.Intern(path);
            raterId = pool.Intern(raterId);
        }

        return new EvidenceRow(row, line, new EvidenceItem(subject!, type!, competency, path, number, raterSource, raterId, parsedDate, Clean(id), row), null);

        void Problem(string reason) => (problems ??= []).Add(reason);
    }

    public static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (text.Length > 10 && text[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var timestamp)
            && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            _ = timestamp;
            return true;
        }

        date = default;
        return false;
    }

    private static EvidenceRow Reject(long row, long line, string reason) => new(row, line, null, reason);

    /// <summary>The first field that holds a NUL character, or null: a NUL would let one id look like another where it is printed.</summary>
    private static string? NulField(string? subject, string? type, string? competency, string? path, string? source, string? rater, string? id)
    {
        static bool Nul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

        return Nul(subject) ? "subject" : Nul(type) ? "type" : Nul(competency) ? "competency" : Nul(path) ? "path"
            : Nul(source) ? "source" : Nul(rater) ? "rater" : Nul(id) ? "id" : null;
    }

    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
