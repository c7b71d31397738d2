using System.Text.Json;

namespace FairRubrics.Scoring;

/// <summary>
/// Writes score results as JSON (one object per subject; JSON Lines when written one per line), with the
/// fields of the score output contract: <c>subject</c>, <c>rubric</c>, <c>rubricVersion</c>, <c>rubricHash</c>,
/// <c>status</c>, <c>overall</c>, <c>band</c>, <c>competencies</c>. Numbers at full round-trip precision.
/// </summary>
public static class ScoreJson
{
    /// <summary>Writes one result as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="score">The result.</param>
    /// <param name="explain">Whether to add explanations: rule, evidence ids and counts per path, and the text.</param>
    public static void Write(Utf8JsonWriter writer, SubjectScore score, bool explain = false) => WriteCore(writer, score, explain, null);

    /// <summary>
    /// Writes one result as a JSON object with its development guidance under <c>guidance</c>
    /// (<see cref="Guidance.GuidanceJson"/>), as <c>fairrubrics score --guidance</c> does.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="score">The result.</param>
    /// <param name="guidance">The guidance made from <paramref name="score"/>.</param>
    /// <param name="explain">Whether to add explanations: rule, evidence ids and counts per path, and the text.</param>
    /// <exception cref="ArgumentException">The guidance was made from another subject, rubric or scoring date.</exception>
    public static void Write(Utf8JsonWriter writer, SubjectScore score, Guidance.SubjectGuidance guidance, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(guidance);
        if (!string.Equals(guidance.Subject, score.Subject, StringComparison.Ordinal) || !ReferenceEquals(guidance.Rubric, score.Rubric) || guidance.AsOf != score.AsOf)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The guidance is for subject '{guidance.Subject}' ({guidance.Rubric}, as of {guidance.AsOf:yyyy-MM-dd}), not for this score of '{score.Subject}' ({score.Rubric}, as of {score.AsOf:yyyy-MM-dd})."),
                nameof(guidance));
        }

        WriteCore(writer, score, explain, guidance);
    }

    private static void WriteCore(Utf8JsonWriter writer, SubjectScore score, bool explain, Guidance.SubjectGuidance? guidance)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(score);
        var rubric = score.Rubric;
        writer.WriteStartObject();
        writer.WriteString("subject", score.Subject);
        writer.WriteString("rubric", rubric.Id);
        writer.WriteString("rubricVersion", rubric.Version);
        writer.WriteString("rubricHash", rubric.ContentHash);
        writer.WriteString("asOf", score.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("status", StatusName(score.Status));
        WriteNumber(writer, "overall", score.Overall);
        if (score.Band is null)
        {
            writer.WriteNull("band");
        }
        else
        {
            writer.WriteString("band", score.Band);
        }

        writer.WriteStartArray("competencies");
        foreach (var competency in score.Competencies)
        {
            writer.WriteStartObject();
            writer.WriteString("id", competency.Competency.Id);
            writer.WriteString("status", StatusName(competency.Status));
            WriteNumber(writer, "level", competency.Level);
            if (competency.WinningPath is { } winner)
            {
                writer.WriteString("path", winner.Id);
            }
            else
            {
                writer.WriteNull("path");
            }

            writer.WriteStartArray("paths");
            foreach (var path in competency.Paths)
            {
                writer.WriteStartObject();
                writer.WriteString("id", path.Path.Id);
                WriteNumber(writer, "level", path.Level);
                writer.WriteNumber("evidence", path.EvidenceCount);
                if (explain)
                {
                    writer.WriteString("rule", path.Rule);
                    writer.WriteStartObject("byType");
                    foreach (var group in path.Evidence.GroupBy(i => i.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        writer.WriteNumber(group.Key, group.Sum(i => i.Quantity));
                    }

                    writer.WriteEndObject();
                    writer.WriteStartArray("items");
                    foreach (var item in path.Evidence)
                    {
                        writer.WriteStringValue(item.Label);
                    }

                    writer.WriteEndArray();
                    if (path.Note is not null)
                    {
                        writer.WriteString("note", path.Note);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (explain)
            {
                writer.WriteString("explanation", ScoreText.Explain(competency));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (explain)
        {
            writer.WriteNumber("usedEvidence", score.UsedItems);
            writer.WriteStartArray("unusedEvidence");
            foreach (var issue in score.Issues)
            {
                writer.WriteStartObject();
                writer.WriteString("item", issue.Item.Label);
                writer.WriteBoolean("rejected", issue.Rejected);
                writer.WriteString("reason", issue.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (guidance is not null)
        {
            writer.WritePropertyName("guidance");
            Guidance.GuidanceJson.Write(writer, guidance);
        }

        writer.WriteEndObject();
    }

    /// <summary>Gets the status name used in JSON: <c>scored</c> or <c>insufficient-evidence</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The name.</returns>
    public static string StatusName(ScoreStatus status) => status == ScoreStatus.Scored ? "scored" : "insufficient-evidence";

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
