using System.Text.Json.Serialization;

namespace FairRubrics.Cli.LanguageServer;

// The parts of the Language Server Protocol 3.17 this server speaks, as the wire shapes (camelCase JSON).

/// <summary>A zero-based position; <c>Character</c> counts UTF-16 code units.</summary>
internal sealed record LspPosition(int Line, int Character);

/// <summary>A range of a document, end exclusive.</summary>
internal sealed record LspRange(LspPosition Start, LspPosition End)
{
    public bool Contains(LspPosition p) =>
        Compare(Start, p) <= 0 && (Compare(p, End) < 0 || (Start == End && p == Start));

    private static int Compare(LspPosition a, LspPosition b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);
}

/// <summary>A diagnostic as <c>textDocument/publishDiagnostics</c> sends it.</summary>
internal sealed record LspDiagnostic(LspRange Range, int Severity, string Code, string Source, string Message)
{
    [JsonPropertyName("codeDescription")]
    public LspCodeDescription? CodeDescription { get; init; }
}

/// <summary>A link to a diagnostic's help page.</summary>
internal sealed record LspCodeDescription(string Href);

/// <summary>The parameters of <c>textDocument/publishDiagnostics</c>.</summary>
internal sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<LspDiagnostic> Diagnostics);

/// <summary>Markdown content of a hover or a completion item's documentation.</summary>
internal sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

/// <summary>The result of <c>textDocument/hover</c>.</summary>
internal sealed record Hover(MarkupContent Contents, LspRange? Range);

/// <summary>One completion proposal.</summary>
internal sealed record CompletionItem(string Label, int Kind)
{
    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public string? InsertText { get; init; }

    public string? SortText { get; init; }
}

/// <summary>The result of <c>textDocument/completion</c>.</summary>
internal sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

/// <summary>A text edit.</summary>
internal sealed record TextEdit(LspRange Range, string NewText);

/// <summary>A workspace edit: edits per document URI.</summary>
internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

/// <summary>A code action offered for a diagnostic.</summary>
internal sealed record CodeAction(string Title, string Kind, IReadOnlyList<LspDiagnostic> Diagnostics, WorkspaceEdit Edit)
{
    public bool? IsPreferred { get; init; }
}

/// <summary>Completion item kinds used here (LSP <c>CompletionItemKind</c>).</summary>
internal static class CompletionItemKinds
{
    public const int Value = 12;
    public const int Property = 10;
    public const int EnumMember = 20;
}

/// <summary>Diagnostic severities (LSP <c>DiagnosticSeverity</c>).</summary>
internal static class LspSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;

    public static int From(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Error,
        DiagnosticSeverity.Warning => Warning,
        _ => Information,
    };
}
