using FairRubrics.Model;
using FairRubrics.Pages;

namespace FairRubrics.Guidance;

/// <summary>
/// The words guidance is written in: the <c>guidance.*</c> texts of a language (<see cref="PageTexts"/>), the evidence
/// phrases of that language, and the locale the rubric's own titles and labels are shown in (null: as written).
/// </summary>
internal sealed class GuidanceWords(PageTexts texts, EvidencePhrases phrases, Rubric rubric, string? locale)
{
    public PageTexts Texts { get; } = texts;

    public EvidencePhrases Phrases { get; } = phrases;

    /// <summary>Gets a value indicating whether a language was asked for (English otherwise: custom rules' reasons are kept as they are either way).</summary>
    public bool IsLocalised => locale is not null;

    public static GuidanceWords English(EvidencePhrases phrases, Rubric rubric) => new(PageTexts.English, phrases, rubric, null);

    public string T(string key, params (string Name, object Value)[] values) => Texts.Format(key, values);

    public string Title(Rubric r) => locale is null ? r.Title : r.TextAt(r.TitleLocation, r.Title, locale);

    public string Title(Competency c) => locale is null ? c.Title : rubric.TextAt(c.TitleLocation, c.Title, locale);

    public string Title(EvidencePath p) => locale is null ? p.Title : rubric.TextAt(p.TitleLocation, p.Title, locale);

    public string Label(RatingScale scale, int level) =>
        locale is null ? scale.LabelOf(level) : rubric.TextAt(scale.Levels[level - 1].Location, scale.LabelOf(level), locale);

    /// <summary>"Advanced (4)".</summary>
    public string LevelName(RatingScale scale, int level) => T("guidance.level", ("label", Label(scale, level)), ("level", level));

    public string Band(string? label) =>
        label is null ? string.Empty
        : locale is null ? label
        : rubric.Bands.FirstOrDefault(b => string.Equals(b.Label, label, StringComparison.Ordinal)) is { } band ? rubric.TextAt(band.Location, label, locale) : label;

    /// <summary>"give 3 more talks", or "3 more 'type' items" for a type without a phrase.</summary>
    public string Describe(string type, int count) =>
        Phrases.TryGetPhrase(type, out var phrase) ? phrase.Format(count) : T("guidance.type.unnamed", ("count", count), ("type", type));

    public string JoinOr(IReadOnlyList<string> parts) => parts.Count <= 1
        ? string.Concat(parts)
        : T("list.or", ("first", string.Join(T("list.separator"), parts.Take(parts.Count - 1))), ("last", parts[^1]));
}
