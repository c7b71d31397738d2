using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Checks;
using FairRubrics.Cli.Output;
using FairRubrics.Language;
using FairRubrics.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics lint PATH... [--format text|json|sarif] [--warnaserror] [--word-list FILE]... [--help-base-uri URI]</c>:
/// validates rubric files or folders and runs the design checks.
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
            parse.GetValue(paths)!,
            parse.GetValue(format)!,
            parse.GetValue(warnAsError),
            parse.GetValue(wordLists) ?? [],
            parse.GetValue(helpBase),
            stdout,
            stderr));
        return command;
    }

    private static int Run(string[] inputs, string format, bool warnAsError, string[] wordListFiles, string? helpBase, TextWriter stdout, TextWriter stderr)
    {
        var helpBaseUri = HelpBaseUriOption.Parse(helpBase);

        var lists = WordListFiles.Load(wordListFiles, stderr);

        var files = new List<string>();
        var walkDiagnostics = new List<Diagnostic>();
        var empty = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var search = RubricLoader.FindRubricFiles(input);
                if (search.Files.Count == 0 && !search.Diagnostics.Any(d => d.IsError))
                {
                    empty.Add(input);
                }

                files.AddRange(search.Files);
                walkDiagnostics.AddRange(search.Diagnostics);
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else if (input.StartsWith('-'))
            {
                // System.CommandLine hands an unknown option of a command with file arguments over as a file.
                throw new CliUsageException($"unrecognised option '{input}' (see 'fairrubrics lint --help'; a file whose name starts with '-' can be given as ./{input})");
            }
            else
            {
                throw new CliUsageException($"no such file or folder: {input}");
            }
        }

        if (empty.Count > 0)
        {
            foreach (var skipped in walkDiagnostics)
            {
                stderr.WriteLine(skipped.ToString());
            }

            // A CI job that lints a wrong path must not pass: a folder without rubric files is a usage error.
            throw new CliUsageException(empty.Count == 1
                ? $"no rubric files (*.yaml, *.yml) in {empty[0]}; give the folder or files that hold the rubrics"
                : $"no rubric files (*.yaml, *.yml) in {string.Join(", ", empty)}; give the folders or files that hold the rubrics");
        }

        using var services = CliServices.Create(o =>
        {
            foreach (var list in lists)
            {
                o.DesignChecks.WordLists.Add(list);
            }
        });
        var loader = services.GetRequiredService<RubricLoader>();
        var linter = services.GetRequiredService<IRubricLinter>();
        var set = loader.LoadFiles(files.Distinct(StringComparer.Ordinal));

        var diagnostics = new List<Diagnostic>(walkDiagnostics.Count + set.Diagnostics.Count);
        diagnostics.AddRange(walkDiagnostics);
        diagnostics.AddRange(set.Diagnostics);
        foreach (var rubric in set.Rubrics)
        {
            diagnostics.AddRange(linter.Lint(rubric));
        }

        var ordered = diagnostics
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var errors = ordered.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = ordered.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = ordered.Count - errors - warnings;

        if (format == "json")
        {
            WriteJson(stdout, set, ordered, linter.Descriptors, helpBaseUri, errors, warnings, infos);
        }
        else if (format == "sarif")
        {
            stdout.WriteLine(SarifWriter.Write(ordered, linter.Descriptors, Directory.GetCurrentDirectory(), helpBaseUri));
        }
        else
        {
            foreach (var diagnostic in ordered)
            {
                stdout.WriteLine(diagnostic.ToString());
            }

            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{set.Files.Count} file(s) checked, {set.Rubrics.Count} rubric(s) loaded: {errors} error(s), {warnings} warning(s), {infos} info(s)"));
            foreach (var id in ordered.Select(d => d.Id).Where(linter.Descriptors.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var descriptor = linter.Descriptors[id];
                var help = SarifWriter.HelpUri(descriptor.HelpUri, helpBaseUri);
                stdout.WriteLine(help is null ? $"  {id}: {descriptor.Title}" : $"  {id}: {descriptor.Title}, see {help}");
            }
        }

        if (ordered.Any(d => d.Id == DiagnosticIds.Unreadable && d.IsError))
        {
            return CliApp.ExitUsage;
        }

        return errors > 0 || (warnAsError && warnings > 0) ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    private static void WriteJson(TextWriter stdout, RubricSetLoadResult set, List<Diagnostic> diagnostics, IReadOnlyDictionary<string, CheckDescriptor> descriptors, Uri? helpBaseUri, int errors, int warnings, int infos)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("files");
            foreach (var file in set.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", file.Source);
                w.WriteBoolean("loaded", file.Succeeded);
                if (file.Rubric is { } rubric)
                {
                    w.WriteString("rubric", rubric.Id);
                    w.WriteString("version", rubric.Version);
                    w.WriteString("contentHash", rubric.ContentHash);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                w.WriteString("message", d.Message);
                w.WriteString("file", d.Location.File);
                if (d.Location.HasPosition)
                {
                    w.WriteNumber("line", d.Location.Line);
                    w.WriteNumber("column", d.Location.Column);
                }
                else
                {
                    w.WriteNull("line");
                    w.WriteNull("column");
                }

                var help = descriptors.TryGetValue(d.Id, out var descriptor) ? descriptor.HelpUri : LoadDiagnosticRules.Describe(d.Id)?.HelpUri;
                if (SarifWriter.HelpUri(help, helpBaseUri) is { } helpUri)
                {
                    w.WriteString("helpUri", helpUri);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("files", set.Files.Count);
            w.WriteNumber("rubrics", set.Rubrics.Count);
            w.WriteNumber("errors", errors);
            w.WriteNumber("warnings", warnings);
            w.WriteNumber("infos", infos);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
