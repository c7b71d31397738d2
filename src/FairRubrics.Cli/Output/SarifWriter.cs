using System.Reflection;
using System.Text.Json;
using FairRubrics.Checks;
using FairRubrics.Reporting;

namespace FairRubrics.Cli.Output;

/// <summary>
/// Writes diagnostics as SARIF 2.1.0 (one run, tool <c>FairRubrics</c>) so that code-scanning UIs show them
/// on the rubric files in git: every design-check rule with its metadata, the load diagnostics (FR0xx) that
/// occur, and one result per diagnostic with a relative, forward-slash file URI and its line and column.
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The id under which relative artifact URIs are written; <c>originalUriBaseIds</c> says it is the working folder.</summary>
    public const string SourceRoot = "%SRCROOT%";

    public static string Write(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, CheckDescriptor> descriptors, string baseDirectory, Uri? helpBaseUri)
    {
        var rules = descriptors.Values.ToList();
        foreach (var id in diagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal))
        {
            if (!descriptors.ContainsKey(id) && LoadDiagnosticRules.Describe(id) is { } load)
            {
                rules.Add(load);
            }
        }

        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        return ReportText.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "FairRubrics");
            var version = ToolVersion();
            w.WriteString("version", version);
            w.WriteString("semanticVersion", version.Split('+')[0]);
            w.WriteStartArray("rules");
            var pages = new LanguageServer.HelpPages();
            foreach (var rule in rules)
            {
                WriteRule(w, rule, helpBaseUri, pages);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            var locations = diagnostics.Where(d => !string.IsNullOrEmpty(d.Location.File)).Select(d => ArtifactUri(d.Location.File, baseDirectory)).ToList();
            if (locations.Any(l => l.Relative))
            {
                // Relative artifact URIs are relative to %SRCROOT%: say where that was when the log was made
                // (a viewer that knows the checkout, such as code scanning, maps it to the repository root).
                w.WriteStartObject("originalUriBaseIds");
                w.WriteStartObject(SourceRoot);
                w.WriteString("uri", FolderUri(baseDirectory));
                w.WriteStartObject("description");
                w.WriteString("text", "The folder fairrubrics was run in; relative file URIs are relative to it.");
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Id);
                if (ruleIndex.TryGetValue(d.Id, out var index))
                {
                    w.WriteNumber("ruleIndex", index);
                }

                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                if (!string.IsNullOrEmpty(d.Location.File))
                {
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    var (uri, relative) = ArtifactUri(d.Location.File, baseDirectory);
                    w.WriteString("uri", uri);
                    if (relative)
                    {
                        w.WriteString("uriBaseId", SourceRoot);
                    }

                    w.WriteEndObject();
                    if (d.Location.HasPosition)
                    {
                        w.WriteStartObject("region");
                        w.WriteNumber("startLine", d.Location.Line);
                        w.WriteNumber("startColumn", d.Location.Column);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The help link of a rule as text and JSON outputs print it: absolute against the docs base, or null.</summary>
    public static string? HelpUri(string? helpUri, Uri? helpBaseUri) => HelpLinks.Resolve(helpUri, helpBaseUri)?.AbsoluteUri;

    internal static string FolderUri(string directory)
    {
        var full = Path.GetFullPath(directory);
        var uri = new Uri(Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    internal static (string Uri, bool Relative) ArtifactUri(string file, string baseDirectory)
    {
        var full = Path.GetFullPath(file, baseDirectory);
        var relative = Path.GetRelativePath(baseDirectory, full);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("../", StringComparison.Ordinal))
        {
            return (new Uri(full).AbsoluteUri, false);
        }

        var segments = relative.Replace(Path.DirectorySeparatorChar, '/').Replace('\\', '/').Split('/');
        return (string.Join('/', segments.Select(Uri.EscapeDataString)), true);
    }

    private static void WriteRule(Utf8JsonWriter w, CheckDescriptor rule, Uri? helpBaseUri, LanguageServer.HelpPages pages)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", rule.Name ?? PascalCase(rule.Title));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", rule.Description ?? rule.Title);
        w.WriteEndObject();
        // helpUri must be an absolute URI: it is written only when the docs base is known. The help itself is always embedded.
        if (HelpLinks.Resolve(rule.HelpUri, helpBaseUri) is { } help)
        {
            w.WriteString("helpUri", help.AbsoluteUri);
        }

        var (text, markdown) = SarifHelp.For(rule, helpBaseUri, pages);
        w.WriteStartObject("help");
        w.WriteString("text", text);
        w.WriteString("markdown", markdown);
        w.WriteEndObject();

        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue(rule.Id.StartsWith("FR0", StringComparison.Ordinal) ? "rubric-format" : rule.Id.StartsWith("FR3", StringComparison.Ordinal) ? "review-language" : "rubric-design");
        w.WriteStringValue("fairness");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string PascalCase(string title) =>
        string.Concat(title.Split(' ', '-', '\'', ',', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string ToolVersion() =>
        typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SarifWriter).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
