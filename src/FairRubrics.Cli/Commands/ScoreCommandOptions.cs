using System.CommandLine;
using System.Globalization;
using FairRubrics.Cli.Output;
using FairRubrics.Pages;

namespace FairRubrics.Cli.Commands;

/// <summary>The options of <c>fairrubrics score</c>: declared, read into <see cref="Values"/>, and the scoring date and guidance texts they name.</summary>
internal static class ScoreCommandOptions
{
    public static Command Create(Func<Values, int> run)
    {
        var rubricOption = new Option<string>("--rubric") { Description = "The rubric file (YAML).", Required = true };
        var evidenceOption = new Option<string>("--evidence") { Description = "The evidence file: .csv or .jsonl.", Required = true };
        var asOfOption = new Option<string?>("--as-of") { Description = "Scoring date (YYYY-MM-DD): evidence after it or outside the rubric's window does not count. Default: today (UTC)." };
        var outOption = new Option<string?>("--out") { Description = "Write the JSON Lines here instead of standard output." };
        var explainOption = new Option<bool>("--explain") { Description = "Add explanations: rule, evidence ids and counts per path, the text, and unused evidence." };
        var guidanceOption = new Option<bool>("--guidance") { Description = "Add development guidance: for each competency below the top, every path that can reach the next level and what it would take." };
        var localeOption = new Option<string?>("--locale") { Description = $"With --guidance: the language of the guidance texts, e.g. en or de-AT (built in: {string.Join(", ", PageTexts.BuiltInLocales)}); the JSON field names stay. Default: en." };
        var phrasesOption = new Option<string?>("--phrases") { Description = "With --guidance: a phrase file (fairrubrics-phrases: 1) that words your evidence types, added to the built-in phrases." };
        var rejectedOption = RejectionReport.Option();
        var quietOption = new Option<bool>("--quiet") { Description = "Show no progress on the terminal (nothing is shown when standard error is redirected anyway)." };
        var command = new Command("score", "Score evidence against a rubric; writes one JSON object per subject (JSON Lines).") { rubricOption, evidenceOption, asOfOption, outOption, explainOption, guidanceOption, phrasesOption, rejectedOption, quietOption, localeOption };
        command.SetAction(parse => run(
            new Values(parse.GetValue(rubricOption)!, parse.GetValue(evidenceOption)!, parse.GetValue(asOfOption), parse.GetValue(outOption), parse.GetValue(explainOption), parse.GetValue(guidanceOption), parse.GetValue(phrasesOption), parse.GetValue(rejectedOption), parse.GetValue(quietOption), parse.GetValue(localeOption))));
        return command;
    }

    internal sealed record Values(string Rubric, string Evidence, string? AsOf, string? Out, bool Explain, bool Guidance, string? Phrases, string? Rejected, bool Quiet, string? Locale);

    /// <summary>The scoring date of <c>--as-of</c> (null: today), after the options that only go with <c>--guidance</c> are checked.</summary>
    public static DateOnly? AsOf(Values o)
    {
        if (o.Phrases is not null && !o.Guidance)
        {
            throw new CliUsageException("--phrases words the guidance; add --guidance");
        }

        if (o.Locale is not null && !o.Guidance)
        {
            throw new CliUsageException("--locale words the guidance; add --guidance");
        }

        if (o.AsOf is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(o.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed : throw new CliUsageException($"--as-of '{o.AsOf}' is not a date written as YYYY-MM-DD");
    }

    /// <summary>The guidance texts of <c>--locale</c> (null without it: the default); a locale without texts is noted and gets English.</summary>
    public static PageTexts? Texts(Values o, TextWriter stderr)
    {
        if (o.Locale is null)
        {
            return null;
        }

        if (PageTexts.TryGetBuiltIn(o.Locale, out var texts))
        {
            return texts;
        }

        stderr.WriteLine($"fairrubrics: note: there are no texts for the locale '{o.Locale}' (built in: {string.Join(", ", PageTexts.BuiltInLocales)}); the guidance is in English");
        return PageTexts.English;
    }
}
