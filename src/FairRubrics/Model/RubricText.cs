namespace FairRubrics.Model;

/// <summary>
/// One text of a rubric that people read (a title, description, anchor, scale label or band label), in the rubric's
/// <see cref="Rubric.Locale"/> and in every other language it is written in (<c>title: { en: "…", de: "…" }</c>).
/// </summary>
public sealed class RubricText
{
    internal RubricText(string path, string locale, string text, IReadOnlyDictionary<string, string> translations, SourceLocation location)
    {
        Path = path;
        Locale = locale;
        Text = text;
        Translations = translations;
        Location = location;
    }

    /// <summary>Gets where the text is in the rubric, as suppressions name it, e.g. <c>competencies.delivery.paths.outcomes.anchors.3</c>, <c>scale.2</c> or <c>bands.Strong</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the rubric's locale, which <see cref="Text"/> is written in (lower case).</summary>
    public string Locale { get; }

    /// <summary>Gets the text in the rubric's locale: the model's own text (e.g. <see cref="Competency.Title"/>).</summary>
    public string Text { get; }

    /// <summary>Gets the text in the other locales it is written in, keyed by lower-case language tag (empty for a plain string).</summary>
    public IReadOnlyDictionary<string, string> Translations { get; }

    /// <summary>Gets where the text is written (the location the model records for it).</summary>
    public SourceLocation Location { get; }

    /// <summary>Gets a value indicating whether the text is written in a locale (its language, <c>de</c> for <c>de-AT</c>, counts).</summary>
    /// <param name="locale">A language tag such as <c>de</c> or <c>de-AT</c> (case-insensitive).</param>
    /// <returns><see langword="true"/> when <see cref="Get"/> gives the text in that language rather than the default.</returns>
    public bool HasLocale(string locale) => TryGet(locale, out _);

    /// <summary>Gets the text in a locale: the locale itself, else its language, else the rubric's <see cref="Text"/> (never blank).</summary>
    /// <param name="locale">A language tag, or null for the rubric's locale.</param>
    /// <returns>The text.</returns>
    public string Get(string? locale) => locale is not null && TryGet(locale, out var text) ? text : Text;

    private bool TryGet(string locale, out string text)
    {
        ArgumentNullException.ThrowIfNull(locale);
        foreach (var candidate in LocaleTag.Candidates(locale))
        {
            if (string.Equals(candidate, Locale, StringComparison.Ordinal))
            {
                text = Text;
                return true;
            }

            if (Translations.TryGetValue(candidate, out var translated))
            {
                text = translated;
                return true;
            }
        }

        text = Text;
        return false;
    }
}
