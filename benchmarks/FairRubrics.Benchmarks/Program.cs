using BenchmarkDotNet.Running;

namespace FairRubrics.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/FairRubrics.Benchmarks -- --filter '*'</c>;
/// or the audit's parse floor: <c>... -- floor SCORES.jsonl ATTRIBUTES.csv</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["floor", var scores, var attributes])
        {
            return ParseFloor.Run(scores, attributes);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
