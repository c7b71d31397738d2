using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Reporting;
using FairRubrics.Cli.Output;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics audit --scores FILE|DIR --attributes FILE [--by a,b] [--intersect] [--rubric FILE] [--favourable BAND,...]
/// [--min-group-size N] [--format json|md|html] [--out FILE]</c>: the outcome audit. Streams the score results
/// (a folder's partition files in parallel, merged in name order); memory grows with the attributes table and the
/// number of groups, not with the number of results. Problems with input rows are reported by row number only.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scores = new Option<string>("--scores") { Description = "Score results (JSON Lines from 'fairrubrics score'), or a folder of such partitions (*.jsonl, or part-*.json as Spark writes them), audited in parallel and merged.", Required = true };
        var attributes = new Option<string>("--attributes") { Description = "Attributes CSV: a 'subject' column and one column per attribute; empty cells are unknown.", Required = true };
        var by = new Option<string?>("--by") { Description = "Attributes to analyse, comma-separated (default: every attribute column)." };
        var intersect = new Option<bool>("--intersect") { Description = "Also analyse the intersection of the attributes (e.g. gender x ethnicity)." };
        var rubric = new Option<string?>("--rubric") { Description = "The rubric file: its 'favourable' bands are used unless --favourable is given." };
        var favourable = new Option<string?>("--favourable") { Description = "Favourable bands, comma-separated (overrides the rubric's)." };
        var minGroupSize = new Option<int>("--min-group-size") { Description = "Smallest reported group (default 5, at least 3).", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "md", "html", "csv");
        var output = new Option<string?>("--out") { Description = "Write the report here instead of standard output." };
        var evidence = new Option<string?>("--evidence") { Description = "Evidence file (CSV or JSON Lines) for the rater-effect check FR206 (optional)." };
        var excludeSmall = new Option<bool>("--exclude-small-categories") { Description = "Leave categories under 2% of the scored subjects out of impact ratios (as Local Law 144 allows)." };
        var reference = new Option<string>("--reference") { Description = "Reference group: 'highest' selection rate (default, as Local Law 144), 'largest' group, or named groups ATTR=VALUE[,ATTR=VALUE...] (analyses without a named group use the highest rate).", DefaultValueFactory = _ => "highest" };
        var adjust = new Option<string>("--adjust") { Description = "Adjust the Fisher and z p-values within each analysis for testing several groups: holm (default), bh (Benjamini-Hochberg) or none; FR201's significance uses the adjusted p.", DefaultValueFactory = _ => "holm" };
        adjust.AcceptOnlyFromAmong("holm", "bh", "none");
        var baseline = new Option<string?>("--baseline") { Description = "An earlier cycle's JSON audit report of the same rubric: each group reported in both gains its earlier figures and the change (with a test), and FR207 flags impact ratios that fell." };
        var rejected = RejectionReport.Option();
        var locale = PageCommandSupport.ReportLocaleOption();
        var quiet = new Option<bool>("--quiet") { Description = "Show no progress on the terminal (nothing is shown when standard error is redirected anyway)." };
        var helpBase = HelpBaseUriOption.Create();
        var command = new Command("audit", "Outcome audit: selection rates, four-fifths rule, Fisher exact and z tests, scoring rates, effect sizes and path equivalence by group.")
        {
            scores, attributes, by, intersect, rubric, favourable, minGroupSize, format, output, evidence, excludeSmall, reference, adjust, baseline, helpBase, rejected, quiet, locale,
        };
        command.SetAction(parse => Run(
            new Request(parse.GetValue(scores)!, parse.GetValue(attributes)!, parse.GetValue(by), parse.GetValue(intersect), parse.GetValue(rubric), parse.GetValue(favourable), parse.GetValue(minGroupSize), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(evidence), parse.GetValue(excludeSmall), parse.GetValue(reference)!, parse.GetValue(adjust)!, HelpBaseUriOption.Parse(parse.GetValue(helpBase)), parse.GetValue(rejected), parse.GetValue(quiet), parse.GetValue(baseline), parse.GetValue(locale)),
            stdout,
            stderr));
        return command;
    }

    private static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(request.Scores) && !Directory.Exists(request.Scores))
        {
            throw new CliUsageException($"no such score results file or folder: {request.Scores}");
        }

        if (!File.Exists(request.Attributes))
        {
            throw new CliUsageException($"no such attributes file: {request.Attributes}");
        }

        if (request.MinGroupSize < 3)
        {
            throw new CliUsageException("--min-group-size must be at least 3 (smaller groups could identify people)");
        }

        // A wrong --out fails before any work; the report replaces the old file only when it is whole (AtomicFile).
        using var outFile = request.Out is null ? null : AtomicFile.Create(request.Out);
        using var rejectedFile = request.Rejected is null ? null : AtomicFile.Create(request.Rejected);

        // The attributes table is read on another thread from now on, while the options are checked and the
        // results parsed (its errors are reported when the results need it).
        var reading = Task.Run(() =>
        {
            using var stream = File.OpenRead(request.Attributes);
            return AuditInputReader.ReadAttributes(stream);
        });
        using var services = CliServices.Create();
        var options = new AuditOptions
        {
            MinGroupSize = request.MinGroupSize,
            Intersect = request.Intersect,
            PValueAdjustment = request.Adjust switch
            {
                "none" => PValueAdjustment.None,
                "bh" => PValueAdjustment.BenjaminiHochberg,
                _ => PValueAdjustment.Holm,
            },
        };
        options.Baseline = Earlier(request.Baseline, "--baseline");
        if (request.ExcludeSmall)
        {
            options.ExcludeCategoriesBelowShare = 0.02;
        }

        foreach (var band in Favourable(request, services))
        {
            options.FavourableBands.Add(band);
        }

        PrepareReport(request, services.GetRequiredService<IBiasAuditor>());

        // The header, to check --by (the rows are being read on another thread).
        IReadOnlyList<string> columns;
        using (var stream = File.OpenRead(request.Attributes))
        {
            try
            {
                columns = AuditInputReader.ReadAttributeColumns(stream);
            }
            catch (EvidenceFormatException ex)
            {
                throw new CliUsageException($"{request.Attributes}: {ex.Message}");
            }
        }

        var names = request.By is null
            ? columns.ToList()
            : request.By.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var indexes = new List<int>();
        foreach (var name in names)
        {
            var index = columns.ToList().FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new CliUsageException($"--by names '{name}', which is not a column of {request.Attributes} (columns: {string.Join(", ", columns)})");
            }

            if (indexes.Contains(index))
            {
                throw new CliUsageException($"--by names '{name}' twice");
            }

            indexes.Add(index);
            options.Attributes.Add(columns[index]);
        }

        ApplyReference(request.Reference, options);
        var progress = ProgressReporter.For(stderr, request.Quiet, ProgressReporter.SizeOf(request.Scores), request.Scores);
        AuditFileResult read;
        AttributeTable table;
        try
        {
            read = AuditFiles.Accumulate(request.Scores, reading, [.. options.Attributes], options.Intersect, new AuditFileOptions { ByteProgress = progress.IsActive ? progress.ReportNow : null });
            table = reading.GetAwaiter().GetResult();
        }
        catch (EvidenceFormatException ex)
        {
            throw new CliUsageException($"{request.Attributes}: {ex.Message}");
        }

        RejectionReport.WriteAttributeProblems(stderr, request.Attributes, table);

        var accumulator = read.Accumulator;
        progress.Done();
        var rejections = new RejectionSummary(keepAll: rejectedFile is not null);
        foreach (var problem in read.Problems)
        {
            rejections.Add(new RowRejection(problem.File, problem.Line, problem.Line, RejectionKind.Rejected, problem.Reason));
        }

        if (rejectedFile is not null)
        {
            RejectionReport.WriteJsonLines(rejectedFile, rejections);
        }

        RejectionReport.Write(stderr, request.Scores, rejections, request.Rejected);
        if (request.Evidence is not null)
        {
            AddRatings(request.Evidence, table, indexes, accumulator, stderr);
        }

        var auditor = services.GetRequiredService<IBiasAuditor>();
        var report = auditor.Report(accumulator, options);
        var text = Render(report, request.Format, request.HelpBaseUri, request.Locale);
        if (request.Out is null)
        {
            stdout.Write(text);
        }
        else
        {
            outFile!.CommitText(text);
        }

        var attributeRowsWithoutResult = table.Count - read.AttributeRowsWithResult;
        var rejected = read.Problems.Count;
        var withoutAttributes = read.WithoutAttributes;
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Scores}: {accumulator.Subjects} result(s) audited ({accumulator.Scored} scored), {rejected} rejected, {withoutAttributes} without an attributes row (counted as unknown); {request.Attributes}: {table.Count} subject row(s), {attributeRowsWithoutResult} without a result; {report.Findings.Count} finding(s){(request.Out is null ? string.Empty : "; report written to " + request.Out)}"));
        return report.Findings.Any(f => f.Severity == DiagnosticSeverity.Error) ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    private static string Render(AuditReport report, string format, Uri? helpBaseUri, string? locale) => format switch
    {
        "md" => AuditMarkdown.Render(report, new ReportOptions { Locale = locale, HelpBaseUri = helpBaseUri }),
        "html" => AuditHtml.Render(report, new ReportOptions { Locale = locale, HelpBaseUri = helpBaseUri }),
        "csv" => Csv(report),
        _ => Json(report, helpBaseUri),
    };

    /// <summary>
    /// For large inputs, compiles the report code on a spare processor while the files are read: the report is
    /// made once, at the end, when nothing else runs, and compiling its code then (methods with loops fully
    /// optimised at first call, see the project file) would add a quarter of a second to a million-result audit. It audits a
    /// made-up population of 48 subjects and throws the report away; nothing is written.
    /// </summary>
    private static void PrepareReport(Request request, IBiasAuditor auditor)
    {
        var size = File.Exists(request.Scores)
            ? new FileInfo(request.Scores).Length
            : new DirectoryInfo(request.Scores).EnumerateFiles().Sum(f => f.Length);
        if (size < 16 << 20 || Environment.ProcessorCount < 2)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            var accumulator = new AuditAccumulator(["a", "b"], intersect: true);
            for (var i = 0; i < 48; i++)
            {
                var high = i % 3 == 0;
                var level = high ? 4.0 : 2.5;
                accumulator.Add(
                    new AuditSubject("s" + i.ToString(CultureInfo.InvariantCulture), i % 11 != 0, level, high ? "High" : "Low", [new AuditCompetency("c1", level, i % 2 == 0 ? "p" : "q"), new AuditCompetency("c2", i % 5 == 0 ? null : level, "r")], "warm-up"),
                    [i % 2 == 0 ? "x" : "y", i % 7 == 0 ? null : i % 3 == 0 ? "u" : "v"]);
            }

            var options = new AuditOptions { MinGroupSize = 3, Intersect = true, FavourableBands = { "High" } };
            options.Attributes.Add("a");
            options.Attributes.Add("b");
            _ = Render(auditor.Report(accumulator, options), request.Format, request.HelpBaseUri, request.Locale);
        });
    }

    /// <summary>Reads <c>--reference highest|largest|ATTR=VALUE[,ATTR=VALUE...]</c> into the options; attributes must be analysed ones.</summary>
    private static void ApplyReference(string text, AuditOptions options)
    {
        var rules = 0;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                options.ReferenceRule = item.Trim() switch
                {
                    "highest" => ReferenceRule.Highest,
                    "largest" => ReferenceRule.Largest,
                    _ => throw new CliUsageException($"--reference: '{item.Trim()}' is neither 'highest', 'largest' nor ATTR=VALUE"),
                };
                if (++rules > 1)
                {
                    throw new CliUsageException("--reference names more than one rule (highest or largest)");
                }

                continue;
            }

            var name = item[..equals].Trim();
            var value = item[(equals + 1)..];
            var attribute = options.Attributes.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliUsageException($"--reference names the attribute '{name}', which is not analysed (attributes: {string.Join(", ", options.Attributes)})");
            if (value.Length == 0)
            {
                throw new CliUsageException($"--reference: no value for the attribute '{name}' (write {name}=VALUE)");
            }

            if (!options.ReferenceGroups.TryAdd(attribute, value))
            {
                throw new CliUsageException($"--reference names the attribute '{name}' twice");
            }
        }
    }

    private static PublishedAudit? Earlier(string? path, string option)
    {
        if (path is null)
        {
            return null;
        }

        return File.Exists(path) ? PublishedAudit.ReadFile(path) : throw new CliUsageException($"{option}: no such audit report: {path}");
    }

    private static IReadOnlyList<string> Favourable(Request request, ServiceProvider services)
    {
        if (request.Favourable is not null)
        {
            return request.Favourable.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (request.Rubric is not null)
        {
            if (!File.Exists(request.Rubric))
            {
                throw new CliUsageException($"no such rubric file: {request.Rubric}");
            }

            var load = services.GetRequiredService<RubricLoader>().LoadFile(request.Rubric);
            if (!load.Succeeded)
            {
                throw new CliUsageException($"the rubric {request.Rubric} does not load: {load.Diagnostics.First(d => d.IsError)}");
            }

            if (load.Rubric.Favourable.Count == 0)
            {
                throw new CliUsageException($"the rubric {request.Rubric} names no 'favourable' bands; pass --favourable BAND,...");
            }

            return load.Rubric.Favourable;
        }

        throw new CliUsageException("no favourable bands: pass --favourable BAND,... or --rubric FILE (its 'favourable' list)");
    }

    private static void AddRatings(string path, AttributeTable table, List<int> indexes, AuditAccumulator accumulator, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"no such evidence file: {path}");
        }

        var values = new string?[indexes.Count];
        try
        {
            foreach (var row in EvidenceReader.ReadFile(path))
            {
                if (row.Item is { IsRating: true, Rater: { } rater, Value: { } value } item && table.TryGetValues(item.Subject, indexes, values))
                {
                    accumulator.AddRating(new AuditRating(item.Subject, rater, value), values);
                }
            }
        }
        catch (EvidenceFormatException ex)
        {
            throw new CliUsageException($"{path}: {ex.Message}");
        }

        _ = stderr;
    }

    private static string Csv(AuditReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        AuditCsv.Write(writer, report);
        return writer.ToString();
    }

    private static string Json(AuditReport report, Uri? helpBaseUri)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            AuditJson.Write(writer, report, helpBaseUri);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private sealed record Request(string Scores, string Attributes, string? By, bool Intersect, string? Rubric, string? Favourable, int MinGroupSize, string Format, string? Out, string? Evidence, bool ExcludeSmall, string Reference, string Adjust, Uri? HelpBaseUri, string? Rejected, bool Quiet, string? Baseline, string? Locale);
}
