using System.Text;
using FairRubrics.Audit;
using FairRubrics.Scoring;

namespace Snippets;

public static class Auditing
{
    public static AuditReport Streaming(IBiasAuditor auditor, string scoresFile, string attributesFile)
    {
        // begin-snippet: audit-streaming
        // Results streamed from a file (JSON Lines from `fairrubrics score` or ScoreJson), attributes from a CSV.
        AttributeTable table;
        using (var stream = File.OpenRead(attributesFile))
        {
            table = AuditInputReader.ReadAttributes(stream);
        }

        var options = new AuditOptions { Intersect = true };
        options.Attributes.Add("gender");
        options.Attributes.Add("ethnicity");
        options.FavourableBands.Add("Strong");
        var columns = options.Attributes.Select(a => table.Columns.ToList().IndexOf(a)).ToArray();

        var accumulator = new AuditAccumulator([.. options.Attributes], options.Intersect);
        var values = new string?[columns.Length];
        using (var stream = File.OpenRead(scoresFile))
        {
            foreach (var line in AuditInputReader.ReadScores(stream))
            {
                if (line.Subject is { } subject)
                {
                    table.TryGetValues(subject.Subject, columns, values);   // no row: every value unknown
                    accumulator.Add(subject, values);
                }
            }
        }

        var report = auditor.Report(accumulator, options);   // memory grows with groups, not with people
        File.WriteAllText("audit.html", AuditHtml.Render(report, "Outcome audit"), Encoding.UTF8);
        // end-snippet
        return report;
    }

    public static void Read(AuditReport report)
    {
        // begin-snippet: audit-read
        foreach (var finding in report.Findings)
        {
            Console.WriteLine($"{finding.Severity} {finding.Id} {string.Join(" x ", finding.Attributes)} = {string.Join("/", finding.Values)}: {finding.Message}");
        }

        foreach (var analysis in report.Analyses)
        {
            foreach (var group in analysis.Groups.Where(g => !g.Suppressed))
            {
                Console.WriteLine($"{string.Join("/", group.Values)}: n={group.N}, selection rate {group.SelectionRate:P1}, impact ratio {group.ImpactRatio:0.00}");
            }
        }
        // end-snippet
    }

    public static AuditReport Merge(IBiasAuditor auditor, IEnumerable<IEnumerable<(SubjectScore Result, string?[] Values)>> units, AuditOptions options)
    {
        // begin-snippet: audit-merge
        var total = new AuditAccumulator(["gender", "ethnicity"], intersect: true);
        foreach (var unit in units)
        {
            var part = new AuditAccumulator(["gender", "ethnicity"], intersect: true);
            foreach (var (result, values) in unit)
            {
                part.Add(AuditSubject.From(result), values);   // values: one per attribute, null = unknown
            }

            total.Merge(part);
        }

        var report = auditor.Report(total, options);           // IBiasAuditor from AddFairRubrics()
        // end-snippet
        return report;
    }

    public static void Json(IEnumerable<SubjectScore> scores, Stream output)
    {
        // begin-snippet: audit-write-scores
        using var writer = new System.Text.Json.Utf8JsonWriter(output);
        foreach (var score in scores)
        {
            ScoreJson.Write(writer, score, explain: true);   // the same JSON Lines as `fairrubrics score --explain`
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
        // end-snippet
    }

    public static async Task<AuditReport> RunnerAsync(IAuditRunner runner, CancellationToken cancellationToken)
    {
        // begin-snippet: audit-runner
        var result = await runner.RunAsync(
            new AuditRequest("scores.jsonl", "attributes.csv")
            {
                Rubric = "rubrics/promotion.yaml",
                By = ["gender", "ethnicity"],
                Intersect = true,
                ConsistentWith = "reports/march.json",
            },
            cancellationToken).ConfigureAwait(false);

        // result.Report, result.Rejections (lines rejected, by file and line), result.AttributeTable.Rejections
        // end-snippet
        return result.Report;
    }
}
