using System.Collections.Concurrent;
using System.Text;

namespace FairRubrics.Cli.LanguageServer;

/// <summary>
/// The explanation and fix of a diagnostic, from the help pages that travel inside the tool: <c>docs/checks/FRnnn.md</c>
/// for design checks and findings, the table of <c>docs/diagnostics.md</c> for load errors (FR001–FR099).
/// </summary>
internal sealed class HelpPages
{
    private const string Prefix = "FairRubrics.Cli.Demo.docs.";
    private readonly ConcurrentDictionary<string, string?> _pages = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, (string Meaning, string Fix)>> _loadErrors;

    public HelpPages()
    {
        _loadErrors = new Lazy<Dictionary<string, (string, string)>>(ReadLoadErrorTable);
    }

    /// <summary>The help page of an id, relative to the docs folder, or null when there is none.</summary>
    public static string? PageOf(string id) =>
        id.Length == 5 && id.StartsWith("FR0", StringComparison.Ordinal) ? "diagnostics.md"
        : Resource($"checks.{id}.md") is { } stream && Dispose(stream) ? $"checks/{id}.md"
        : null;

    /// <summary>Markdown for a hover over a diagnostic: what it says, why it is reported and how to fix it.</summary>
    public string Hover(Diagnostic diagnostic, string? title)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(diagnostic.Id).Append(title is null ? string.Empty : ": " + title).Append("** (")
            .Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(")\n\n");
        sb.Append(diagnostic.Message).Append("\n\n");
        if (diagnostic.Id.StartsWith("FR0", StringComparison.Ordinal))
        {
            if (_loadErrors.Value.TryGetValue(diagnostic.Id, out var row))
            {
                sb.Append("**What it means:** ").Append(row.Meaning).Append("\n\n**How to fix it:** ").Append(row.Fix).Append('\n');
            }

            return sb.ToString().TrimEnd() + "\n";
        }

        var page = _pages.GetOrAdd(diagnostic.Id, static id => Read($"checks.{id}.md"));
        if (page is null)
        {
            return sb.ToString().TrimEnd() + "\n";
        }

        Append(sb, "Why it is reported", Section(page, "What triggers it"));
        Append(sb, "How to fix it", Section(page, "What to do") ?? Section(page, "Fixed example"));
        Append(sb, "If it does not apply", Section(page, "Suppressing it"));
        return sb.ToString().TrimEnd() + "\n";
    }

    private static void Append(StringBuilder sb, string heading, string? body)
    {
        if (body is not null)
        {
            sb.Append("### ").Append(heading).Append("\n\n").Append(body).Append("\n\n");
        }
    }

    /// <summary>The text of a <c>## heading</c> section of a help page, up to the next heading of that level.</summary>
    internal static string? Section(string page, string heading)
    {
        var lines = page.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "## " + heading);
        if (start < 0)
        {
            return null;
        }

        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var body = string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]).Trim();
        return body.Length == 0 ? null : body;
    }

    /// <summary>The meaning and fix of a load diagnostic (FR001–FR099) from the table of <c>docs/diagnostics.md</c>, or null.</summary>
    public (string Meaning, string Fix)? LoadError(string id) =>
        _loadErrors.Value.TryGetValue(id, out var row) ? row : null;

    private Dictionary<string, (string Meaning, string Fix)> ReadLoadErrorTable()
    {
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var page = Read("diagnostics.md");
        if (page is null)
        {
            return table;
        }

        foreach (var line in page.ReplaceLineEndings("\n").Split('\n'))
        {
            // | FR003 | unknown key (with "did you mean") | correct the spelling or remove the key; keys are kebab-case. |
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length >= 5 && cells[1].Length == 5 && cells[1].StartsWith("FR0", StringComparison.Ordinal))
            {
                table[cells[1]] = (cells[2], cells[3]);
            }
        }

        return table;
    }

    /// <summary>A page by its resource name below <c>docs/</c> with dots for slashes (<c>checks.FR101.md</c>, <c>diagnostics.md</c>), or null.</summary>
    internal static string? Read(string name)
    {
        using var stream = Resource(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Stream? Resource(string name) => typeof(HelpPages).Assembly.GetManifestResourceStream(Prefix + name);

    private static bool Dispose(Stream stream)
    {
        stream.Dispose();
        return true;
    }
}
