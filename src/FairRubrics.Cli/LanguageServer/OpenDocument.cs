using System.Text;

namespace FairRubrics.Cli.LanguageServer;

/// <summary>A document the editor has open: its text as the editor has it (not as saved), and what lint found in it.</summary>
internal sealed class OpenDocument
{
    public OpenDocument(string uri, int? version, string text)
    {
        Uri = uri;
        Version = version;
        Text = text;
        Lines = DocumentAnalysis.SplitLines(text);
    }

    public string Uri { get; }

    public int? Version { get; }

    public string Text { get; }

    public string[] Lines { get; }

    public IReadOnlyList<(Diagnostic Diagnostic, LspDiagnostic Lsp)> Diagnostics { get; set; } = [];

    /// <summary>The file name diagnostics name: the local path of a <c>file:</c> URI, else the URI itself.</summary>
    public static string SourceName(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

    /// <summary>Applies an incremental change (a range replaced by new text) to <paramref name="text"/>.</summary>
    public static string Apply(string text, LspRange range, string newText)
    {
        var start = Offset(text, range.Start);
        var end = Math.Max(start, Offset(text, range.End));
        return new StringBuilder(text.Length - (end - start) + newText.Length).Append(text, 0, start).Append(newText).Append(text, end, text.Length - end).ToString();
    }

    private static int Offset(string text, LspPosition position)
    {
        var offset = 0;
        for (var line = 0; line < position.Line; line++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next + 1;
        }

        var lineEnd = text.IndexOf('\n', offset);
        var length = (lineEnd < 0 ? text.Length : lineEnd) - offset;
        return offset + Math.Clamp(position.Character, 0, length);
    }
}
