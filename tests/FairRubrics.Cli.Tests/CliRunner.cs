namespace FairRubrics.Cli.Tests;

/// <summary>Runs the command line in-process and captures its output.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepositoryRoot);
        try
        {
            var code = CliApp.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    /// <summary>The built command line (its runtime configuration is beside it), to run as its own process.</summary>
    /// <returns>The path of FairRubrics.Cli.dll.</returns>
    public static string BuiltAssembly()
    {
        var here = typeof(CliApp).Assembly.Location;
        if (File.Exists(Path.ChangeExtension(here, ".runtimeconfig.json")))
        {
            return here;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var built = Path.Combine(RepositoryRoot, "src", "FairRubrics.Cli", "bin", configuration, "net10.0", "FairRubrics.Cli.dll");
        File.Exists(built).Should().BeTrue($"the command line is built at {built}");
        return built;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FairRubrics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FairRubrics.sln not found");
    }
}

/// <summary>Tests that change the current directory must not run in parallel.</summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliTestGroup;
