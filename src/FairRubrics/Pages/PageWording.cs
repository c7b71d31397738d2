using System.Globalization;
using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Pages;

/// <summary>
/// The plain words both pages share: levels, lists, rater sources, evidence type names, what a way counts and over
/// which window. Never an id, a YAML key or a rule name: evidence types are named through <see cref="EvidencePhrases"/>.
/// </summary>
internal sealed class PageWording(PageTexts texts, EvidencePhrases phrases, Rubric rubric, string? locale)
{
    public PageTexts Texts { get; } = texts;

    /// <summary>Gets the locale the rubric's own texts are shown in (null: the rubric's locale).</summary>
    public string? Locale { get; } = locale;

    private Rubric Rubric { get; } = rubric;

    /// <summary>The rubric's text written at a location, in <see cref="Locale"/> (else in the rubric's locale).</summary>
    public string At(SourceLocation? location, string text) => Rubric.TextAt(location, text, Locale);

    public string Title(Rubric r) => r.TextAt(r.TitleLocation, r.Title, Locale);

    public string? Description(Rubric r) => r.Description is null ? null : r.TextAt(r.DescriptionLocation, r.Description, Locale);

    public string Title(Competency c) => At(c.TitleLocation, c.Title);

    public string? Description(Competency c) => c.Description is null ? null : At(c.DescriptionLocation, c.Description);

    public string Title(EvidencePath p) => At(p.TitleLocation, p.Title);

    public string? Description(EvidencePath p) => p.Description is null ? null : At(p.DescriptionLocation, p.Description);

    public string Anchor(Anchor a) => At(a.Location, a.Text);

    public string LevelLabel(RatingScale scale, int level) => At(scale.Levels[level - 1].Location, scale.LabelOf(level));

    /// <summary>A band's label in <see cref="Locale"/>, from its label in the rubric's locale.</summary>
    public string Band(string label) => Rubric.Bands.FirstOrDefault(b => string.Equals(b.Label, label, StringComparison.Ordinal)) is { } band ? At(band.Location, label) : label;

    public EvidencePhrases Phrases { get; } = phrases;

    public string T(string key, params (string Name, object Value)[] values) => Texts.Format(key, values);

    public static string Number(double value) => ScoreText.FormatNumber(value);

    /// <summary>"4 (Advanced)", "3.5 (between Proficient and Advanced)".</summary>
    public string Level(double level, RatingScale scale)
    {
        var whole = Math.Floor(level);
        if (whole == level && scale.Contains((int)whole))
        {
            return T("page.level", ("level", Number(level)), ("label", LevelLabel(scale, (int)whole)));
        }

        if (level < 1)
        {
            return T("page.level-below", ("level", Number(level)), ("label", LevelLabel(scale, 1)));
        }

        var lower = Math.Clamp((int)whole, 1, scale.MaxLevel);
        var upper = Math.Clamp(lower + 1, 1, scale.MaxLevel);
        return T("page.level-between", ("level", Number(level)), ("lower", LevelLabel(scale, lower)), ("upper", LevelLabel(scale, upper)));
    }

    public string JoinOr(IReadOnlyList<string> parts) => Join(parts, "list.or");

    public string JoinAnd(IReadOnlyList<string> parts) => Join(parts, "list.and");

    public string TypeNames(IEnumerable<string> types) => JoinOr([.. types.Select(t => Phrases.NameOf(t, plural: true))]);

    public string SourceName(RaterSource source) => T("source." + source.ToString().ToLowerInvariant());

    public string RatingSourceName(RaterSource source) => T("statement.item.rating-source." + source.ToString().ToLowerInvariant());

    /// <summary>What a way counts, in sentences: who rates it and how ratings combine, or which items count.</summary>
    public IReadOnlyList<string> Counts(EvidencePath path)
    {
        var score = path.Score;
        switch (score.Implementation)
        {
            case RatingRule when score.Settings is RatingRuleSettings rating:
                return
                [
                    rating.Sources.Count == 0 ? T("counts.rating.any-source") : T("counts.rating", ("sources", JoinOr([.. rating.Sources.Select(SourceName)]))),
                    T("counts.rating.aggregate." + rating.Aggregate.ToString().ToLowerInvariant()),
                    T("counts.rating.min-ratings", ("count", rating.MinRatings)),
                ];
            case CountRule when score.Settings is CountRuleSettings count:
                return [T("counts.count", ("types", TypeNames(count.Of))), T("counts.count.how")];
            case PresenceRule when score.Settings is PresenceRuleSettings presence:
                return [T("counts.presence", ("level", presence.Level), ("types", TypeNames(presence.Of)))];
            default:
                var sentences = new List<string> { T("counts.custom", ("description", score.Implementation.Description)) };
                var types = score.Implementation.OccurrenceTypesOf(score.Settings);
                if (types.Count > 0)
                {
                    sentences.Add(T("counts.custom.types", ("types", TypeNames(types))));
                }

                if (score.Implementation.UsesRatingsOf(score.Settings))
                {
                    sentences.Add(T("counts.custom.ratings"));
                }

                return sentences;
        }
    }

    /// <summary>Which evidence counts by date: the rubric's window in words.</summary>
    public string Window(EvidenceWindow? window) => window switch
    {
        null => T("window.none"),
        { Months: { } months } => T("window.months", ("count", months)),
        { Days: { } days } => T("window.days", ("count", days)),
        _ => T("window.none"),
    };

    /// <summary>What one evidence item is: "a rating of 4 from a peer", "talk given", "talks given (counts 3)".</summary>
    public string Item(in EvidenceItem item)
    {
        if (item.IsRating)
        {
            return T("statement.item.rating", ("value", Number(item.Value ?? 0)), ("source", RatingSourceName(item.Source)));
        }

        return item.Quantity == 1
            ? T("statement.item.occurrence", ("name", Phrases.NameOf(item.Type, plural: false)))
            : T("statement.item.quantity", ("name", Phrases.NameOf(item.Type, plural: true)), ("quantity", Number(item.Quantity)));
    }

    /// <summary>"T-12, 2026-03-04: talk given": the item's id (else its row), date and what it is; never its rater.</summary>
    public string ItemLine(in EvidenceItem item)
    {
        var label = item.Id ?? (item.Row > 0 ? string.Create(CultureInfo.InvariantCulture, $"#{item.Row}") : "–");
        return item.Date is { } date
            ? T("statement.item", ("label", label), ("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("what", Item(item)))
            : T("statement.item.undated", ("label", label), ("what", Item(item)));
    }

    private string Join(IReadOnlyList<string> parts, string key) => parts.Count switch
    {
        0 => string.Empty,
        1 => parts[0],
        _ => T(key, ("first", string.Join(T("list.separator"), parts.Take(parts.Count - 1))), ("last", parts[^1])),
    };
}
