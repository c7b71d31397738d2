using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FairRubrics.Cli.Output;

namespace FairRubrics.Cli.Tests.Sarif;

/// <summary><c>lint --format sarif</c> against the official SARIF 2.1.0 schema, with help embedded and help links only where they resolve (#23 item 1).</summary>
[Collection("cli")]
public sealed partial class LintSarifTests
{
    private const string Base = "https://docs.example.org/fairrubrics/docs/";

    private static JsonNode ValidSarif(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(["lint", "--format", "sarif", .. args]);
        code.Should().BeOneOf([0, 1], stderr);
        OfficialSarifSchema.Errors(stdout).Should().BeEmpty("the log must validate against the official SARIF 2.1.0 schema");
        return JsonNode.Parse(stdout)!;
    }

    [SkippableFact]
    public void Lint_Sarif_LegacySample_ValidatesWithRulesHelpAndRelativeLocations()
    {
        var sarif = ValidSarif("samples/legacy-networking.yaml");

        sarif["version"]!.GetValue<string>().Should().Be("2.1.0");
        var run = sarif["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        rules.Select(r => r!["id"]!.GetValue<string>()).Should().Equal("FR101", "FR102", "FR103", "FR104", "FR105", "FR106", "FR107", "FR108", "FR109", "FR110", "FR111");
        var fr102 = rules[1]!;
        fr102["name"]!.GetValue<string>().Should().Be("ContactAccumulation");
        fr102["helpUri"].Should().BeNull("a relative helpUri is not a URI; without --help-base-uri there is none");
        fr102["help"]!["markdown"]!.GetValue<string>().Should().StartWith("# FR102: Path rewards accumulating contacts").And.Contain("## Fixed example");
        fr102["help"]!["text"]!.GetValue<string>().Should().StartWith("FR102: Path rewards accumulating contacts").And.Contain("Why it matters").And.NotContain("## ").And.NotContain("**");
        fr102["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("warning");
        rules[4]!["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("note");

        run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>().Should().Be(new Uri(CliRunner.RepositoryRoot + "/").AbsoluteUri);
        var results = run["results"]!.AsArray();
        results.Should().HaveCount(11);
        var first = results[0]!;
        first["ruleId"]!.GetValue<string>().Should().Be("FR101");
        first["ruleIndex"]!.GetValue<int>().Should().Be(0);
        first["level"]!.GetValue<string>().Should().Be("warning");
        var physical = first["locations"]![0]!["physicalLocation"]!;
        physical["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("samples/legacy-networking.yaml");
        physical["artifactLocation"]!["uriBaseId"]!.GetValue<string>().Should().Be("%SRCROOT%");
        physical["region"]!["startLine"]!.GetValue<int>().Should().Be(31);
        physical["region"]!["startColumn"]!.GetValue<int>().Should().Be(5);
    }

    [SkippableFact]
    public void Lint_Sarif_LoadErrors_ValidateWithTheirRuleAndItsHelp()
    {
        var sarif = ValidSarif("tests/FairRubrics.Tests/Loading/Corpus/invalid/scale-gap.yaml", "rubrics");

        var run = sarif["runs"]![0]!;
        var result = run["results"]!.AsArray().Should().ContainSingle().Subject!;
        result["ruleId"]!.GetValue<string>().Should().Be("FR013");
        result["level"]!.GetValue<string>().Should().Be("error");
        result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("tests/FairRubrics.Tests/Loading/Corpus/invalid/scale-gap.yaml");
        var rule = run["tool"]!["driver"]!["rules"]![result["ruleIndex"]!.GetValue<int>()]!;
        rule["id"]!.GetValue<string>().Should().Be("FR013");
        rule["name"]!.GetValue<string>().Should().Be("InvalidScale");
        rule["helpUri"].Should().BeNull();
        rule["help"]!["markdown"]!.GetValue<string>().Should().Contain("**How to fix:** number the levels 1, 2, 3 … N without gaps.");
        rule["help"]!["text"]!.GetValue<string>().Should().Contain("How to fix: number the levels");
    }

    [SkippableTheory]
    [InlineData(Base)]
    [InlineData("https://docs.example.org/fairrubrics/docs")]
    public void Lint_Sarif_HelpBaseUri_IsTheBaseOfTheDocsFolder(string baseUri)
    {
        var sarif = ValidSarif("--help-base-uri", baseUri, "samples/legacy-networking.yaml", "tests/FairRubrics.Tests/Loading/Corpus/invalid/scale-gap.yaml");

        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        rules.Single(r => r!["id"]!.GetValue<string>() == "FR101")!["helpUri"]!.GetValue<string>().Should().Be(Base + "checks/FR101.md");
        rules.Single(r => r!["id"]!.GetValue<string>() == "FR013")!["helpUri"]!.GetValue<string>().Should().Be(Base + "diagnostics.md");
        var markdown = rules.Single(r => r!["id"]!.GetValue<string>() == "FR104")!["help"]!["markdown"]!.GetValue<string>();
        markdown.Should().NotContain("docs/docs/");
        Links(markdown).Should().NotBeEmpty().And.OnlyContain(l => l.StartsWith("https://", StringComparison.Ordinal));
        Links(markdown).Should().Contain(Base + "checks/word-lists.md");
    }

    [SkippableFact]
    public void Lint_Sarif_WithoutHelpBaseUri_EmbedsNoRelativeLinks()
    {
        var sarif = ValidSarif("samples/legacy-networking.yaml");
        var fr107 = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "FR107")!["help"]!["markdown"]!.GetValue<string>();
        fr107.Should().NotContain("](FR106.md)").And.Contain("FR106", "a link to another page keeps its text");

        foreach (var rule in sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray())
        {
            Links(rule!["help"]!["markdown"]!.GetValue<string>()).Where(l => !Uri.IsWellFormedUriString(l, UriKind.Absolute)).Should().BeEmpty($"{rule["id"]}'s help must have no link that cannot resolve");
        }
    }

    [SkippableFact]
    public void OfficialSchema_RejectsWhatTheIssueReported_ARelativeHelpUriAndAnUnknownLevel()
    {
        OfficialSarifSchema.RequireValidator();
        var (_, stdout, _) = CliRunner.Run("lint", "--format", "sarif", "samples/legacy-networking.yaml");
        var sarif = JsonNode.Parse(stdout)!;
        sarif["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!["helpUri"] = "docs/checks/FR101.md";
        sarif["runs"]![0]!["results"]![0]!["level"] = "info";

        var errors = OfficialSarifSchema.Errors(sarif.ToJsonString());

        errors.Should().Contain(e => e.StartsWith("/runs/0/tool/driver/rules/0/helpUri", StringComparison.Ordinal) && e.Contains("uri", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("/runs/0/results/0/level", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_HelpBaseUri_NotAnAbsoluteUri_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("lint", "--help-base-uri", "docs/", "rubrics");

        code.Should().Be(2);
        stderr.Should().Contain("--help-base-uri must be an absolute URI of the docs folder");
    }

    [Fact]
    public void ArtifactUri_RelativeWithForwardSlashesAndEscapes_AbsoluteOutsideTheBase()
    {
        var root = Path.GetTempPath();

        SarifWriter.ArtifactUri(Path.Combine(root, "my rubrics", "a.yaml"), root).Should().Be(("my%20rubrics/a.yaml", true));
        SarifWriter.ArtifactUri(Path.Combine(root, "a.yaml"), Path.Combine(root, "sub")).Uri.Should().StartWith("file:///");
    }

    private static List<string> Links(string markdown) => [.. MarkdownLink().Matches(markdown).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
