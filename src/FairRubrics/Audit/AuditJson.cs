using System.Text.Json;

namespace FairRubrics.Audit;

/// <summary>
/// Writes an audit report as JSON with the fields of the audit contract (<c>subjects</c>, <c>scored</c>,
/// <c>insufficientEvidence</c>, <c>favourable</c>, <c>medianScore</c>, <c>minGroupSize</c>, <c>analyses</c>,
/// <c>findings</c>) and more. Numbers at full round-trip precision; a suppressed group has <c>n: null</c> and
/// every statistic null.
/// </summary>
public static class AuditJson
{
    /// <summary>Writes the report.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <param name="helpBaseUri">Where the FairRubrics <c>docs/</c> folder is published (see <see cref="Checks.HelpLinks"/>); each finding then has an absolute <c>helpUri</c>. Without it <c>helpUri</c> is left out.</param>
    public static void Write(Utf8JsonWriter writer, AuditReport report, Uri? helpBaseUri = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        if (report.Rubric is not null)
        {
            writer.WriteString("rubric", report.Rubric);
        }

        writer.WriteNumber("subjects", report.Subjects);
        writer.WriteNumber("scored", report.Scored);
        writer.WriteNumber("insufficientEvidence", report.InsufficientEvidence);
        Strings(writer, "favourable", report.Favourable);
        Number(writer, "medianScore", report.MedianScore);
        writer.WriteNumber("minGroupSize", report.MinGroupSize);
        writer.WriteString("pAdjustment", AuditText.AdjustmentKey(report.PValueAdjustment));
        Number(writer, "insufficientEvidenceRate", report.OverallInsufficientEvidenceRate);
        Earlier(writer, "baseline", report.Baseline);
        Earlier(writer, "consistentWith", report.ConsistentWith);
        writer.WriteStartArray("analyses");
        foreach (var analysis in report.Analyses)
        {
            writer.WriteStartObject();
            Strings(writer, "attributes", analysis.Attributes);
            Number(writer, "unknown", analysis.Unknown);
            Number(writer, "unreported", analysis.Unreported);
            if (analysis.Reference is null)
            {
                writer.WriteNull("reference");
            }
            else
            {
                Strings(writer, "reference", analysis.Reference);
            }

            writer.WriteString("referenceRule", AuditText.RuleName(analysis.ReferenceRule));
            if (analysis.UnavailableReference is { } unavailable)
            {
                Strings(writer, "unavailableReference", unavailable);
            }
            else
            {
                writer.WriteNull("unavailableReference");
            }

            writer.WriteStartArray("excludedFromImpactRatios");
            foreach (var values in analysis.ExcludedFromImpactRatios)
            {
                Strings(writer, null, values);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("groups");
            foreach (var g in analysis.Groups)
            {
                WriteGroup(writer, g, report.Baseline is not null);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("paths");
        foreach (var p in report.Paths)
        {
            writer.WriteStartObject();
            writer.WriteString("competency", p.Competency);
            writer.WriteString("path", p.Path);
            writer.WriteNumber("subjects", p.Subjects);
            writer.WriteNumber("share", p.Share);
            Number(writer, "meanLevel", p.MeanLevel);
            Number(writer, "hedgesG", p.HedgesG);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("id", f.Id);
            writer.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
            Strings(writer, "attributes", f.Attributes);
            Strings(writer, "values", f.Values);
            if (f.Competency is not null)
            {
                writer.WriteString("competency", f.Competency);
            }

            if (f.Path is not null)
            {
                writer.WriteString("path", f.Path);
            }

            if (f.Rater is not null)
            {
                writer.WriteString("rater", f.Rater);
            }

            writer.WriteString("message", f.Message);
            if (Checks.HelpLinks.ForBuiltInId(f.Id, helpBaseUri) is { } help)
            {
                writer.WriteString("helpUri", help.AbsoluteUri);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Gets the name used for a suppression reason in JSON.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns><c>small-group</c>, <c>complementary</c>, <c>earlier-report</c>, or null.</returns>
    public static string? SuppressionName(SuppressionReason reason) => reason switch
    {
        SuppressionReason.SmallGroup => "small-group",
        SuppressionReason.Complementary => "complementary",
        SuppressionReason.EarlierReport => "earlier-report",
        _ => null,
    };

    /// <summary>Describes an earlier report by what it published about itself (never its file name, which may say more than the report).</summary>
    private static void Earlier(Utf8JsonWriter writer, string name, PublishedAudit? earlier)
    {
        if (earlier is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        if (earlier.Rubric is not null)
        {
            writer.WriteString("rubric", earlier.Rubric);
        }

        writer.WriteNumber("subjects", earlier.Subjects);
        writer.WriteNumber("scored", earlier.Scored);
        writer.WriteNumber("minGroupSize", earlier.MinGroupSize);
        writer.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter writer, GroupResult g)
    {
        if (g.Baseline is { } b)
        {
            writer.WriteStartObject("baseline");
            writer.WriteBoolean("suppressed", b.Suppressed);
            Number(writer, "n", b.N);
            Number(writer, "favourable", b.Favourable);
            Number(writer, "selectionRate", b.SelectionRate);
            Number(writer, "impactRatio", b.ImpactRatio);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("baseline");
        }

        if (g.Change is { } c)
        {
            writer.WriteStartObject("change");
            Number(writer, "selectionRate", c.SelectionRate);
            Number(writer, "impactRatio", c.ImpactRatio);
            Number(writer, "z", c.Z);
            Number(writer, "zP", c.ZP);
            Number(writer, "fisherP", c.FisherP);
            writer.WriteBoolean("fellBelowFourFifths", c.FellBelowFourFifths);
            writer.WriteBoolean("fellByAtLeastOneTenth", c.FellByAtLeastOneTenth);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("change");
        }
    }

    private static void WriteGroup(Utf8JsonWriter writer, GroupResult g, bool withBaseline)
    {
        writer.WriteStartObject();
        Strings(writer, "values", g.Values);
        Number(writer, "n", g.N);
        writer.WriteBoolean("suppressed", g.Suppressed);
        if (SuppressionName(g.Suppression) is { } reason)
        {
            writer.WriteString("suppression", reason);
        }
        else
        {
            writer.WriteNull("suppression");
        }

        writer.WriteBoolean("reference", g.IsReference);
        writer.WriteBoolean("excludedFromImpactRatios", g.ExcludedFromImpactRatios);
        Number(writer, "favourable", g.Favourable);
        Number(writer, "selectionRate", g.SelectionRate);
        Number(writer, "wilsonLower", g.SelectionRateLower);
        Number(writer, "wilsonUpper", g.SelectionRateUpper);
        Number(writer, "impactRatio", g.ImpactRatio);
        if (g.BelowFourFifths is { } below)
        {
            writer.WriteBoolean("belowFourFifths", below);
        }
        else
        {
            writer.WriteNull("belowFourFifths");
        }

        Number(writer, "fisherP", g.FisherP);
        Number(writer, "fisherPAdjusted", g.FisherPAdjusted);
        Number(writer, "z", g.Z);
        Number(writer, "zP", g.ZP);
        Number(writer, "zPAdjusted", g.ZPAdjusted);
        Number(writer, "shortfall", g.Shortfall);
        Number(writer, "flipFlopFourFifths", g.FlipFlopFourFifths);
        Number(writer, "flipFlopSignificance", g.FlipFlopSignificance);
        Number(writer, "scoringRate", g.ScoringRate);
        Number(writer, "scoringImpactRatio", g.ScoringImpactRatio);
        Number(writer, "meanScore", g.MeanScore);
        Number(writer, "scoreStandardDeviation", g.ScoreStandardDeviation);
        Number(writer, "hedgesG", g.HedgesG);
        Number(writer, "insufficientEvidenceRate", g.InsufficientEvidenceRate);
        if (withBaseline)
        {
            WriteChange(writer, g);
        }

        writer.WriteStartArray("competencies");
        foreach (var c in g.Competencies)
        {
            writer.WriteStartObject();
            writer.WriteString("id", c.Competency);
            Number(writer, "meanLevel", c.MeanLevel);
            Number(writer, "hedgesG", c.HedgesG);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("pathMix");
        foreach (var p in g.PathMix)
        {
            writer.WriteStartObject();
            writer.WriteString("competency", p.Competency);
            writer.WriteString("path", p.Path);
            writer.WriteNumber("share", p.Share);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static void Strings(Utf8JsonWriter writer, string? name, IReadOnlyList<string> values)
    {
        if (name is null)
        {
            writer.WriteStartArray();
        }
        else
        {
            writer.WriteStartArray(name);
        }

        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }

    internal static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    internal static void Number(Utf8JsonWriter writer, string name, long? value)
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

    private static void Number(Utf8JsonWriter writer, string name, int? value) => Number(writer, name, (long?)value);
}
