using System.Text.Json;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// The document-based score-line parser that the streaming <c>ScoreLineParser</c> replaced (JsonDocument per
/// line), kept as the oracle for <see cref="ScoreLineParserTests"/>.
/// </summary>
internal static class DocumentScoreParser
{
    public static ScoreLine Parse(string text, long line)
    {
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ScoreLine(line, null, "not a JSON object");
            }

            if (!root.TryGetProperty("subject", out var subjectElement) || subjectElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(subjectElement.GetString()))
            {
                return new ScoreLine(line, null, "no 'subject'");
            }

            if (!root.TryGetProperty("status", out var statusElement) || statusElement.GetString() is not ("scored" or "insufficient-evidence") || statusElement.ValueKind != JsonValueKind.String)
            {
                return new ScoreLine(line, null, "'status' must be 'scored' or 'insufficient-evidence'");
            }

            var scored = statusElement.GetString() == "scored";
            double? overall = null;
            if (root.TryGetProperty("overall", out var overallElement) && overallElement.ValueKind == JsonValueKind.Number)
            {
                overall = overallElement.GetDouble();
                if (!double.IsFinite(overall.Value))
                {
                    return new ScoreLine(line, null, "'overall' is not a finite number");
                }
            }

            if (scored && overall is null)
            {
                return new ScoreLine(line, null, "a scored result needs a numeric 'overall'");
            }

            var band = root.TryGetProperty("band", out var bandElement) && bandElement.ValueKind == JsonValueKind.String ? bandElement.GetString() : null;
            var rubric = root.TryGetProperty("rubric", out var rubricElement) && rubricElement.ValueKind == JsonValueKind.String ? rubricElement.GetString() : null;
            var competencies = new List<AuditCompetency>();
            if (root.TryGetProperty("competencies", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var c in list.EnumerateArray())
                {
                    if (c.ValueKind != JsonValueKind.Object || !c.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                    {
                        return new ScoreLine(line, null, "a competency without an 'id'");
                    }

                    double? level = c.TryGetProperty("level", out var levelElement) && levelElement.ValueKind == JsonValueKind.Number ? levelElement.GetDouble() : null;
                    var path = c.TryGetProperty("path", out var pathElement) && pathElement.ValueKind == JsonValueKind.String ? pathElement.GetString() : null;
                    competencies.Add(new AuditCompetency(id.GetString()!, level, path));
                }
            }

            return new ScoreLine(line, new AuditSubject(subjectElement.GetString()!, scored, scored ? overall : null, scored ? band : null, competencies, rubric), null);
        }
        catch (JsonException)
        {
            return new ScoreLine(line, null, "not valid JSON");
        }
    }
}
