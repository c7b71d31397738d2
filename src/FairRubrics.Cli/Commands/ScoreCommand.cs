using System.CommandLine;
using System.Globalization;
using System.Text;
using FairRubrics.Cli.Output;
using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Loading;
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
        var phrasesOption = new Option<string?>("--phrases") { Description = "With --guidance: a phrase file (fairrubrics-phrases: 1) that words your evidence types, added to the built-in phrases." };
        var rejectedOption = RejectionReport.Option();
        var quietOption = new Option<bool>("--quiet") { Description = "Show no progress on the terminal (nothing is shown when standard error is redirected anyway)." };
        var command = new Command("score", "Score evidence against a rubric; writes one JSON object per subject (JSON Lines).") { rubricOption, evidenceOption, asOfOption, outOption, explainOption, guidanceOption, phrasesOption, rejectedOption, quietOption };
        command.SetAction(parse => Run(
            parse.GetValue(rubricOption)!,
            parse.GetValue(evidenceOption)!,
            parse.GetValue(asOfOption),
            parse.GetValue(outOption),
            parse.GetValue(explainOption),
            parse.GetValue(guidanceOption),
            parse.GetValue(phrasesOption),
            parse.GetValue(rejectedOption),
            parse.GetValue(quietOption),
            stdout,
            stderr));
        return command;
    }

    private static int Run(string rubricPath, string evidencePath, string? asOfText, string? outPath, bool explain, bool guidance, string? phrasesPath, string? rejectedPath, bool quiet, TextWriter stdout, TextWriter stderr)
    {
        if (phrasesPath is not null && !guidance)
        {
            throw new CliUsageException("--phrases words the guidance; add --guidance");
        }

        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                throw new CliUsageException($"--as-of '{asOfText}' is not a date written as YYYY-MM-DD");
            }

            asOf = parsed;
        }

        if (!File.Exists(rubricPath))
        {
            throw new CliUsageException($"no such rubric file: {rubricPath}");
        }

        if (!File.Exists(evidencePath))
        {
            throw new CliUsageException($"no such evidence file: {evidencePath}");
        }

        EvidencePhrases? phrases = null;
        if (phrasesPath is not null)
        {
            var loaded = EvidencePhrases.LoadFile(phrasesPath);
            if (!loaded.Succeeded)
            {
                foreach (var diagnostic in loaded.Diagnostics)
                {
                    stderr.WriteLine(diagnostic.ToString());
                }

                stderr.WriteLine($"fairrubrics: error: the phrase file {phrasesPath} does not load; fix the errors above");
                return CliApp.ExitUsage;
            }

            phrases = EvidencePhrases.BuiltIn.With(loaded.Phrases);
        }

        using var services = CliServices.Create();
        var load = services.GetRequiredService<RubricLoader>().LoadFile(rubricPath);
        if (!load.Succeeded)
        {
            foreach (var diagnostic in load.Diagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            stderr.WriteLine($"fairrubrics: error: the rubric {rubricPath} does not load; fix the errors above (see 'fairrubrics lint')");
            return CliApp.ExitUsage;
        }

        var rubric = load.Rubric;

        // The outputs are opened first, so that a wrong --out or --rejected fails before the evidence is read; each
        // replaces its old file only when it is whole (AtomicFile). Without --out the lines go to a temporary spool
        // copied to stdout at the end, as the runner takes back a first pass's lines when the evidence is not sorted.
        using var outFile = outPath is null ? null : AtomicFile.Create(outPath);
        using var rejectedFile = rejectedPath is null ? null : AtomicFile.Create(rejectedPath);
        using var spool = outFile is null ? new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose) : null;
        var progress = ProgressReporter.For(stderr, quiet, ProgressReporter.SizeOf(evidencePath), evidencePath);
        var request = new ScoreRequest(rubric)
        {
            EvidencePath = evidencePath, AsOf = asOf, Explain = explain, Guidance = guidance, Phrases = phrases,
            KeepAllRejections = rejectedFile is not null, NewLine = stdout.NewLine,
            IgnoredField = name => stderr.WriteLine($"{evidencePath}: note: the field '{name}' is not an evidence field and is not read"),
            Progress = progress.IsActive ? new Progress(progress) : null,
        };
        ScoreRunResult result;
        try
        {
            result = services.GetRequiredService<IScoreRunner>().RunAsync(request, spool ?? outFile!.Stream).GetAwaiter().GetResult();
        }
        catch (EvidenceFormatException ex)
        {
            throw new CliUsageException($"{evidencePath}: {ex.Message}");
        }

        progress.Done();
        if (spool is not null)
        {
            spool.Position = 0;
            using var reader = new StreamReader(spool, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
            var chars = new char[1 << 15];
            int n;
            while ((n = reader.Read(chars, 0, chars.Length)) > 0)
            {
                stdout.Write(chars, 0, n);
            }
        }

        outFile?.Commit();
        var rejections = result.Rejections;
        if (rejectedFile is not null)
        {
            RejectionReport.WriteJsonLines(rejectedFile, rejections);
        }

        RejectionReport.Write(stderr, evidencePath, rejections, rejectedPath);
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{evidencePath}: {result.Read} row(s) read: {result.Used} used, {rejections.Rejected} rejected, {rejections.NotCounted} not counted; {result.Subjects} subject(s) scored against {rubric.Id} {rubric.Version}, {result.InsufficientEvidence} with insufficient evidence"));
        return rejections.Rejected > 0 ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    /// <summary>Progress on the terminal, told synchronously (not through a synchronization context).</summary>
    private sealed class Progress(ProgressReporter reporter) : IProgress<long>
    {
        public void Report(long value) => reporter.Report(value);
    }
}
