using FairRubrics.Cli.Output;

namespace FairRubrics.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        using var stdout = StandardOutput.Open();
        using var watch = StandardOutput.Watch();
        return CliApp.Run(args, stdout, Console.Error);
    }
}
