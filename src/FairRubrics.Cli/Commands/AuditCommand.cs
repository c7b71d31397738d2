using System.CommandLine;
using System.Globalization;
using FairRubrics.Audit;
using FairRubrics.Cli.Output;
using FairRubrics.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics audit --scores FILE|DIR --attributes FILE [--by a,b] [--intersect] [--rubric FILE] [--favourable BAND,...]
/// [--min-group-size N] [--format json|md|html] [--out FILE]</c>: the outcome audit (<see cref="IAuditRunner"/>). Streams the
/// score results (a folder's partition files in parallel, merged in name order); memory grows with the attributes table
/// and the number of groups, not with the number of results. Problems with input rows are reported by row number only.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => AuditCommandOptions.Create((o, helpBaseUri) => Run(o, helpBaseUri, stdout, stderr));

    private static int Run(AuditCommandOptions.Values o, Uri? helpBaseUri, TextWriter stdout, TextWriter stderr)
    {
        Require(File.Exists(o.Scores) || Directory.Exists(o.Scores), $"no such score results file or folder: {o.Scores}");
        Require(File.Exists(o.Attributes), $"no such attributes file: {o.Attributes}");
        Require(o.MinGroupSize >= 3, "--min-group-size must be at least 3 (smaller groups could identify people)");

        // A wrong --out fails before any work; the report replaces the old file only when it is whole (AtomicFile).
        using var outFile = o.Out is null ? null : AtomicFile.Create(o.Out);
        using var rejectedFile = o.Rejected is null ? null : AtomicFile.Create(o.Rejected);
        using var services = CliServices.Create();
        var progress = ProgressReporter.For(stderr, o.Quiet, ProgressReporter.SizeOf(o.Scores), o.Scores);
        var request = AuditCommandOptions.Request(o) with
        {
            KeepAllRejections = rejectedFile is not null,
            ByteProgress = progress.IsActive ? progress.ReportNow : null,
            Prepare = report => _ = Render(report, o.Format, helpBaseUri, o.Locale),
        };
        AuditRunResult result;
        try
        {
            result = services.GetRequiredService<IAuditRunner>().RunAsync(request).GetAwaiter().GetResult();
        }
        catch (AuditRequestException ex)
        {
            throw new CliUsageException(AuditCommandOptions.Message(ex, o));
        }

        RejectionReport.WriteAttributeProblems(stderr, o.Attributes, result.AttributeTable);
        progress.Done();
        if (rejectedFile is not null)
        {
            RejectionReport.WriteJsonLines(rejectedFile, result.Rejections);
        }

        RejectionReport.Write(stderr, o.Scores, result.Rejections, o.Rejected);
        var report = result.Report;
        var text = Render(report, o.Format, helpBaseUri, o.Locale);
        if (outFile is null)
        {
            stdout.Write(text);
        }
        else
        {
            outFile.CommitText(text);
        }

        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{o.Scores}: {report.Subjects} result(s) audited ({report.Scored} scored), {result.Rejected} rejected, {result.WithoutAttributes} without an attributes row (counted as unknown); {o.Attributes}: {result.AttributeTable.Count} subject row(s), {result.AttributeRowsWithoutResult} without a result; {report.Findings.Count} finding(s){(o.Out is null ? string.Empty : "; report written to " + o.Out)}"));
        return report.Findings.Any(f => f.Severity == DiagnosticSeverity.Error) ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    private static string Render(AuditReport report, string format, Uri? helpBaseUri, string? locale) => format switch
    {
        "md" => AuditMarkdown.Render(report, new ReportOptions { Locale = locale, HelpBaseUri = helpBaseUri }),
        "html" => AuditHtml.Render(report, new ReportOptions { Locale = locale, HelpBaseUri = helpBaseUri }),
        "csv" => Csv(report),
        _ => ReportText.Json(w => AuditJson.Write(w, report, helpBaseUri)) + "\n",
    };

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new CliUsageException(message);
        }
    }

    private static string Csv(AuditReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        AuditCsv.Write(writer, report);
        return writer.ToString();
    }
}
