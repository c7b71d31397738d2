using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

// `fairrubrics score` against DuckDB's read + window filter + group-by of the same evidence CSV, side by side.
//   dotnet run -c Release --project benchmarks/compare/ScoreVsDuckDb -- --people 20000 --runs 3 [--work DIR]
// Needs the CLI built in Release first (dotnet build -c Release src/FairRubrics.Cli) and /usr/bin/time.
// Each measurement is a child process under /usr/bin/time -v (wall time and peak resident memory), the two jobs
// alternating; DuckDB runs with SET threads = 2.
if (args.Length == 2 && args[0] == "--duckdb")
{
    Console.WriteLine(DuckDbJob(args[1]).ToString(CultureInfo.InvariantCulture));
    return 0;
}

var people = Option("--people", 20000);
var runs = Option("--runs", 3);
var root = FindRoot();
var work = OptionText("--work") ?? Path.Combine(Path.GetTempPath(), "fairrubrics-score-bench");
var cli = Path.Combine(root, "src", "FairRubrics.Cli", "bin", "Release", "net10.0", "FairRubrics.Cli.dll");
if (!File.Exists(cli))
{
    Console.Error.WriteLine($"build the CLI first: dotnet build -c Release src/FairRubrics.Cli ({cli} is missing)");
    return 2;
}

var sample = Path.Combine(work, people.ToString(CultureInfo.InvariantCulture));
var evidence = Path.Combine(sample, "evidence.csv");
if (!File.Exists(evidence))
{
    Run("dotnet", [cli, "sample", "--people", people.ToString(CultureInfo.InvariantCulture), "--seed", "1", "--out", sample]);
}

var rows = File.ReadLines(evidence).LongCount() - 1;
var scoreArgs = new[] { cli, "score", "--rubric", Path.Combine(root, "rubrics", "professional-relationships.yaml"), "--evidence", evidence, "--as-of", "2026-06-30", "--out", Path.Combine(work, "scores.jsonl"), "--quiet" };
var self = Environment.ProcessPath!;
var selfArgs = Path.GetFileNameWithoutExtension(self) == "dotnet" ? new[] { typeof(Program).Assembly.Location } : [];
var ours = new List<(double Wall, double PeakMb)>();
var theirs = new List<(double Wall, double PeakMb)>();
for (var r = 0; r < runs; r++)
{
    ours.Add(Timed("dotnet", scoreArgs));
    theirs.Add(Timed(self, [.. selfArgs, "--duckdb", evidence]));
}

double Median(IEnumerable<double> xs)
{
    var a = xs.Order().ToArray();
    return a.Length % 2 == 1 ? a[a.Length / 2] : (a[(a.Length / 2) - 1] + a[a.Length / 2]) / 2;
}

var (w1, m1) = (Median(ours.Select(o => o.Wall)), Median(ours.Select(o => o.PeakMb)));
var (w2, m2) = (Median(theirs.Select(o => o.Wall)), Median(theirs.Select(o => o.PeakMb)));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"people {people}, evidence rows {rows}, runs {runs}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
Console.WriteLine("| job | median wall (s) | median peak RSS (MB) |");
Console.WriteLine("|---|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| fairrubrics score | {w1:0.00} | {m1:0} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| DuckDB read_csv + window + GROUP BY | {w2:0.00} | {m2:0} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio (FairRubrics / DuckDB) | {w1 / w2:0.00}x | {m1 / m2:0.00}x |"));
return 0;

static long DuckDbJob(string csv)
{
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SET threads = 2";
    command.ExecuteNonQuery();
    command.CommandText = $"""
        SELECT subject, type, competency, path, count(*) AS n, sum(coalesce(value, 1)) AS total
        FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true, all_varchar = false)
        WHERE date > DATE '2026-06-30' - INTERVAL 12 MONTH AND date <= DATE '2026-06-30'
        GROUP BY ALL
        """;
    using var reader = command.ExecuteReader();
    long groups = 0;
    while (reader.Read())
    {
        groups++;
    }

    return groups;
}

static (double Wall, double PeakMb) Timed(string file, string[] arguments)
{
    var stderr = Run("/usr/bin/time", ["-v", file, .. arguments]);
    var wall = Regex.Match(stderr, @"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)");
    var seconds = (wall.Groups[1].Success ? double.Parse(wall.Groups[1].Value, CultureInfo.InvariantCulture) * 3600 : 0)
        + (double.Parse(wall.Groups[2].Value, CultureInfo.InvariantCulture) * 60)
        + double.Parse(wall.Groups[3].Value, CultureInfo.InvariantCulture);
    var kb = double.Parse(Regex.Match(stderr, @"Maximum resident set size \(kbytes\): (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    return (seconds, kb / 1024);
}

static string Run(string file, string[] arguments)
{
    var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (var a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var stdoutTask = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEnd();
    process.WaitForExit();
    _ = stdoutTask.Result;
    if (process.ExitCode is not (0 or 1))
    {
        throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr}");
    }

    return stderr;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "FairRubrics.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the repository");
}

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
