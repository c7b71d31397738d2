using System.CommandLine;
using System.Text;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>What <c>render</c> and <c>statement</c> share: their page options, the rubric, the texts for a locale and writing the page.</summary>
internal static class PageCommandSupport
{
    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "Page format: html (self-contained, printable) or md (Markdown).", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "md");
        return format;
    }

    public static Option<string?> LocaleOption() =>
        new("--locale") { Description = $"Language of the page's own texts, e.g. en or de-AT (built in: {string.Join(", ", PageTexts.BuiltInLocales)}). Default: en." };

    /// <summary>The --locale option of <c>audit</c> and <c>compare</c>: the language of the Markdown and HTML reports' labels.</summary>
    public static Option<string?> ReportLocaleOption() =>
        new("--locale") { Description = $"Language of the labels of the md and html reports, e.g. en or de-AT (built in: {string.Join(", ", PageTexts.BuiltInLocales)}); JSON and CSV are never translated. Default: en." };

    /// <summary>The page options for the command line's --format and --locale; a locale without texts falls back to English with a note.</summary>
    public static PageOptions Options(string format, string? locale, TextWriter stderr)
    {
        var texts = PageTexts.English;
        if (locale is not null && !PageTexts.TryGetBuiltIn(locale, out texts))
        {
            stderr.WriteLine($"fairrubrics: note: there are no page texts for the locale '{locale}' (built in: {string.Join(", ", PageTexts.BuiltInLocales)}); the page is in English");
            texts = PageTexts.English;
        }

        return new PageOptions { Format = format == "md" ? PageFormat.Markdown : PageFormat.Html, Texts = texts, Locale = locale };
    }

    /// <summary>Notes on standard error how many of the rubric's texts are not written in the page's locale (they are shown in the rubric's own).</summary>
    public static void NoteMissingTranslations(Rubric rubric, PageOptions options, TextWriter stderr)
    {
        var locale = options.Locale ?? options.Texts?.Locale ?? PageTexts.DefaultLocale;
        var missing = rubric.MissingTranslations(locale);
        if (missing.Count > 0)
        {
            stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fairrubrics: note: {missing.Count} of the {rubric.Texts.Count} texts of the rubric {rubric.Id} are not written in '{locale}' (first: {missing[0].Path} at {missing[0].Location}); they are shown in '{rubric.Locale}'"));
        }
    }

    /// <summary>Loads the rubric, or prints its diagnostics and returns null.</summary>
    public static Rubric? LoadRubric(IServiceProvider services, string path, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"no such rubric file: {path}");
        }

        var load = services.GetRequiredService<RubricLoader>().LoadFile(path);
        if (load.Succeeded)
        {
            return load.Rubric;
        }

        foreach (var diagnostic in load.Diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        stderr.WriteLine($"fairrubrics: error: the rubric {path} does not load; fix the errors above (see 'fairrubrics lint')");
        return null;
    }

    /// <summary>Writes the page to the file (UTF-8, no byte order mark) or to standard output.</summary>
    public static void Write(string page, string? outPath, TextWriter stdout)
    {
        if (outPath is null)
        {
            stdout.Write(page);
            return;
        }

        File.WriteAllText(outPath, page, new UTF8Encoding(false));
    }
}
