using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Checks;
using FairRubrics.Cli.Output;
using FairRubrics.Evidence;
using FairRubrics.Language;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics review-text --comments FILE [--attributes FILE] [--by a,b] [--intersect] [--min-group-size N]
/// [--format text|json|sarif] [--word-list FILE]... [--allow WORD]... [--warnaserror] [--help-base-uri URI]</c>:
/// FR301–FR303 on every comment, FR304 by group when an attributes file is given. Every row is accounted for;
/// subject ids are never printed, and attribute values only as group labels in aggregate output.
/// </summary>
internal static class ReviewTextCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var comments = new Option<string>("--comments") { Description = "Comments: CSV with a 'comment' column and optional 'subject' and 'reviewer' columns (any order), or JSON Lines with the same properties.", Required = true };
        var attributes = new Option<string?>("--attributes") { Description = "Attributes CSV ('subject' and one column per attribute): adds FR304, the comparison of groups (aggregates only)." };
        var by = new Option<string?>("--by") { Description = "Attributes to analyse, comma-separated (default: every attribute column)." };
        var intersect = new Option<bool>("--intersect") { Description = "Also analyse the intersection of the attributes (e.g. gender x ethnicity)." };
        var minGroupSize = new Option<int>("--min-group-size") { Description = "Smallest reported group, in people reviewed (default 5, at least 3).", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var wordLists = new Option<string[]>("--word-list") { Description = "A word-list file (fairrubrics-words: 1) to use besides the built-in lists; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
        var allow = new Option<string[]>("--allow") { Description = "A word or phrase FR301-FR303 never report; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors (exit code 1 when any warning is reported)." };
        var helpBase = HelpBaseUriOption.Create();
        var command = new Command("review-text", "Check reviewers' comments for gender-coded words (FR301), personality rather than behaviour (FR302) and vague feedback (FR303); with --attributes, compare groups (FR304). Findings are printed as file:row: severity FR30n: message.")
        {
            comments, attributes, by, intersect, minGroupSize, format, wordLists, allow, warnAsError, helpBase,
        };
        command.SetAction(parse => Run(
            new Request(parse.GetValue(comments)!, parse.GetValue(attributes), parse.GetValue(by), parse.GetValue(intersect), parse.GetValue(minGroupSize), parse.GetValue(format)!, parse.GetValue(wordLists) ?? [], parse.GetValue(allow) ?? [], parse.GetValue(warnAsError), parse.GetValue(helpBase)),
            stdout,
            stderr));
        return command;
    }

    private static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(request.Comments))
        {
            throw new CliUsageException($"no such comments file: {request.Comments}");
        }

        if (request.Attributes is not null && !File.Exists(request.Attributes))
        {
            throw new CliUsageException($"no such attributes file: {request.Attributes}");
        }

        if (request.MinGroupSize < 3)
        {
            throw new CliUsageException("--min-group-size must be at least 3 (smaller groups could identify people)");
        }

        var helpBaseUri = HelpBaseUriOption.Parse(request.HelpBaseUri);

        var lists = WordListFiles.Load(request.WordLists, stderr);
        using var services = CliServices.Create(o =>
        {
            foreach (var list in lists)
            {
                o.ReviewText.WordLists.Add(list);
            }

            foreach (var word in request.Allow)
            {
                o.ReviewText.AllowedWords.Add(word);
            }
        });
        var checker = services.GetRequiredService<IReviewTextChecker>();
        var population = request.Attributes is null ? null : Population.Open(request, stderr);

        var findings = new List<RowFinding>();
        var rejected = new List<ReviewCommentRow>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long read = 0, withFindings = 0;
        int errors = 0, warnings = 0, infos = 0;
        var progress = ProgressReporter.For(stderr);
        try
        {
            foreach (var row in ReviewCommentReader.ReadFile(request.Comments, name => stderr.WriteLine($"{request.Comments}: the column '{name}' is not read")))
            {
                progress.Tick(++read, "comments checked");
                if (!row.IsValid)
                {
                    rejected.Add(row);
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{request.Comments}:{row.Row}: rejected: {row.Error}"));
                    continue;
                }

                var result = checker.Check(row.Comment);
                population?.Add(row.Subject, result);
                if (result.IsClean)
                {
                    continue;
                }

                withFindings++;
                foreach (var finding in result.Findings)
                {
                    Count(finding.Id, finding.Severity);
                    if (request.Format == "text")
                    {
                        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{request.Comments}:{row.Row}: {finding}"));
                    }
                    else
                    {
                        findings.Add(new RowFinding(row.Row, row.Line, finding));
                    }
                }
            }
        }
        catch (EvidenceFormatException ex)
        {
            throw new CliUsageException($"{request.Comments}: {ex.Message}");
        }

        progress.Done();
        var report = population?.Report(checker);
        foreach (var finding in report?.Findings ?? [])
        {
            Count(finding.Id, finding.Severity);
        }

        var summary = new Summary(read, read - rejected.Count, withFindings, rejected.Count, errors, warnings, infos);
        var descriptors = checker.Descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        switch (request.Format)
        {
            case "json":
                stdout.WriteLine(ReviewTextJson.Write(request.Comments, summary, findings, rejected, report, descriptors, helpBaseUri));
                break;
            case "sarif":
                stdout.WriteLine(SarifWriter.Write(Diagnostics(request.Comments, findings, report), descriptors, Directory.GetCurrentDirectory(), helpBaseUri));
                stderr.WriteLine(summary.Line(request.Comments));
                break;
            default:
                if (report is not null)
                {
                    foreach (var finding in report.Findings)
                    {
                        stdout.WriteLine($"{request.Comments}: {Severity(finding.Severity)} {finding.Id}: {finding.Message}");
                    }

                    ReviewTextTable.Write(stdout, report);
                }

                stdout.WriteLine(summary.Line(request.Comments));
                foreach (var id in ids.Order(StringComparer.Ordinal))
                {
                    var descriptor = descriptors[id];
                    var help = SarifWriter.HelpUri(descriptor.HelpUri, helpBaseUri);
                    stdout.WriteLine(help is null ? $"  {id}: {descriptor.Title}" : $"  {id}: {descriptor.Title}, see {help}");
                }

                break;
        }

        population?.WriteAccounting(stderr);
        return errors > 0 || (request.WarnAsError && warnings > 0) ? CliApp.ExitFindings : CliApp.ExitOk;

        void Count(string id, DiagnosticSeverity severity)
        {
            ids.Add(id);
            switch (severity)
            {
                case DiagnosticSeverity.Error:
                    errors++;
                    break;
                case DiagnosticSeverity.Warning:
                    warnings++;
                    break;
                default:
                    infos++;
                    break;
            }
        }
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Findings as diagnostics for SARIF: a comment's findings at the physical line where its row starts; FR304 on the file.</summary>
    private static List<Diagnostic> Diagnostics(string file, List<RowFinding> findings, ReviewTextReport? report)
    {
        var diagnostics = findings.Select(f => new Diagnostic(f.Finding.Id, f.Finding.Severity, f.Finding.Message, new SourceLocation(file, checked((int)f.Line), 1))).ToList();
        diagnostics.AddRange((report?.Findings ?? []).Select(f => new Diagnostic(f.Id, f.Severity, f.Message, new SourceLocation(file, 0, 0))));
        return diagnostics;
    }

    internal sealed record Request(string Comments, string? Attributes, string? By, bool Intersect, int MinGroupSize, string Format, string[] WordLists, string[] Allow, bool WarnAsError, string? HelpBaseUri);

    internal sealed record RowFinding(long Row, long Line, ReviewTextFinding Finding);

    internal sealed record Summary(long Read, long Checked, long WithFindings, long Rejected, int Errors, int Warnings, int Infos)
    {
        public string Line(string file) => string.Create(
            CultureInfo.InvariantCulture,
            $"{file}: {Read} row(s) read: {Checked} comment(s) checked, {WithFindings} with findings, {Checked - WithFindings} without, {Rejected} rejected; {Errors} error(s), {Warnings} warning(s), {Infos} info(s)");
    }

    /// <summary>The attributes table and the per-group counts for FR304. Subject ids stay here; only aggregates leave.</summary>
    internal sealed class Population
    {
        private readonly Request _request;
        private readonly int[] _indexes;
        private readonly string?[] _values;
        private readonly HashSet<string> _withComments = new(StringComparer.Ordinal);
        private long _withoutSubject;
        private long _withoutAttributes;

        private Population(Request request, AttributeTable table, IReadOnlyList<string> names, int[] indexes)
        {
            _request = request;
            Table = table;
            _indexes = indexes;
            _values = new string?[indexes.Length];
            Accumulator = new ReviewTextAccumulator(names, request.Intersect);
        }

        public AttributeTable Table { get; }

        public ReviewTextAccumulator Accumulator { get; }

        public static Population Open(Request request, TextWriter stderr)
        {
            AttributeTable table;
            using (var stream = File.OpenRead(request.Attributes!))
            {
                try
                {
                    table = AuditInputReader.ReadAttributes(stream);
                }
                catch (EvidenceFormatException ex)
                {
                    throw new CliUsageException($"{request.Attributes}: {ex.Message}");
                }
            }

            foreach (var problem in table.Problems)
            {
                stderr.WriteLine($"{request.Attributes}: {problem}");
            }

            var names = request.By is null
                ? [.. table.Columns]
                : request.By.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var indexes = new List<int>();
            var chosen = new List<string>();
            foreach (var name in names)
            {
                var index = table.Columns.ToList().FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw new CliUsageException($"--by names '{name}', which is not a column of {request.Attributes} (columns: {string.Join(", ", table.Columns)})");
                }

                indexes.Add(index);
                chosen.Add(table.Columns[index]);
            }

            return new Population(request, table, chosen, [.. indexes]);
        }

        public void Add(string? subject, in ReviewTextResult result)
        {
            if (subject is null)
            {
                _withoutSubject++;
                Array.Clear(_values);
            }
            else if (!Table.TryGetValues(subject.Trim(), _indexes, _values))
            {
                _withoutAttributes++;
            }
            else
            {
                _withComments.Add(subject.Trim());
            }

            Accumulator.Add(subject, result, _values);
        }

        public ReviewTextReport Report(IReviewTextChecker checker) =>
            checker.Report(Accumulator, new ReviewTextAuditOptions { MinGroupSize = _request.MinGroupSize });

        public void WriteAccounting(TextWriter stderr) => stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{_request.Attributes}: {Table.Count} subject row(s), {Table.Count - _withComments.Count} without a comment; {_withoutAttributes} comment(s) about people without an attributes row and {_withoutSubject} without a subject (counted as unknown)"));
    }
}
