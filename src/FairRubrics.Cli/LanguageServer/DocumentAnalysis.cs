using FairRubrics.Checks;
using FairRubrics.Loading;

namespace FairRubrics.Cli.LanguageServer;

/// <summary>
/// What <c>lint</c> reports for one open document — the loader's diagnostics and the design checks, with the same
/// codes and positions (made 0-based) — as LSP diagnostics with a range covering the node each one names.
/// </summary>
internal sealed class DocumentAnalysis
{
    private readonly RubricLoader _loader;
    private readonly IRubricLinter _linter;
    private readonly Uri? _helpBase;

    public DocumentAnalysis(RubricLoader loader, IRubricLinter linter, Uri? helpBase)
    {
        _loader = loader;
        _linter = linter;
        _helpBase = helpBase;
    }

    /// <summary>Gets the design checks' descriptors (titles and default severities).</summary>
    public IReadOnlyDictionary<string, CheckDescriptor> Descriptors => _linter.Descriptors;

    /// <summary>Loads and lints <paramref name="text"/> as the file <paramref name="source"/>.</summary>
    public IReadOnlyList<(Diagnostic Diagnostic, LspDiagnostic Lsp)> Analyse(string text, string source)
    {
        var load = _loader.LoadString(text, source);
        var diagnostics = new List<Diagnostic>(load.Diagnostics);
        if (load.Rubric is { } rubric)
        {
            diagnostics.AddRange(_linter.Lint(rubric));
        }

        var lines = SplitLines(text);
        return diagnostics
            .OrderBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => (d, ToLsp(d, lines)))
            .ToList();
    }

    /// <summary>Whether a YAML document is a rubric: it has a top-level <c>fairrubrics:</c> key (other YAML files get no diagnostics).</summary>
    public static bool IsRubric(string text) =>
        SplitLines(text).Any(l => l.StartsWith("fairrubrics:", StringComparison.Ordinal) || l.StartsWith("\"fairrubrics\":", StringComparison.Ordinal) || l.StartsWith('{'));

    internal static string[] SplitLines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private LspDiagnostic ToLsp(Diagnostic d, string[] lines)
    {
        var range = RangeOf(d.Location, lines);
        var help = HelpPages.PageOf(d.Id);
        return new LspDiagnostic(range, LspSeverity.From(d.Severity), d.Id, "fairrubrics", d.Message)
        {
            CodeDescription = help is not null && FairRubrics.Checks.HelpLinks.Resolve("docs/" + help, _helpBase) is { } uri ? new LspCodeDescription(uri.AbsoluteUri) : null,
        };
    }

    /// <summary>
    /// The range of the node a diagnostic names: from its position to the end of the key (up to the <c>:</c>) when it
    /// names a key, else to the end of the value on that line (a trailing comment left out); a diagnostic without a
    /// position covers the start of the file.
    /// </summary>
    internal static LspRange RangeOf(SourceLocation location, string[] lines)
    {
        if (!location.HasPosition)
        {
            return new LspRange(new LspPosition(0, 0), new LspPosition(0, 0));
        }

        var line = Math.Min(location.Line - 1, Math.Max(lines.Length - 1, 0));
        var text = lines.Length == 0 ? string.Empty : lines[line];
        var start = Math.Min(location.Column - 1, text.Length);
        var end = EndOfNode(text, start);
        return new LspRange(new LspPosition(line, start), new LspPosition(line, end));
    }

    private static int EndOfNode(string text, int start)
    {
        if (start >= text.Length)
        {
            return text.Length;
        }

        var quote = text[start] is '"' or '\'' ? text[start] : '\0';
        var i = start + (quote == '\0' ? 0 : 1);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    return i + 1;
                }

                continue;
            }

            if (c == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }

            if (c == '#' && i > start && text[i - 1] == ' ')
            {
                break;
            }
        }

        var end = i;
        while (end > start + 1 && text[end - 1] == ' ')
        {
            end--;
        }

        return Math.Max(end, Math.Min(start + 1, text.Length));
    }
}
