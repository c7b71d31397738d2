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
/// is used, rejected or reported as not counted on stderr as <c>file:row: reason</c>, with a reconciling summary.
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
        var command = new Command("score", "Score evidence against a rubric; writes one JSON object per subject (JSON Lines).") { rubricOption, evidenceOption, asOfOption, outOption, explainOption, guidanceOption, phrasesOption };
        command.SetAction(parse => Run(
            parse.GetValue(rubricOption)!,
            parse.GetValue(evidenceOption)!,
            parse.GetValue(asOfOption),
            parse.GetValue(outOption),
            parse.GetValue(explainOption),
            parse.GetValue(guidanceOption),
            parse.GetValue(phrasesOption),
            stdout,
            stderr));
        return command;
    }

    private static int Run(string rubricPath, string evidencePath, string? asOfText, string? outPath, bool explain, bool guidance, string? phrasesPath, TextWriter stdout, TextWriter stderr)
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
        var progress = ProgressReporter.For(stderr);

        // The output is opened first, so that a wrong --out fails before the evidence is read; it replaces the
        // old file only when every result is written (AtomicFile).
        using var outFile = outPath is null ? null : AtomicFile.Create(outPath);
        long read = 0, rejected = 0;
        var bySubject = new Dictionary<string, List<EvidenceItem>>(StringComparer.Ordinal);
        IEnumerable<EvidenceRow> rows;
        try
        {
            rows = EvidenceReader.ReadFile(evidencePath, name => stderr.WriteLine($"{evidencePath}: note: the field '{name}' is not an evidence field and is not read"), rubric);
            foreach (var row in rows)
            {
                read++;
                progress.Tick(read, "rows read");
                if (!row.IsValid)
                {
                    rejected++;
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{evidencePath}:{row.Row}: rejected: {row.Error}{LineNote(row)}"));
                    continue;
                }

                var item = row.Item.Value;
                if (!bySubject.TryGetValue(item.Subject, out var list))
                {
                    bySubject[item.Subject] = list = [];
                }

                list.Add(item);
            }
        }
        catch (EvidenceFormatException ex)
        {
            throw new CliUsageException($"{evidencePath}: {ex.Message}");
        }

        progress.Done();
        long used = 0, unmatched = 0, insufficient = 0;
        var output = outFile is null ? stdout : outFile.Text;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var subject in bySubject.Keys.Order(StringComparer.Ordinal))
        {
            var items = bySubject[subject];
            var score = scorer.Score(rubric, subject, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items), options);
            used += score.UsedItems;
            foreach (var issue in score.Issues.OrderBy(i => i.Item.Row))
            {
                if (issue.Rejected)
                {
                    rejected++;
                }
                else
                {
                    unmatched++;
                }

                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{evidencePath}:{issue.Item.Row}: {(issue.Rejected ? "rejected" : "not counted")}: {issue.Reason}"));
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

        outFile?.Commit();

        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{evidencePath}: {read} row(s) read: {used} used, {rejected} rejected, {unmatched} not counted; {bySubject.Count} subject(s) scored against {rubric.Id} {rubric.Version}, {insufficient} with insufficient evidence"));
        return rejected > 0 ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    private static string LineNote(EvidenceRow row) =>
        row.Line > 0 && row.Line != row.Row && row.Line != row.Row + 1 ? string.Create(CultureInfo.InvariantCulture, $" (line {row.Line})") : string.Empty;
}
