namespace FairRubrics.Schema;

/// <summary>The JSON Schema (draft 2020-12) of the rubric YAML format, for editors and validators.</summary>
public static class RubricSchema
{
    /// <summary>Gets the schema's <c>$id</c>.</summary>
    public const string Id = "https://fairrubrics.dev/schemas/fairrubrics-1.schema.json";

    /// <summary>Gets the schema as JSON text.</summary>
    /// <returns>The schema.</returns>
    public static string GetJson()
    {
        using var stream = typeof(RubricSchema).Assembly.GetManifestResourceStream("FairRubrics.Schema.fairrubrics-1.schema.json")
            ?? throw new FairRubricsException("The JSON Schema resource is missing from the FairRubrics assembly; the package is damaged.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
