using System.Text;

namespace FairRubrics.Evidence;

/// <summary>
/// Makes equal field values read from one file share one string instance: evidence types, competency and path ids
/// and rater ids through a bounded table, and subject ids when consecutive rows repeat them (a subject's rows are
/// usually together). Items then take less memory, and the scorer finds the few distinct strings it routes on in
/// the processor's cache instead of reading one scattered copy per row. One pool per reader; not thread-safe.
/// </summary>
internal sealed class EvidenceStringPool
{
    /// <summary>The most distinct values kept; further new values are returned as they are (memory stays bounded).</summary>
    public const int MaxEntries = 4096;

    /// <summary>The longest ASCII value looked up without making a string first.</summary>
    private const int MaxSpanLookup = 256;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    /// <summary>Pooled values by a hash of their bytes, one per slot, in front of the table (the CSV fast path).</summary>
    private readonly (byte[]? Key, string Value)[] _recent = new (byte[]?, string)[1024];
    private readonly int _seeded;
    private string? _lastSubject;

    /// <summary>Creates a pool.</summary>
    /// <param name="rubric">
    /// The rubric the evidence is read for, or null: its competency and path ids and the evidence types its paths
    /// count are pooled first, so that equal values read share the rubric's own instances and the scorer's routing
    /// confirms a match by reference instead of comparing characters.
    /// </param>
    public EvidenceStringPool(Model.Rubric? rubric = null)
    {
        // The type of ratings is compared with this constant for every item.
        _values.Add(EvidenceItem.RatingType, EvidenceItem.RatingType);
        foreach (var competency in rubric?.Competencies ?? [])
        {
            _values.TryAdd(competency.Id, competency.Id);
            foreach (var path in competency.Paths)
            {
                _values.TryAdd(path.Id, path.Id);
                foreach (var type in path.Score.Implementation.OccurrenceTypesOf(path.Score.Settings))
                {
                    _values.TryAdd(type, type);
                }
            }
        }

        // The rubric's strings do not take room from the values read.
        _seeded = _values.Count;
        _byChars = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Gets the pooled instance equal to an ASCII value (a field of the CSV fast path), adding it while there is room:
    /// the same result as <see cref="Intern"/> of its text, without a string for a value already pooled.
    /// </summary>
    /// <param name="ascii">The value's bytes, all ASCII, not empty.</param>
    /// <returns>The shared instance, or a new string.</returns>
    public string InternAscii(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxSpanLookup)
        {
            return Intern(Encoding.ASCII.GetString(ascii))!;
        }

        ref var recent = ref _recent[Slot(ascii)];
        if (recent.Key is { } key && ascii.SequenceEqual(key))
        {
            return recent.Value;
        }

        Span<char> chars = stackalloc char[ascii.Length];
        Ascii.ToUtf16(ascii, chars, out _);
        if (_byChars.TryGetValue(chars, out var pooled))
        {
            Remember(ref recent, ascii, pooled);
            return pooled;
        }

        var value = new string(chars);
        if (_values.Count - _seeded < MaxEntries)
        {
            _values.Add(value, value);
        }

        // Kept in its slot even when the table is full, so that a value repeated in nearby rows (a subject's manager
        // among thousands) is made once for them.
        Remember(ref recent, ascii, value);
        return value;
    }

    /// <summary>Puts a value in its slot, in the slot's key array when that has the length.</summary>
    private static void Remember(ref (byte[]? Key, string Value) slot, ReadOnlySpan<byte> ascii, string value)
    {
        var key = slot.Key is { } old && old.Length == ascii.Length ? old : new byte[ascii.Length];
        ascii.CopyTo(key);
        slot = (key, value);
    }

    /// <summary>The slot of a value among <see cref="_recent"/>: a multiplicative hash of its bytes.</summary>
    private static int Slot(ReadOnlySpan<byte> bytes)
    {
        var hash = (uint)bytes.Length;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)((hash ^ (hash >> 15)) & 1023);
    }

    /// <summary>Gets the previous row's subject instance when the ASCII <paramref name="ascii"/> equals it, else a new one it remembers.</summary>
    /// <param name="ascii">The subject id's bytes, all ASCII.</param>
    /// <returns>The shared instance.</returns>
    public string SubjectAscii(ReadOnlySpan<byte> ascii)
    {
        if (_lastSubject is not null && Ascii.Equals(ascii, _lastSubject))
        {
            return _lastSubject;
        }

        _lastSubject = Encoding.ASCII.GetString(ascii);
        return _lastSubject;
    }

    /// <summary>Gets the pooled instance equal to <paramref name="value"/> (ordinal), adding it while there is room.</summary>
    /// <param name="value">A field value, or null.</param>
    /// <returns>The shared instance, or <paramref name="value"/> itself.</returns>
    public string? Intern(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_values.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        if (_values.Count - _seeded < MaxEntries)
        {
            _values.Add(value, value);
        }

        return value;
    }

    /// <summary>Gets the previous row's subject instance when <paramref name="subject"/> equals it (ordinal), else remembers this one.</summary>
    /// <param name="subject">The subject id.</param>
    /// <returns>The shared instance.</returns>
    public string Subject(string subject)
    {
        if (string.Equals(subject, _lastSubject, StringComparison.Ordinal))
        {
            return _lastSubject!;
        }

        _lastSubject = subject;
        return subject;
    }
}
