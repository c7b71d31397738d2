namespace FairRubrics.Scoring;

/// <summary>
/// A read-only map from a rubric's few strings (competency ids, evidence types) to small integers, for the
/// scorer's routing: one probe per evidence item. The hash reads the length and two characters at positions
/// chosen, when the index is built, to tell the keys apart (counted from the left or from the right, whichever
/// distinguishes ids such as <c>type-3-1</c> or <c>competency-12</c>; a position beyond a string reads as 0);
/// a match is confirmed by ordinal equality. Keys that the length and two of the first or last 24 characters
/// cannot tell apart share a bucket, and are then compared one by one.
/// <see cref="System.Collections.Frozen.FrozenDictionary{TKey, TValue}"/> does the same in general form; this
/// one is specialised to integer values and skips its virtual dispatch, which the profile showed on every item.
/// Immutable, so safe to share between threads.
/// </summary>
internal sealed class OrdinalStringIndex
{
    /// <summary>The most positions tried on each side when choosing where the hash reads.</summary>
    private const int MaxPositionsPerSide = 24;

    private readonly string[] _keys;
    private readonly int[] _values;
    private readonly int[] _bucketStarts;
    /// <summary>Odd multipliers tried for the final mixing step of the hash.</summary>
    private static readonly uint[] Multipliers = [0x27D4EB2Fu, 0x9E3779B1u, 0x85EBCA77u, 0xC2B2AE3Du, 0x165667B1u, 0xFD7046C5u, 0xB55A4F09u, 0x7FEB352Du];

    private readonly int _shift = 31;
    private readonly uint _multiplier = 1;
    private readonly int _minLength;
    private readonly int _maxLength;
    private readonly int _first;
    private readonly int _second;

    /// <summary>Builds the index.</summary>
    /// <param name="entries">The keys (distinct, ordinal) and their values.</param>
    public OrdinalStringIndex(IReadOnlyCollection<KeyValuePair<string, int>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var keys = entries.Select(e => e.Key).ToArray();
        _minLength = keys.Length == 0 ? 1 : keys.Min(k => k.Length);
        _maxLength = keys.Length == 0 ? 0 : keys.Max(k => k.Length);
        (_first, _second) = ChoosePositions(keys, _maxLength);

        // The smallest table (and multiplier) that gives every key a bucket of its own, trying tables of up to 64
        // times the number of keys rounded up to a power of two; failing that, the fewest keys sharing a bucket.
        var bits = 1;
        while ((1 << bits) < keys.Length)
        {
            bits++;
        }

        var bestShared = int.MaxValue;
        for (var b = bits; b <= bits + 6 && bestShared > 0; b++)
        {
            foreach (var multiplier in Multipliers)
            {
                var buckets = keys.Select(k => Bucket(k, _first, _second, multiplier, 32 - b)).ToArray();
                var shared = buckets.Length - buckets.Distinct().Count();
                if (shared < bestShared)
                {
                    bestShared = shared;
                    _shift = 32 - b;
                    _multiplier = multiplier;
                    if (shared == 0)
                    {
                        break;
                    }
                }
            }
        }

        var bucketCount = 1 << (32 - _shift);
        var bucketOf = keys.Select(Bucket).ToArray();
        _bucketStarts = new int[bucketCount + 1];
        foreach (var bucket in bucketOf)
        {
            _bucketStarts[bucket + 1]++;
        }

        for (var b = 0; b < bucketCount; b++)
        {
            _bucketStarts[b + 1] += _bucketStarts[b];
        }

        _keys = new string[keys.Length];
        _values = new int[keys.Length];
        var fill = _bucketStarts[..bucketCount];
        var i = 0;
        foreach (var (key, value) in entries)
        {
            var at = fill[bucketOf[i++]]++;
            _keys[at] = key;
            _values[at] = value;
        }
    }

    /// <summary>Gets the value of <paramref name="key"/> (ordinal), or -1 when it is not a key.</summary>
    /// <param name="key">The string looked up.</param>
    /// <returns>The value, or -1.</returns>
    public int Find(string key)
    {
        var length = key.Length;
        if (length < _minLength || length > _maxLength)
        {
            return -1;
        }

        var bucket = Bucket(key);
        var end = _bucketStarts[bucket + 1];
        for (var i = _bucketStarts[bucket]; i < end; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return _values[i];
            }
        }

        return -1;
    }

    /// <summary>The character at <paramref name="position"/>: from the left when at least 0, else from the right (-1 = last); 0 beyond the string.</summary>
    private static int CharAt(string key, int position)
    {
        var index = position >= 0 ? position : key.Length + position;
        return (uint)index < (uint)key.Length ? key[index] : 0;
    }

    /// <summary>
    /// The two positions whose characters, with the length, give the most keys a hash of their own (the first such
    /// pair found), among the first and last <see cref="MaxPositionsPerSide"/> of the longest key.
    /// </summary>
    private static (int First, int Second) ChoosePositions(string[] keys, int maxLength)
    {
        var side = Math.Min(maxLength, MaxPositionsPerSide);
        var candidates = Enumerable.Range(0, side).SelectMany(p => new[] { -1 - p, p }).Distinct().ToArray();
        var best = (First: -1, Second: -1);
        var bestDistinct = 0;
        var seen = new HashSet<(int, int, int)>();
        for (var a = 0; a < candidates.Length && bestDistinct < keys.Length; a++)
        {
            for (var b = a; b < candidates.Length && bestDistinct < keys.Length; b++)
            {
                seen.Clear();
                foreach (var key in keys)
                {
                    seen.Add((key.Length, CharAt(key, candidates[a]), CharAt(key, candidates[b])));
                }

                if (seen.Count > bestDistinct)
                {
                    bestDistinct = seen.Count;
                    best = (candidates[a], candidates[b]);
                }
            }
        }

        return best;
    }

    /// <summary>The bucket of a string: a multiplicative hash of its length and the two chosen characters.</summary>
    private int Bucket(string key) => Bucket(key, _first, _second, _multiplier, _shift);

    private static int Bucket(string key, int first, int second, uint multiplier, int shift)
    {
        var h = ((uint)key.Length * 0x9E3779B1u) ^ ((uint)CharAt(key, first) * 0x85EBCA77u) ^ ((uint)CharAt(key, second) * 0xC2B2AE3Du);
        return (int)((h * multiplier) >> shift);
    }
}
