using System.Text.Json;
using Acme.HrService.Storage;

namespace Acme.HrService.Api;

/// <summary>
/// <c>PUT /people/{id}/attributes</c>: a JSON object of protected attributes (e.g. <c>{"gender": "female"}</c>) that
/// replaces the person's. They go to their own table and are read only by audits, never by scoring.
/// </summary>
internal static class AttributeEndpoints
{
    private const string Rejected = "The attributes were not stored";
    private const int MaxLength = 256;

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPut("/people/{id}/attributes", PutAsync);

    private static async Task<IResult> PutAsync(string id, HttpRequest request, IProtectedAttributeStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxLength)
        {
            return Problems.BadRequest(Rejected, "the person id in the address is empty or too long");
        }

        var (document, notJson) = await Problems.ReadJsonAsync(request, Rejected, cancellationToken);
        if (document is null)
        {
            return notJson!;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.BadRequest(Rejected, "the body must be a JSON object of attribute names and values, e.g. {\"gender\": \"female\"}");
            }

            var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.IsNullOrWhiteSpace(property.Name) || property.Name.Length > 64)
                {
                    return Problems.BadRequest(Rejected, "an attribute name is empty or longer than 64 characters");
                }

                // The message names the attribute, never its value.
                if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                    || (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > MaxLength))
                {
                    return Problems.BadRequest(Rejected, $"the attribute '{property.Name}' must be a string of at most {MaxLength} characters, or null for unknown");
                }

                attributes[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString();
            }

            await store.ReplaceAsync(id.Trim(), attributes, cancellationToken);
            return Results.NoContent();
        }
    }
}
