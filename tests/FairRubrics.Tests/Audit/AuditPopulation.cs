using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>One synthetic person: the score result the audit reads, the attribute values joined to it, and a business unit for partitioning.</summary>
internal sealed record AuditPerson(AuditSubject Subject, string?[] Values, int Unit);

/// <summary>Builds audit populations directly (no files) and runs the auditor on them.</summary>
internal static class AuditPopulation
{
    public static readonly string[] Competencies = ["relationships", "delivery", "quality"];

    private static readonly string[] Paths = ["broad-network", "helping-others", "knowledge-sharing"];

    /// <summary>A scored subject with the given overall score; the band follows the reference rubric's thresholds (Exceptional 4.5, Strong 3.5, Solid 2.5).</summary>
    public static AuditSubject Scored(string id, double overall, string? relationshipsPath = "broad-network", double? relationshipsLevel = null, string? band = null) =>
        new(id, true, overall, band ?? Band(overall), [new("relationships", relationshipsLevel ?? overall, relationshipsPath), new("delivery", overall, "outcomes"), new("quality", overall, "work-review")], "audit-test");

    /// <summary>A subject whose status is insufficient-evidence (every competency without a level).</summary>
    public static AuditSubject Insufficient(string id) =>
        new(id, false, null, null, [new("relationships", null, null), new("delivery", null, null), new("quality", null, null)], "audit-test");

    public static string Band(double overall) => overall >= 4.5 ? "Exceptional" : overall >= 3.5 ? "Strong" : overall >= 2.5 ? "Solid" : "Developing";

    /// <summary>
    /// A random population: skewed categories with rare values (so small groups and small intersections occur),
    /// an unknown rate per attribute (sometimes none, so nothing hides behind unknowns), insufficient-evidence
    /// subjects, outcomes that depend a little on the group, winning paths, and a business unit per person.
    /// </summary>
    public static (string[] Attributes, List<AuditPerson> People) Random(int seed, int? size = null, int? attributeCount = null)
    {
        var random = new Random(seed);
        var attributes = (attributeCount ?? (random.Next(3) == 0 ? 3 : 2)) == 3 ? new[] { "gender", "ethnicity", "age-band" } : ["gender", "ethnicity"];
        var categories = new (string Value, double Weight)[][]
        {
            [("female", 45), ("male", 45), ("non-binary", random.Next(1, 4)), ("self-described", random.Next(0, 2))],
            [("Asian", 20), ("Black", random.Next(3, 20)), ("White", 40), ("Mixed, other", random.Next(0, 4)), ("Indigenous", random.Next(0, 3))],
            [("<30", 25), ("30-49", 45), ("50+", random.Next(5, 25)), ("60+", random.Next(0, 3))],
        };
        double[] unknownRates = [0, 0, 0.02, 0.06];
        var unknown = attributes.Select(_ => unknownRates[random.Next(unknownRates.Length)]).ToArray();
        var n = size ?? random.Next(40, 260);
        var people = new List<AuditPerson>(n);
        for (var i = 0; i < n; i++)
        {
            var values = new string?[attributes.Length];
            var shift = 0.0;
            for (var a = 0; a < attributes.Length; a++)
            {
                if (random.NextDouble() < unknown[a])
                {
                    continue;
                }

                var pick = Pick(random, categories[a]);
                values[a] = categories[a][pick].Value;
                shift += pick * 0.15;
            }

            var id = "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var unit = random.Next(4);
            if (random.NextDouble() < 0.05)
            {
                people.Add(new AuditPerson(Insufficient(id), values, unit));
                continue;
            }

            var overall = Math.Clamp(Math.Round((1.5 + (random.NextDouble() * 3.5) - shift) * 2) / 2, 1, 5);
            var path = Paths[random.Next(Paths.Length)];
            var level = Math.Clamp(overall + (path == "broad-network" ? 0.5 : 0), 1, 5);
            people.Add(new AuditPerson(Scored(id, overall, path, level), values, unit));
        }

        // One person with a value nobody else has, so that every population has a small group to protect.
        people[0].Values[0] = "two-spirit";
        return (attributes, people);
    }

    public static AuditOptions Options(string[] attributes, bool intersect = true, int minGroupSize = 5)
    {
        var options = new AuditOptions { MinGroupSize = minGroupSize, Intersect = intersect };
        options.FavourableBands.Add("Exceptional");
        options.FavourableBands.Add("Strong");
        foreach (var a in attributes)
        {
            options.Attributes.Add(a);
        }

        return options;
    }

    public static AuditAccumulator Accumulate(string[] attributes, IEnumerable<AuditPerson> people, bool intersect = true)
    {
        var accumulator = new AuditAccumulator(attributes, intersect);
        foreach (var person in people)
        {
            accumulator.Add(person.Subject, person.Values);
        }

        return accumulator;
    }

    public static AuditReport Report(string[] attributes, IEnumerable<AuditPerson> people, AuditOptions? options = null) =>
        new BiasAuditor().Report(Accumulate(attributes, people, options?.Intersect ?? true), options ?? Options(attributes));

    public static string Json(AuditReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            AuditJson.Write(writer, report);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static int Pick(Random random, (string Value, double Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var x = random.NextDouble() * total;
        for (var i = 0; i < choices.Length; i++)
        {
            x -= choices[i].Weight;
            if (x < 0 && choices[i].Weight > 0)
            {
                return i;
            }
        }

        return 0;
    }
}
