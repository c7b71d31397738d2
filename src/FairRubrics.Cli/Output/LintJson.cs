using System.Text.Json;
using FairRubrics.Checks;

namespace FairRubrics.Cli.Output;

/// <summary>The JSON report of <c>fairrubrics lint --format json</c>: files, diagnostics with help links, and a summary.</summary>
internal static class LintJson
{
    public static string Write(LintRunResult result, Uri? helpBaseUri)
    {
        return ReportText.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("files");
            foreach (var file in result.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", file.Source);
                w.WriteBoolean("loaded", file.Succeeded);
                if (file.Rubric is { } rubric)
                {
                    w.WriteString("rubric", rubric.Id);
                    w.WriteString("version", rubric.Version);
                    w.WriteString("contentHash", rubric.ContentHash);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                w.WriteString("message", d.Message);
                w.WriteString("file", d.Location.File);
                if (d.Location.HasPosition)
                {
                    w.WriteNumber("line", d.Location.Line);
                    w.WriteNumber("column", d.Location.Column);
                }
                else
                {
                    w.WriteNull("line");
                    w.WriteNull("column");
                }

                var help = result.Descriptors.TryGetValue(d.Id, out var descriptor) ? descriptor.HelpUri : LoadDiagnosticRules.Describe(d.Id)?.HelpUri;
                if (SarifWriter.HelpUri(help, helpBaseUri) is { } helpUri)
                {
                    w.WriteString("helpUri", helpUri);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("files", result.Files.Count);
            w.WriteNumber("rubrics", result.Rubrics.Count);
            w.WriteNumber("errors", result.Errors);
            w.WriteNumber("warnings", result.Warnings);
            w.WriteNumber("infos", result.Infos);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
