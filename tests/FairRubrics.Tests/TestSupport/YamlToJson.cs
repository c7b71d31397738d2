using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FairRubrics.Loading;

namespace FairRubrics.Tests.TestSupport;

/// <summary>
/// Converts rubric YAML to JSON as an editor's YAML language server does (YAML 1.2 core schema): plain
/// scalars that look like numbers, booleans or null become those JSON types; everything else is a string.
/// </summary>
internal static partial class YamlToJson
{
    public static JsonNode? Convert(string yaml) => Convert(yaml, out _);

    /// <summary>Converts; <paramref name="hasAliases"/> tells whether aliases were replaced by null (a YAML tool would have resolved them).</summary>
    public static JsonNode? Convert(string yaml, out bool hasAliases)
    {
        var diagnostics = new DiagnosticBag();
        var options = new RubricLoaderOptions();
        var root = YamlTreeReaderAccess.ReadAny(yaml, options, diagnostics);
        hasAliases = diagnostics.Items.Any(d => d.Id == DiagnosticIds.AliasNotAllowed);
        return root is null ? null : ToJson(root);
    }

    private static JsonNode? ToJson(RubricNode node) => node switch
    {
        RubricMappingNode map => new JsonObject(map.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key.Value, ToJson(e.Value)))),
        RubricSequenceNode seq => new JsonArray([.. seq.Items.Select(ToJson)]),
        RubricScalarNode s when !s.IsPlain => JsonValue.Create(s.Value),
        RubricScalarNode s when s.IsNull => null,
        RubricScalarNode { Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        RubricScalarNode { Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        RubricScalarNode s when IntegerPattern().IsMatch(s.Value) && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        RubricScalarNode s when FloatPattern().IsMatch(s.Value) && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
        RubricScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(),
    };

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

/// <summary>Reads any YAML document (not only mappings) with the loader's safe tree reader.</summary>
internal static class YamlTreeReaderAccess
{
    public static RubricNode? ReadAny(string yaml, RubricLoaderOptions options, DiagnosticBag diagnostics)
    {
        var node = YamlTreeReader.Read(yaml, "<json>", options, diagnostics, requireMapping: false);
        return node;
    }
}
