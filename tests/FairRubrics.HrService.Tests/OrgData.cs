using System.Globalization;
using System.Text.Json.Nodes;

namespace FairRubrics.HrService.Tests;

/// <summary>The shipped sample organisation (samples/org: 1,000 people, about 30,000 evidence rows; no quoted fields).</summary>
public static class OrgData
{
    public static readonly string[] Fields = ["subject", "type", "competency", "path", "value", "source", "rater", "date", "id"];

    private static readonly Lazy<string[][]> Evidence = new(() => Read("evidence.csv"));
    private static readonly Lazy<string[][]> Attributes = new(() => Read("attributes.csv"));

    /// <summary>Gets the evidence rows (without the header) of the first <paramref name="subjects"/> people, or everyone's.</summary>
    public static string[][] EvidenceRows(int? subjects = null)
    {
        var rows = Evidence.Value;
        if (subjects is null)
        {
            return rows;
        }

        var keep = rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Take(subjects.Value).ToHashSet(StringComparer.Ordinal);
        return rows.Where(r => keep.Contains(r[0])).ToArray();
    }

    /// <summary>Gets the attribute header (subject, gender, ethnicity, age-band, department) and rows.</summary>
    public static (string[] Header, string[][] Rows) AttributeRows()
    {
        var header = File.ReadLines(Path.Combine(ServiceHost.RepositoryRoot, "samples", "org", "attributes.csv")).First().Split(',');
        return (header, Attributes.Value);
    }

    /// <summary>The rows as the JSON array POST /evidence takes: the file's field names, empty cells left out, value a number.</summary>
    public static JsonArray ToJson(IEnumerable<string[]> rows)
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var item = new JsonObject();
            for (var i = 0; i < Fields.Length; i++)
            {
                if (row[i].Length == 0)
                {
                    continue;
                }

                item[Fields[i]] = Fields[i] == "value" ? JsonValue.Create(double.Parse(row[i], CultureInfo.InvariantCulture)) : JsonValue.Create(row[i]);
            }

            array.Add(item);
        }

        return array;
    }

    /// <summary>Writes the rows as an evidence CSV file for the command line.</summary>
    public static string WriteCsv(IEnumerable<string[]> rows, string folder)
    {
        var path = Path.Combine(folder, "evidence.csv");
        File.WriteAllLines(path, new[] { string.Join(',', Fields) }.Concat(rows.Select(r => string.Join(',', r))));
        return path;
    }

    private static string[][] Read(string name) =>
        File.ReadLines(Path.Combine(ServiceHost.RepositoryRoot, "samples", "org", name)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
}
