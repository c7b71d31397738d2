namespace FairRubrics.Scoring;

/// <summary>
/// The subjects seen so far, by a 64-bit FNV-1a fingerprint of their id (about 16 bytes each, never the ids): tells
/// whether a subject whose items start may have come before. A subject never seen is always new; a subject reported
/// seen almost surely was (for a million subjects, a false "seen" has a chance of about 3 in 100 million). Not thread-safe.
/// </summary>
internal sealed class SubjectFingerprints
{
    private readonly HashSet<ulong> _seen = [];

    /// <summary>Gets the number of subjects added.</summary>
    public int Count => _seen.Count;

    /// <summary>Adds a subject.</summary>
    /// <param name="subject">The subject id.</param>
    /// <returns>True when it is new; false when it was (almost surely) added before.</returns>
    public bool Add(string subject) => _seen.Add(Fingerprint(subject));

    /// <summary>The 64-bit FNV-1a hash of the id's UTF-16 code units: the same in every process (unlike string.GetHashCode).</summary>
    internal static ulong Fingerprint(string subject)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in subject)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return hash;
    }
}
