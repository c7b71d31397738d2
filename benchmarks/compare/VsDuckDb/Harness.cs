using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VsDuckDb;

/// <summary>One timed child process: wall time, processor time (user + system) and peak resident memory.</summary>
internal readonly record struct Measurement(double Wall, double Cpu, double PeakMb, string Stdout);

/// <summary>What both jobs share: options, the repository, child processes under /usr/bin/time -v, medians, the table.</summary>
internal sealed partial class Harness(string[] args)
{
    /// <summary>The repository root (the folder holding FairRubrics.sln).</summary>
    public string Root { get; } = FindRoot();

    /// <summary>
    /// The command that starts FairRubrics: the installed tool given by <c>--tool</c> (the <c>fairrubrics</c> command
    /// that <c>dotnet tool install</c> puts in a folder: what users run, precompiled for their platform), else the CLI's
    /// build (Release unless --configuration says otherwise, as CI's smoke run does) under <c>dotnet</c>; or null (with
    /// a message on standard error) when it is missing.
    /// </summary>
    public string[]? Cli()
    {
        if (OptionText("--tool") is { } tool)
        {
            tool = Path.GetFullPath(tool);
            if (File.Exists(tool))
            {
                return [tool];
            }

            Console.Error.WriteLine($"{tool} is missing: install the tool first (benchmarks/README.md, 'The tool as users install it')");
            return null;
        }

        var configuration = OptionText("--configuration") ?? "Release";
        var cli = Path.Combine(Root, "src", "FairRubrics.Cli", "bin", configuration, "net10.0", "FairRubrics.Cli.dll");
        if (File.Exists(cli))
        {
            return ["dotnet", cli];
        }

        Console.Error.WriteLine($"build the CLI first: dotnet build -c {configuration} src/FairRubrics.Cli ({cli} is missing)");
        return null;
    }

    /// <summary>The command line that starts this tool again as a child (for the DuckDB side).</summary>
    public static string[] Self()
    {
        var self = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, typeof(Harness).Assembly.Location] : [self];
    }

    public int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string? OptionText(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Runs <paramref name="command"/> (file then arguments) under /usr/bin/time -v.</summary>
    public static Measurement Timed(string[] command)
    {
        var (stdout, stderr) = Run("/usr/bin/time", ["-v", .. command]);
        var wall = WallClock().Match(stderr);
        var seconds = (wall.Groups[1].Success ? Number(wall.Groups[1].Value) * 3600 : 0)
            + (Number(wall.Groups[2].Value) * 60)
            + Number(wall.Groups[3].Value);
        var cpu = Number(UserTime().Match(stderr).Groups[1].Value) + Number(SystemTime().Match(stderr).Groups[1].Value);
        var kb = Number(PeakResident().Match(stderr).Groups[1].Value);
        return new Measurement(seconds, cpu, kb / 1024, stdout);
    }

    /// <summary>Runs a command to its end; exit codes 0 and 1 (a report with findings) count as success unless <paramref name="strict"/>.</summary>
    public static (string Stdout, string Stderr) Run(string file, string[] arguments, bool strict = false)
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
        var stdout = stdoutTask.Result;
        if (process.ExitCode != 0 && (strict || process.ExitCode != 1))
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr}");
        }

        return (stdout, stderr);
    }

    public static double Median(IEnumerable<double> xs)
    {
        var a = xs.Order().ToArray();
        return a.Length % 2 == 1 ? a[a.Length / 2] : (a[(a.Length / 2) - 1] + a[a.Length / 2]) / 2;
    }

    /// <summary>Prints the medians of both sides and their ratios as a Markdown table.</summary>
    public static void PrintTable(string heading, string ours, IReadOnlyList<Measurement> mine, string theirs, IReadOnlyList<Measurement> duck)
    {
        var (w1, c1, m1) = (Median(mine.Select(o => o.Wall)), Median(mine.Select(o => o.Cpu)), Median(mine.Select(o => o.PeakMb)));
        var (w2, c2, m2) = (Median(duck.Select(o => o.Wall)), Median(duck.Select(o => o.Cpu)), Median(duck.Select(o => o.PeakMb)));
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{heading}, runs {mine.Count}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {load} at the end"));
        Console.WriteLine("| job | median wall (s) | median CPU (s) | median peak RSS (MB) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {ours} | {w1:0.00} | {c1:0.00} | {m1:0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {theirs} | {w2:0.00} | {c2:0.00} | {m2:0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio (FairRubrics / DuckDB) | {w1 / w2:0.00}x | {c1 / c2:0.00}x | {m1 / m2:0.00}x |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"walls: FairRubrics {string.Join(", ", mine.Select(m => m.Wall.ToString("0.00", CultureInfo.InvariantCulture)))}; DuckDB {string.Join(", ", duck.Select(m => m.Wall.ToString("0.00", CultureInfo.InvariantCulture)))}"));
    }

    /// <summary>A path quoted as a DuckDB SQL string literal.</summary>
    public static string SqlString(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string FindRoot()
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

    [GeneratedRegex(@"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"User time \(seconds\): ([\d.]+)")]
    private static partial Regex UserTime();

    [GeneratedRegex(@"System time \(seconds\): ([\d.]+)")]
    private static partial Regex SystemTime();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex PeakResident();
}
