using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Checks;
using FairRubrics.Language;

namespace FairRubrics.Cli.Output;

/// <summary>
/// Writes <c>review-text --format json</c>: the summary, every finding with its row, line, words and suggestion,
/// every rejected row, and with <c>--attributes</c> the population analysis (aggregates only: no subject ids;
/// a suppressed group keeps its values and has every figure null). Numbers at full round-trip precision.
/// </summary>
internal static class ReviewTextJson
{
    public static string Write(
        string file,
        ReviewTextRunResult summary,
        Uri? helpBaseUri)
    {
        var (findings, rejected, report, descriptors) = (summary.Findings, summary.RejectedRows, summary.Report, summary.Descriptors);
        return ReportText.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteStartObject("summary");
            w.WriteNumber("rows", summary.Read);
            w.WriteNumber("comments", summary.Checked);
            w.WriteNumber("withFindings", summary.WithFindings);
            w.WriteNumber("withoutFindings", summary.Checked - summary.WithFindings);
            w.WriteNumber("rejected", summary.RejectedRows.Count);
            w.WriteNumber("errors", summary.Errors);
            w.WriteNumber("warnings", summary.Warnings);
            w.WriteNumber("infos", summary.Infos);
            w.WriteEndObject();

            w.WriteStartArray("findings");
            foreach (var (row, line, finding) in findings)
            {
                w.WriteStartObject();
                w.WriteNumber("row", row);
                w.WriteNumber("line", line);
                w.WriteString("id", finding.Id);
                w.WriteString("severity", Severity(finding.Severity));
                w.WriteString("message", finding.Message);
                w.WriteString("suggestion", finding.Suggestion);
                Help(w, descriptors, finding.Id, helpBaseUri);
                w.WriteStartArray("words");
                foreach (var word in finding.Words)
                {
                    w.WriteStartObject();
                    w.WriteString("text", word.Text);
                    w.WriteNumber("start", word.Start);
                    w.WriteNumber("length", word.Length);
                    w.WriteString("term", word.Term);
                    w.WriteString("list", word.List);
                    w.WriteString("source", word.Source);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rejected");
            foreach (var row in rejected)
            {
                w.WriteStartObject();
                w.WriteNumber("row", row.Row);
                w.WriteNumber("line", row.Line);
                w.WriteString("reason", row.Error);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (report is null)
            {
                w.WriteNull("population");
            }
            else
            {
                w.WritePropertyName("population");
                WriteReport(w, report, descriptors, helpBaseUri);
            }

            w.WriteEndObject();
        });
    }

    private static void WriteReport(Utf8JsonWriter w, ReviewTextReport report, IReadOnlyDictionary<string, CheckDescriptor> descriptors, Uri? helpBaseUri)
    {
        w.WriteStartObject();
        w.WriteNumber("comments", report.Comments);
        w.WriteNumber("subjects", report.Subjects);
        w.WriteNumber("minGroupSize", report.MinGroupSize);
        w.WritePropertyName("overall");
        WriteGroup(w, report.Overall);
        w.WriteStartArray("analyses");
        foreach (var analysis in report.Analyses)
        {
            w.WriteStartObject();
            Strings(w, "attributes", analysis.Attributes);
            Number(w, "unknownSubjects", analysis.UnknownSubjects);
            Number(w, "unknownComments", analysis.UnknownComments);
            Number(w, "unreported", analysis.Unreported);
            w.WriteStartArray("groups");
            foreach (var group in analysis.Groups)
            {
                WriteGroup(w, group);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("severity", Severity(f.Severity));
            Strings(w, "attributes", f.Attributes);
            Strings(w, "values", f.Values);
            w.WriteString("measure", f.Measure);
            w.WriteString("message", f.Message);
            Help(w, descriptors, f.Id, helpBaseUri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, ReviewTextGroup g)
    {
        w.WriteStartObject();
        Strings(w, "values", g.Values);
        w.WriteBoolean("suppressed", g.Suppressed);
        if (AuditJson.SuppressionName(g.Suppression) is { } reason)
        {
            w.WriteString("suppression", reason);
        }
        else
        {
            w.WriteNull("suppression");
        }

        Number(w, "subjects", g.Subjects);
        Number(w, "comments", g.Comments);
        Rate(w, "genderCoded", g.GenderCoded);
        Rate(w, "personality", g.Personality);
        Rate(w, "vague", g.Vague);
        Rate(w, "anyFinding", g.AnyFinding);
        Number(w, "genderCodedWordsPerThousand", g.GenderCodedWordsPerThousand);
        Number(w, "personalityWordsPerThousand", g.PersonalityWordsPerThousand);
        Number(w, "meanWords", g.MeanWords);
        Number(w, "wordsStandardDeviation", g.WordsStandardDeviation);
        Number(w, "othersMeanWords", g.OthersMeanWords);
        Number(w, "lengthHedgesG", g.LengthHedgesG);
        Number(w, "lengthP", g.LengthP);
        w.WriteEndObject();
    }

    private static void Rate(Utf8JsonWriter w, string name, ReviewTextRate? rate)
    {
        if (rate is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("count", rate.Count);
        w.WriteNumber("rate", rate.Rate);
        Number(w, "othersRate", rate.OthersRate);
        Number(w, "difference", rate.Difference);
        Number(w, "fisherP", rate.FisherP);
        w.WriteEndObject();
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static void Help(Utf8JsonWriter w, IReadOnlyDictionary<string, CheckDescriptor> descriptors, string id, Uri? helpBaseUri)
    {
        if (descriptors.TryGetValue(id, out var descriptor) && SarifWriter.HelpUri(descriptor.HelpUri, helpBaseUri) is { } help)
        {
            w.WriteString("helpUri", help);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
