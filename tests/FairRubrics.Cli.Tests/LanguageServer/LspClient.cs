using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FairRubrics.Cli.Tests.LanguageServer;

/// <summary>
/// Drives <c>fairrubrics lsp</c> with a real LSP client: tests/lsp-client/client.mjs, built on
/// vscode-languageserver-protocol (the protocol library of VS Code's client), run by node. Where node or the client's
/// packages are missing the tests skip with the reason; with CI=true they fail instead (.ci/run installs both).
/// </summary>
internal static class LspClient
{
    private static string ClientDirectory => Path.Combine(CliRunner.RepositoryRoot, "tests", "lsp-client");

    public static void SkipUnlessAvailable()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var node = FindNode();
        var packages = Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "vscode-languageserver-protocol"));
        if (node is null || !packages)
        {
            var reason = node is null
                ? "node is not installed (apt-get install nodejs); the LSP client tests run in CI"
                : "the LSP client's packages are not installed (npm ci --prefix tests/lsp-client); the LSP client tests run in CI";
            ci.Should().BeFalse($"CI installs node and the client's packages (.ci/run): {reason}");
            Skip.If(true, reason);
        }
    }

    /// <summary>Runs the steps and returns each step's answer (after the initialize answer), and the server's exit code.</summary>
    public static (List<JsonNode?> Answers, JsonNode? Initialize, int? ExitCode) Run(params object[] steps)
    {
        var server = typeof(CliApp).Assembly.Location;
        var scenario = new { server = new[] { "dotnet", server, "lsp", "--stdio" }, steps };
        var file = Path.Combine(Path.GetTempPath(), $"fairrubrics-lsp-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(scenario));
        try
        {
            var start = new ProcessStartInfo(FindNode()!, ["client.mjs", file])
            {
                WorkingDirectory = ClientDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the LSP client scenario did not finish in 90 s");
            }

            var output = JsonNode.Parse(stdout.Result)!;
            output["error"].Should().BeNull($"the client reported no error (server stderr: {output["stderr"]}; client stderr: {stderr.Result})");
            var answers = output["answers"]!.AsArray();
            var initialize = answers[0]!["result"];
            var last = answers[^1]!;
            var exit = last["exitCode"]?.GetValueKind() == JsonValueKind.Number ? last["exitCode"]!.GetValue<int>() : (int?)null;
            return (answers.Skip(1).Take(answers.Count - 2).Select(a => a!["result"]).ToList(), initialize, exit);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static object Open(string uri, string text) => new { open = new { uri, text } };

    public static object Change(string uri, string text) => new { change = new { uri, text } };

    public static object Close(string uri) => new { close = new { uri } };

    public static object Diagnostics(string uri) => new { diagnostics = new { uri } };

    public static object Hover(string uri, int line, int character) => new { hover = new { uri, position = new { line, character } } };

    public static object HoverDiagnostic(string uri, int index) => new { hoverDiagnostic = new { uri, index } };

    public static object Completion(string uri, int line, int character) => new { completion = new { uri, position = new { line, character } } };

    public static object CodeAction(string uri, int index) => new { codeAction = new { uri, index } };

    public static object ApplyFirstCodeAction(string uri, int index) => new { applyFirstCodeAction = new { uri, index } };

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
}
