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
    private readonly FrozenDictionary<string, Compiled[]> _words;
    private readonly FrozenDictionary<string, Compiled[]>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly FrozenDictionary<string, Compiled[]> _stems;
    private readonly FrozenDictionary<string, Compiled[]>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private readonly FrozenDictionary<string, Compiled[]> _phrases;
    private readonly FrozenDictionary<string, Compiled[]>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;
    private readonly FrozenSet<string> _allowedWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _allowedLookup;
    private readonly IReadOnlyCollection<string>[][] _allowedPhrases;
    private readonly int _minStem;
    private readonly int _maxStem;

    /// <summary>Compiles the entries of <paramref name="lists"/> used by <paramref name="checkId"/> (every entry when null).</summary>
    /// <param name="lists">The lists.</param>
    /// <param name="checkId">The check whose entries to use, or null for all.</param>
    /// <param name="allowed">Words or phrases never reported, besides the lists' own <see cref="WordList.Allow"/>.</param>
    public WordMatcher(IEnumerable<WordList> lists, string? checkId = null, IEnumerable<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(lists);
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
                if (checkId is not null && !list.IsUsedBy(entry, checkId))
                {
                    continue;
                }

                var compiled = new Compiled(entry, list);
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

        _words = words.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _stems = stems.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _phrases = phrases.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
        _phraseLookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _allowedWords = allow.Where(a => !a.Contains(' ', StringComparison.Ordinal)).SelectMany(Inflections.Of).ToFrozenSet(StringComparer.Ordinal);
        _allowedLookup = _allowedWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _allowedPhrases = [.. allow.Where(a => a.Contains(' ', StringComparison.Ordinal)).Select(InflectedPhrase)];
        _minStem = stems.Count == 0 ? int.MaxValue : stems.Keys.Min(k => k.Length);
        _maxStem = stems.Count == 0 ? 0 : stems.Keys.Max(k => k.Length);
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

        var tokens = new List<WordToken>();
        WordTokenizer.Tokenize(text, tokens);
        if (tokens.Count == 0)
        {
            return [];
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            // Every word's key is written once into one buffer, at the word's own offset (a key is never longer than its word).
            var keys = new Keys(text, tokens, buffer);
            List<WordHit>? hits = null;
            for (var i = 0; i < tokens.Count; i++)
            {
                var key = keys[i];
                if (key.IsEmpty)
                {
                    continue;
                }

                if (_phraseLookup.TryGetValue(key, out var phraseEntries))
                {
                    foreach (var phrase in phraseEntries)
                    {
                        var last = i + phrase.Words.Length - 1;
                        if (phrase.MatchesAt(text, tokens, keys, i))
                        {
                            Add(text, tokens, keys, i, last, phrase, ref hits);
                        }
                    }
                }

                if (_wordLookup.TryGetValue(key, out var wordEntries))
                {
                    foreach (var entry in wordEntries)
                    {
                        Add(text, tokens, keys, i, i, entry, ref hits);
                    }
                }

                for (var length = Math.Min(_maxStem, key.Length); length >= _minStem; length--)
                {
                    if (_stemLookup.TryGetValue(key[..length], out var stemEntries))
                    {
                        foreach (var entry in stemEntries)
                        {
                            Add(text, tokens, keys, i, i, entry, ref hits);
                        }
                    }
                }
            }

            return hits is null ? [] : RemoveNested(hits);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Add(string text, List<WordToken> tokens, Keys keys, int first, int last, Compiled entry, ref List<WordHit>? hits)
    {
        if (Covered(keys, first, last, entry.Except))
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

        hits ??= [];
        var start = tokens[first].Start;
        var end = tokens[last].End;
        hits.Add(new WordHit(start, end - start, text[start..end], entry.Entry, entry.List));
    }

    /// <summary>The forms each word of a phrase may take: "network incident" also covers "network incidents".</summary>
    private static IReadOnlyCollection<string>[] InflectedPhrase(string normalized) => [.. normalized.Split(' ').Select(Inflections.Of)];

    /// <summary>Gets a value indicating whether one of <paramref name="phrases"/>, written around words first..last, covers them.</summary>
    private static bool Covered(Keys keys, int first, int last, IReadOnlyCollection<string>[][] phrases)
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
        foreach (var form in forms)
        {
            if (key.SequenceEqual(form))
            {
                return true;
            }
        }

        return false;
    }

    private static List<WordHit> RemoveNested(List<WordHit> hits)
    {
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var result = new List<WordHit>(hits.Count);
        foreach (var hit in hits)
        {
            var nested = hits.Any(other => other.Length > hit.Length && other.Start <= hit.Start && other.Start + other.Length >= hit.Start + hit.Length);
            var duplicate = result.Any(r => r.Start == hit.Start && r.Length == hit.Length && ReferenceEquals(r.Entry, hit.Entry));
            if (!nested && !duplicate)
            {
                result.Add(hit);
            }
        }

        return result;
    }

    /// <summary>The lookup keys of a text's words, as spans over one shared buffer.</summary>
    private readonly struct Keys
    {
        private readonly List<WordToken> _tokens;
        private readonly char[] _buffer;
        private readonly int[] _lengths;

        public Keys(string text, List<WordToken> tokens, char[] buffer)
        {
            _tokens = tokens;
            _buffer = buffer;
            _lengths = new int[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                _lengths[i] = Math.Max(0, WordTokenizer.Key(text.AsSpan(t.Start, t.Length), buffer.AsSpan(t.Start, t.Length)));
            }
        }

        public int Count => _lengths.Length;

        public ReadOnlySpan<char> this[int index] => new(_buffer, _tokens[index].Start, _lengths[index]);
    }

    /// <summary>An entry prepared for matching: its words' keys, the forms each word may take, its exceptions.</summary>
    private sealed class Compiled
    {
        public Compiled(WordListEntry entry, WordList list)
        {
            Entry = entry;
            List = list;
            Normalized = WordTokenizer.Normalize(entry.Term);
            Words = Normalized.Split(' ');
            Forms = new IReadOnlyCollection<string>[Words.Length];
            for (var i = 0; i < Words.Length; i++)
            {
                // Inflected phrases inflect every word ("meet senior leader" matches "meets senior leaders");
                // a stem applies to the last word only, the others match exactly.
                Forms[i] = entry.Match == WordMatch.Inflected ? Inflections.Of(Words[i]) : [Words[i]];
            }

            Except = [.. entry.Except.Select(WordTokenizer.Normalize).Where(e => e.Length > 0).Select(InflectedPhrase)];
        }

        public WordListEntry Entry { get; }

        public WordList List { get; }

        public string Normalized { get; }

        public string[] Words { get; }

        public IReadOnlyCollection<string>[] Forms { get; }

        public IReadOnlyCollection<string>[][] Except { get; }

        public bool MatchesAt(string text, List<WordToken> tokens, Keys keys, int first)
        {
            if (first + Words.Length > tokens.Count)
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
