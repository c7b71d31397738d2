namespace VsDuckDb;

/// <summary>
/// FairRubrics side by side with DuckDB (NuGet DuckDB.NET.Data.Full, SET threads = 2) on the same files, each
/// measurement a child process under /usr/bin/time -v, the two sides alternating (benchmarks/README.md):
///   dotnet run -c Release --project benchmarks/compare/VsDuckDb -- score --people 20000 --runs 3 [--work DIR]
///   dotnet run -c Release --project benchmarks/compare/VsDuckDb -- audit --results 200000 --runs 3 [--work DIR]
/// Needs the CLI built in Release first (dotnet build -c Release src/FairRubrics.Cli) and /usr/bin/time; the
/// audit also needs /usr/bin/python3 with NumPy (benchmarks/compare/generate.py writes its files).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var h = new Harness(args);
        switch (args.FirstOrDefault())
        {
            case "score":
                return ScoreJob.Run(h);
            case "audit":
                return AuditJob.Run(h);
            case "duckdb-score" when args.Length == 2:
                return ScoreJob.DuckDb(args[1]);
            case "duckdb-audit" when args.Length == 3:
                return AuditJob.DuckDb(args[1], args[2]);
            default:
                Console.Error.WriteLine("usage: VsDuckDb score [--people N] | audit [--results N] [--runs R] [--work DIR]");
                return 2;
        }
    }
}
