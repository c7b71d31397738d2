using System.Text.Json;
using System.Text.Json.Nodes;
using FairRubrics.Schema;
using FairRubrics.Tests.TestSupport;
using Json.Schema;

namespace FairRubrics.Tests.Schema;

/// <summary>The shipped JSON Schema agrees with the loader: what the loader accepts the schema accepts, and schema-visible mistakes are rejected by both.</summary>
public sealed class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(RubricSchema.GetJson()));

    public static TheoryData<string> ShippedRubrics()
    {
        var data = new TheoryData<string>();
        foreach (var file in RubricFiles(Path.Combine(TestRubrics.RepositoryRoot, "rubrics")).Append(Path.Combine(TestRubrics.RepositoryRoot, "samples", "legacy-networking.yaml")))
        {
            data.Add(Path.GetRelativePath(TestRubrics.RepositoryRoot, file));
        }

        return data;
    }

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "valid", "invalid" })
        {
            foreach (var file in RubricFiles(Path.Combine(TestRubrics.CorpusDirectory, folder)))
            {
                data.Add(folder, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void Schema_IsDraft202012_WithTheDocumentedId()
    {
        var json = JsonNode.Parse(RubricSchema.GetJson())!;

        json["$schema"]!.GetValue<string>().Should().Be("https://json-schema.org/draft/2020-12/schema");
        json["$id"]!.GetValue<string>().Should().Be(RubricSchema.Id);
    }

    [Theory]
    [MemberData(nameof(ShippedRubrics))]
    public void Schema_ShippedRubric_LoadsAndValidates(string relativePath)
    {
        var path = Path.Combine(TestRubrics.RepositoryRoot, relativePath);
        var load = new FairRubrics.Loading.RubricLoader().LoadFile(path);
        load.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();

        var result = Evaluate(File.ReadAllText(path));

        result.IsValid.Should().BeTrue(Describe(result));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Schema_CorpusFile_AgreesWithTheLoader(string folder, string name)
    {
        var path = Path.Combine(TestRubrics.CorpusDirectory, folder, name);
        var text = File.ReadAllText(path);
        var expectReject = text.Contains("# schema: reject", StringComparison.Ordinal);
        var json = YamlToJson.Convert(text, out var hasAliases);
        if (json is null || (hasAliases && !expectReject))
        {
            // Not YAML the safe reader accepts (syntax error, NUL, too deep), or aliases an editor would resolve
            // but the safe reader refuses to: nothing comparable for a schema to see.
            expectReject.Should().BeFalse($"{name} says the schema rejects it, but it is not readable YAML");
            return;
        }

        var result = Schema.Value.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        if (expectReject)
        {
            result.IsValid.Should().BeFalse($"the schema should reject {folder}/{name}");
        }
        else
        {
            result.IsValid.Should().BeTrue($"the schema should accept {folder}/{name}: {Describe(result)}");
        }
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var json = YamlToJson.Convert(yaml)!;
        return Schema.Value.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));

    private static IEnumerable<string> RubricFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
