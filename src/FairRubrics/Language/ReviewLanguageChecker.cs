using System.Buffers;
using System.Collections.Frozen;
using FairRubrics.Checks;

namespace FairRubrics.Language;

/// <summary>Creates the built-in <see cref="IReviewTextChecker"/> without a container (<c>AddFairRubrics()</c> registers the same).</summary>
public static class ReviewTextChecker
{
    /// <summary>Creates a checker with the built-in word lists and the given options.</summary>
    /// <param name="options">Word lists, allowed words and severities (copied), or null for the defaults.</param>
    /// <returns>An immutable, thread-safe checker.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    /// <exception cref="FairRubricsConfigurationException">The options name an id that is not FR301–FR304.</exception>
    public static IReviewTextChecker Create(ReviewTextOptions? options = null) => new ReviewLanguageChecker(options ?? new ReviewTextOptions());
}

/// <summary>
/// FR301–FR304. One <see cref="WordMatcher"/> holds every entry of the review checks, tagged by what it means
/// (gender-coded, personality, evaluative, concrete marker); each comment is tokenized once into pooled buffers
/// and scanned once. A comment without findings allocates nothing but its result. Immutable and thread-safe.
/// </summary>
internal sealed class ReviewLanguageChecker : IReviewTextChecker
{
    private const int GenderCodedTag = 1;
    private const int PersonalityTag = 2;
    private const int EvaluativeTag = 4;
    private const int MarkerTag = 8;

    private static readonly SearchValues<char> QuantitySymbols = SearchValues.Create("%$€£¥₹");
    private static readonly SearchValues<char> OpeningQuotes = SearchValues.Create("\"“„«");
    private static readonly SearchValues<char> ClosingQuotes = SearchValues.Create("\"”“»");

    private static readonly CheckDescriptor Fr301 = new(ReviewTextCheckIds.GenderCoded, "Gender-coded words in a review comment", DiagnosticSeverity.Warning, "docs/checks/FR301.md")
    {
        Name = "GenderCodedReviewWords",
        Description = "A review comment describes the person with masculine- or feminine-coded words (Gaucher, Friesen & Kay 2011), such as \"assertive\", \"analytical\", \"supportive\" or \"warm\": readers hear a gendered picture of the person instead of what they did.",
    };

    private static readonly CheckDescriptor Fr302 = new(ReviewTextCheckIds.Personality, "Personality rather than behaviour", DiagnosticSeverity.Warning, "docs/checks/FR302.md")
    {
        Name = "PersonalityRatherThanBehaviour",
        Description = "A review comment judges personality or temperament (\"abrasive\", \"bossy\", \"emotional\", \"aggressive\") instead of describing what the person did; such words appear far more often in women's reviews (Snyder 2014).",
    };

    private static readonly CheckDescriptor Fr303 = new(ReviewTextCheckIds.VagueFeedback, "Vague feedback without a concrete example", DiagnosticSeverity.Info, "docs/checks/FR303.md")
    {
        Name = "VagueFeedback",
        Description = "A review comment praises or criticises without a concrete example: no deliverable, number, date or situation. Vague feedback gives the person nothing to act on, and women receive more of it (Correll & Simard 2016).",
    };

    private static readonly CheckDescriptor Fr304 = new(ReviewTextCheckIds.GroupDifferences, "Review language differs by group", DiagnosticSeverity.Warning, "docs/checks/FR304.md")
    {
        Name = "ReviewLanguageDiffersByGroup",
        Description = "Across a population, one group's review comments have more gender-coded, personality or vague-feedback findings, or are shorter, than the other groups'.",
    };

    private const string PersonalityAdvice = "describe what the person did and the effect it had, e.g. \"interrupted two colleagues in the design review before they had finished\"";

    private readonly WordMatcher _matcher;
    private readonly FrozenDictionary<WordListEntry, string?> _citations;
    private readonly DiagnosticSeverity?[] _severities;
    private readonly int _vagueBelowWords;

    public ReviewLanguageChecker(ReviewTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        IReadOnlyList<WordList> lists = [.. (options.UseBuiltInWordLists ? WordListLoader.BuiltIn : []).Concat(options.WordLists)];
        _matcher = new WordMatcher(lists, Tag, [.. options.AllowedWords]);
        _citations = lists.SelectMany(l => l.Entries).Distinct().ToFrozenDictionary(e => e, e => ReviewTextText.ShortCitation(e.Source));
        _vagueBelowWords = options.VagueBelowWords;
        Descriptors = [Fr301, Fr302, Fr303, Fr304];
        _severities = [.. Descriptors.Select(d => options.Severities.TryGetValue(d.Id, out var configured) ? configured : d.DefaultSeverity)];
    }

    public IReadOnlyList<CheckDescriptor> Descriptors { get; }

    public ReviewTextReport Report(ReviewTextAccumulator accumulator, ReviewTextAuditOptions options) =>
        ReviewTextAudit.Report(accumulator, options, _severities[3]);

    public ReviewTextResult Check(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        using var text = TokenizedText.Create(comment);
        var hits = new PooledList<RawWordHit>(16);
        try
        {
            _matcher.Scan(text, ref hits);

            // Concrete markers are set aside; the other hits are what the comment says about the person.
            var concrete = false;
            var flagged = 0;
            var all = hits.Items;
            for (var i = 0; i < all.Length; i++)
            {
                if ((all[i].Tag & MarkerTag) != 0)
                {
                    concrete = true;
                }
                else
                {
                    all[flagged++] = all[i];
                }
            }

            var words = all[..WordMatcher.RemoveNested(all[..flagged])];
            concrete = concrete || HasConcreteForm(comment, text.Tokens);

            int genderCoded = 0, personality = 0, evaluative = 0;
            for (var i = 0; i < words.Length; i++)
            {
                switch (KindOf(words, i))
                {
                    case PersonalityTag:
                        personality++;
                        break;
                    case GenderCodedTag:
                        genderCoded++;
                        break;
                    case EvaluativeTag:
                        evaluative++;
                        break;
                }
            }

            // Vague: nothing concrete, and the comment evaluates or labels the person, or is too short to say anything.
            var vague = _severities[2] is not null && !concrete
                && (evaluative + genderCoded + personality > 0 || text.Count < _vagueBelowWords);
            if (!vague && genderCoded == 0 && personality == 0)
            {
                return new ReviewTextResult([], text.Count, 0, 0);
            }

            var findings = new List<ReviewTextFinding>(3);
            if (genderCoded > 0)
            {
                findings.Add(GenderCodedFinding(comment, words));
            }

            if (personality > 0)
            {
                findings.Add(PersonalityFinding(comment, words));
            }

            if (vague)
            {
                findings.Add(VagueFinding(comment, words, text.Count));
            }

            return new ReviewTextResult(findings, text.Count, genderCoded, personality);
        }
        finally
        {
            hits.Dispose();
        }
    }

    private static int Tag(WordList list, WordListEntry entry)
    {
        if (list.Role == WordListRole.ConcreteMarker)
        {
            return list.IsUsedBy(entry, ReviewTextCheckIds.VagueFeedback) ? MarkerTag : 0;
        }

        var tag = 0;
        tag |= list.IsUsedBy(entry, ReviewTextCheckIds.GenderCoded) ? GenderCodedTag : 0;
        tag |= list.IsUsedBy(entry, ReviewTextCheckIds.Personality) ? PersonalityTag : 0;
        tag |= list.IsUsedBy(entry, ReviewTextCheckIds.VagueFeedback) ? EvaluativeTag : 0;
        return tag;
    }

    /// <summary>
    /// What a hit counts as: FR302 when it is a personality word (and FR302 is on); else FR301 when it is
    /// gender-coded, FR301 is on, and no personality word overlaps it ("emotional" is both: it is reported once,
    /// as FR302); else an evaluative word for FR303; else 0.
    /// </summary>
    private int KindOf(ReadOnlySpan<RawWordHit> words, int index)
    {
        var hit = words[index];
        var personalityOn = _severities[1] is not null;
        if (personalityOn && (hit.Tag & PersonalityTag) != 0)
        {
            return PersonalityTag;
        }

        if ((hit.Tag & GenderCodedTag) != 0 && _severities[0] is not null)
        {
            var covered = false;
            foreach (var other in words)
            {
                covered |= personalityOn && (other.Tag & PersonalityTag) != 0 && other.Start < hit.End && hit.Start < other.End;
            }

            if (!covered)
            {
                return GenderCodedTag;
            }
        }

        return (hit.Tag & EvaluativeTag) != 0 ? EvaluativeTag : 0;
    }

    /// <summary>Concrete forms that no word list holds: a number written with digits, a currency or percent sign, "e.g.", or a quoted example of at least two words.</summary>
    private static bool HasConcreteForm(string comment, ReadOnlySpan<WordToken> tokens)
    {
        var span = comment.AsSpan();
        foreach (var token in tokens)
        {
            foreach (var c in span.Slice(token.Start, token.Length))
            {
                if (char.IsDigit(c))
                {
                    return true;
                }
            }
        }

        if (span.ContainsAny(QuantitySymbols) || span.Contains("e.g.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var open = span.IndexOfAny(OpeningQuotes);
        while (open >= 0)
        {
            var close = span[(open + 1)..].IndexOfAny(ClosingQuotes);
            if (close < 0)
            {
                return false;
            }

            close += open + 1;
            var inside = 0;
            foreach (var token in tokens)
            {
                inside += token.Start > open && token.End <= close ? 1 : 0;
            }

            if (inside >= 2)
            {
                return true;
            }

            var next = span[(close + 1)..].IndexOfAny(OpeningQuotes);
            open = next < 0 ? -1 : close + 1 + next;
        }

        return false;
    }

    private ReviewTextFinding GenderCodedFinding(string comment, ReadOnlySpan<RawWordHit> words)
    {
        var reported = Of(words, GenderCodedTag);

        var kinds = reported
            .GroupBy(h => h.List.Id switch { "masculine-coded" => "masculine-coded", "feminine-coded" => "feminine-coded", _ => h.List.Title }, StringComparer.Ordinal)
            .Select(g =>
            {
                var texts = g.Select(h => comment[h.Start..h.End]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                return $"{ReviewTextText.QuoteList(texts)} {(texts.Count == 1 ? "is" : "are")} {g.Key}";
            });
        var citations = Citations(reported);
        var suggestion = Suggestion(reported, "describe what the person did and the effect it had, e.g. \"states a recommendation and the data behind it in design reviews\"");
        var message = $"{string.Join(", ", kinds)}{citations}: coded words paint the person through a gender stereotype instead of saying what they did; {suggestion}";
        return new ReviewTextFinding(ReviewTextCheckIds.GenderCoded, _severities[0]!.Value, message, suggestion, Words(comment, reported));
    }

    private ReviewTextFinding PersonalityFinding(string comment, ReadOnlySpan<RawWordHit> words)
    {
        var reported = Of(words, PersonalityTag);

        var texts = reported.Select(h => comment[h.Start..h.End]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var suggestion = Suggestion(reported, PersonalityAdvice, reviewAdviceFor: WordListLoader.BuiltIn.FirstOrDefault(l => l.Id == "personality"));
        var message = $"{ReviewTextText.QuoteList(texts)}{Citations(reported)} {(texts.Count == 1 ? "describes" : "describe")} personality rather than behaviour: the reader cannot tell what happened, and labels like these are where stereotypes decide a review; {suggestion}";
        return new ReviewTextFinding(ReviewTextCheckIds.Personality, _severities[1]!.Value, message, suggestion, Words(comment, reported));
    }

    private ReviewTextFinding VagueFinding(string comment, ReadOnlySpan<RawWordHit> words, int wordCount)
    {
        var evaluative = Of(words, EvaluativeTag);

        const string suggestion = "say what the person did, in which situation, and what came of it, e.g. \"In the March release she wrote the rollback plan; when the migration failed, we rolled back in ten minutes with no customer impact\"";
        var what = wordCount == 0
            ? "the comment is empty"
            : evaluative.Count > 0
                ? $"the comment evaluates ({ReviewTextText.QuoteList(evaluative.Select(h => comment[h.Start..h.End]).Distinct(StringComparer.OrdinalIgnoreCase).Take(4))}) without a concrete example: no deliverable, number, date or situation"
                : "the comment gives no concrete example: no deliverable, number, date or situation";
        var message = $"{what}; vague feedback gives the person nothing to act on and leaves the rating to impressions (Correll & Simard 2016); {suggestion}";
        return new ReviewTextFinding(ReviewTextCheckIds.VagueFeedback, _severities[2]!.Value, message, suggestion, Words(comment, evaluative));
    }

    private List<RawWordHit> Of(ReadOnlySpan<RawWordHit> words, int kind)
    {
        var result = new List<RawWordHit>();
        for (var i = 0; i < words.Length; i++)
        {
            if (KindOf(words, i) == kind)
            {
                result.Add(words[i]);
            }
        }

        return result;
    }

    private string Citations(List<RawWordHit> hits)
    {
        var citations = hits.Select(h => _citations.GetValueOrDefault(h.Entry)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return citations.Count == 0 ? string.Empty : $" ({string.Join("; ", citations)})";
    }

    /// <summary>
    /// Advice written for a word wins over a list's general advice, which wins over <paramref name="fallback"/>; the
    /// general advice of <paramref name="reviewAdviceFor"/> (a built-in list written for rubric anchors) is replaced
    /// by the fallback, which is written for review comments.
    /// </summary>
    private static string Suggestion(List<RawWordHit> hits, string fallback, WordList? reviewAdviceFor = null) =>
        (hits.Select(h => h.Entry.Instead).FirstOrDefault(i => i is not null)
         ?? hits.Where(h => !ReferenceEquals(h.List, reviewAdviceFor)).Select(h => h.List.Instead).FirstOrDefault(i => i is not null)
         ?? fallback).TrimEnd('.');

    private static ReviewTextWord[] Words(string comment, List<RawWordHit> hits) =>
        [.. hits.Select(h => new ReviewTextWord(h.Start, h.Length, comment[h.Start..h.End], h.Entry.Term, h.List.Id, h.Entry.Source))];
}
