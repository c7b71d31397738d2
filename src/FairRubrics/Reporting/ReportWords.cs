using System.Globalization;
using System.Text.RegularExpressions;
using FairRubrics.Pages;

namespace FairRubrics.Reporting;

/// <summary>
/// The labels of a report in one language (<see cref="PageTexts"/>), with the notes that say where they fell back
/// to English: a locale without texts, or labels its file does not translate.
/// </summary>
internal sealed partial class ReportWords
{
    private const char Open = '\u0001';
    private const char Close = '\u0002';

    private ReportWords(PageTexts texts, IReadOnlyList<string> fallbackNotes)
    {
        Texts = texts;
        FallbackNotes = fallbackNotes;
    }

    /// <summary>Gets the English labels, without notes.</summary>
    public static ReportWords English { get; } = new(PageTexts.English, []);

    /// <summary>Gets the texts the labels come from.</summary>
    public PageTexts Texts { get; }

    /// <summary>Gets the language of the labels, for the HTML <c>lang</c> attribute.</summary>
    public string Lang => Texts.Locale;

    /// <summary>Gets the notes on labels that fell back to English (empty when none did), in the report's language.</summary>
    public IReadOnlyList<string> FallbackNotes { get; }

    /// <summary>The words for a report's options; <paramref name="prefix"/> (<c>audit.</c> or <c>compare.</c>) names the report's own keys.</summary>
    public static ReportWords For(ReportOptions options, string prefix)
    {
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        var texts = options.Texts;
        if (texts is null)
        {
            texts = PageTexts.English;
            if (options.Locale is { } locale && !PageTexts.TryGetBuiltIn(locale, out texts))
            {
                texts = PageTexts.English;
                notes.Add(texts.Format("report.fallback.locale", ("locale", locale), ("language", texts.Language)));
            }
        }

        var missing = texts.MissingKeys.Count(k => k.StartsWith("report.", StringComparison.Ordinal) || k.StartsWith(prefix, StringComparison.Ordinal));
        if (missing > 0)
        {
            notes.Add(texts.Format("report.fallback.keys", ("count", missing), ("language", texts.Language)));
        }

        return notes.Count == 0 && ReferenceEquals(texts, PageTexts.English) ? English : new ReportWords(texts, notes.AsReadOnly());
    }

    /// <summary>A label with its placeholders filled in, as plain text (for Markdown the values are escaped already).</summary>
    public string T(string key, params (string Name, object Value)[] values) => Texts.Format(key, values);

    /// <summary>A label for HTML: the text is encoded, the values (HTML already) are put in as they are.</summary>
    public string Html(string key, params (string Name, string Html)[] values)
    {
        var marked = new (string, object)[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            marked[i] = (values[i].Name, $"{Open}{i}{Close}");
        }

        // One pass, so that a value is never searched for markers itself.
        return Marker().Replace(Encode(Texts.Format(key, marked)), m => values[int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)].Html);
    }

    /// <summary>A label as HTML (<see cref="Html"/>) or as plain text (<see cref="T"/>); the values are escaped for the format already.</summary>
    public string Text(bool html, string key, params (string Name, string Value)[] values) =>
        html ? Html(key, values) : T(key, [.. values.Select(v => (v.Name, (object)v.Value))]);

    /// <summary>The severity of a finding as a word, e.g. "warning".</summary>
    public string Severity(DiagnosticSeverity severity) => T("report.severity." + severity.ToString().ToLowerInvariant());

    [GeneratedRegex("\u0001([0-9]+)\u0002", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    /// <summary>Encodes a label for HTML text and double-quoted attributes (ampersand, angle brackets, double quote); other characters stay as written.</summary>
    public static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
