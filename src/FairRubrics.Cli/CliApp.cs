using System.CommandLine;
using System.CommandLine.Help;
using FairRubrics.Cli.Commands;

namespace FairRubrics.Cli;

/// <summary>The <c>fairrubrics</c> command line: parses arguments, runs a command, maps every failure to an exit code and one line.</summary>
internal static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    /// <summary>The command's name in usage and help: the tool's command, not the assembly's file name.</summary>
    public const string CommandName = "fairrubrics";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Not RootCommand: it takes its name from the running executable (FairRubrics.Cli, or the test host), and help
        // would show that instead of the tool's command. The root gets RootCommand's --help and --version itself.
        var root = new Command(CommandName, "FairRubrics: fair-assessment rubrics with alternative evidence paths, scoring and bias checks.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(LintCommand.Create(stdout, stderr));
        root.Subcommands.Add(ScoreCommand.Create(stdout, stderr));
        root.Subcommands.Add(AuditCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReviewTextCommand.Create(stdout, stderr));
        root.Subcommands.Add(RenderCommand.Create(stdout, stderr));
        root.Subcommands.Add(StatementCommand.Create(stdout, stderr));
        root.Subcommands.Add(SchemaCommand.Create(stdout, stderr));
        root.Subcommands.Add(SampleCommand.Create(stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr));
        root.Subcommands.Add(DemoCommand.Create(stdout, stderr));
        root.Subcommands.Add(LspCommand.Create(stdout, stderr));

        ParseResult parsed;
        try
        {
            parsed = root.Parse(args);
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"fairrubrics: error: {OneLine(ex.Message)}");
            return ExitUsage;
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var line in UsageErrors.Describe(parsed))
            {
                stderr.WriteLine($"fairrubrics: error: {line}");
            }

            stderr.WriteLine(UsageErrors.HelpLine(parsed.CommandResult.Command));
            return ExitUsage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException ex)
        {
            stderr.WriteLine($"fairrubrics: error: {OneLine(ex.Message)}");
            if (ex.ShowHelpLine)
            {
                stderr.WriteLine(UsageErrors.HelpLine(parsed.CommandResult.Command));
            }

            return ExitUsage;
        }
        catch (IOException ex) when (Output.StandardOutput.IsReaderGone(ex))
        {
            // `| head -1`: the reader has what it wanted; nothing more is written, as a Unix tool ends on SIGPIPE.
            return Output.StandardOutput.ExitReaderGone;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FairRubricsException)
        {
            stderr.WriteLine($"fairrubrics: error: {OneLine(ex.Message)}");
            return ExitUsage;
        }
#pragma warning disable CA1031 // The command line never shows a stack trace: anything unexpected becomes one line and exit 2.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"fairrubrics: internal error ({ex.GetType().Name}): {OneLine(ex.Message)}; please report this");
            return ExitUsage;
        }
    }

    internal static string OneLine(string text) =>
        string.Join(' ', text.ReplaceLineEndings(" ").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A usage problem found while running a command (missing file, bad option value): exit code 2 with one line.</summary>
internal sealed class CliUsageException(string message, bool showHelpLine = false) : Exception(message)
{
    /// <summary>
    /// Gets a value indicating whether the problem is in the words of the command line (an unknown option that reached
    /// a command), so that the usage hint follows as for parse errors; problems with files and values stay one line.
    /// </summary>
    public bool ShowHelpLine { get; } = showHelpLine;
}
