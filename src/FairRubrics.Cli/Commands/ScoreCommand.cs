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
    public static Command Create(TextWriter stdout, TextWriter stderr) => ScoreCommandOptions.Create(o => Run(o, stdout, stderr));

    private static int Run(ScoreCommandOptions.Values o, TextWriter stdout, TextWriter stderr)
    {
        var (asOf, texts) = (ScoreCommandOptions.AsOf(o), ScoreCommandOptions.Texts(o, stderr));
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
            EvidencePath = o.Evidence, AsOf = asOf, Explain = o.Explain, Guidance = o.Guidance, Phrases = phrases, Texts = texts,
            KeepAllRejections = rejectedFile is not null, NewLine = stdout.NewLine, Progress = progress.AsProgress(),
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
}
