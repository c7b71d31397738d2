using System.Text.Json;
using System.Text.Json.Nodes;
using FairRubrics.Cli.Output;
using Json.Schema;

namespace FairRubrics.Cli.Tests.Sarif;

[Collection("cli")]
public sealed class LintSarifTests
{
    internal static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "tests", "FairRubrics.Cli.Tests", "Sarif", "sarif-2.1.0-subset.schema.json"))));

    private static JsonNode Sarif(params string[] paths)
    {
        var (code, stdout, stderr) = CliRunner.Run(["lint", "--format", "sarif", .. paths]);
        code.Should().BeOneOf([0, 1], stderr);
        var result = Schema.Value.Evaluate(JsonDocument.Parse(stdout).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        result.IsValid.Should().BeTrue(string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
        return JsonNode.Parse(stdout)!;
    }

    [Fact]
    public void Lint_SarifFormat_LegacySample_HasRulesAndResultsWithRelativeLocations()
    {
        var sarif = Sarif("samples/legacy-networking.yaml");

        sarif["version"]!.GetValue<string>().Should().Be("2.1.0");
        var run = sarif["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        rules.Select(r => r!["id"]!.GetValue<string>()).Should().Equal("FR101", "FR102", "FR103", "FR104", "FR105", "FR106", "FR107", "FR108", "FR109", "FR110");
        var fr102 = rules[1]!;
        fr102["name"]!.GetValue<string>().Should().Be("ContactAccumulation");
        fr102["helpUri"]!.GetValue<string>().Should().Be("docs/checks/FR102.md");
        fr102["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("warning");
        rules[4]!["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("note");

        var results = run["results"]!.AsArray();
        results.Should().HaveCount(11);
        var first = results[0]!;
        first["ruleId"]!.GetValue<string>().Should().Be("FR101");
        first["ruleIndex"]!.GetValue<int>().Should().Be(0);
        first["level"]!.GetValue<string>().Should().Be("warning");
        var physical = first["locations"]![0]!["physicalLocation"]!;
        physical["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("samples/legacy-networking.yaml");
        physical["region"]!["startLine"]!.GetValue<int>().Should().Be(31);
        physical["region"]!["startColumn"]!.GetValue<int>().Should().Be(5);
    }

    [Fact]
    public void Lint_SarifFormat_IncludesLoadErrorsAsResultsWithTheirRule()
    {
        var sarif = Sarif("tests/FairRubrics.Tests/Loading/Corpus/invalid/scale-gap.yaml", "rubrics");

        var run = sarif["runs"]![0]!;
        var result = run["results"]!.AsArray().Should().ContainSingle().Subject!;
        result["ruleId"]!.GetValue<string>().Should().Be("FR013");
        result["level"]!.GetValue<string>().Should().Be("error");
        result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("tests/FairRubrics.Tests/Loading/Corpus/invalid/scale-gap.yaml");
        var rule = run["tool"]!["driver"]!["rules"]![result["ruleIndex"]!.GetValue<int>()]!;
        rule["id"]!.GetValue<string>().Should().Be("FR013");
        rule["name"]!.GetValue<string>().Should().Be("InvalidScale");
        rule["helpUri"]!.GetValue<string>().Should().Be("docs/diagnostics.md");
    }

    [Fact]
    public void Lint_SarifFormat_HelpBaseUri_MakesHelpLinksAbsolute()
    {
        var (code, stdout, _) = CliRunner.Run("lint", "--format", "sarif", "--help-base-uri", "https://docs.example.org/fairrubrics/", "rubrics");

        code.Should().Be(0);
        JsonNode.Parse(stdout)!["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!["helpUri"]!.GetValue<string>()
            .Should().Be("https://docs.example.org/fairrubrics/docs/checks/FR101.md");
    }

    [Fact]
    public void SubsetSchema_RejectsWhatSarifForbids()
    {
        var (_, stdout, _) = CliRunner.Run("lint", "--format", "sarif", "samples/legacy-networking.yaml");
        var sarif = JsonNode.Parse(stdout)!;
        sarif["runs"]![0]!["results"]![0]!["level"] = "info";
        sarif["runs"]![0]!["results"]![1]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;

        var result = Schema.Value.Evaluate(JsonDocument.Parse(sarif.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeFalse();
    }

    [Fact]
    public void ArtifactUri_RelativeWithForwardSlashesAndEscapes_AbsoluteOutsideTheBase()
    {
        var root = Path.GetTempPath();

        SarifWriter.ArtifactUri(Path.Combine(root, "my rubrics", "a.yaml"), root).Should().Be(("my%20rubrics/a.yaml", true));
        SarifWriter.ArtifactUri(Path.Combine(root, "a.yaml"), Path.Combine(root, "sub")).Uri.Should().StartWith("file:///");
    }
}
