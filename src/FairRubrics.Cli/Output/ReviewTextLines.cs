using System.Globalization;
using FairRubrics.Language;

namespace FairRubrics.Cli.Output;

/// <summary>The text of <c>review-text</c>: the group findings and table, the summary line, the checks' titles, and how the comments matched the attributes.</summary>
internal static class ReviewTextLines
{
    public static void Write(TextWriter stdout, string file, ReviewTextRunResult result, Uri? helpBaseUri)
    {
        if (result.Report is { } report)
        {
            foreach (var finding in report.Findings)
            {
                stdout.WriteLine($"{file}: {finding.Severity.ToString().ToLowerInvariant()} {finding.Id}: {finding.Message}");
            }

            ReviewTextTable.Write(stdout, report);
        }

        stdout.WriteLine(SummaryLine(file, result));
        foreach (var id in result.FindingIds)
        {
            var descriptor = result.Descriptors[id];
            var help = SarifWriter.HelpUri(descriptor.HelpUri, helpBaseUri);
            stdout.WriteLine(help is null ? $"  {id}: {descriptor.Title}" : $"  {id}: {descriptor.Title}, see {help}");
        }
    }

    public static string SummaryLine(string file, ReviewTextRunResult r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{file}: {r.Read} row(s) read: {r.Checked} comment(s) checked, {r.WithFindings} with findings, {r.Checked - r.WithFindings} without, {r.RejectedRows.Count} rejected; {r.Errors} error(s), {r.Warnings} warning(s), {r.Infos} info(s)");

    public static string AccountingLine(string attributesFile, ReviewTextPopulation p) => string.Create(
        CultureInfo.InvariantCulture,
        $"{attributesFile}: {p.SubjectRows} subject row(s), {p.WithoutComment} without a comment; {p.CommentsWithoutAttributes} comment(s) about people without an attributes row and {p.CommentsWithoutSubject} without a subject (counted as unknown)");
}
