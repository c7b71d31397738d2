using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace FairRubrics.Cli.LanguageServer;

/// <summary>
/// <c>fairrubrics lsp</c>: a Language Server Protocol server over a pair of streams (stdin and stdout). On open and
/// change of a rubric it publishes what <c>lint</c> reports (load errors and design checks, same codes, 0-based
/// positions, with severity); hover over a diagnostic explains it from its help page, hover over a key shows the
/// schema's description; completion offers keys and values from the JSON Schema; a code action inserts a
/// <c># fairrubrics-disable-next-line FRnnn -- </c> comment whose reason the author then writes (until it is there,
/// the comment itself is reported as FR022, "this disable comment has no reason").
/// </summary>
internal sealed partial class RubricLanguageServer
{
    private readonly JsonRpc _rpc;
    private readonly DocumentAnalysis _analysis;
    private readonly HelpPages _help = new();
    private readonly SchemaNavigator _schema = new();
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shutdown;

    private RubricLanguageServer(JsonRpc rpc, DocumentAnalysis analysis)
    {
        _rpc = rpc;
        _analysis = analysis;
    }

    /// <summary>Serves one client until it sends <c>exit</c> or closes the input.</summary>
    /// <returns>0 after <c>shutdown</c> then <c>exit</c>; 1 when the client went away without <c>shutdown</c>.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        formatter.JsonSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        using var order = new OrderedSynchronizationContext();
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter)) { SynchronizationContext = order };
        var server = new RubricLanguageServer(rpc, analysis);
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true, DisposeOnDisconnect = false });
        rpc.StartListening();
        using (cancellationToken.Register(() => server._exit.TrySetResult()))
        {
            await Task.WhenAny(rpc.Completion, server._exit.Task).ConfigureAwait(false);
        }

        return server._shutdown ? 0 : 1;
    }

    [JsonRpcMethod("initialize")]
    public static object Initialize(JsonElement parameters)
    {
        _ = parameters;
        var version = typeof(RubricLanguageServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return new
        {
            capabilities = new
            {
                positionEncoding = "utf-16",
                textDocumentSync = new { openClose = true, change = 1, save = new { includeText = false } },
                hoverProvider = true,
                completionProvider = new { triggerCharacters = new[] { ":", " " }, resolveProvider = false },
                codeActionProvider = new { codeActionKinds = new[] { "quickfix" } },
            },
            serverInfo = new { name = "fairrubrics", version = version.Split('+')[0] },
        };
    }

    [JsonRpcMethod("initialized")]
    public static void Initialized(JsonElement parameters) => _ = parameters;

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _shutdown = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exit.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen")]
    public Task DidOpenAsync(JsonElement parameters)
    {
        var document = parameters.GetProperty("textDocument");
        var uri = document.GetProperty("uri").GetString()!;
        var open = new OpenDocument(uri, OptionalInt(document, "version"), document.GetProperty("text").GetString() ?? string.Empty);
        _documents[uri] = open;
        return PublishAsync(open);
    }

    [JsonRpcMethod("textDocument/didChange")]
    public Task DidChangeAsync(JsonElement parameters)
    {
        var document = parameters.GetProperty("textDocument");
        var uri = document.GetProperty("uri").GetString()!;
        if (!_documents.TryGetValue(uri, out var open))
        {
            return Task.CompletedTask;
        }

        var text = open.Text;
        foreach (var change in parameters.GetProperty("contentChanges").EnumerateArray())
        {
            var newText = change.GetProperty("text").GetString() ?? string.Empty;
            text = change.TryGetProperty("range", out var range) ? OpenDocument.Apply(text, ReadRange(range), newText) : newText;
        }

        open = new OpenDocument(uri, OptionalInt(document, "version"), text);
        _documents[uri] = open;
        return PublishAsync(open);
    }

    [JsonRpcMethod("textDocument/didSave")]
    public static void DidSave(JsonElement parameters) => _ = parameters;

    [JsonRpcMethod("textDocument/didClose")]
    public Task DidCloseAsync(JsonElement parameters)
    {
        var uri = parameters.GetProperty("textDocument").GetProperty("uri").GetString()!;
        _documents.Remove(uri);
        return _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, []));
    }

    private async Task PublishAsync(OpenDocument document)
    {
        // Editors start the server for every YAML file: only rubrics (a top-level 'fairrubrics:' key) are linted.
        document.Diagnostics = DocumentAnalysis.IsRubric(document.Text) ? _analysis.Analyse(document.Text, OpenDocument.SourceName(document.Uri)) : [];
        await _rpc.NotifyWithParameterObjectAsync(
            "textDocument/publishDiagnostics",
            new PublishDiagnosticsParams(document.Uri, document.Version, document.Diagnostics.Select(d => d.Lsp).ToList())).ConfigureAwait(true);
    }

    private static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static LspPosition ReadPosition(JsonElement position) =>
        new(position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

    private static LspRange ReadRange(JsonElement range) =>
        new(ReadPosition(range.GetProperty("start")), ReadPosition(range.GetProperty("end")));
}
