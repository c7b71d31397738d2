using FairRubrics.Language;
using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>What the built-in checks share: the validated options and one compiled word matcher per word-list check. Immutable, thread-safe.</summary>
internal sealed class DesignCheckEnvironment
{
    private readonly Dictionary<string, WordMatcher> _matchers;

    public DesignCheckEnvironment(DesignCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        MaxInterpersonalWeightShare = options.MaxInterpersonalWeightShare;
        MinAnchorWords = options.MinAnchorWords;
        IReadOnlyList<WordList> lists = [.. (options.UseBuiltInWordLists ? WordListLoader.BuiltIn : []).Concat(options.WordLists)];
        var allowed = options.AllowedWords.ToArray();
        _matchers = new Dictionary<string, WordMatcher>(StringComparer.Ordinal);
        foreach (var id in new[] { DesignCheckIds.ContactAccumulation, DesignCheckIds.CodedLanguage, DesignCheckIds.VisibilityDependence })
        {
            _matchers[id] = new WordMatcher(lists, id, allowed);
        }

        // FR105 asks "is every word vague or a function word?": allow-lists do not apply to it.
        _matchers[DesignCheckIds.VagueAnchor] = new WordMatcher(lists, DesignCheckIds.VagueAnchor);
    }

    public double MaxInterpersonalWeightShare { get; }

    public int MinAnchorWords { get; }

    /// <summary>Finds the words of <paramref name="checkId"/>'s lists in a text, leaving out the words the rubric allows.</summary>
    public IReadOnlyList<WordHit> Find(string checkId, string? text, Rubric rubric)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var hits = _matchers[checkId].Find(text);
        if (hits.Count == 0 || rubric.Checks.AllowedWords.Count == 0)
        {
            return hits;
        }

        // A rubric's allowed word covers its inflections ("contact" also allows "contacts").
        var allowed = rubric.Checks.AllowedWords
            .Select(a => WordTokenizer.Normalize(a.Word))
            .SelectMany(w => w.Contains(' ', StringComparison.Ordinal) ? [w] : Inflections.Of(w))
            .ToHashSet(StringComparer.Ordinal);
        return [.. hits.Where(h => !allowed.Contains(WordTokenizer.Normalize(h.Text)) && !allowed.Contains(WordTokenizer.Normalize(h.Entry.Term)))];
    }
}
