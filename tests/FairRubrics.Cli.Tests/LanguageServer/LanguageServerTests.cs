using System.Text.Json;
using System.Text.Json.Nodes;
using static FairRubrics.Cli.Tests.LanguageServer.LspClient;

namespace FairRubrics.Cli.Tests.LanguageServer;

/// <summary>
/// <c>fairrubrics lsp</c> driven by a real LSP client (vscode-languageserver-protocol under node): the diagnostics are
/// exactly what <c>lint --format json</c> reports, hover explains them, completion comes from the schema, and the quick
/// fix inserts a suppression whose reason the author is then asked for.
/// </summary>
[Collection("cli")]
public sealed class LanguageServerTests : IDisposable
{
    private const string Broken = """
        fairrubrics: 1
        id: broken
        version: 1.0.0
        title: Broken on purpose
        scale: { 1: Low, 2: Mid, 3: High }
        competencies:
          - id: delivery
            title: Delivers
            combine: best-off
            colour: blue
            paths:
              - id: outcomes
                title: Manager assessment
                score:
                  rule: rating
                  sources: [manager]
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-lsp-");

    public void Dispose() => _dir.Delete(recursive: true);

    [SkippableFact]
    public void Diagnostics_AreExactlyWhatLintJsonReports_WithZeroBasedPositions()
    {
        SkipUnlessAvailable();
        var files = Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "rubrics"), "*.yaml")
            .Append(Path.Combine(CliRunner.RepositoryRoot, "samples", "legacy-networking.yaml"))
            .Append(Write("broken.yaml", Broken))
            .ToList();
        var steps = new List<object>();
        foreach (var file in files)
        {
            var uri = new Uri(file).AbsoluteUri;
            steps.Add(Open(uri, File.ReadAllText(file)));
            steps.Add(Diagnostics(uri));
        }

        var (answers, initialize, exitCode) = Run([.. steps]);

        initialize!["capabilities"]!["hoverProvider"]!.GetValue<bool>().Should().BeTrue();
        exitCode.Should().Be(0, "the server exits with 0 after shutdown and exit");
        for (var i = 0; i < files.Count; i++)
        {
            var published = answers[(2 * i) + 1]!;
            published["version"]!.GetValue<int>().Should().Be(1);
            var lsp = published["diagnostics"]!.AsArray().Select(d => (
                Id: d!["code"]!.GetValue<string>(),
                Severity: d["severity"]!.GetValue<int>(),
                Line: d["range"]!["start"]!["line"]!.GetValue<int>(),
                Column: d["range"]!["start"]!["character"]!.GetValue<int>(),
                Message: d["message"]!.GetValue<string>())).ToList();
            lsp.Should().Equal(LintJson(files[i]), $"the diagnostics of {Path.GetFileName(files[i])} are lint's");
        }

        var broken = answers[^1]!["diagnostics"]!.AsArray();
        broken.Select(d => d!["code"]!.GetValue<string>()).Should().Contain(["FR003", "FR007"]);
    }

    [SkippableFact]
    public void HoverOverADiagnostic_ExplainsTheCheckAndHowToFixIt()
    {
        SkipUnlessAvailable();
        var legacy = Path.Combine(CliRunner.RepositoryRoot, "samples", "legacy-networking.yaml");
        var lint = LintJson(legacy);
        var fr104 = lint.FindIndex(d => d.Id == "FR104");
        var uri = new Uri(legacy).AbsoluteUri;
        var brokenUri = new Uri(Write("broken.yaml", Broken)).AbsoluteUri;
        var brokenLint = LintJson(Path.Combine(_dir.FullName, "broken.yaml"));
        var fr007 = brokenLint.FindIndex(d => d.Id == "FR007");
        var combineLine = Array.FindIndex(File.ReadAllLines(legacy), l => l.TrimStart().StartsWith("combine:", StringComparison.Ordinal));

        var (answers, _, _) = Run(
            Open(uri, File.ReadAllText(legacy)),
            Diagnostics(uri),
            HoverDiagnostic(uri, fr104),
            Hover(uri, combineLine, 6),
            Open(brokenUri, Broken),
            Diagnostics(brokenUri),
            HoverDiagnostic(brokenUri, fr007));

        var check = answers[2]!["contents"]!;
        check["kind"]!.GetValue<string>().Should().Be("markdown");
        var text = check["value"]!.GetValue<string>();
        text.Should().Contain("**FR104: ", "every diagnostic at the position is explained (FR102 starts there too)");
        text.Should().Contain(lint[fr104].Message);
        text.Should().Contain("### Why it is reported").And.Contain("Gaucher", "the explanation comes from the check's help page");
        text.Should().Contain("### How to fix it").And.Contain("### If it does not apply").And.Contain("fairrubrics-disable-next-line");

        var key = answers[3]!["contents"]!["value"]!.GetValue<string>();
        key.Should().Contain("best-of").And.Contain("weighted-mean", "hover over a key shows the schema's description");

        var load = answers[6]!["contents"]!["value"]!.GetValue<string>();
        load.Should().StartWith("**FR007: Value not one of the allowed words**");
        load.Should().Contain("best-off").And.Contain("**How to fix it:** use one of the listed values");
    }

    [SkippableFact]
    public void Completion_OffersTheKeysAndValuesTheSchemaAllows_WhereTheCursorIs()
    {
        SkipUnlessAvailable();
        const string text = """
            fairrubrics: 1
            id: draft
            version: 1.0.0

            competencies:
              - id: delivery
                combine: 
                
                paths:
                  - id: outcomes
                    score:
                      rule: 
                    
            """;
        var uri = new Uri(Write("draft.yaml", text)).AbsoluteUri;

        var (answers, _, _) = Run(
            Open(uri, text),
            Completion(uri, 3, 0),
            Completion(uri, 6, 13),
            Completion(uri, 11, 16),
            Completion(uri, 12, 8),
            Completion(uri, 7, 4),
            Completion(uri, 0, 0));

        Labels(answers[1]).Should().Contain(["title", "scale", "bands", "favourable", "window", "checks"])
            .And.NotContain(["id", "version", "competencies"], "keys already present are not offered again");
        Labels(answers[2]).Should().BeEquivalentTo(["best-of", "mean", "weighted-mean"]);
        Labels(answers[3]).Should().Contain(["rating", "count", "presence"]);
        Labels(answers[4]).Should().Contain(["title", "anchors", "weight", "description"]).And.NotContain(["id", "score", "rule"], "the cursor is in the path's mapping, beside id and score");
        Labels(answers[5]).Should().Contain(["title", "category", "weight"]).And.NotContain(["id", "combine", "paths", "fairrubrics"], "the cursor is in the competency's mapping");
        answers[1]!["items"]!.AsArray().First(i => i!["label"]!.GetValue<string>() == "bands")!["insertText"]!.GetValue<string>().Should().Be("bands: ");
    }

    [SkippableFact]
    public void QuickFix_InsertsADisableCommentAndTheReasonIsAskedForUntilGiven()
    {
        SkipUnlessAvailable();
        var legacy = Path.Combine(CliRunner.RepositoryRoot, "samples", "legacy-networking.yaml");
        var lint = LintJson(legacy);
        var fr104 = lint.FindIndex(d => d.Id == "FR104");
        var original = File.ReadAllText(legacy);
        var uri = new Uri(Write("legacy.yaml", original)).AbsoluteUri;

        var (answers, _, _) = Run(
            Open(uri, original),
            Diagnostics(uri),
            ApplyFirstCodeAction(uri, fr104));

        var applied = answers[2]!;
        var action = applied["actions"]![0]!;
        action["kind"]!.GetValue<string>().Should().Be("quickfix");
        action["title"]!.GetValue<string>().Should().Contain("FR104").And.Contain("reason");
        var lines = applied["text"]!.GetValue<string>().Split('\n');
        var comment = lines[lint[fr104].Line];
        comment.Trim().Should().Be("# fairrubrics-disable-next-line FR104 --");
        comment.Should().StartWith(new string(' ', lines[lint[fr104].Line + 1].Length - lines[lint[fr104].Line + 1].TrimStart().Length), "the comment is indented like the line it suppresses");
        var after = applied["diagnostics"]!.AsArray().Select(d => (Id: d!["code"]!.GetValue<string>(), Line: d["range"]!["start"]!["line"]!.GetValue<int>(), Message: d["message"]!.GetValue<string>())).ToList();
        after.Should().Contain(d => d.Id == "FR022" && d.Line == lint[fr104].Line && d.Message.Contains("no reason"), "the comment asks for its reason");

        var withReason = string.Join('\n', lines.Select((l, i) => i == lint[fr104].Line ? l + "agreed with the works council" : l));
        var (answers2, _, _) = Run(Open(uri, withReason), Diagnostics(uri));
        var final = answers2[1]!["diagnostics"]!.AsArray().Select(d => (Id: d!["code"]!.GetValue<string>(), Line: d["range"]!["start"]!["line"]!.GetValue<int>())).ToList();
        final.Should().NotContain(d => d.Id == "FR022");
        final.Should().NotContain(d => d.Id == "FR104" && d.Line == lint[fr104].Line + 1, "the suppressed finding is gone");
        final.Count(d => d.Id == "FR104").Should().Be(lint.Count(d => d.Id == "FR104") - 1);
    }

    [SkippableFact]
    public void EditsUpdateTheDiagnostics_AndClosingClearsThem()
    {
        SkipUnlessAvailable();
        var uri = new Uri(Write("broken.yaml", Broken)).AbsoluteUri;
        var fixedText = Broken.Replace("best-off", "best-of", StringComparison.Ordinal).Replace("    colour: blue\n", string.Empty, StringComparison.Ordinal);

        var (answers, _, exitCode) = Run(Open(uri, Broken), Diagnostics(uri), Change(uri, fixedText), Diagnostics(uri), Close(uri));

        Codes(answers[1]).Should().Contain(["FR003", "FR007"]);
        answers[3]!["version"]!.GetValue<int>().Should().Be(2);
        Codes(answers[3]).Should().NotContain(["FR003", "FR007"]);
        answers[4]!["diagnostics"]!.AsArray().Should().BeEmpty("a closed document's diagnostics are cleared");
        exitCode.Should().Be(0);
    }

    [SkippableFact]
    public void YamlFilesThatAreNotRubrics_GetNoDiagnostics()
    {
        SkipUnlessAvailable();
        const string workflow = "name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n";
        var uri = new Uri(Write("ci.yaml", workflow)).AbsoluteUri;
        var missing = Broken.Replace("fairrubrics: 1\n", "fairrubrics: 7\n", StringComparison.Ordinal);
        var rubricUri = new Uri(Write("v7.yaml", missing)).AbsoluteUri;

        var (answers, _, _) = Run(Open(uri, workflow), Diagnostics(uri), Open(rubricUri, missing), Diagnostics(rubricUri));

        answers[1]!["diagnostics"]!.AsArray().Should().BeEmpty("a YAML file without a top-level fairrubrics: key is not a rubric");
        Codes(answers[3]).Should().Contain("FR002", "a rubric with an unsupported format version is still linted");
    }

    private static List<string> Labels(JsonNode? completion) =>
        completion!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();

    private static List<string> Codes(JsonNode? published) =>
        published!["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).ToList();

    private static List<(string Id, int Severity, int Line, int Column, string Message)> LintJson(string file)
    {
        var (_, stdout, _) = CliRunner.Run("lint", "--format", "json", file);
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => (
            d.GetProperty("id").GetString()!,
            d.GetProperty("severity").GetString() switch { "error" => 1, "warning" => 2, _ => 3 },
            d.GetProperty("line").ValueKind == JsonValueKind.Number ? d.GetProperty("line").GetInt32() - 1 : 0,
            d.GetProperty("column").ValueKind == JsonValueKind.Number ? d.GetProperty("column").GetInt32() - 1 : 0,
            d.GetProperty("message").GetString()!)).ToList();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
