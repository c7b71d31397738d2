using System.Globalization;
using System.Text.Json;
using FairRubrics.Scoring;

namespace FairRubrics.Guidance;

/// <summary>
/// Writes guidance as JSON for hosts that render it themselves: per competency below the top its <c>target</c>,
/// <c>routes</c> (each with structured <c>needs</c>, <c>expiring</c> evidence and the plain-language <c>text</c>) and
/// <c>unreachable</c> paths with the <c>reason</c>; and the <c>bandSteps</c>. Numbers at full round-trip precision.
/// </summary>
public static class GuidanceJson
{
    /// <summary>Writes the guidance as one JSON object (the value of <c>guidance</c> in <c>fairrubrics score --guidance</c>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="guidance">The guidance.</param>
    public static void Write(Utf8JsonWriter writer, SubjectGuidance guidance)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(guidance);
        writer.WriteStartObject();
        WriteString(writer, "band", guidance.Band);
        writer.WriteStartArray("competencies");
        foreach (var competency in guidance.Competencies)
        {
            writer.WriteStartObject();
            writer.WriteString("id", competency.Competency.Id);
            WriteNumber(writer, "level", competency.Level);
            writer.WriteNumber("target", competency.TargetLevel);
            writer.WriteString("targetLabel", competency.TargetLabel);
            writer.WriteString("text", competency.Text);
            writer.WriteStartArray("routes");
            foreach (var route in competency.Routes)
            {
                WriteRoute(writer, route);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unreachable");
            foreach (var route in competency.Unreachable)
            {
                WriteRoute(writer, route);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("bandSteps");
        foreach (var step in guidance.BandSteps)
        {
            writer.WriteStartObject();
            writer.WriteString("competency", step.Competency.Id);
            writer.WriteNumber("target", step.TargetLevel);
            writer.WriteString("targetLabel", step.TargetLabel);
            WriteString(writer, "fromBand", step.FromBand);
            WriteString(writer, "toBand", step.ToBand);
            WriteNumber(writer, "overall", step.Overall);
            writer.WriteBoolean("raises", step.Raises);
            writer.WriteString("text", step.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRoute(Utf8JsonWriter writer, PathRoute route)
    {
        writer.WriteStartObject();
        writer.WriteString("path", route.Path.Id);
        WriteNumber(writer, "level", route.Level);
        writer.WriteNumber("requiredLevel", route.RequiredLevel);
        if (route.Advice is null)
        {
            writer.WriteNull("needs");
        }
        else if (route.Advice.IsReachable)
        {
            writer.WriteStartArray("needs");
            foreach (var need in route.Advice.Needs)
            {
                WriteNeed(writer, need);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("reason", route.Advice.Reason);
        }

        writer.WriteString("text", route.Text);
        writer.WriteStartArray("expiring");
        foreach (var group in route.Expiring)
        {
            writer.WriteStartObject();
            writer.WriteString("stopsCountingOn", group.StopsCountingOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteNumber("count", group.Count);
            writer.WriteNumber("quantity", group.Quantity);
            writer.WriteStartArray("items");
            foreach (var item in group.Items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNeed(Utf8JsonWriter writer, EvidenceNeed need)
    {
        writer.WriteStartObject();
        switch (need)
        {
            case OccurrenceNeed o:
                writer.WriteString("kind", "occurrences");
                writer.WriteStartArray("types");
                foreach (var type in o.Types)
                {
                    writer.WriteStringValue(type);
                }

                writer.WriteEndArray();
                writer.WriteNumber("count", o.Count);
                break;
            case RatingNeed r:
                writer.WriteString("kind", "ratings");
                writer.WriteStartArray("sources");
                foreach (var source in r.Sources)
                {
                    writer.WriteStringValue(source.ToString().ToLowerInvariant());
                }

                writer.WriteEndArray();
                writer.WriteNumber("count", r.Count);
                writer.WriteNumber("minimumLevel", r.MinimumLevel);
                writer.WriteNumber("countAtMinimum", r.CountAtMinimum);
                break;
            case DescribedNeed d:
                writer.WriteString("kind", "described");
                writer.WriteString("text", d.Text);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
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

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
