using System.Text.Json;
using FairRubrics.Audit;

namespace FairRubrics.Comparison;

/// <summary>
/// Writes a comparison as JSON: <c>from</c>, <c>to</c>, <c>subjects</c>, <c>changed</c>, <c>transitions</c>,
/// <c>analyses</c>, <c>design</c>, <c>competencies</c>, <c>notes</c> (docs/compare.md). Numbers at full round-trip
/// precision; a suppressed group has only <c>values</c> and <c>suppressed: true</c>.
/// </summary>
public static class ComparisonJson
{
    /// <summary>Writes the comparison.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="comparison">The comparison.</param>
    public static void Write(Utf8JsonWriter writer, RubricComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(comparison);
        writer.WriteStartObject();
        Rubric(writer, "from", comparison.From, comparison.FromFavourable);
        Rubric(writer, "to", comparison.To, comparison.ToFavourable);
        writer.WriteNumber("subjects", comparison.Subjects);
        writer.WriteNumber("changed", comparison.Changed);
        writer.WriteNumber("minGroupSize", comparison.MinGroupSize);
        writer.WriteStartArray("transitions");
        foreach (var t in comparison.Transitions)
        {
            writer.WriteStartObject();
            NullableString(writer, "from", t.From);
            NullableString(writer, "to", t.To);
            writer.WriteNumber("count", t.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("analyses");
        foreach (var analysis in comparison.Analyses)
        {
            Analysis(writer, analysis);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("design");
        Changes(writer, "introduced", comparison.Design.Introduced);
        Changes(writer, "fixed", comparison.Design.Fixed);
        writer.WriteEndObject();
        writer.WriteStartArray("competencies");
        foreach (var c in comparison.Competencies)
        {
            writer.WriteStartObject();
            writer.WriteString("competency", c.Competency);
            writer.WriteBoolean("inFrom", c.InFrom);
            writer.WriteBoolean("inTo", c.InTo);
            writer.WriteNumber("rose", c.Rose);
            writer.WriteNumber("fell", c.Fell);
            Paths(writer, "roseThrough", c.RoseThrough);
            Paths(writer, "fellFrom", c.FellFrom);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("adverseImpactIntroduced");
        foreach (var f in comparison.IntroducedAdverseImpact)
        {
            writer.WriteStartObject();
            AuditJson.Strings(writer, "attributes", f.Attributes);
            AuditJson.Strings(writer, "values", f.Values);
            writer.WriteString("message", f.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        AuditJson.Strings(writer, "notes", comparison.Notes);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Writes one person whose band changes, as a line of the <c>--people</c> file (no attribute, ever).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="person">The person.</param>
    public static void WritePerson(Utf8JsonWriter writer, PersonChange person)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(person);
        writer.WriteStartObject();
        writer.WriteString("subject", person.Subject);
        Outcome(writer, "from", person.From);
        Outcome(writer, "to", person.To);
        writer.WriteStartArray("competencies");
        foreach (var c in person.Competencies)
        {
            writer.WriteStartObject();
            writer.WriteString("competency", c.Competency);
            writer.WriteStartObject("from");
            AuditJson.Number(writer, "level", c.FromLevel);
            NullableString(writer, "path", c.FromPath);
            writer.WriteEndObject();
            writer.WriteStartObject("to");
            AuditJson.Number(writer, "level", c.ToLevel);
            NullableString(writer, "path", c.ToPath);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void Rubric(Utf8JsonWriter writer, string name, ComparedRubric rubric, IReadOnlyList<string> favourable)
    {
        writer.WriteStartObject(name);
        writer.WriteString("rubric", rubric.Rubric);
        writer.WriteString("version", rubric.Version);
        writer.WriteString("hash", rubric.Hash);
        AuditJson.Strings(writer, "favourable", favourable);
        writer.WriteEndObject();
    }

    private static void Analysis(Utf8JsonWriter writer, ComparisonAnalysis analysis)
    {
        writer.WriteStartObject();
        AuditJson.Strings(writer, "attributes", analysis.Attributes);
        AuditJson.Number(writer, "unknown", analysis.Unknown);
        AuditJson.Number(writer, "unreported", analysis.Unreported);
        Reference(writer, "fromReference", analysis.FromReference);
        Reference(writer, "toReference", analysis.ToReference);
        writer.WriteStartArray("groups");
        foreach (var g in analysis.Groups)
        {
            writer.WriteStartObject();
            AuditJson.Strings(writer, "values", g.Values);
            writer.WriteBoolean("suppressed", g.Suppressed);
            if (!g.Suppressed)
            {
                AuditJson.Number(writer, "n", g.N);
                Side(writer, "from", g.From!);
                Side(writer, "to", g.To!);
                AuditJson.Number(writer, "gained", g.Gained);
                AuditJson.Number(writer, "lost", g.Lost);
                AuditJson.Number(writer, "mcnemarP", g.McNemarP);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter writer, string name, SideOutcome side)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("favourable", side.Favourable);
        AuditJson.Number(writer, "selectionRate", side.SelectionRate);
        AuditJson.Number(writer, "impactRatio", side.ImpactRatio);
        writer.WriteBoolean("isReference", side.IsReference);
        if (side.BelowFourFifths is { } below)
        {
            writer.WriteBoolean("belowFourFifths", below);
        }
        else
        {
            writer.WriteNull("belowFourFifths");
        }

        writer.WriteEndObject();
    }

    private static void Reference(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            AuditJson.Strings(writer, name, values);
        }
    }

    private static void Changes(Utf8JsonWriter writer, string name, IReadOnlyList<DesignChange> changes)
    {
        writer.WriteStartArray(name);
        foreach (var d in changes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", d.Id);
            writer.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            NullableString(writer, "at", d.At);
            writer.WriteString("message", d.Message);
            if (d.Location.HasPosition)
            {
                writer.WriteNumber("line", d.Location.Line);
                writer.WriteNumber("column", d.Location.Column);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Paths(Utf8JsonWriter writer, string name, IReadOnlyList<PathCount> paths)
    {
        writer.WriteStartArray(name);
        foreach (var p in paths)
        {
            writer.WriteStartObject();
            NullableString(writer, "path", p.Path);
            writer.WriteNumber("count", p.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Outcome(Utf8JsonWriter writer, string name, PersonOutcome outcome)
    {
        writer.WriteStartObject(name);
        NullableString(writer, "band", outcome.Band);
        AuditJson.Number(writer, "overall", outcome.Overall);
        writer.WriteEndObject();
    }

    private static void NullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
