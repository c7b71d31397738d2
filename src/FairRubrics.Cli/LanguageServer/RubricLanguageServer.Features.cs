using System.Globalization;
using System.Text.Json;
using StreamJsonRpc;

namespace FairRubrics.Cli.LanguageServer;

/// <summary>Hover, completion and code actions.</summary>
internal sealed partial class RubricLanguageServer
{
    private const string DisableKeyword = "fairrubrics-disable-next-line";

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(JsonElement parameters)
    {
        if (!TryDocument(parameters, out var document))
        {
            return null;
        }

        var position = ReadPosition(parameters.GetProperty("position"));
        var here = document.Diagnostics.Where(d => d.Lsp.Range.Contains(position)).ToList();
        if (here.Count > 0)
        {
            var text = string.Join("\n---\n\n", here.Select(d => _help.Hover(d.Diagnostic, Title(d.Diagnostic.Id))));
            return new Hover(MarkupContent.Markdown(text), here[0].Lsp.Range);
        }

        return KeyHover(document, position);
    }

    [JsonRpcMethod("textDocument/completion")]
    public CompletionList Completion(JsonElement parameters)
    {
        if (!TryDocument(parameters, out var document))
        {
            return new CompletionList(false, []);
        }

        var position = ReadPosition(parameters.GetProperty("position"));
        var cursor = YamlCursor.At(document.Lines, position.Line, position.Character);
        if (cursor is null)
        {
            return new CompletionList(false, []);
        }

        var node = _schema.At(cursor.Path);
        var items = new List<CompletionItem>();
        if (cursor.InValue)
        {
            var values = _schema.ValueOf(node, cursor.Key!);
            foreach (var value in _schema.Values(values).Where(v => v.StartsWith(cursor.Typed, StringComparison.Ordinal)))
            {
                items.Add(new CompletionItem(value, CompletionItemKinds.EnumMember) { Detail = SchemaNavigator.Title(values) ?? cursor.Key });
            }
        }
        else
        {
            var order = 0;
            foreach (var (key, schema) in SchemaNavigator.Properties(node))
            {
                order++;
                if (cursor.SiblingKeys.Contains(key) || !key.StartsWith(cursor.Typed, StringComparison.Ordinal))
                {
                    continue;
                }

                var description = SchemaNavigator.Describe([schema]);
                items.Add(new CompletionItem(key, CompletionItemKinds.Property)
                {
                    Detail = SchemaNavigator.Title([schema]),
                    Documentation = description is null ? null : MarkupContent.Markdown(description),
                    InsertText = key + ": ",
                    SortText = order.ToString("D3", CultureInfo.InvariantCulture),
                });
            }
        }

        return new CompletionList(false, items);
    }

    [JsonRpcMethod("textDocument/codeAction")]
    public IReadOnlyList<CodeAction> CodeAction(JsonElement parameters)
    {
        if (!TryDocument(parameters, out var document))
        {
            return [];
        }

        var range = ReadRange(parameters.GetProperty("range"));

        // The diagnostics the editor asks about (those under the cursor), else every one in the range.
        var asked = parameters.TryGetProperty("context", out var context) && context.TryGetProperty("diagnostics", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Where(d => d.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                .Select(d => (d.GetProperty("code").GetString()!, ReadRange(d.GetProperty("range")).Start))
                .ToHashSet()
            : [];
        var actions = new List<CodeAction>();
        var offered = new HashSet<(string, int)>();
        foreach (var (diagnostic, lsp) in document.Diagnostics)
        {
            // Design checks can be suppressed on a line; load errors (FR0xx) cannot.
            if (!_analysis.Descriptors.ContainsKey(diagnostic.Id) || !diagnostic.Location.HasPosition
                || lsp.Range.Start.Line < range.Start.Line || lsp.Range.Start.Line > range.End.Line
                || (asked.Count > 0 && !asked.Contains((diagnostic.Id, lsp.Range.Start)))
                || !offered.Add((diagnostic.Id, lsp.Range.Start.Line)))
            {
                continue;
            }

            var line = lsp.Range.Start.Line;
            var text = line < document.Lines.Length ? document.Lines[line] : string.Empty;
            var indent = text[..(text.Length - text.TrimStart(' ').Length)]; // above "- key: …", like the dash
            var insert = new LspPosition(line, 0);
            var edit = new TextEdit(new LspRange(insert, insert), $"{indent}# {DisableKeyword} {diagnostic.Id} -- \n");
            actions.Add(new CodeAction(
                $"Suppress {diagnostic.Id} on this line (then write the reason after '--')",
                "quickfix",
                [lsp],
                new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>(StringComparer.Ordinal) { [document.Uri] = [edit] })));
        }

        return actions;
    }

    private Hover? KeyHover(OpenDocument document, LspPosition position)
    {
        var line = position.Line < document.Lines.Length ? document.Lines[position.Line] : string.Empty;
        var start = line.Length - line.TrimStart(' ', '-').Length;
        var colon = YamlCursor.KeyColon(line[start..]);
        if (colon < 0 || position.Character < start || position.Character > start + colon)
        {
            return null;
        }

        var cursor = YamlCursor.At(document.Lines, position.Line, start + colon + 1);
        if (cursor?.Key is null)
        {
            return null;
        }

        var schemas = _schema.ValueOf(_schema.At(cursor.Path), cursor.Key);
        var description = SchemaNavigator.Describe(schemas);
        if (description is null)
        {
            return null;
        }

        var title = SchemaNavigator.Title(schemas);
        var text = title is null ? description : $"**{title}** (`{cursor.Key}`)\n\n{description}";
        return new Hover(MarkupContent.Markdown(text), new LspRange(new LspPosition(position.Line, start), new LspPosition(position.Line, start + colon)));
    }

    private string? Title(string id) =>
        _analysis.Descriptors.TryGetValue(id, out var descriptor) ? descriptor.Title : Output.LoadDiagnosticRules.Describe(id)?.Title;

    private bool TryDocument(JsonElement parameters, out OpenDocument document)
    {
        var uri = parameters.GetProperty("textDocument").GetProperty("uri").GetString()!;
        return _documents.TryGetValue(uri, out document!);
    }
}
