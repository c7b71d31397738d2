using System.Globalization;
using System.Text.Json;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace Acme.HrService.Api;

/// <summary>One problem of a posted batch: the item's 0-based index, the field, and what is wrong.</summary>
internal sealed record ItemProblem(int Index, string? Field, string Message);

/// <summary>
/// Reads a posted JSON array of evidence objects with the evidence file's field names (<c>subject</c>, <c>type</c>,
/// <c>competency</c>, <c>path</c>, <c>value</c>, <c>source</c>, <c>rater</c>, <c>date</c>, <c>id</c>) and checks each
/// item as the evidence readers do. Every problem is reported with its item index and field; a batch with any
/// problem yields no items. A field that is not an evidence field is a problem too: protected attributes never
/// travel with evidence (they have their own endpoint and table).
/// </summary>
internal static class EvidenceBatch
{
    /// <summary>The most items one request may carry.</summary>
    public const int MaxItems = 100_000;

    /// <summary>The most problems one response lists.</summary>
    public const int MaxProblems = 100;

    private const int MaxTextLength = 256;

    private static readonly Dictionary<string, RaterSource> Sources = new(StringComparer.Ordinal)
    {
        ["self"] = RaterSource.Self,
        ["manager"] = RaterSource.Manager,
        ["peer"] = RaterSource.Peer,
        ["report"] = RaterSource.Report,
        ["system"] = RaterSource.System,
    };

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "subject", "type", "competency", "path", "value", "source", "rater", "date", "id" };

    public static (List<EvidenceItem> Items, List<ItemProblem> Problems) Read(JsonElement root)
    {
        var items = new List<EvidenceItem>();
        var problems = new List<ItemProblem>();
        if (root.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ItemProblem(-1, null, "the body must be a JSON array of evidence objects"));
            return (items, problems);
        }

        var count = root.GetArrayLength();
        if (count == 0)
        {
            problems.Add(new ItemProblem(-1, null, "the array is empty; send at least one evidence object"));
        }
        else if (count > MaxItems)
        {
            problems.Add(new ItemProblem(-1, null, $"the array has {count} items; send at most {MaxItems} a request"));
        }

        if (problems.Count > 0)
        {
            return (items, problems);
        }

        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            if (ReadItem(element, index, problems) is { } item)
            {
                items.Add(item);
            }

            index++;
        }

        if (problems.Count > 0)
        {
            items.Clear();
        }

        return (items, problems);
    }

    private static EvidenceItem? ReadItem(JsonElement element, int index, List<ItemProblem> problems)
    {
        var before = problems.Count;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ItemProblem(index, null, "each item must be a JSON object with the evidence fields"));
            return null;
        }

        string? subject = null, type = null, competency = null, path = null, source = null, rater = null, date = null, id = null;
        double? value = null;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (!Fields.Contains(name))
            {
                problems.Add(new ItemProblem(index, name, $"'{Shorten(name)}' is not an evidence field (subject, type, competency, path, value, source, rater, date, id); protected attributes go to PUT /people/{{id}}/attributes, never into evidence"));
                continue;
            }

            if (name == "value")
            {
                value = ReadNumber(property.Value, index, problems);
                continue;
            }

            var text = ReadText(property.Value, index, name, problems);
            switch (name)
            {
                case "subject": subject = text; break;
                case "type": type = text; break;
                case "competency": competency = text; break;
                case "path": path = text; break;
                case "source": source = text; break;
                case "rater": rater = text; break;
                case "date": date = text; break;
                default: id = text; break;
            }
        }

        if (subject is null && !Reported(problems, before, "subject"))
        {
            problems.Add(new ItemProblem(index, "subject", "required: the id of the person assessed"));
        }

        if (type is null && !Reported(problems, before, "type"))
        {
            problems.Add(new ItemProblem(index, "type", "required: 'rating', or an occurrence type such as 'talk'"));
        }

        if (string.Equals(type, EvidenceItem.RatingType, StringComparison.Ordinal))
        {
            if (competency is null && !Reported(problems, before, "competency"))
            {
                problems.Add(new ItemProblem(index, "competency", "a rating needs the competency it is for"));
            }

            if (path is null && !Reported(problems, before, "path"))
            {
                problems.Add(new ItemProblem(index, "path", "a rating needs the path it is for"));
            }

            if (value is null && !Reported(problems, before, "value"))
            {
                problems.Add(new ItemProblem(index, "value", "a rating needs a value: the level given"));
            }
        }
        else if (value is <= 0)
        {
            problems.Add(new ItemProblem(index, "value", "the value of an occurrence is a positive quantity (default 1)"));
        }

        var raterSource = RaterSource.System;
        if (source is not null && !Sources.TryGetValue(source, out raterSource))
        {
            problems.Add(new ItemProblem(index, "source", "must be one of self, manager, peer, report, system"));
        }

        DateOnly? day = null;
        if (date is not null)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                day = parsed;
            }
            else
            {
                problems.Add(new ItemProblem(index, "date", "not an ISO 8601 date written as YYYY-MM-DD"));
            }
        }

        return problems.Count > before ? null : new EvidenceItem(subject!, type!, competency, path, value, raterSource, rater, day, id);
    }

    private static bool Reported(List<ItemProblem> problems, int from, string field)
    {
        for (var i = from; i < problems.Count; i++)
        {
            if (string.Equals(problems[i].Field, field, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ReadText(JsonElement value, int index, string field, List<ItemProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new ItemProblem(index, field, "must be a JSON string"));
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add(new ItemProblem(index, field, "contains a NUL character; ids and names never hold one"));
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            problems.Add(new ItemProblem(index, field, $"is longer than {MaxTextLength} characters"));
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    private static double? ReadNumber(JsonElement value, int index, List<ItemProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            problems.Add(new ItemProblem(index, "value", "must be a finite JSON number (e.g. 3 or 3.5)"));
            return null;
        }

        return number;
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
