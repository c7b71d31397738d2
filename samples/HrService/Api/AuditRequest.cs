using System.Text.Json;

namespace Acme.HrService.Api;

/// <summary>
/// The body of <c>POST /audits</c>: <c>{"rubric": "ID", "attributes": ["gender", "ethnicity"], "intersect": false,
/// "asOf": "YYYY-MM-DD", "minGroupSize": 5}</c>; only <c>attributes</c> is required (and <c>rubric</c> when more than
/// one is loaded).
/// </summary>
internal sealed record AuditRequest(string? Rubric, IReadOnlyList<string> Attributes, bool Intersect, string? AsOf, int? MinGroupSize)
{
    public static (AuditRequest? Request, List<ItemProblem> Problems) Read(JsonElement root)
    {
        var problems = new List<ItemProblem>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ItemProblem(-1, null, "the body must be a JSON object such as {\"rubric\": \"professional-relationships\", \"attributes\": [\"gender\"]}"));
            return (null, problems);
        }

        string? rubric = null, asOf = null;
        var attributes = new List<string>();
        var intersect = false;
        int? minGroupSize = null;
        var sawAttributes = false;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "rubric" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    rubric = value.GetString();
                    break;
                case "asOf" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    asOf = value.GetString();
                    break;
                case "intersect" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    intersect = value.GetBoolean();
                    break;
                case "minGroupSize" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var k):
                    if (k < 2)
                    {
                        Problem("minGroupSize", "must be at least 2");
                    }

                    minGroupSize = k;
                    break;
                case "attributes" when value.ValueKind == JsonValueKind.Array:
                    sawAttributes = true;
                    foreach (var name in value.EnumerateArray())
                    {
                        if (name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
                        {
                            Problem("attributes", "each attribute is a non-empty string");
                        }
                        else if (attributes.Contains(name.GetString()!.Trim(), StringComparer.Ordinal))
                        {
                            Problem("attributes", $"'{name.GetString()!.Trim()}' is named twice");
                        }
                        else
                        {
                            attributes.Add(name.GetString()!.Trim());
                        }
                    }

                    break;
                case "rubric" or "asOf":
                    Problem(property.Name, "must be a string");
                    break;
                case "intersect":
                    Problem(property.Name, "must be true or false");
                    break;
                case "minGroupSize":
                    Problem(property.Name, "must be a whole number");
                    break;
                case "attributes":
                    Problem(property.Name, "must be an array of attribute names, e.g. [\"gender\"]");
                    break;
                default:
                    Problem(property.Name, "is not a field of an audit request (rubric, attributes, intersect, asOf, minGroupSize)");
                    break;
            }
        }

        if (!sawAttributes || attributes.Count == 0)
        {
            Problem("attributes", "required: the attributes to analyse, e.g. [\"gender\"]");
        }

        return problems.Count > 0 ? (null, problems) : (new AuditRequest(rubric, attributes, intersect, asOf, minGroupSize), problems);

        void Problem(string field, string message) => problems.Add(new ItemProblem(-1, field, $"'{field}' {message}"));
    }
}
