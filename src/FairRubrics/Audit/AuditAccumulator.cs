using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

/// <summary>
/// Mergeable per-group statistics of an outcome audit. Add subjects one at a time (streamed from a file), or
/// accumulate partitions separately and <see cref="Merge"/> them: memory grows with the number of groups (and
/// distinct score values), never with the number of subjects. Subject ids and attribute values of individuals
/// are never stored. Not thread-safe: use one accumulator per thread and merge.
/// </summary>
public sealed class AuditAccumulator
{
    private readonly string[] _attributes;
    private readonly int[][] _analyses;
    private readonly Dictionary<string, GroupStats>[] _groups;
    private readonly long[] _unknownScored;
    private readonly long[] _unknownAll;
    private readonly Dictionary<double, long> _scores = [];
    private readonly Dictionary<(int Competency, string Path), Moments> _pathLevels = [];
    private readonly Dictionary<(int Competency, string Path), long> _pathWins = [];
    private readonly Dictionary<string, RaterStats> _raters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PatternStats>? _patterns;

    /// <summary>Creates an accumulator.</summary>
    /// <param name="attributes">The attribute names, in the order attribute values are given to <see cref="Add"/>.</param>
    /// <param name="intersect">Whether to analyse the intersection of all attributes too.</param>
    /// <exception cref="ArgumentException">No attribute, or an attribute named twice.</exception>
    public AuditAccumulator(IReadOnlyList<string> attributes, bool intersect)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (attributes.Count == 0)
        {
            throw new ArgumentException("At least one attribute is needed.", nameof(attributes));
        }

        _attributes = [.. attributes];
        if (_attributes.Distinct(StringComparer.Ordinal).Count() != _attributes.Length)
        {
            throw new ArgumentException("An attribute is named twice; each attribute is analysed once.", nameof(attributes));
        }

        var analyses = Enumerable.Range(0, _attributes.Length).Select(i => new[] { i }).ToList();
        if (intersect && _attributes.Length > 1)
        {
            analyses.Add([.. Enumerable.Range(0, _attributes.Length)]);
        }

        _analyses = [.. analyses];
        _groups = [.. _analyses.Select(_ => new Dictionary<string, GroupStats>(StringComparer.Ordinal))];
        _unknownScored = new long[_analyses.Length];
        _unknownAll = new long[_analyses.Length];
        _patterns = _analyses.Length > _attributes.Length ? new(StringComparer.Ordinal) : null;
    }

    /// <summary>Gets the attribute names.</summary>
    public IReadOnlyList<string> Attributes => _attributes;

    /// <summary>Gets the competency ids, in the rubric's order (known after the first subject).</summary>
    public IReadOnlyList<string> Competencies { get; private set; } = [];

    /// <summary>Gets the rubric id of the results (known after the first subject), or null.</summary>
    public string? Rubric { get; private set; }

    /// <summary>Gets the number of subjects added.</summary>
    public long Subjects { get; private set; }

    /// <summary>Gets the number of subjects with status <c>scored</c>.</summary>
    public long Scored { get; private set; }

    /// <summary>Gets the number of competencies with insufficient evidence over all subjects.</summary>
    internal long InsufficientCompetencies { get; private set; }

    internal IReadOnlyList<int[]> Analyses => _analyses;

    internal IReadOnlyList<Dictionary<string, GroupStats>> Groups => _groups;

    internal IReadOnlyList<long> UnknownScored => _unknownScored;

    internal IReadOnlyList<long> UnknownAll => _unknownAll;

    internal IReadOnlyDictionary<double, long> Scores => _scores;

    internal IReadOnlyDictionary<(int Competency, string Path), Moments> PathLevels => _pathLevels;

    internal IReadOnlyDictionary<(int Competency, string Path), long> PathWins => _pathWins;

    internal IReadOnlyDictionary<string, RaterStats> Raters => _raters;

    /// <summary>
    /// Gets, when an intersection is analysed, the subjects per combination of values over all attributes with at
    /// least one unknown (null): with the intersection's groups (every value known), the finest cells that
    /// published figures add up, for the suppression check. Null without an intersection.
    /// </summary>
    internal IReadOnlyDictionary<string, PatternStats>? UnknownPatterns => _patterns;

    /// <summary>Adds one subject's result with its attribute values.</summary>
    /// <param name="subject">The score result.</param>
    /// <param name="attributeValues">One value per attribute (same order as <see cref="Attributes"/>); null or empty means unknown.</param>
    /// <exception cref="FairRubricsException">The result belongs to another rubric or has other competencies than earlier results.</exception>
    public void Add(AuditSubject subject, IReadOnlyList<string?> attributeValues)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(attributeValues);
        if (attributeValues.Count != _attributes.Length)
        {
            throw new ArgumentException("One value per attribute is needed.", nameof(attributeValues));
        }

        CheckShape(subject);
        Subjects++;
        foreach (var competency in subject.Competencies)
        {
            InsufficientCompetencies += competency.Level is null ? 1 : 0;
        }

        if (subject.Scored)
        {
            Scored++;
            if (subject.Overall is { } overall)
            {
                _scores[overall] = _scores.GetValueOrDefault(overall) + 1;
            }

            for (var c = 0; c < subject.Competencies.Count; c++)
            {
                var competency = subject.Competencies[c];
                if (competency.Level is { } level && competency.WinningPath is { } path)
                {
                    var key = (c, path);
                    _pathLevels[key] = _pathLevels.GetValueOrDefault(key).Add(level);
                    _pathWins[key] = _pathWins.GetValueOrDefault(key) + 1;
                }
            }
        }

        for (var a = 0; a < _analyses.Length; a++)
        {
            var analysis = _analyses[a];
            string? key = null;
            var unknown = false;
            foreach (var index in analysis)
            {
                var value = attributeValues[index];
                if (string.IsNullOrWhiteSpace(value))
                {
                    unknown = true;
                    break;
                }

                key = AppendKey(key ?? string.Empty, value.Trim());
            }

            if (unknown)
            {
                _unknownAll[a]++;
                if (subject.Scored)
                {
                    _unknownScored[a]++;
                }

                if (_patterns is not null && analysis.Length == _attributes.Length)
                {
                    AddUnknownPattern(subject, attributeValues);
                }

                continue;
            }

            if (!_groups[a].TryGetValue(key!, out var stats))
            {
                _groups[a][key!] = stats = new GroupStats([.. analysis.Select(i => attributeValues[i]!.Trim())], Competencies.Count);
            }

            stats.Add(subject);
        }
    }

    /// <summary>Adds a rating for the rater-effect analysis (FR206), with the rated subject's attribute values.</summary>
    /// <param name="rating">The rating.</param>
    /// <param name="attributeValues">The rated subject's attribute values (same order as <see cref="Attributes"/>).</param>
    public void AddRating(AuditRating rating, IReadOnlyList<string?> attributeValues)
    {
        ArgumentNullException.ThrowIfNull(attributeValues);
        if (string.IsNullOrWhiteSpace(rating.Rater))
        {
            return;
        }

        if (!_raters.TryGetValue(rating.Rater, out var stats))
        {
            _raters[rating.Rater] = stats = new RaterStats(_attributes.Length);
        }

        stats.Add(rating.Value, attributeValues);
    }

    /// <summary>Adds another accumulator's statistics (a partition of the same audit) to this one.</summary>
    /// <param name="other">The other accumulator, with the same attributes and intersection setting.</param>
    /// <exception cref="ArgumentException">The accumulators do not describe the same audit.</exception>
    public void Merge(AuditAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._attributes.SequenceEqual(_attributes, StringComparer.Ordinal) || other._analyses.Length != _analyses.Length)
        {
            throw new ArgumentException("Only accumulators with the same attributes and intersection setting can be merged.", nameof(other));
        }

        if (other.Subjects == 0)
        {
            return;
        }

        if (Subjects == 0)
        {
            Competencies = other.Competencies;
            Rubric = other.Rubric;
        }
        else if (!other.Competencies.SequenceEqual(Competencies, StringComparer.Ordinal) || !string.Equals(other.Rubric, Rubric, StringComparison.Ordinal))
        {
            throw new FairRubricsException("The partitions hold results of different rubrics; audit one rubric at a time.");
        }

        Subjects += other.Subjects;
        Scored += other.Scored;
        InsufficientCompetencies += other.InsufficientCompetencies;
        foreach (var (score, count) in other._scores)
        {
            _scores[score] = _scores.GetValueOrDefault(score) + count;
        }

        foreach (var (key, moments) in other._pathLevels)
        {
            _pathLevels[key] = Moments.Merge(_pathLevels.GetValueOrDefault(key), moments);
        }

        foreach (var (key, count) in other._pathWins)
        {
            _pathWins[key] = _pathWins.GetValueOrDefault(key) + count;
        }

        for (var a = 0; a < _analyses.Length; a++)
        {
            _unknownAll[a] += other._unknownAll[a];
            _unknownScored[a] += other._unknownScored[a];
            foreach (var (key, stats) in other._groups[a])
            {
                if (_groups[a].TryGetValue(key, out var mine))
                {
                    mine.Merge(stats);
                }
                else
                {
                    _groups[a][key] = stats.Clone();
                }
            }
        }

        if (_patterns is not null && other._patterns is not null)
        {
            foreach (var (key, stats) in other._patterns)
            {
                if (!_patterns.TryGetValue(key, out var mine))
                {
                    _patterns[key] = mine = new PatternStats(stats.Values);
                }

                mine.Subjects += stats.Subjects;
                mine.Scored += stats.Scored;
            }
        }

        foreach (var (rater, stats) in other._raters)
        {
            if (_raters.TryGetValue(rater, out var mine))
            {
                mine.Merge(stats);
            }
            else
            {
                _raters[rater] = stats.Clone();
            }
        }
    }

    /// <summary>
    /// The dictionary key of a list of values: each value with its length in front (null as "-"), so that two
    /// different lists never share a key, whatever characters the values contain.
    /// </summary>
    internal static string KeyOf(IEnumerable<string?> values) => values.Aggregate(string.Empty, AppendKey);

    private static string AppendKey(string key, string? value) =>
        value is null ? key + "-\u001F" : string.Concat(key, value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "\u001F", value);

    private void AddUnknownPattern(AuditSubject subject, IReadOnlyList<string?> attributeValues)
    {
        var values = new string?[attributeValues.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = string.IsNullOrWhiteSpace(attributeValues[i]) ? null : attributeValues[i]!.Trim();
        }

        var pattern = values.Aggregate(string.Empty, AppendKey);
        if (!_patterns!.TryGetValue(pattern, out var stats))
        {
            _patterns[pattern] = stats = new PatternStats(values);
        }

        stats.Subjects++;
        stats.Scored += subject.Scored ? 1 : 0;
    }

    private void CheckShape(AuditSubject subject)
    {
        if (Subjects == 0 && Competencies.Count == 0)
        {
            Competencies = [.. subject.Competencies.Select(c => c.Id)];
            Rubric = subject.Rubric;
            return;
        }

        if (!string.Equals(subject.Rubric, Rubric, StringComparison.Ordinal))
        {
            throw new FairRubricsException($"The results mix rubrics ('{Rubric}' and '{subject.Rubric}'); audit one rubric at a time.");
        }

        if (subject.Competencies.Count != Competencies.Count)
        {
            throw new FairRubricsException("The results do not all have the same competencies; audit results of one rubric version at a time.");
        }

        for (var c = 0; c < Competencies.Count; c++)
        {
            if (!string.Equals(subject.Competencies[c].Id, Competencies[c], StringComparison.Ordinal))
            {
                throw new FairRubricsException("The results do not all have the same competencies; audit results of one rubric version at a time.");
            }
        }
    }

    /// <summary>The statistics of one group of one analysis.</summary>
    internal sealed class GroupStats
    {
        public GroupStats(string[] values, int competencies)
        {
            Values = values;
            CompetencyLevels = new Moments[competencies];
            CompetencyInsufficient = new long[competencies];
        }

        public string[] Values { get; }

        public long Subjects { get; private set; }

        public long Scored { get; private set; }

        public long InsufficientSubjects { get; private set; }

        public Dictionary<string, long> Bands { get; } = new(StringComparer.Ordinal);

        public Moments Overall { get; private set; }

        public Dictionary<double, long> Scores { get; } = [];

        public Moments[] CompetencyLevels { get; }

        public long[] CompetencyInsufficient { get; }

        public Dictionary<(int Competency, string Path), long> PathWins { get; } = [];

        public void Add(AuditSubject subject)
        {
            Subjects++;
            for (var c = 0; c < subject.Competencies.Count; c++)
            {
                if (subject.Competencies[c].Level is null)
                {
                    CompetencyInsufficient[c]++;
                }
            }

            if (!subject.Scored)
            {
                InsufficientSubjects++;
                return;
            }

            Scored++;
            var band = subject.Band ?? string.Empty;
            Bands[band] = Bands.GetValueOrDefault(band) + 1;
            if (subject.Overall is { } overall)
            {
                Overall = Overall.Add(overall);
                Scores[overall] = Scores.GetValueOrDefault(overall) + 1;
            }

            for (var c = 0; c < subject.Competencies.Count; c++)
            {
                var competency = subject.Competencies[c];
                if (competency.Level is { } level)
                {
                    CompetencyLevels[c] = CompetencyLevels[c].Add(level);
                    if (competency.WinningPath is { } path)
                    {
                        PathWins[(c, path)] = PathWins.GetValueOrDefault((c, path)) + 1;
                    }
                }
            }
        }

        public void Merge(GroupStats other)
        {
            Subjects += other.Subjects;
            Scored += other.Scored;
            InsufficientSubjects += other.InsufficientSubjects;
            foreach (var (band, count) in other.Bands)
            {
                Bands[band] = Bands.GetValueOrDefault(band) + count;
            }

            Overall = Moments.Merge(Overall, other.Overall);
            foreach (var (score, count) in other.Scores)
            {
                Scores[score] = Scores.GetValueOrDefault(score) + count;
            }

            for (var c = 0; c < CompetencyLevels.Length; c++)
            {
                CompetencyLevels[c] = Moments.Merge(CompetencyLevels[c], other.CompetencyLevels[c]);
                CompetencyInsufficient[c] += other.CompetencyInsufficient[c];
            }

            foreach (var (key, count) in other.PathWins)
            {
                PathWins[key] = PathWins.GetValueOrDefault(key) + count;
            }
        }

        public GroupStats Clone()
        {
            var copy = new GroupStats(Values, CompetencyLevels.Length);
            copy.Merge(this);
            return copy;
        }
    }

    /// <summary>The subjects with one combination of attribute values (null for unknown) over all attributes.</summary>
    internal sealed class PatternStats(string?[] values)
    {
        public string?[] Values { get; } = values;

        public long Subjects { get; set; }

        public long Scored { get; set; }
    }

    /// <summary>One rater's ratings, per value of each attribute of the rated subjects.</summary>
    internal sealed class RaterStats(int attributes)
    {
        public Dictionary<string, Moments>[] ByValue { get; } = [.. Enumerable.Range(0, attributes).Select(_ => new Dictionary<string, Moments>(StringComparer.Ordinal))];

        public Moments All { get; private set; }

        public void Add(double value, IReadOnlyList<string?> attributeValues)
        {
            All = All.Add(value);
            for (var a = 0; a < ByValue.Length; a++)
            {
                if (!string.IsNullOrWhiteSpace(attributeValues[a]))
                {
                    var key = attributeValues[a]!.Trim();
                    ByValue[a][key] = ByValue[a].GetValueOrDefault(key).Add(value);
                }
            }
        }

        public void Merge(RaterStats other)
        {
            All = Moments.Merge(All, other.All);
            for (var a = 0; a < ByValue.Length; a++)
            {
                foreach (var (key, moments) in other.ByValue[a])
                {
                    ByValue[a][key] = Moments.Merge(ByValue[a].GetValueOrDefault(key), moments);
                }
            }
        }

        public RaterStats Clone()
        {
            var copy = new RaterStats(ByValue.Length);
            copy.Merge(this);
            return copy;
        }
    }
}
