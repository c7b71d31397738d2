using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace VsDuckDb;

/// <summary>
/// `fairrubrics audit` by gender, ethnicity and their intersection against DuckDB reading the same JSON Lines and
/// CSV, joining them and counting scored and favourable results per group with GROUPING SETS. After every run the
/// report's counts are checked against DuckDB's, so both sides are known to have done the same counting.
/// </summary>
internal static class AuditJob
{
    private static readonly string[] Attributes = ["gender", "ethnicity"];

    public static int Run(Harness h)
    {
        var results = h.Option("--results", 200000);
        var runs = h.Option("--runs", 3);
        if (h.Cli() is not { } cli)
        {
            return 2;
        }

        var work = h.OptionText("--work") ?? Path.Combine(Path.GetTempPath(), "fairrubrics-compare-" + results.ToString(CultureInfo.InvariantCulture));
        var scores = Path.Combine(work, "scores.jsonl");
        var attributes = Path.Combine(work, "attributes.csv");
        if (!File.Exists(scores) || !File.Exists(attributes))
        {
            Harness.Run("/usr/bin/python3", [Path.Combine(h.Root, "benchmarks", "compare", "generate.py"), work, "--subjects", results.ToString(CultureInfo.InvariantCulture)], strict: true);
        }

        var report = Path.Combine(work, "audit-vs-duckdb.json");
        string[] ours = [.. cli, "audit", "--scores", scores, "--attributes", attributes, "--by", string.Join(',', Attributes), "--intersect", "--favourable", "Exceptional,Strong", "--format", "json", "--out", report, "--quiet"];
        string[] theirs = [.. Harness.Self(), "duckdb-audit", scores, attributes];
        var mine = new List<Measurement>();
        var duck = new List<Measurement>();
        var compared = 0;
        for (var r = 0; r < runs; r++)
        {
            File.Delete(report);
            mine.Add(Harness.Timed(ours));
            duck.Add(Harness.Timed(theirs));
            var disagreements = new List<string>();
            compared = Check(JsonNode.Parse(File.ReadAllText(report))!, JsonNode.Parse(duck[^1].Stdout)!.AsArray(), disagreements);
            if (disagreements.Count > 0)
            {
                Console.Error.WriteLine($"run {r + 1}: the report and DuckDB disagree:");
                disagreements.ForEach(d => Console.Error.WriteLine("  " + d));
                return 1;
            }
        }

        var megabytes = (new FileInfo(scores).Length + new FileInfo(attributes).Length) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"counts: {compared} compared with DuckDB in each run, all agree"));
        Harness.PrintTable(string.Create(CultureInfo.InvariantCulture, $"results {results} ({megabytes:0} MB of JSON Lines and CSV), by gender, ethnicity and gender x ethnicity"), "fairrubrics audit", mine, "DuckDB read_json + read_csv, join, GROUPING SETS", duck);
        return 0;
    }

    /// <summary>The DuckDB side, run in its own process: prints one JSON object per grouping-set row.</summary>
    public static int DuckDb(string scores, string attributes)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET threads = 2";
        command.ExecuteNonQuery();
        // An empty attribute cell is unknown, as in the audit; only results with status 'scored' are counted in
        // groups, and only those with a favourable band as favourable.
        command.CommandText = $$"""
            SELECT grouping(gender) AS gg, grouping(ethnicity) AS ge, gender, ethnicity,
                   count(*) AS results,
                   count(*) FILTER (WHERE r.status = 'scored') AS scored,
                   count(*) FILTER (WHERE r.status = 'scored' AND r.band IN ('Exceptional', 'Strong')) AS favourable
            FROM read_json({{Harness.SqlString(scores)}}, format = 'newline_delimited',
                           columns = {subject: 'VARCHAR', status: 'VARCHAR', band: 'VARCHAR'}) AS r
            LEFT JOIN (SELECT subject, nullif(gender, '') AS gender, nullif(ethnicity, '') AS ethnicity
                       FROM read_csv({{Harness.SqlString(attributes)}}, header = true, all_varchar = true)) AS a
                   USING (subject)
            GROUP BY GROUPING SETS ((), (gender), (ethnicity), (gender, ethnicity))
            """;
        using var reader = command.ExecuteReader();
        var rows = new JsonArray();
        while (reader.Read())
        {
            rows.Add(new JsonObject
            {
                ["gg"] = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                ["ge"] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                ["gender"] = reader.IsDBNull(2) ? null : reader.GetString(2),
                ["ethnicity"] = reader.IsDBNull(3) ? null : reader.GetString(3),
                ["results"] = Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                ["scored"] = Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                ["favourable"] = Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture),
            });
        }

        Console.WriteLine(rows.ToJsonString());
        return 0;
    }

    /// <summary>
    /// Compares every count of the report with DuckDB's: results, scored and insufficient-evidence results; per
    /// analysis every reported group's n and favourable count, and the unknown total or, when groups are withheld
    /// (suppressed, or not listed because they lie in a suppressed group), the unreported total: unknown plus every
    /// withheld group's scored results, so each scored result is accounted for once. Returns how many values
    /// were compared; disagreements are added to <paramref name="disagreements"/>.
    /// </summary>
    private static int Check(JsonNode report, JsonArray duck, List<string> disagreements)
    {
        var compared = 0;
        void Same(string what, long? ours, long theirs)
        {
            compared++;
            if (ours != theirs)
            {
                disagreements.Add($"{what}: FairRubrics {ours?.ToString(CultureInfo.InvariantCulture) ?? "null"}, DuckDB {theirs}");
            }
        }

        var total = duck.Single(d => (int)d!["gg"]! == 1 && (int)d["ge"]! == 1)!;
        Same("results", (long)report["subjects"]!, (long)total["results"]!);
        Same("scored", (long)report["scored"]!, (long)total["scored"]!);
        Same("insufficient evidence", (long)report["insufficientEvidence"]!, (long)total["results"]! - (long)total["scored"]!);
        foreach (var analysis in report["analyses"]!.AsArray())
        {
            var names = analysis!["attributes"]!.AsArray().Select(a => (string)a!).ToArray();
            var (gg, ge) = (names.Contains("gender") ? 0 : 1, names.Contains("ethnicity") ? 0 : 1);
            var rows = duck.Where(d => (int)d!["gg"]! == gg && (int)d["ge"]! == ge).ToList();
            string? Key(JsonNode row) => names.Any(n => row[n] is null) ? null : string.Join(" x ", names.Select(n => (string)row[n]!));
            var known = rows.Where(d => Key(d!) is not null).ToDictionary(d => Key(d!)!, d => ((long)d!["scored"]!, (long)d["favourable"]!));
            var unknown = rows.Where(d => Key(d!) is null).Sum(d => (long)d!["scored"]!);
            var where = string.Join(" x ", names);
            var listed = new HashSet<string>();
            long withheld = 0;
            foreach (var group in analysis["groups"]!.AsArray())
            {
                var key = string.Join(" x ", group!["values"]!.AsArray().Select(v => (string)v!));
                listed.Add(key);
                var (n, favourable) = known.GetValueOrDefault(key);
                if ((bool)group["suppressed"]!)
                {
                    withheld += n;
                    continue;
                }

                Same($"{where} = {key}: n", (long?)group["n"], n);
                Same($"{where} = {key}: favourable", (long?)group["favourable"], favourable);
            }

            // a group the report does not list (a cell inside a suppressed group) must be in its unreported total
            var unlisted = known.Where(k => k.Value.Item1 > 0 && !listed.Contains(k.Key)).ToList();
            if (analysis["unreported"] is null)
            {
                foreach (var (key, (n, _)) in unlisted)
                {
                    disagreements.Add($"{where} = {key}: {n} scored in DuckDB, not in the report");
                }
            }

            withheld += unlisted.Sum(k => k.Value.Item1);
            if (analysis["unknown"] is { } reportedUnknown)
            {
                Same($"{where}: unknown", (long)reportedUnknown, unknown);
            }

            if (analysis["unreported"] is { } unreported)
            {
                Same($"{where}: unreported (unknown and suppressed)", (long)unreported, unknown + withheld);
            }
        }

        return compared;
    }
}
