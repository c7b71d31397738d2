using System.Reflection;
using FairRubrics.Checks;

namespace FairRubrics.Cli.Output;

/// <summary>Rule metadata for the load diagnostics FR001–FR099 (names from <see cref="DiagnosticIds"/>, titles from docs/diagnostics.md).</summary>
internal static class LoadDiagnosticRules
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["FR001"] = "YAML syntax error",
        ["FR002"] = "Format version missing or not supported",
        ["FR003"] = "Unknown key",
        ["FR004"] = "Duplicate key in one mapping",
        ["FR005"] = "Required key missing",
        ["FR006"] = "Wrong kind of node",
        ["FR007"] = "Value not one of the allowed words",
        ["FR008"] = "Identifier is not lower-case kebab-case",
        ["FR009"] = "Not a finite number written with '.'",
        ["FR010"] = "Not a whole number",
        ["FR011"] = "Number out of range",
        ["FR012"] = "Version is not a semantic version",
        ["FR013"] = "Scale levels not contiguous from 1, or outside 2..10",
        ["FR014"] = "Duplicate id",
        ["FR015"] = "Level not on the scale",
        ["FR016"] = "Thresholds decrease as levels rise",
        ["FR017"] = "Unknown scoring rule",
        ["FR018"] = "Invalid scoring-rule parameter",
        ["FR019"] = "Favourable names a band that does not exist",
        ["FR020"] = "Invalid bands",
        ["FR021"] = "Invalid window",
        ["FR022"] = "Invalid checks settings",
        ["FR023"] = "YAML tag not allowed",
        ["FR024"] = "Anchors, aliases and merge keys not allowed",
        ["FR025"] = "Nesting too deep",
        ["FR026"] = "File or value too large",
        ["FR027"] = "Invalid text encoding",
        ["FR028"] = "Not a single YAML mapping",
        ["FR029"] = "Two files define the same rubric id and version",
        ["FR030"] = "File cannot be read",
        ["FR031"] = "Empty text where some is required",
        ["FR032"] = "List that must not be empty is empty",
        ["FR033"] = "Folder entry skipped",
        ["FR034"] = "Malformed translated text or locale",
    };

    private static readonly Dictionary<string, string> Names = typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.Ordinal);

    /// <summary>Describes a load diagnostic id as a rule (always an error); null for ids that are not load diagnostics.</summary>
    public static CheckDescriptor? Describe(string id)
    {
        if (!Names.TryGetValue(id, out var name))
        {
            return null;
        }

        var title = Titles.GetValueOrDefault(id, name);
        return new CheckDescriptor(id, title, DiagnosticSeverity.Error, "docs/diagnostics.md")
        {
            Name = name,
            Description = $"The rubric file does not follow the fairrubrics: 1 format: {char.ToLowerInvariant(title[0])}{title[1..]}. The rubric is not loaded until it is fixed.",
        };
    }
}
