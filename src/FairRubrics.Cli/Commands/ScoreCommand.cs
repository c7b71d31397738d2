using System.CommandLine;
using System.Globalization;
using FairRubrics.Cli.Output;
using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Pages;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics score --rubric FILE --evidence FILE [--as-of DATE] [--out FILE] [--explain] [--guidance [--phrases FILE]]</c>:
/// scores evidence (CSV or JSON Lines) to JSON Lines, one subject a line in ordinal subject order. Every evidence row
/// is used, rejected or not counted: stderr shows the counts per reason and the first 20 as <c>file:line: reason</c>
/// (file lines, in order), <c>--rejected FILE</c> gets them all, and a reconciling summary closes the run.
/// With <c>--guidance</c> each result carries the routes to each competency's next level under <c>guidance</c>.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
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
        command.SetAction(parse => Run(
            new Options(parse.GetValue(rubricOption)!, parse.GetValue(evidenceOption)!, parse.GetValue(asOfOption), parse.GetValue(outOption), parse.GetValue(explainOption), parse.GetValue(guidanceOption), parse.GetValue(phrasesOption), parse.GetValue(rejectedOption), parse.GetValue(quietOption), parse.GetValue(localeOption)),
            stdout,
            stderr));
        return command;
    }

    private sealed record Options(string Rubric, string Evidence, string? AsOf, string? Out, bool Explain, bool Guidance, string? Phrases, string? Rejected, bool Quiet, string? Locale);

    private static int Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Phrases is not null && !o.Guidance)
        {
            throw new CliUsageException("--phrases words the guidance; add --guidance");
        }

        if (o.Locale is not null && !o.Guidance)
        {
            throw new CliUsageException("--locale words the guidance; add --guidance");
        }

        var texts = PageTexts.English;
        if (o.Locale is not null && !PageTexts.TryGetBuiltIn(o.Locale, out texts))
        {
            stderr.WriteLine($"fairrubrics: note: there are no texts for the locale '{o.Locale}' (built in: {string.Join(", ", PageTexts.BuiltInLocales)}); the guidance is in English");
            texts = PageTexts.English;
        }

        DateOnly? asOf = null;
        if (o.AsOf is not null)
        {
            asOf = DateOnly.TryParseExact(o.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed : throw new CliUsageException($"--as-of '{o.AsOf}' is not a date written as YYYY-MM-DD");
        }

        Require(File.Exists(o.Rubric), $"no such rubric file: {o.Rubric}");
        Require(File.Exists(o.Evidence), $"no such evidence file: {o.Evidence}");
        EvidencePhrases? phrases = null;
        if (o.Phrases is not null)
        {
            var loaded = EvidencePhrases.LoadFile(o.Phrases);
            if (!loaded.Succeeded)
            {
                loaded.Diagnostics.ToList().ForEach(d => stderr.WriteLine(d.ToString()));
                stderr.WriteLine($"fairrubrics: error: the phrase file {o.Phrases} does not load; fix the errors above");
                return CliApp.ExitUsage;
            }

            phrases = EvidencePhrases.BuiltIn.With(loaded.Phrases);
        }

        using var services = CliServices.Create();
        if (PageCommandSupport.LoadRubric(services, o.Rubric, stderr) is not { } rubric)
        {
            return CliApp.ExitUsage;
        }

        // The outputs are opened first, so that a wrong --out or --rejected fails before the evidence is read; each
        // replaces its old file only when it is whole (AtomicFile). Without --out the lines go to a spool copied to
        // stdout at the end, as the runner takes back a first pass's lines when the evidence is not sorted.
        using var outFile = o.Out is null ? null : AtomicFile.Create(o.Out);
        using var rejectedFile = o.Rejected is null ? null : AtomicFile.Create(o.Rejected);
        using var spool = outFile is null ? StandardOutputSpool.Create() : null;
        var progress = ProgressReporter.For(stderr, o.Quiet, ProgressReporter.SizeOf(o.Evidence), o.Evidence);
        var request = new ScoreRequest(rubric)
        {
            EvidencePath = o.Evidence, AsOf = asOf, Explain = o.Explain, Guidance = o.Guidance, Phrases = phrases, Texts = o.Locale is null ? null : texts,
            KeepAllRejections = rejectedFile is not null, NewLine = stdout.NewLine, Progress = progress.IsActive ? new Progress(progress) : null,
            IgnoredField = name => stderr.WriteLine($"{o.Evidence}: note: the field '{name}' is not an evidence field and is not read"),
        };
        ScoreRunResult result;
        try
        {
            result = services.GetRequiredService<IScoreRunner>().RunAsync(request, spool ?? outFile!.Stream).GetAwaiter().GetResult();
        }
        catch (EvidenceFormatException ex)
        {
            throw new CliUsageException($"{o.Evidence}: {ex.Message}");
        }

        progress.Done();
        if (spool is not null)
        {
            StandardOutputSpool.CopyTo(spool, stdout);
        }

        outFile?.Commit();
        var rejections = result.Rejections;
        if (rejectedFile is not null)
        {
            RejectionReport.WriteJsonLines(rejectedFile, rejections);
        }

        RejectionReport.Write(stderr, o.Evidence, rejections, o.Rejected);
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{o.Evidence}: {result.Read} row(s) read: {result.Used} used, {rejections.Rejected} rejected, {rejections.NotCounted} not counted; {result.Subjects} subject(s) scored against {rubric.Id} {rubric.Version}, {result.InsufficientEvidence} with insufficient evidence"));
        return rejections.Rejected > 0 ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new CliUsageException(message);
        }
    }

    /// <summary>Progress on the terminal, told synchronously (not through a synchronization context).</summary>
    private sealed class Progress(ProgressReporter reporter) : IProgress<long>
    {
        public void Report(long value) => reporter.Report(value);
    }
}
