using System.CommandLine;
using System.Globalization;
using FairRubrics.Checks;
using FairRubrics.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics lint PATH... [--format text|json|sarif] [--warnaserror] [--word-list FILE]... [--help-base-uri URI]</c>:
/// validates rubric files or folders and runs the design checks (<see cref="ILintRunner"/>).
/// </summary>
internal static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path") { Description = "Rubric files (*.yaml, *.yml) or folders to check.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors (exit code 1 when any warning is reported)." };
        var wordLists = new Option<string[]>("--word-list")
        {
            Description = "A word-list file (fairrubrics-words: 1) to use besides the built-in lists; repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var helpBase = HelpBaseUriOption.Create();
        var command = new Command("lint", "Validate rubric files and run the design checks; diagnostics are printed as path:line:col: severity FRnnn: message.") { paths, format, warnAsError, wordLists, helpBase };
        command.SetAction(parse => Run(
            command,
            parse.GetValue(paths)!,
            parse.GetValue(format)!,
            parse.GetValue(warnAsError),
            parse.GetValue(wordLists) ?? [],
            parse.GetValue(helpBase),
            stdout,
            stderr));
        return command;
    }

    private static int Run(Command command, string[] inputs, string format, bool warnAsError, string[] wordListFiles, string? helpBase, TextWriter stdout, TextWriter stderr)
    {
        var helpBaseUri = HelpBaseUriOption.Parse(helpBase);
        var lists = WordListFiles.Load(wordListFiles, stderr);

        // Unknown options first (System.CommandLine hands an unknown option of a command with file arguments over as a
        // file): they are mistakes in the command line, reported as for every other command.
        if (inputs.FirstOrDefault(i => i.StartsWith('-') && i.Length > 1 && !File.Exists(i) && !Directory.Exists(i)) is { } unknown)
        {
            throw new CliUsageException(UsageErrors.UnknownOption(unknown, command) + $" (a file whose name starts with '-' can be given as ./{unknown})", showHelpLine: true);
        }

        using var services = CliServices.Create(o =>
        {
            foreach (var list in lists)
            {
                o.DesignChecks.WordLists.Add(list);
            }
        });
        var result = services.GetRequiredService<ILintRunner>().RunAsync(new LintRequest(inputs)).GetAwaiter().GetResult();
        if (result.EmptyFolders is { Count: > 0 } empty)
        {
            foreach (var skipped in result.Diagnostics)
            {
                stderr.WriteLine(skipped.ToString());
            }

            // A CI job that lints a wrong path must not pass: a folder without rubric files is a usage error.
            throw new CliUsageException(empty.Count == 1
                ? $"no rubric files (*.yaml, *.yml) in {empty[0]}; give the folder or files that hold the rubrics"
                : $"no rubric files (*.yaml, *.yml) in {string.Join(", ", empty)}; give the folders or files that hold the rubrics");
        }

        if (format == "json")
        {
            stdout.WriteLine(LintJson.Write(result, helpBaseUri));
        }
        else if (format == "sarif")
        {
            stdout.WriteLine(SarifWriter.Write(result.Diagnostics, result.Descriptors, Directory.GetCurrentDirectory(), helpBaseUri));
        }
        else
        {
            WriteText(stdout, result, helpBaseUri);
        }

        if (result.HasUnreadable)
        {
            return CliApp.ExitUsage;
        }

        return result.Errors > 0 || (warnAsError && result.Warnings > 0) ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    private static void WriteText(TextWriter stdout, LintRunResult result, Uri? helpBaseUri)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            stdout.WriteLine(diagnostic.ToString());
        }

        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Files.Count} file(s) checked, {result.Rubrics.Count} rubric(s) loaded: {result.Errors} error(s), {result.Warnings} warning(s), {result.Infos} info(s)"));
        foreach (var id in result.Diagnostics.Select(d => d.Id).Where(result.Descriptors.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var descriptor = result.Descriptors[id];
            var help = SarifWriter.HelpUri(descriptor.HelpUri, helpBaseUri);
            stdout.WriteLine(help is null ? $"  {id}: {descriptor.Title}" : $"  {id}: {descriptor.Title}, see {help}");
        }
    }
}
