using System.CommandLine;
using System.Globalization;
using FairRubrics.Evidence;
using FairRubrics.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics statement --rubric FILE --evidence FILE --as-of DATE --subject ID [--locale L] [--format html|md] [--out FILE]</c>:
/// one person's page: their band and overall score, each competency's level and the way it came through, the evidence
/// that counted and what did not and why, and the routes to the next level. Only that person's rows are read into
/// the page; nothing on standard error names another person or quotes an evidence value.
/// </summary>
internal static class StatementCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rubricOption = new Option<string>("--rubric") { Description = "The rubric file (YAML).", Required = true };
        var evidenceOption = new Option<string>("--evidence") { Description = "The evidence file: .csv or .jsonl (may hold many people's evidence; only the subject's is used).", Required = true };
        var asOfOption = new Option<string>("--as-of") { Description = "Assessment date (YYYY-MM-DD): evidence after it or outside the rubric's window does not count.", Required = true };
        var subjectOption = new Option<string>("--subject") { Description = "The person the statement is for (their subject id in the evidence).", Required = true };
        var localeOption = PageCommandSupport.LocaleOption();
        var formatOption = PageCommandSupport.FormatOption();
        var outOption = new Option<string?>("--out") { Description = "Write the page here instead of standard output." };
        var command = new Command("statement", "Write one person's statement: their result, the evidence that counted and what did not, and the routes to their next level.")
        {
            rubricOption, evidenceOption, asOfOption, subjectOption, localeOption, formatOption, outOption,
        };
        command.SetAction(parse => Run(
            parse.GetValue(rubricOption)!,
            parse.GetValue(evidenceOption)!,
            parse.GetValue(asOfOption)!,
            parse.GetValue(subjectOption)!,
            PageCommandSupport.Options(parse.GetValue(formatOption)!, parse.GetValue(localeOption), stderr),
            parse.GetValue(outOption),
            stdout,
            stderr));
        return command;
    }

    private static int Run(string rubricPath, string evidencePath, string asOfText, string subject, PageOptions options, string? outPath, TextWriter stdout, TextWriter stderr)
    {
        if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            throw new CliUsageException($"--as-of '{asOfText}' is not a date written as YYYY-MM-DD");
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new CliUsageException("--subject is empty; give the person's subject id");
        }

        if (!File.Exists(evidencePath))
        {
            throw new CliUsageException($"no such evidence file: {evidencePath}");
        }

        using var services = CliServices.Create();
        if (PageCommandSupport.LoadRubric(services, rubricPath, stderr) is not { } rubric)
        {
            return CliApp.ExitUsage;
        }

        var request = new StatementRequest(rubric, subject) { EvidencePath = evidencePath, AsOf = asOf, Page = options };
        StatementRunResult result;
        try
        {
            result = services.GetRequiredService<IStatementRunner>().RunAsync(request).GetAwaiter().GetResult();
        }
        catch (EvidenceFormatException ex)
        {
            throw new CliUsageException($"{evidencePath}: {ex.Message}");
        }

        if (result.UnreadableRows > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{evidencePath}: note: {result.UnreadableRows} row(s) could not be read and are on nobody's statement; 'fairrubrics score' lists them with the reasons"));
        }

        if (result.SubjectRows == 0)
        {
            stderr.WriteLine($"{evidencePath}: note: no evidence for this subject; the statement says that there is none");
        }

        PageCommandSupport.NoteMissingTranslations(rubric, options, stderr);
        PageCommandSupport.Write(result.Page, outPath, stdout);
        return CliApp.ExitOk;
    }
}
