using FairRubrics.Cli.Output;

namespace FairRubrics.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["audit", ..])
        {
            // The audit's line-by-line methods compile on the other processor while the command line starts.
            Audit.AuditWarmUp.Start();
        }

        using var stdout = StandardOutput.Open();
        using var watch = StandardOutput.Watch();
        return CliApp.Run(args, stdout, Console.Error);
    }
}
