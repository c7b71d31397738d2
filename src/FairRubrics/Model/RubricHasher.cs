using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FairRubrics.Loading;

namespace FairRubrics.Model;

/// <summary>
/// Computes a rubric's content hash: SHA-256 of a canonical JSON form of the validated model, with defaults
/// filled in, mappings in a fixed order and numbers in round-trip invariant form. Formatting, comments, key
/// order, quoting style and the file name do not change it; any change of meaning does.
/// </summary>
internal static class RubricHasher
{
    public static string Hash(Rubric rubric)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("fairrubrics", rubric.FormatVersion);
            w.WriteString("id", rubric.Id);
            w.WriteString("version", rubric.Version);
            w.WriteString("title", rubric.Title);
            WriteOptional(w, "description", rubric.Description);
            w.WriteStartArray("scale");
            foreach (var level in rubric.Scale.Levels)
            {
                w.WriteStringValue(level.Label);
            }

            w.WriteEndArray();
            w.WriteStartArray("competencies");
            foreach (var c in rubric.Competencies)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("title", c.Title);
                WriteOptional(w, "description", c.Description);
                w.WriteString("category", c.Category.ToString());
                WriteNumber(w, "weight", c.Weight);
                w.WriteString("combine", c.Combine.ToString());
                w.WriteStartArray("paths");
                foreach (var p in c.Paths)
                {
                    w.WriteStartObject();
                    w.WriteString("id", p.Id);
                    w.WriteString("title", p.Title);
                    WriteOptional(w, "description", p.Description);
                    WriteNumber(w, "weight", p.Weight);
                    w.WriteStartObject("anchors");
                    foreach (var a in p.Anchors)
                    {
                        w.WriteString(a.Level.ToString(CultureInfo.InvariantCulture), a.Text);
                    }

                    w.WriteEndObject();
                    w.WriteStartObject("score");
                    w.WriteString("rule", p.Score.Rule);
                    WriteSettings(w, p.Score);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("bands");
            foreach (var b in rubric.Bands)
            {
                w.WriteStartObject();
                w.WriteString("label", b.Label);
                WriteNumber(w, "min", b.Min);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("favourable");
            foreach (var f in rubric.Favourable.Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteString("missing-evidence", rubric.MissingEvidence.ToString());
            if (rubric.Window is { } window)
            {
                w.WriteStartObject("window");
                if (window.Months is { } months)
                {
                    w.WriteNumber("months", months);
                }

                if (window.Days is { } days)
                {
                    w.WriteNumber("days", days);
                }

                w.WriteEndObject();
            }

            WriteLocales(w, rubric);
            w.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// The locale and the translations, written only when the rubric has them: a rubric of plain strings in the
    /// default locale hashes exactly as it did before texts could be translated.
    /// </summary>
    private static void WriteLocales(Utf8JsonWriter w, Rubric rubric)
    {
        if (!string.Equals(rubric.Locale, LocaleTag.Default, StringComparison.Ordinal))
        {
            w.WriteString("locale", rubric.Locale);
        }

        var translated = rubric.Texts.Where(t => t.Translations.Count > 0).OrderBy(t => t.Path, StringComparer.Ordinal).ToList();
        if (translated.Count == 0)
        {
            return;
        }

        w.WriteStartObject("translations");
        foreach (var text in translated)
        {
            w.WriteStartObject(text.Path);
            foreach (var (locale, value) in text.Translations.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                w.WriteString(locale, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter w, ScoreSpec score)
    {
        switch (score.Settings)
        {
            case Scoring.RatingRuleSettings rating:
                w.WriteStartArray("sources");
                foreach (var s in rating.Sources.Order())
                {
                    w.WriteStringValue(s.ToString());
                }

                w.WriteEndArray();
                w.WriteString("aggregate", rating.Aggregate.ToString());
                w.WriteNumber("min-ratings", rating.MinRatings);
                break;
            case Scoring.CountRuleSettings count:
                WriteTypes(w, count.Of);
                w.WriteStartObject("thresholds");
                foreach (var t in count.Thresholds)
                {
                    w.WriteNumber(t.Level.ToString(CultureInfo.InvariantCulture), t.MinCount);
                }

                w.WriteEndObject();
                break;
            case Scoring.PresenceRuleSettings presence:
                WriteTypes(w, presence.Of);
                w.WriteNumber("level", presence.Level);
                break;
            default:
                // Custom rules: the parameters as written, keys sorted, scalars as text.
                w.WritePropertyName("parameters");
                WriteNode(w, score.Parameters, skipRule: true);
                break;
        }
    }

    private static void WriteTypes(Utf8JsonWriter w, IReadOnlyList<string> types)
    {
        w.WriteStartArray("of");
        foreach (var t in types.Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(t);
        }

        w.WriteEndArray();
    }

    private static void WriteNode(Utf8JsonWriter w, RubricNode node, bool skipRule = false)
    {
        switch (node)
        {
            case RubricScalarNode s:
                if (s.IsNull)
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteStringValue(s.Value);
                }

                break;
            case RubricSequenceNode seq:
                w.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    WriteNode(w, item);
                }

                w.WriteEndArray();
                break;
            case RubricMappingNode map:
                w.WriteStartObject();
                foreach (var entry in map.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
                {
                    if (skipRule && entry.Key.Value == "rule")
                    {
                        continue;
                    }

                    w.WritePropertyName(entry.Key.Value);
                    WriteNode(w, entry.Value);
                }

                w.WriteEndObject();
                break;
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value) =>
        w.WriteString(name, value.ToString("R", CultureInfo.InvariantCulture));
}
