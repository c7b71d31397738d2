using System.Buffers;
using System.Collections.Frozen;

namespace FairRubrics.Language;

/// <summary>A place in a text where a word-list entry matched.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Length of the matched text.</param>
/// <param name="Text">The matched text as written.</param>
/// <param name="Entry">The entry that matched.</param>
/// <param name="List">The list the entry belongs to.</param>
internal sealed record WordHit(int Start, int Length, string Text, WordListEntry Entry, WordList List);

/// <summary>A match found by <see cref="WordMatcher.Scan"/>, without allocation: the first and last word it covers, and the entry.</summary>
/// <param name="First">Index of the first word.</param>
/// <param name="Last">Index of the last word.</param>
/// <param name="Start">Index of the first character.</param>
/// <param name="End">Index after the last character.</param>
/// <param name="Entry">The entry that matched.</param>
/// <param name="List">The list the entry belongs to.</param>
/// <param name="Tag">The tag the matcher's owner gave the entry (see <see cref="WordMatcher(IEnumerable{WordList}, Func{WordList, WordListEntry, int}, IEnumerable{string}?)"/>).</param>
internal readonly record struct RawWordHit(int First, int Last, int Start, int End, WordListEntry Entry, WordList List, int Tag)
{
    public int Length => End - Start;
}

/// <summary>
/// Finds the entries of some word lists in texts. Built once from the lists (single words and their inflected
/// forms, stems and phrases go into frozen lookup tables); then each text is tokenized once and each word is
/// looked up by span, without a regular expression per word. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// An entry's <see cref="WordListEntry.Except"/> and the allow-list hold words or phrases, each also in its
/// inflected forms: a hit is dropped when one of them, written around the hit in the text, covers it ("first
/// contact resolution" covers "contact"; allowing "contact" allows "contacts"). A hit inside a longer hit (a
/// word inside a matched phrase) is dropped too.
/// </remarks>
internal sealed class WordMatcher
{
    // One lookup per word finds the single-word entries and the phrases that start with it; a second, by the
    // word's first _minStem letters, finds the stems it may start with.
    private readonly FrozenDictionary<string, Bucket> _byWord;
    private readonly FrozenDictionary<string, Bucket>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly FrozenDictionary<string, Compiled[]> _stemsByPrefix;
    private readonly FrozenDictionary<string, Compiled[]>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private readonly FrozenSet<string> _allowedWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _allowedLookup;
    private readonly IReadOnlyCollection<string>[][] _allowedPhrases;
    private readonly int _minStem;

    /// <summary>Compiles the entries of <paramref name="lists"/> used by <paramref name="checkId"/> (every entry when null).</summary>
    /// <param name="lists">The lists.</param>
    /// <param name="checkId">The check whose entries to use, or null for all.</param>
    /// <param name="allowed">Words or phrases never reported, besides the lists' own <see cref="WordList.Allow"/>.</param>
    public WordMatcher(IEnumerable<WordList> lists, string? checkId = null, IEnumerable<string>? allowed = null)
        : this(lists, (list, entry) => checkId is null || list.IsUsedBy(entry, checkId) ? 1 : 0, allowed)
    {
    }

    /// <summary>Compiles the entries of <paramref name="lists"/> to which <paramref name="tag"/> gives a non-zero tag; every hit carries its entry's tag.</summary>
    /// <param name="lists">The lists.</param>
    /// <param name="tag">Gives each entry a tag (for example the checks that use it, as bits); 0 leaves the entry out.</param>
    /// <param name="allowed">Words or phrases never reported, besides the lists' own <see cref="WordList.Allow"/>.</param>
    public WordMatcher(IEnumerable<WordList> lists, Func<WordList, WordListEntry, int> tag, IEnumerable<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(tag);
        var words = new Dictionary<string, List<Compiled>>(StringComparer.Ordinal);
        var stems = new Dictionary<string, List<Compiled>>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<Compiled>>(StringComparer.Ordinal);
        var allow = new HashSet<string>(StringComparer.Ordinal);
        var listArray = lists.ToArray();
        foreach (var word in (allowed ?? []).Concat(listArray.SelectMany(l => l.Allow)))
        {
            var normalized = WordTokenizer.Normalize(word);
            if (normalized.Length > 0)
            {
                allow.Add(normalized);
            }
        }

        foreach (var list in listArray)
        {
            foreach (var entry in list.Entries)
            {
                var entryTag = tag(list, entry);
                if (entryTag == 0)
                {
                    continue;
                }

                var compiled = new Compiled(entry, list, entryTag);
                var target = compiled.Words.Length > 1 ? phrases : entry.Match == WordMatch.Stem ? stems : words;
                var keys = compiled.Words.Length == 1 && entry.Match == WordMatch.Stem ? [compiled.Words[0]] : compiled.Forms[0];
                foreach (var key in keys)
                {
                    if (!target.TryGetValue(key, out var bucket))
                    {
                        target[key] = bucket = [];
                    }

                    bucket.Add(compiled);
                }
            }
        }

        _byWord = words.Keys.Union(phrases.Keys, StringComparer.Ordinal).ToFrozenDictionary(
            k => k,
            k => new Bucket(words.TryGetValue(k, out var w) ? [.. w] : [], phrases.TryGetValue(k, out var p) ? [.. p] : []),
            StringComparer.Ordinal);
        _wordLookup = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _minStem = stems.Count == 0 ? int.MaxValue : stems.Keys.Min(k => k.Length);

        // Longest stem first, as the stems of one word were always tried.
        _stemsByPrefix = stems
            .SelectMany(p => p.Value.Select(c => (Stem: p.Key, Entry: c)))
            .GroupBy(x => x.Stem[.._minStem], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(x => x.Stem.Length).Select(x => x.Entry).ToArray(), StringComparer.Ordinal);
        _stemLookup = _stemsByPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        _allowedWords = allow.Where(a => !a.Contains(' ', StringComparison.Ordinal)).SelectMany(Inflections.Of).ToFrozenSet(StringComparer.Ordinal);
        _allowedLookup = _allowedWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _allowedPhrases = [.. allow.Where(a => a.Contains(' ', StringComparison.Ordinal)).Select(InflectedPhrase)];
        IsEmpty = words.Count == 0 && stems.Count == 0 && phrases.Count == 0;
    }

    /// <summary>Gets a value indicating whether the matcher has no entries at all.</summary>
    public bool IsEmpty { get; }

    /// <summary>Finds the entries in <paramref name="text"/>, in text order.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hits; empty when nothing matched.</returns>
    public IReadOnlyList<WordHit> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsEmpty || text.Length == 0)
        {
            return [];
        }

        using var tokenized = TokenizedText.Create(text);
        var hits = new PooledList<RawWordHit>(0);
        try
        {
            Scan(tokenized, ref hits);
            if (hits.Count == 0)
            {
                return [];
            }

            var count = RemoveNested(hits.Items);
            var result = new WordHit[count];
            for (var i = 0; i < count; i++)
            {
                var hit = hits.Items[i];
                result[i] = new WordHit(hit.Start, hit.Length, text[hit.Start..hit.End], hit.Entry, hit.List);
            }

            return result;
        }
        finally
        {
            hits.Dispose();
        }
    }

    /// <summary>Adds the hits of every entry in a tokenized text to <paramref name="hits"/>, in word order, without allocating; nested hits are kept (see <see cref="RemoveNested"/>).</summary>
    /// <param name="text">The tokenized text.</param>
    /// <param name="hits">Receives the hits.</param>
    public void Scan(in TokenizedText text, ref PooledList<RawWordHit> hits)
    {
        if (IsEmpty)
        {
            return;
        }

        var tokens = text.Tokens;
        var keys = text.Keys;
        for (var i = 0; i < tokens.Length; i++)
        {
            var key = keys[i];
            if (key.IsEmpty)
            {
                continue;
            }

            if (_wordLookup.TryGetValue(key, out var bucket))
            {
                foreach (var phrase in bucket.Phrases)
                {
                    if (phrase.MatchesAt(text.Text, tokens, keys, i))
                    {
                        Add(tokens, keys, i, i + phrase.Words.Length - 1, phrase, ref hits);
                    }
                }

                foreach (var entry in bucket.Words)
                {
                    Add(tokens, keys, i, i, entry, ref hits);
                }
            }

            if (key.Length >= _minStem && _stemLookup.TryGetValue(key[.._minStem], out var stemEntries))
            {
                foreach (var entry in stemEntries)
                {
                    if (key.StartsWith(entry.Words[0], StringComparison.Ordinal))
                    {
                        Add(tokens, keys, i, i, entry, ref hits);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sorts hits by position (longest first at the same start) and drops every hit inside a longer one and every
    /// repeated hit of the same entry at the same place, in place.
    /// </summary>
    /// <param name="hits">The hits.</param>
    /// <returns>How many hits remain, at the start of <paramref name="hits"/>.</returns>
    public static int RemoveNested(Span<RawWordHit> hits)
    {
        // Insertion sort: a comment has a handful of hits, and this allocates nothing.
        for (var i = 1; i < hits.Length; i++)
        {
            var current = hits[i];
            var j = i - 1;
            while (j >= 0 && Compare(hits[j], current) > 0)
            {
                hits[j + 1] = hits[j];
                j--;
            }

            hits[j + 1] = current;
        }

        var count = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            var hit = hits[i];
            var drop = false;
            for (var j = 0; j < hits.Length && !drop; j++)
            {
                var other = hits[j];
                drop = other.Length > hit.Length && other.Start <= hit.Start && other.End >= hit.End;
            }

            for (var j = 0; j < count && !drop; j++)
            {
                var kept = hits[j];
                drop = kept.Start == hit.Start && kept.Length == hit.Length && ReferenceEquals(kept.Entry, hit.Entry);
            }

            if (!drop)
            {
                hits[count++] = hit;
            }
        }

        return count;

        static int Compare(in RawWordHit a, in RawWordHit b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length);
    }

    private void Add(ReadOnlySpan<WordToken> tokens, WordKeys keys, int first, int last, Compiled entry, ref PooledList<RawWordHit> hits)
    {
        if (entry.Except.Length > 0 && Covered(keys, first, last, entry.Except))
        {
            return;
        }

        if (_allowedWords.Count > 0 && ((first == last && _allowedLookup.Contains(keys[first])) || _allowedWords.Contains(entry.Normalized)))
        {
            return;
        }

        if (_allowedPhrases.Length > 0 && Covered(keys, first, last, _allowedPhrases))
        {
            return;
        }

        hits.Add(new RawWordHit(first, last, tokens[first].Start, tokens[last].End, entry.Entry, entry.List, entry.Tag));
    }

    /// <summary>The forms each word of a phrase may take: "network incident" also covers "network incidents".</summary>
    private static IReadOnlyCollection<string>[] InflectedPhrase(string normalized) => [.. normalized.Split(' ').Select(w => Inflections.Of(w).ToArray())];

    /// <summary>Gets a value indicating whether one of <paramref name="phrases"/>, written around words first..last, covers them.</summary>
    private static bool Covered(WordKeys keys, int first, int last, IReadOnlyCollection<string>[][] phrases)
    {
        var span = last - first + 1;
        foreach (var phrase in phrases)
        {
            for (var offset = 0; offset <= phrase.Length - span; offset++)
            {
                var start = first - offset;
                if (start < 0 || start + phrase.Length > keys.Count)
                {
                    continue;
                }

                var all = true;
                for (var j = 0; j < phrase.Length && all; j++)
                {
                    all = Contains(phrase[j], keys[start + j]);
                }

                if (all)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyCollection<string> forms, ReadOnlySpan<char> key)
    {
        if (forms is string[] array)
        {
            foreach (var form in array)
            {
                if (key.SequenceEqual(form))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var form in forms)
        {
            if (key.SequenceEqual(form))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The single-word entries keyed by one of their forms, and the phrases whose first word takes that form.</summary>
    private sealed record Bucket(Compiled[] Words, Compiled[] Phrases);

    /// <summary>An entry prepared for matching: its words' keys, the forms each word may take, its exceptions.</summary>
    private sealed class Compiled
    {
        public Compiled(WordListEntry entry, WordList list, int tag)
        {
            Entry = entry;
            List = list;
            Tag = tag;
            Normalized = WordTokenizer.Normalize(entry.Term);
            Words = Normalized.Split(' ');
            Forms = new IReadOnlyCollection<string>[Words.Length];
            for (var i = 0; i < Words.Length; i++)
            {
                // Inflected phrases inflect every word ("meet senior leader" matches "meets senior leaders");
                // a stem applies to the last word only, the others match exactly.
                Forms[i] = entry.Match == WordMatch.Inflected ? Inflections.Of(Words[i]).ToArray() : [Words[i]];
            }

            Except = [.. entry.Except.Select(WordTokenizer.Normalize).Where(e => e.Length > 0).Select(InflectedPhrase)];
        }

        public int Tag { get; }

        public WordListEntry Entry { get; }

        public WordList List { get; }

        public string Normalized { get; }

        public string[] Words { get; }

        public IReadOnlyCollection<string>[] Forms { get; }

        public IReadOnlyCollection<string>[][] Except { get; }

        public bool MatchesAt(string text, ReadOnlySpan<WordToken> tokens, WordKeys keys, int first)
        {
            if (first + Words.Length > tokens.Length)
            {
                return false;
            }

            for (var k = 1; k < Words.Length; k++)
            {
                var index = first + k;
                if (!Adjacent(text, tokens[index - 1], tokens[index]))
                {
                    return false;
                }

                var key = keys[index];
                var ok = k == Words.Length - 1 && Entry.Match == WordMatch.Stem
                    ? key.StartsWith(Words[k], StringComparison.Ordinal)
                    : Contains(Forms[k], key);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Adjacent(string text, WordToken previous, WordToken next)
        {
            if (next.HyphenBefore)
            {
                return true;
            }

            for (var i = previous.End; i < next.Start; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
