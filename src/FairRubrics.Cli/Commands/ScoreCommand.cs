using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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

        using var services = CliServices.Create(o => o.Guidance.Phrases = phrases);
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
        var scorer = services.GetRequiredService<IRubricScorer>();
        var advisor = guidance ? services.GetRequiredService<IGuidanceAdvisor>() : null;
        var options = new ScoringOptions { AsOf = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow) };

        // The outputs are opened first, so that a wrong --out or --rejected fails before the evidence is read; each
        // replaces its old file only when it is whole (AtomicFile).
        using var outFile = outPath is null ? null : AtomicFile.Create(outPath);
        using var rejectedFile = rejectedPath is null ? null : AtomicFile.Create(rejectedPath);
        var rejections = new RejectionSummary(keepAll: rejectedFile is not null);
        long read = 0, used = 0, insufficient = 0, subjects = 0;

        // The lines go to --out's temporary file, or to a temporary spool copied to stdout at the end, so that the
        // lines of a first pass can be taken back when the evidence turns out not to be sorted (see ScoreStreamed).
        using var spool = outFile is null ? new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose) : null;
        var lines = spool ?? outFile!.Stream;
        var output = new StreamWriter(lines, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = stdout.NewLine };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        void Write(string subject, ReadOnlySpan<EvidenceItem> items)
        {
            var score = scorer.Score(rubric, subject, items, options);
            subjects++;
            used += score.UsedItems;
            foreach (var issue in score.Issues)
            {
                rejections.Add(issue);
            }

            if (score.Status == ScoreStatus.InsufficientEvidence)
            {
                insufficient++;
            }

            buffer.Clear();
            json.Reset(buffer);
            if (advisor is null)
            {
                ScoreJson.Write(json, score, explain);
            }
            else
            {
                ScoreJson.Write(json, score, advisor.Advise(score), explain);
            }

            json.Flush();
            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        IEnumerable<EvidenceRow> Rows(FileStream? input, Action<string>? ignored) =>
            input is null ? EvidenceReader.ReadFile(evidencePath, ignored, rubric)
                : evidencePath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? EvidenceReader.ReadCsv(input, ignored, rubric)
                : EvidenceReader.ReadJsonLines(input, ignored, rubric);

        bool sorted;
        using (var input = OpenEvidence(evidencePath))
        {
            var progress = ProgressReporter.For(stderr, quiet, input?.Length ?? 0, evidencePath);
            try
            {
                void Ignored(string name) => stderr.WriteLine($"{evidencePath}: note: the field '{name}' is not an evidence field and is not read");
                sorted = ScoreStreamed(Rows(input, Ignored), rejections, ref read, Write, () =>
                {
                    if (input is not null && progress.IsActive)
                    {
                        progress.Report(input.Position);
                    }
                });
            }
            catch (EvidenceFormatException ex)
            {
                throw new CliUsageException($"{evidencePath}: {ex.Message}");
            }

            progress.Done();
        }

        if (!sorted)
        {
            // Not sorted by subject: the first pass's lines and counts are dropped, and the file is read again through an
            // external sort (batches sorted in memory, spilled to temporary files removed also on an error or Ctrl-C),
            // so memory stays bounded and the output is the same bytes as for the sorted file.
            output.Flush();
            lines.SetLength(0);
            lines.Position = 0;
            rejections = new RejectionSummary(keepAll: rejectedFile is not null);
            read = used = insufficient = subjects = 0;
            using var sort = new ExternalSubjectSort(rubric);
            using (var input = OpenEvidence(evidencePath))
            {
                foreach (var row in Rows(input, null))
                {
                    read++;
                    rejections.Observe(row);
                    if (row.IsValid)
                    {
                        sort.Add(row.Item.Value);
                    }
                }
            }

            foreach (var items in sort.Groups())
            {
                Write(items[0].Subject, items);
            }
        }

        output.Flush();
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
        if (rejectedFile is not null)
        {
            RejectionReport.WriteJsonLines(rejectedFile, rejections);
        }

        RejectionReport.Write(stderr, evidencePath, rejections, rejectedPath);
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{evidencePath}: {read} row(s) read: {used} used, {rejections.Rejected} rejected, {rejections.NotCounted} not counted; {subjects} subject(s) scored against {rubric.Id} {rubric.Version}, {insufficient} with insufficient evidence"));
        return rejections.Rejected > 0 ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    /// <summary>
    /// The streaming pass: while the subjects come sorted (each subject's rows together, subjects in ascending ordinal
    /// order, as <c>fairrubrics sample</c> and most exports write them), each subject is scored and written as soon as
    /// its rows end, so memory holds one subject's rows whatever the size of the file. Returns false, having stopped,
    /// at the first subject that is not after the one before.
    /// </summary>
    private static bool ScoreStreamed(IEnumerable<EvidenceRow> rows, RejectionSummary rejections, ref long read, ScoreSubject write, Action progress)
    {
        var run = new List<EvidenceItem>();
        string? current = null;
        foreach (var row in rows)
        {
            read++;
            rejections.Observe(row);
            progress();
            if (!row.IsValid)
            {
                continue;
            }

            var item = row.Item.Value;
            if (!string.Equals(item.Subject, current, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    if (string.CompareOrdinal(item.Subject, current) < 0)
                    {
                        return false;
                    }

                    write(current, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(run));
                    run.Clear();
                }

                current = item.Subject;
            }

            run.Add(item);
        }

        if (current is not null)
        {
            write(current, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(run));
        }

        return true;
    }

    private delegate void ScoreSubject(string subject, ReadOnlySpan<EvidenceItem> items);

    /// <summary>
    /// The evidence file as a stream, so that progress can follow its position; null for a format the readers do not
    /// know (then <see cref="EvidenceReader.ReadFile"/> says so).
    /// </summary>
    private static FileStream? OpenEvidence(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".jsonl" or ".ndjson" or ".json"
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
            : null;
}
