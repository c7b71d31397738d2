using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Model;

namespace FairRubrics.Evidence;

// The CSV fast path: the fields of a row that is all ASCII, as byte spans.
internal static partial class EvidenceFields
{
    private const NumberStyles ValueStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The ASCII bytes <see cref="string.Trim()"/> removes (<see cref="char.IsWhiteSpace(char)"/>).</summary>
    private static readonly bool[] AsciiWhiteSpace = [.. Enumerable.Range(0, 128).Select(c => char.IsWhiteSpace((char)c))];

    /// <summary>
    /// Builds the item of a valid row whose fields are all ASCII without NUL characters (the caller checks the line
    /// once), without a string for a value already pooled (types,
    /// competency, path and rater ids, a subject repeated from the row before); only the evidence id is made anew. The
    /// same item as <see cref="Build"/> of the fields' text. False, having built nothing, for a row that
    /// <see cref="Build"/> rejects or may word otherwise: the caller then gives it the fields as text, so every
    /// rejection is <see cref="Build"/>'s own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryBuildAscii(
        EvidenceStringPool pool,
        long row,
        long line,
        ReadOnlySpan<byte> subject,
        ReadOnlySpan<byte> type,
        ReadOnlySpan<byte> competency,
        ReadOnlySpan<byte> path,
        ReadOnlySpan<byte> value,
        ReadOnlySpan<byte> source,
        ReadOnlySpan<byte> rater,
        ReadOnlySpan<byte> date,
        ReadOnlySpan<byte> id,
        out EvidenceRow result)
    {
        result = default;
        subject = Trim(subject);
        type = Trim(type);
        if (subject.IsEmpty || type.IsEmpty)
        {
            return false;
        }

        competency = Trim(competency);
        path = Trim(path);
        value = Trim(value);
        double? number = null;
        if (!value.IsEmpty)
        {
            if (!DecimalText.TryParseShort(value, out var parsed)
                && (!double.TryParse(value, ValueStyles, CultureInfo.InvariantCulture, out parsed) || !double.IsFinite(parsed)))
            {
                return false;
            }

            number = parsed;
        }

        if (type.SequenceEqual("rating"u8))
        {
            if (competency.IsEmpty || path.IsEmpty || number is null)
            {
                return false;
            }
        }
        else if (number is <= 0)
        {
            return false;
        }

        source = Trim(source);
        var raterSource = RaterSource.System;
        if (!source.IsEmpty && !TrySource(source, out raterSource))
        {
            return false;
        }

        date = Trim(date);
        DateOnly? parsedDate = null;
        if (!date.IsEmpty)
        {
            if (TryParseIsoDate(date, out var d) || TryParseDate(Encoding.ASCII.GetString(date), out d))
            {
                parsedDate = d;
            }
            else
            {
                return false;
            }
        }

        rater = Trim(rater);
        id = Trim(id);
        var item = new EvidenceItem(
            pool.SubjectAscii(subject),
            pool.InternAscii(type),
            competency.IsEmpty ? null : pool.InternAscii(competency),
            path.IsEmpty ? null : pool.InternAscii(path),
            number,
            raterSource,
            rater.IsEmpty ? null : pool.InternAscii(rater),
            parsedDate,
            id.IsEmpty ? null : Encoding.ASCII.GetString(id),
            row);
        result = new EvidenceRow(row, line, item, null);
        return true;
    }

    /// <summary>An ASCII field without the white space <see cref="string.Trim()"/> removes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> ascii)
    {
        var start = 0;
        var end = ascii.Length;
        while (start < end && AsciiWhiteSpace[ascii[start]])
        {
            start++;
        }

        while (end > start && AsciiWhiteSpace[ascii[end - 1]])
        {
            end--;
        }

        return ascii[start..end];
    }

    /// <summary>A date written <c>YYYY-MM-DD</c> exactly (what <c>DateOnly.TryParseExact</c> with that format accepts of 10 ASCII bytes).</summary>
    private static bool TryParseIsoDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;

        static int Digits(ReadOnlySpan<byte> digits)
        {
            var n = 0;
            foreach (var b in digits)
            {
                var digit = b - '0';
                if ((uint)digit > 9)
                {
                    return -1;
                }

                n = (n * 10) + digit;
            }

            return n;
        }
    }

    /// <summary>The source named, matched as <see cref="Sources"/> matches it (ordinal, ignoring case) for ASCII text.</summary>
    private static bool TrySource(ReadOnlySpan<byte> text, out RaterSource source)
    {
        source = Ascii.EqualsIgnoreCase(text, "manager"u8) ? RaterSource.Manager
            : Ascii.EqualsIgnoreCase(text, "peer"u8) ? RaterSource.Peer
            : Ascii.EqualsIgnoreCase(text, "self"u8) ? RaterSource.Self
            : Ascii.EqualsIgnoreCase(text, "report"u8) ? RaterSource.Report
            : Ascii.EqualsIgnoreCase(text, "system"u8) ? RaterSource.System
            : (RaterSource)(-1);
        return source != (RaterSource)(-1);
    }
}
