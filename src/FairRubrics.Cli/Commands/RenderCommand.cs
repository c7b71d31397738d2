using System.CommandLine;
using FairRubrics.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics render --rubric FILE [--locale L] [--format html|md] [--out FILE]</c>: the rubric's page for the people
/// it assesses, in plain words, with every way to show a competency as an equal alternative.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rubricOption = new Option<string>("--rubric") { Description = "The rubric file (YAML).", Required = true };
        var localeOption = PageCommandSupport.LocaleOption();
        var formatOption = PageCommandSupport.FormatOption();
        var outOption = new Option<string?>("--out") { Description = "Write the page here instead of standard output." };
        var command = new Command("render", "Write a rubric's page for the people it assesses: the levels, every way to show each competency, what counts and how the overall result is worked out.")
        {
            rubricOption, localeOption, formatOption, outOption,
        };
        command.SetAction(parse =>
        {
            var options = PageCommandSupport.Options(parse.GetValue(formatOption)!, parse.GetValue(localeOption), stderr);
            using var services = CliServices.Create();
            if (PageCommandSupport.LoadRubric(services, parse.GetValue(rubricOption)!, stderr) is not { } rubric)
            {
                return CliApp.ExitUsage;
            }

            PageCommandSupport.NoteMissingTranslations(rubric, options, stderr);
            var page = services.GetRequiredService<IEmployeePageRenderer>().RenderRubric(rubric, options);
            PageCommandSupport.Write(page, parse.GetValue(outOption), stdout);
            return CliApp.ExitOk;
        });
        return command;
    }
}
