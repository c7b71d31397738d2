using System.Globalization;
using FairRubrics.Language;

namespace FairRubrics.Cli.Output;

/// <summary>
/// The per-group table of <c>review-text</c> text output: for each analysis, each group's people, comments,
/// share of vague, gender-coded and personality comments and mean length; suppressed groups say only that they
/// are too small. Aggregates only.
/// </summary>
internal static class ReviewTextTable
{
    public static void Write(TextWriter stdout, ReviewTextReport report)
    {
        foreach (var analysis in report.Analyses)
        {
            var rows = new List<string[]> { new[] { string.Join(" x ", analysis.Attributes), "people", "comments", "vague", "coded", "personality", "mean words" } };
            foreach (var g in analysis.Groups)
            {
                var label = string.Join(" / ", g.Values);
                rows.Add(g.Suppressed
                    ? [label, $"fewer than {report.MinGroupSize}" + (g.Suppression == Audit.SuppressionReason.Complementary ? " (withheld)" : string.Empty), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]
                    : [label, Num(g.Subjects), Num(g.Comments), Pct(g.Vague?.Rate), Pct(g.GenderCoded?.Rate), Pct(g.Personality?.Rate), g.MeanWords is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "-"]);
            }

            var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
            stdout.WriteLine();
            foreach (var row in rows)
            {
                stdout.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            }

            var unknown = analysis.UnknownSubjects is { } people
                ? string.Create(CultureInfo.InvariantCulture, $"unknown: {people} {(people == 1 ? "person" : "people")}, {analysis.UnknownComments} comment{(analysis.UnknownComments == 1 ? string.Empty : "s")}")
                : string.Create(CultureInfo.InvariantCulture, $"not in a reported group (small groups and unknown together): {analysis.Unreported} people");
            stdout.WriteLine(unknown);
        }

        stdout.WriteLine();
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Comments} comments about {report.Subjects} people; groups of fewer than {report.MinGroupSize} people are not shown. 'vague', 'coded' and 'personality' are the shares of comments with FR303, FR301 and FR302 findings."));
        stdout.WriteLine();
    }

    private static string Num(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Pct(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
