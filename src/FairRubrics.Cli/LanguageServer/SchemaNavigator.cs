using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FairRubrics.Schema;

namespace FairRubrics.Cli.LanguageServer;

/// <summary>
/// Walks the rubric JSON Schema (<see cref="RubricSchema"/>) along a <see cref="YamlCursor"/> path: the keys a mapping
/// may have and the values a key may take, with their descriptions — what completion and hover offer. Follows
/// <c>$ref</c>, <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>, <c>if</c>/<c>then</c>/<c>else</c>, <c>patternProperties</c>,
/// <c>additionalProperties</c> and <c>items</c>; every alternative is offered, as editors do.
/// </summary>
internal sealed class SchemaNavigator
{
    private readonly JsonObject _root;

    public SchemaNavigator()
    {
        _root = JsonNode.Parse(RubricSchema.GetJson())!.AsObject();
    }

    /// <summary>The schemas that may describe the node at <paramref name="path"/> (empty when the schema does not know it).</summary>
    public List<JsonObject> At(IReadOnlyList<string> path)
    {
        var current = Expand(_root);
        foreach (var segment in path)
        {
            current = segment == YamlCursor.Item ? current.SelectMany(Items).ToList() : current.SelectMany(s => Child(s, segment)).ToList();
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>The keys a mapping described by <paramref name="schemas"/> may have, each with its own schema.</summary>
    public static IEnumerable<(string Key, JsonObject Schema)> Properties(IEnumerable<JsonObject> schemas)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (key, value) in properties)
                {
                    if (value is JsonObject s && seen.Add(key))
                    {
                        yield return (key, s);
                    }
                }
            }
        }
    }

    /// <summary>The schemas of the value of <paramref name="key"/> in a mapping described by <paramref name="schemas"/>.</summary>
    public IReadOnlyList<JsonObject> ValueOf(IEnumerable<JsonObject> schemas, string key) => schemas.SelectMany(s => Child(s, key)).ToList();

    /// <summary>The scalar values a node may take: <c>enum</c> and <c>const</c> members, and <c>true</c>/<c>false</c> for booleans.</summary>
    public IReadOnlyList<string> Values(IEnumerable<JsonObject> schemas)
    {
        var values = new List<string>();
        foreach (var schema in schemas.SelectMany(Expand))
        {
            if (schema["enum"] is JsonArray members)
            {
                values.AddRange(members.Where(m => m is not null).Select(m => Scalar(m!)));
            }

            if (schema.TryGetPropertyValue("const", out var constant) && constant is not null)
            {
                values.Add(Scalar(constant));
            }

            if (schema["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "boolean")
            {
                values.Add("true");
                values.Add("false");
            }
        }

        return values.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The Markdown description of a node (its <c>markdownDescription</c>, else <c>description</c>), or null.</summary>
    public static string? Describe(IEnumerable<JsonObject> schemas)
    {
        foreach (var schema in schemas)
        {
            if ((schema["markdownDescription"] ?? schema["description"]) is JsonValue text && text.GetValueKind() == JsonValueKind.String)
            {
                return text.GetValue<string>();
            }
        }

        return null;
    }

    /// <summary>The title of a node, or null.</summary>
    public static string? Title(IEnumerable<JsonObject> schemas) =>
        schemas.Select(s => s["title"]).OfType<JsonValue>().Where(t => t.GetValueKind() == JsonValueKind.String).Select(t => t.GetValue<string>()).FirstOrDefault();

    private IEnumerable<JsonObject> Child(JsonObject schema, string key)
    {
        var matched = false;
        if (schema["properties"] is JsonObject properties && properties[key] is JsonObject property)
        {
            matched = true;
            foreach (var s in Expand(property))
            {
                yield return s;
            }
        }

        if (!matched && schema["patternProperties"] is JsonObject patterns)
        {
            foreach (var (pattern, value) in patterns)
            {
                if (value is JsonObject s && Regex.IsMatch(key, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                {
                    matched = true;
                    foreach (var e in Expand(s))
                    {
                        yield return e;
                    }
                }
            }
        }

        if (!matched && schema["additionalProperties"] is JsonObject additional)
        {
            foreach (var s in Expand(additional))
            {
                yield return s;
            }
        }
    }

    private IEnumerable<JsonObject> Items(JsonObject schema) =>
        schema["items"] is JsonObject items ? Expand(items) : [];

    /// <summary>A schema with its references followed and its alternatives and conditional branches flattened.</summary>
    private List<JsonObject> Expand(JsonObject schema)
    {
        var result = new List<JsonObject>();
        Collect(schema, result, 0);
        return result;
    }

    private void Collect(JsonObject schema, List<JsonObject> into, int depth)
    {
        if (depth > 16 || into.Contains(schema))
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference && Resolve(reference.GetValue<string>()) is { } target)
        {
            Collect(target, into, depth + 1);
        }

        into.Add(schema);
        foreach (var keyword in (string[])["allOf", "anyOf", "oneOf"])
        {
            if (schema[keyword] is JsonArray alternatives)
            {
                foreach (var alternative in alternatives.OfType<JsonObject>())
                {
                    Collect(alternative, into, depth + 1);
                }
            }
        }

        foreach (var keyword in (string[])["then", "else"])
        {
            if (schema[keyword] is JsonObject branch)
            {
                Collect(branch, into, depth + 1);
            }
        }
    }

    private JsonObject? Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = _root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node is JsonObject o ? o[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
        }

        return node as JsonObject;
    }

    private static string Scalar(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => node.GetValue<JsonElement>().GetRawText(),
        _ => node.ToJsonString(),
    };
}
