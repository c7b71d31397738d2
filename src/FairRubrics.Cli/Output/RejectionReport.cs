using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Evidence;

namespace FairRubrics.Cli.Output;

/// <summary>
/// Renders a <see cref="RejectionSummary"/>: on standard error the counts per reason and the first examples as
/// <c>file:line: kind: reason</c> in line order; with <c>--rejected FILE</c> every rejection as JSON Lines
/// (<c>line</c>, <c>row</c>, <c>kind</c>, <c>reason</c>, and <c>file</c> for inputs of several files). No value from
/// the input is ever written: the reasons name fields only.
/// </summary>
internal static class RejectionReport
{
    /// <summary>The <c>--rejected</c> option of score, audit and review-text.</summary>
    public static System.CommandLine.Option<string?> Option() => new("--rejected")
    {
        Description = "Write every row that was not used to this file as JSON Lines (line, row, kind, reason; never a field value). Standard error shows counts per reason and the first 20.",
    };

    /// <summary>Writes the counts per reason and the examples, unless nothing was rejected.</summary>
    /// <param name="stderr">Where to write.</param>
    /// <param name="file">The input, for examples without their own file.</param>
    /// <param name="summary">The summary.</param>
    /// <param name="rejectedPath">Where the full list goes, or null.</param>
    /// <param name="listable">Whether <c>--rejected</c> can list these rows (false for the attributes table).</param>
    public static void Write(TextWriter stderr, string file, RejectionSummary summary, string? rejectedPath, bool listable = true)
    {
        if (summary.Count == 0)
        {
            return;
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {summary.Count:N0} row(s) not used ({summary.Rejected:N0} rejected, {summary.NotCounted:N0} not counted), by reason:"));
        foreach (var reason in summary.Reasons)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reason.Count,9:N0}  {Kind(reason.Kind)}: {reason.Reason}"));
        }

        var first = summary.Examples.Count < summary.Problems ? $"the first {summary.Examples.Count}" : "each";
        stderr.WriteLine($"{first} in line order:");
        foreach (var example in summary.Examples)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{example.File ?? file}:{example.Line}: {Kind(example.Kind)}: {example.Reason}"));
        }

        var more = summary.Problems - summary.Examples.Count;
        if (more > 0)
        {
            stderr.WriteLine(!listable ? string.Create(CultureInfo.InvariantCulture, $"… and {more:N0} more")
                : rejectedPath is null ? string.Create(CultureInfo.InvariantCulture, $"… and {more:N0} more; --rejected FILE writes them all")
                : string.Create(CultureInfo.InvariantCulture, $"… and {more:N0} more, all of them in {rejectedPath}"));
        }
    }

    /// <summary>Writes the rows of an attributes table that are not used, summarised like the other inputs.</summary>
    /// <param name="stderr">Where to write.</param>
    /// <param name="file">The attributes file.</param>
    /// <param name="table">The table.</param>
    public static void WriteAttributeProblems(TextWriter stderr, string file, Audit.AttributeTable table)
    {
        var summary = new RejectionSummary();
        foreach (var rejection in table.Rejections)
        {
            summary.Add(rejection);
        }

        Write(stderr, file, summary, rejectedPath: null, listable: false);
    }

    /// <summary>Writes every rejection, in file and line order, as JSON Lines.</summary>
    /// <param name="file">The file being written (atomically).</param>
    /// <param name="summary">The summary, made with <c>keepAll</c>.</param>
    public static void WriteJsonLines(AtomicFile file, RejectionSummary summary)
    {
        using (var json = new Utf8JsonWriter(file.Stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            foreach (var rejection in summary.All)
            {
                json.WriteStartObject();
                if (rejection.File is not null)
                {
                    json.WriteString("file", rejection.File);
                }

                json.WriteNumber("line", rejection.Line);
                json.WriteNumber("row", rejection.Row);
                json.WriteString("kind", Kind(rejection.Kind));
                json.WriteString("reason", rejection.Reason);
                json.WriteEndObject();
                json.Flush();
                json.Reset();
                file.Stream.WriteByte((byte)'\n');
            }
        }

        file.Commit();
    }

    private static string Kind(RejectionKind kind) => kind == RejectionKind.Rejected ? "rejected" : "not counted";
}
