using System.Text.Json;

namespace FairRubrics.Scoring;

/// <summary>
/// Writes score results as JSON (one object per subject; JSON Lines when written one per line), with the
/// fields of the score output contract: <c>subject</c>, <c>rubric</c>, <c>rubricVersion</c>, <c>rubricHash</c>,
/// <c>status</c>, <c>overall</c>, <c>band</c>, <c>competencies</c>. Numbers at full round-trip precision.
/// </summary>
public static class ScoreJson
{
    private static readonly JsonEncodedText ScoredValue = JsonEncodedText.Encode("scored");
    private static readonly JsonEncodedText InsufficientValue = JsonEncodedText.Encode("insufficient-evidence");
    private static readonly JsonEncodedText AsOfProperty = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText BandProperty = JsonEncodedText.Encode("band");
    private static readonly JsonEncodedText ByTypeProperty = JsonEncodedText.Encode("byType");
    private static readonly JsonEncodedText CompetenciesProperty = JsonEncodedText.Encode("competencies");
    private static readonly JsonEncodedText EvidenceProperty = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText ExplanationProperty = JsonEncodedText.Encode("explanation");
    private static readonly JsonEncodedText GuidanceProperty = JsonEncodedText.Encode("guidance");
    private static readonly JsonEncodedText IdProperty = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ItemProperty = JsonEncodedText.Encode("item");
    private static readonly JsonEncodedText ItemsProperty = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText LevelProperty = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText NoteProperty = JsonEncodedText.Encode("note");
    private static readonly JsonEncodedText OverallProperty = JsonEncodedText.Encode("overall");
    private static readonly JsonEncodedText PathProperty = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText PathsProperty = JsonEncodedText.Encode("paths");
    private static readonly JsonEncodedText ReasonProperty = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText RejectedProperty = JsonEncodedText.Encode("rejected");
    private static readonly JsonEncodedText RubricHashProperty = JsonEncodedText.Encode("rubricHash");
    private static readonly JsonEncodedText RubricProperty = JsonEncodedText.Encode("rubric");
    private static readonly JsonEncodedText RubricVersionProperty = JsonEncodedText.Encode("rubricVersion");
    private static readonly JsonEncodedText RuleProperty = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText StatusProperty = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText SubjectProperty = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText UnusedEvidenceProperty = JsonEncodedText.Encode("unusedEvidence");
    private static readonly JsonEncodedText UsedEvidenceProperty = JsonEncodedText.Encode("usedEvidence");

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
        writer.WriteString(SubjectProperty, score.Subject);
        writer.WriteString(RubricProperty, rubric.Id);
        writer.WriteString(RubricVersionProperty, rubric.Version);
        writer.WriteString(RubricHashProperty, rubric.ContentHash);
        Span<char> asOf = stackalloc char[10];
        score.AsOf.TryFormat(asOf, out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString(AsOfProperty, asOf[..written]);
        writer.WriteString(StatusProperty, StatusValue(score.Status));
        WriteNumber(writer, OverallProperty, score.Overall);
        if (score.Band is null)
        {
            writer.WriteNull(BandProperty);
        }
        else
        {
            writer.WriteString(BandProperty, score.Band);
        }

        writer.WriteStartArray(CompetenciesProperty);
        foreach (var competency in score.Competencies)
        {
            writer.WriteStartObject();
            writer.WriteString(IdProperty, competency.Competency.Id);
            writer.WriteString(StatusProperty, StatusValue(competency.Status));
            WriteNumber(writer, LevelProperty, competency.Level);
            if (competency.WinningPath is { } winner)
            {
                writer.WriteString(PathProperty, winner.Id);
            }
            else
            {
                writer.WriteNull(PathProperty);
            }

            writer.WriteStartArray(PathsProperty);
            foreach (var path in competency.Paths)
            {
                writer.WriteStartObject();
                writer.WriteString(IdProperty, path.Path.Id);
                WriteNumber(writer, LevelProperty, path.Level);
                writer.WriteNumber(EvidenceProperty, path.EvidenceCount);
                if (explain)
                {
                    writer.WriteString(RuleProperty, path.Rule);
                    writer.WriteStartObject(ByTypeProperty);
                    foreach (var group in path.Evidence.GroupBy(i => i.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        writer.WriteNumber(group.Key, group.Sum(i => i.Quantity));
                    }

                    writer.WriteEndObject();
                    writer.WriteStartArray(ItemsProperty);
                    foreach (var item in path.Evidence)
                    {
                        writer.WriteStringValue(item.Label);
                    }

                    writer.WriteEndArray();
                    if (path.Note is not null)
                    {
                        writer.WriteString(NoteProperty, path.Note);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (explain)
            {
                writer.WriteString(ExplanationProperty, ScoreText.Explain(competency));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (explain)
        {
            writer.WriteNumber(UsedEvidenceProperty, score.UsedItems);
            writer.WriteStartArray(UnusedEvidenceProperty);
            foreach (var issue in score.Issues)
            {
                writer.WriteStartObject();
                writer.WriteString(ItemProperty, issue.Item.Label);
                writer.WriteBoolean(RejectedProperty, issue.Rejected);
                writer.WriteString(ReasonProperty, issue.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (guidance is not null)
        {
            writer.WritePropertyName(GuidanceProperty);
            Guidance.GuidanceJson.Write(writer, guidance);
        }

        writer.WriteEndObject();
    }

    /// <summary>Gets the status name used in JSON: <c>scored</c> or <c>insufficient-evidence</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The name.</returns>
    public static string StatusName(ScoreStatus status) => status == ScoreStatus.Scored ? "scored" : "insufficient-evidence";

    private static JsonEncodedText StatusValue(ScoreStatus status) => status == ScoreStatus.Scored ? ScoredValue : InsufficientValue;

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, double? value)
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
