using System.Globalization;
using DuckDB.NET.Data;

namespace VsDuckDb;

/// <summary>
/// `fairrubrics score` against DuckDB's read + window filter + group-by of the same evidence CSV (the
/// parse-and-aggregate floor of scoring).
/// </summary>
internal static class ScoreJob
{
    public static int Run(Harness h)
    {
        var people = h.Option("--people", 20000);
        var runs = h.Option("--runs", 3);
        if (h.Cli() is not { } cli)
        {
            return 2;
        }

        var work = h.OptionText("--work") ?? Path.Combine(Path.GetTempPath(), "fairrubrics-score-bench");
        var sample = Path.Combine(work, people.ToString(CultureInfo.InvariantCulture));
        var evidence = Path.Combine(sample, "evidence.csv");
        if (!File.Exists(evidence))
        {
            Harness.Run(cli[0], [.. cli[1..], "sample", "--people", people.ToString(CultureInfo.InvariantCulture), "--seed", "1", "--out", sample]);
        }

        var rows = File.ReadLines(evidence).LongCount() - 1;
        string[] ours = [.. cli, "score", "--rubric", Path.Combine(h.Root, "rubrics", "professional-relationships.yaml"), "--evidence", evidence, "--as-of", "2026-06-30", "--out", Path.Combine(work, "scores.jsonl"), "--quiet"];
        string[] theirs = [.. Harness.Self(), "duckdb-score", evidence];
        var mine = new List<Measurement>();
        var duck = new List<Measurement>();
        for (var r = 0; r < runs; r++)
        {
            mine.Add(Harness.Timed(ours));
            duck.Add(Harness.Timed(theirs));
        }

        Harness.PrintTable(string.Create(CultureInfo.InvariantCulture, $"people {people}, evidence rows {rows}"), "fairrubrics score", mine, "DuckDB read_csv + window + GROUP BY", duck);
        return 0;
    }

    /// <summary>The DuckDB side, run in its own process: prints the number of groups.</summary>
    public static int DuckDb(string csv)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET threads = 2";
        command.ExecuteNonQuery();
        command.CommandText = $"""
            SELECT subject, type, competency, path, count(*) AS n, sum(coalesce(value, 1)) AS total
            FROM read_csv({Harness.SqlString(csv)}, header = true, all_varchar = false)
            WHERE date > DATE '2026-06-30' - INTERVAL 12 MONTH AND date <= DATE '2026-06-30'
            GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        long groups = 0;
        while (reader.Read())
        {
            groups++;
        }

        Console.WriteLine(groups.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
