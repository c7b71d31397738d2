using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FairRubrics.Cli.Output;

/// <summary>The text of a report the CLI writes: JSON made with the CLI's writer settings, and a report written to a file or standard output.</summary>
internal static class ReportText
{
    /// <summary>The JSON that <paramref name="write"/> produces, UTF-8 with relaxed escaping (readable non-ASCII text), indented or on one line.</summary>
    public static string Json(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes <paramref name="text"/>, ending in a newline, to <paramref name="path"/> (UTF-8 without a byte-order mark) or, when it is null, to <paramref name="stdout"/>.</summary>
    public static void Write(string? path, string text, TextWriter stdout)
    {
        var ended = text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
        if (path is null)
        {
            stdout.Write(ended.Length == 0 ? "\n" : ended);
            return;
        }

        File.WriteAllText(path, ended, new UTF8Encoding(false));
    }
}
