using FairRubrics.Cli;

namespace FairRubrics.HrService.Tests;

/// <summary>Runs the fairrubrics command line in-process, for what the service must agree with.</summary>
public static class Cli
{
    private static readonly Lock Gate = new();

    public static (int ExitCode, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        lock (Gate)
        {
            var code = CliApp.Run(args, stdout, stderr);
            return (code, stderr.ToString());
        }
    }
}
