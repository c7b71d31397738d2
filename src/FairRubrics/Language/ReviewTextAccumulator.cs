using FairRubrics.Audit.Statistics;

namespace FairRubrics.Language;

/// <summary>
/// Mergeable per-group counts of checked review comments, for FR304. Add each comment's
/// <see cref="ReviewTextResult"/> with the attribute values of the person it is about (joined from an attributes
/// table), or accumulate partitions separately and <see cref="Merge"/> them. Memory grows with the number of
/// groups and of distinct people, never with the number of comments. Subject ids are kept only as 64-bit hashes,
/// to count distinct people for the minimum group size; comment texts are never kept. Not thread-safe: use one
/// accumulator per thread and merge.
/// </summary>
public sealed class ReviewTextAccumulator
{
    private readonly string[] _attributes;
    private readonly int[][] _analyses;
    private readonly Dictionary<string, Counts>[] _groups;
    private readonly Counts[] _unknown;

    /// <summary>Creates an accumulator.</summary>
    /// <param name="attributes">The attribute names, in the order attribute values are given to <see cref="Add"/>.</param>
    /// <param name="intersect">Whether to analyse the intersection of all attributes too (e.g. gender × ethnicity).</param>
    /// <exception cref="ArgumentException">No attribute is given.</exception>
    public ReviewTextAccumulator(IReadOnlyList<string> attributes, bool intersect)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (attributes.Count == 0)
        {
            throw new ArgumentException("At least one attribute is needed.", nameof(attributes));
        }

        _attributes = [.. attributes];
        var analyses = Enumerable.Range(0, _attributes.Length).Select(i => new[] { i }).ToList();
        if (intersect && _attributes.Length > 1)
        {
            analyses.Add([.. Enumerable.Range(0, _attributes.Length)]);
        }

        _analyses = [.. analyses];
        _groups = [.. _analyses.Select(_ => new Dictionary<string, Counts>(StringComparer.Ordinal))];
        _unknown = [.. _analyses.Select(_ => new Counts())];
        Intersect = intersect;
    }

    /// <summary>Gets the attribute names.</summary>
    public IReadOnlyList<string> Attributes => _attributes;

    /// <summary>Gets a value indicating whether the intersection of the attributes is analysed too.</summary>
    public bool Intersect { get; }

    /// <summary>Gets the number of comments added.</summary>
    public long Comments => All.Comments;

    /// <summary>Gets the number of distinct people the comments are about (comments without a subject id are not counted).</summary>
    public long Subjects => All.Subjects.Count;

    internal Counts All { get; } = new();

    internal IReadOnlyList<int[]> Analyses => _analyses;

    internal IReadOnlyList<Dictionary<string, Counts>> Groups => _groups;

    internal IReadOnlyList<Counts> Unknown => _unknown;

    /// <summary>Adds one checked comment.</summary>
    /// <param name="subject">The id of the person the comment is about, or null when unknown (then the comment counts as unknown in every analysis).</param>
    /// <param name="result">The comment's result from <see cref="IReviewTextChecker.Check"/>.</param>
    /// <param name="attributeValues">One value per attribute (same order as <see cref="Attributes"/>); null or empty means unknown.</param>
    /// <exception cref="ArgumentException">The number of attribute values differs from the number of attributes.</exception>
    public void Add(string? subject, in ReviewTextResult result, IReadOnlyList<string?> attributeValues)
    {
        ArgumentNullException.ThrowIfNull(attributeValues);
        if (attributeValues.Count != _attributes.Length)
        {
            throw new ArgumentException("One value per attribute is needed.", nameof(attributeValues));
        }

        ulong? person = string.IsNullOrWhiteSpace(subject) ? null : Hash(subject.Trim());
        All.Add(person, result);
        for (var a = 0; a < _analyses.Length; a++)
        {
            var analysis = _analyses[a];
            string? key = null;
            var unknown = person is null;
            foreach (var index in analysis)
            {
                var value = attributeValues[index];
                if (string.IsNullOrWhiteSpace(value))
                {
                    unknown = true;
                    break;
                }

                key = key is null ? value.Trim() : key + "\u001F" + value.Trim();
            }

            if (unknown)
            {
                _unknown[a].Add(person, result);
                continue;
            }

            if (!_groups[a].TryGetValue(key!, out var counts))
            {
                _groups[a][key!] = counts = new Counts { Values = [.. analysis.Select(i => attributeValues[i]!.Trim())] };
            }

            counts.Add(person, result);
        }
    }

    /// <summary>Adds another accumulator's counts (a partition of the same population) to this one.</summary>
    /// <param name="other">The other accumulator, with the same attributes and intersection setting.</param>
    /// <exception cref="ArgumentException">The accumulators do not describe the same analysis.</exception>
    public void Merge(ReviewTextAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._attributes.SequenceEqual(_attributes, StringComparer.Ordinal) || other._analyses.Length != _analyses.Length)
        {
            throw new ArgumentException("Only accumulators with the same attributes and intersection setting can be merged.", nameof(other));
        }

        All.Merge(other.All);
        for (var a = 0; a < _analyses.Length; a++)
        {
            _unknown[a].Merge(other._unknown[a]);
            foreach (var (key, counts) in other._groups[a])
            {
                if (!_groups[a].TryGetValue(key, out var mine))
                {
                    _groups[a][key] = mine = new Counts { Values = counts.Values };
                }

                mine.Merge(counts);
            }
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, so partitions hash a person alike.</summary>
    private static ulong Hash(string subject)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in subject)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The counts of one group (or of everyone, or of the unknowns of an analysis).</summary>
    internal sealed class Counts
    {
        public IReadOnlyList<string> Values { get; init; } = [];

        public HashSet<ulong> Subjects { get; } = [];

        public long Comments { get; private set; }

        public long GenderCoded { get; private set; }

        public long Personality { get; private set; }

        public long Vague { get; private set; }

        public long AnyFinding { get; private set; }

        public long GenderCodedWords { get; private set; }

        public long PersonalityWords { get; private set; }

        public Moments Length { get; private set; }

        public void Add(ulong? person, in ReviewTextResult result)
        {
            if (person is { } p)
            {
                Subjects.Add(p);
            }

            Comments++;
            GenderCoded += result.Has(ReviewTextCheckIds.GenderCoded) ? 1 : 0;
            Personality += result.Has(ReviewTextCheckIds.Personality) ? 1 : 0;
            Vague += result.Has(ReviewTextCheckIds.VagueFeedback) ? 1 : 0;
            AnyFinding += result.IsClean ? 0 : 1;
            GenderCodedWords += result.GenderCodedWordCount;
            PersonalityWords += result.PersonalityWordCount;
            Length = Length.Add(result.WordCount);
        }

        public void Merge(Counts other)
        {
            Subjects.UnionWith(other.Subjects);
            Comments += other.Comments;
            GenderCoded += other.GenderCoded;
            Personality += other.Personality;
            Vague += other.Vague;
            AnyFinding += other.AnyFinding;
            GenderCodedWords += other.GenderCodedWords;
            PersonalityWords += other.PersonalityWords;
            Length = Moments.Merge(Length, other.Length);
        }
    }
}
