using System.Runtime.CompilerServices;
using System.Text;
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
    private readonly Dictionary<ulong, GroupStats>[] _groupsByIds;
    private readonly long[] _unknownScored;
    private readonly long[] _unknownAll;
    private readonly NameTable[] _values;
    private readonly NameTable _bandNames = new();
    private readonly Dictionary<double, int> _scoreIds = [];
    private readonly List<double> _scoreValues = [];
    private readonly Dictionary<string, RaterStats> _raters = new(StringComparer.Ordinal);
    private long[] _scoreCounts = [];
    private NameTable[] _paths = [];
    private Moments[][] _pathLevels = [];
    private long[][] _pathWins = [];
    private byte[][] _competencyIdsUtf8 = [];
    private byte[]? _rubricUtf8;
    private bool _started;   // whether the competencies and rubric are known (Start was called)

    // Scratch space of one subject in ids, reused from subject to subject.
    private double[] _levels = [];
    private int[] _pathIds = [];
    private readonly int[] _valueIds;
    private readonly Dictionary<string, PatternStats>? _patterns;

    // With the intersection of every attribute, each subject is added once, to its cell (a value or unknown per
    // attribute); the groups of every analysis, the unknown counts and the unknown patterns are derived from the
    // cells when they are read (cells merge exactly like groups).
    private readonly Dictionary<string, GroupStats>? _cells;
    private readonly Dictionary<ulong, GroupStats>? _cellsByIds;
    private readonly Lock _deriving = new();
    private bool _stale;   // whether the cells changed since the groups were derived

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
        _groupsByIds = [.. _analyses.Select(_ => new Dictionary<ulong, GroupStats>())];
        _unknownScored = new long[_analyses.Length];
        _unknownAll = new long[_analyses.Length];
        _values = [.. _attributes.Select(_ => new NameTable())];
        _valueIds = new int[_attributes.Length];
        _patterns = _analyses.Length > _attributes.Length ? new(StringComparer.Ordinal) : null;
        _cells = _patterns is null ? null : new(StringComparer.Ordinal);
        _cellsByIds = _patterns is null ? null : [];
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

    internal IReadOnlyList<Dictionary<string, GroupStats>> Groups
    {
        get
        {
            Derive();
            return _groups;
        }
    }

    internal IReadOnlyList<long> UnknownScored
    {
        get
        {
            Derive();
            return _unknownScored;
        }
    }

    internal IReadOnlyList<long> UnknownAll
    {
        get
        {
            Derive();
            return _unknownAll;
        }
    }

    /// <summary>Gets the number of scored subjects by overall score.</summary>
    internal IReadOnlyDictionary<double, long> Scores => Histogram(_scoreCounts);

    internal IReadOnlyDictionary<(int Competency, string Path), Moments> PathLevels => ByPath(_pathLevels, m => m.Count > 0);

    internal IReadOnlyDictionary<(int Competency, string Path), long> PathWins => ByPath(_pathWins, n => n > 0);

    internal IReadOnlyDictionary<string, RaterStats> Raters => _raters;

    /// <summary>
    /// Gets, when an intersection is analysed, the subjects per combination of values over all attributes with at
    /// least one unknown (null): with the intersection's groups (every value known), the finest cells that
    /// published figures add up, for the suppression check. Null without an intersection.
    /// </summary>
    internal IReadOnlyDictionary<string, PatternStats>? UnknownPatterns
    {
        get
        {
            Derive();
            return _patterns;
        }
    }

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

        if (!_started)
        {
            Start([.. subject.Competencies.Select(c => c.Id)], subject.Rubric);
        }
        else if (!string.Equals(subject.Rubric, Rubric, StringComparison.Ordinal) || !SameCompetencies(subject))
        {
            CheckShape(subject);
        }

        for (var c = 0; c < Competencies.Count; c++)
        {
            var competency = subject.Competencies[c];
            _levels[c] = competency.Level ?? double.NaN;
            _pathIds[c] = competency.WinningPath is { } path ? PathId(c, path) : -1;
        }

        for (var i = 0; i < _attributes.Length; i++)
        {
            _valueIds[i] = ValueId(i, attributeValues[i]);
        }

        var overall = subject.Scored && subject.Overall is { } o ? o : double.NaN;
        AddCore(subject.Scored, _bandNames.GetOrAdd(subject.Band ?? string.Empty), overall, _valueIds);
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
            Start(other.Competencies, other.Rubric);
        }
        else if (!other.Competencies.SequenceEqual(Competencies, StringComparer.Ordinal) || !string.Equals(other.Rubric, Rubric, StringComparison.Ordinal))
        {
            throw new FairRubricsException("The partitions hold results of different rubrics; audit one rubric at a time.");
        }

        Subjects += other.Subjects;
        Scored += other.Scored;
        InsufficientCompetencies += other.InsufficientCompetencies;
        for (var i = 0; i < other._scoreValues.Count; i++)
        {
            var id = ScoreId(other._scoreValues[i]);   // may grow _scoreCounts: take the id first
            _scoreCounts[id] += other._scoreCounts[i];
        }

        for (var c = 0; c < Competencies.Count; c++)
        {
            for (var p = 0; p < other._paths[c].Count; p++)
            {
                var mine = PathId(c, other._paths[c][p]);
                _pathLevels[c][mine] = Moments.Merge(_pathLevels[c][mine], other._pathLevels[c][p]);
                _pathWins[c][mine] += other._pathWins[c][p];
            }
        }

        if (_cells is not null && other._cells is not null)
        {
            foreach (var (key, cell) in other._cells)
            {
                if (!_cells.TryGetValue(key, out var mine))
                {
                    _cells[key] = mine = new GroupStats(this, cell.Values);
                }

                mine.Merge(cell);
            }

            _stale = true;
        }
        else
        {
            MergeGroups(other);
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

    /// <summary>Merges another accumulator's groups and unknown counts (without an intersection, so without cells).</summary>
    private void MergeGroups(AuditAccumulator other)
    {
        for (var a = 0; a < _analyses.Length; a++)
        {
            _unknownAll[a] += other._unknownAll[a];
            _unknownScored[a] += other._unknownScored[a];
            foreach (var (key, stats) in other._groups[a])
            {
                if (!_groups[a].TryGetValue(key, out var mine))
                {
                    mine = NewGroup(a, stats.Values);
                }

                mine.Merge(stats);
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

    /// <summary>Gets this accumulator's id of an attribute's value: 0 for unknown (null or white space), else a small positive number.</summary>
    /// <param name="attribute">The attribute's index in <see cref="Attributes"/>.</param>
    /// <param name="value">The value (trimmed here).</param>
    /// <returns>The id.</returns>
    internal int ValueId(int attribute, string? value) =>
        string.IsNullOrWhiteSpace(value) ? 0 : _values[attribute].GetOrAdd(value.Trim()) + 1;

    /// <summary>
    /// Adds one subject parsed by <see cref="ScoreLineParser"/>, with attribute values as ids from <see cref="ValueId"/>:
    /// the streaming path, which allocates nothing per subject.
    /// </summary>
    /// <param name="record">The result.</param>
    /// <param name="valueIds">One value id per attribute (0 for unknown).</param>
    /// <exception cref="FairRubricsException">The result belongs to another rubric or has other competencies than earlier results.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddRecord(ScoreRecord record, ReadOnlySpan<int> valueIds) =>
        AddCore(record.Scored, Prepare(record), record.Overall, valueIds);

    /// <summary>
    /// Checks a parsed result against the earlier ones and turns it into this accumulator's ids, without adding it:
    /// the levels and path ids are left in <see cref="PreparedLevels"/> and <see cref="PreparedPaths"/> until the next call.
    /// </summary>
    /// <param name="record">The result.</param>
    /// <returns>The band's id.</returns>
    /// <exception cref="FairRubricsException">The result belongs to another rubric or has other competencies than earlier results.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Prepare(ScoreRecord record)
    {
        var rubric = record.HasRubric ? record.Rubric : default;
        if (!_started)
        {
            var ids = new string[record.CompetencyCount];
            for (var c = 0; c < ids.Length; c++)
            {
                ids[c] = Encoding.UTF8.GetString(record.CompetencyId(c));
            }

            Start(ids, record.HasRubric ? Encoding.UTF8.GetString(rubric) : null);
        }
        else if (record.HasRubric != (_rubricUtf8 is not null) || (record.HasRubric && !rubric.SequenceEqual(_rubricUtf8)) || record.CompetencyCount != Competencies.Count || !SameCompetencies(record))
        {
            CheckShape(record);
        }

        for (var c = 0; c < Competencies.Count; c++)
        {
            _levels[c] = record.Level(c);
            _pathIds[c] = record.HasPath(c) ? PathId(c, record.Path(c)) : -1;
        }

        return _bandNames.GetOrAdd(record.HasBand ? record.Band : ""u8);
    }

    /// <summary>Gets the levels of the result last given to <see cref="Prepare"/> (NaN for insufficient evidence).</summary>
    internal ReadOnlySpan<double> PreparedLevels => _levels;

    /// <summary>Gets the winning paths' ids of the result last given to <see cref="Prepare"/> (-1 for none).</summary>
    internal ReadOnlySpan<int> PreparedPaths => _pathIds;

    /// <summary>Adds a result prepared earlier (<see cref="Prepare"/>), now that its attribute values are known.</summary>
    /// <param name="scored">Whether it was scored.</param>
    /// <param name="band">The band id from <see cref="Prepare"/>.</param>
    /// <param name="overall">The overall score (NaN for none).</param>
    /// <param name="levels">The levels copied from <see cref="PreparedLevels"/>.</param>
    /// <param name="paths">The path ids copied from <see cref="PreparedPaths"/>.</param>
    /// <param name="valueIds">One value id per attribute (0 for unknown).</param>
    internal void AddPrepared(bool scored, int band, double overall, ReadOnlySpan<double> levels, ReadOnlySpan<int> paths, ReadOnlySpan<int> valueIds)
    {
        levels.CopyTo(_levels);
        paths.CopyTo(_pathIds);
        AddCore(scored, band, overall, valueIds);
    }

    /// <summary>Adds one subject given in ids (levels and path ids in the scratch arrays).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddCore(bool scored, int band, double overall, ReadOnlySpan<int> valueIds)
    {
        Subjects++;
        for (var c = 0; c < Competencies.Count; c++)
        {
            InsufficientCompetencies += double.IsNaN(_levels[c]) ? 1 : 0;
        }

        var score = -1;
        if (scored)
        {
            Scored++;
            if (!double.IsNaN(overall))
            {
                score = ScoreId(overall);
                _scoreCounts[score]++;
            }

            for (var c = 0; c < Competencies.Count; c++)
            {
                if (!double.IsNaN(_levels[c]) && _pathIds[c] >= 0)
                {
                    var p = _pathIds[c];
                    _pathLevels[c][p] = _pathLevels[c][p].Add(_levels[c]);
                    _pathWins[c][p]++;
                }
            }
        }

        var subject = new SubjectIds(scored, band, score, overall, _levels, _pathIds);
        if (_cells is not null)
        {
            CellOf(valueIds).Add(subject);
            _stale = true;
            return;
        }

        for (var a = 0; a < _analyses.Length; a++)
        {
            var group = GroupOf(a, valueIds);
            if (group is null)
            {
                _unknownAll[a]++;
                _unknownScored[a] += scored ? 1 : 0;
                continue;
            }

            group.Add(subject);
        }
    }

    /// <summary>The cell of the given value ids (0 for unknown), created on first use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private GroupStats CellOf(ReadOnlySpan<int> valueIds)
    {
        ulong key = 0;
        var packed = valueIds.Length <= 4;
        foreach (var id in valueIds)
        {
            packed &= id <= ushort.MaxValue;
            key = (key << 16) | (uint)(id & 0xFFFF);
        }

        if (packed && _cellsByIds!.TryGetValue(key, out var cell))
        {
            return cell;
        }

        var values = new string?[valueIds.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = valueIds[i] == 0 ? null : _values[i][valueIds[i] - 1];
        }

        var name = KeyOf(values);
        if (!_cells!.TryGetValue(name, out cell))
        {
            _cells[name] = cell = new GroupStats(this, values!);
        }

        if (packed)
        {
            _cellsByIds![key] = cell;
        }

        return cell;
    }

    /// <summary>Derives the groups of every analysis, the unknown counts and the unknown patterns from the cells, when they changed.</summary>
    private void Derive()
    {
        if (_cells is null)
        {
            return;
        }

        lock (_deriving)
        {
            if (!_stale)
            {
                return;
            }

            for (var a = 0; a < _analyses.Length; a++)
            {
                _groups[a].Clear();
                _groupsByIds[a].Clear();
                _unknownAll[a] = 0;
                _unknownScored[a] = 0;
            }

            _patterns!.Clear();
            foreach (var (name, cell) in _cells)
            {
                string?[] values = cell.Values;
                for (var a = 0; a < _analyses.Length; a++)
                {
                    var analysis = _analyses[a];
                    if (analysis.Any(i => values[i] is null))
                    {
                        _unknownAll[a] += cell.Subjects;
                        _unknownScored[a] += cell.Scored;
                        if (analysis.Length == _attributes.Length)
                        {
                            var pattern = new PatternStats(values) { Subjects = cell.Subjects, Scored = cell.Scored };
                            _patterns[name] = pattern;
                        }

                        continue;
                    }

                    var groupValues = analysis.Select(i => values[i]!).ToArray();
                    if (!_groups[a].TryGetValue(KeyOf(groupValues), out var group))
                    {
                        group = NewGroup(a, groupValues);
                    }

                    group.Merge(cell);
                }
            }

            _stale = false;
        }
    }

    /// <summary>The group of analysis <paramref name="a"/> for the given value ids (created on first use), or null when a value is unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private GroupStats? GroupOf(int a, ReadOnlySpan<int> valueIds)
    {
        var analysis = _analyses[a];
        ulong key = 0;
        var packed = analysis.Length <= 4;
        foreach (var index in analysis)
        {
            var id = valueIds[index];
            if (id == 0)
            {
                return null;
            }

            packed &= id <= ushort.MaxValue;
            key = (key << 16) | (uint)(id & 0xFFFF);
        }

        if (packed && _groupsByIds[a].TryGetValue(key, out var group))
        {
            return group;
        }

        var values = new string[analysis.Length];
        for (var i = 0; i < analysis.Length; i++)
        {
            values[i] = _values[analysis[i]][valueIds[analysis[i]] - 1];
        }

        return _groups[a].TryGetValue(KeyOf(values), out group) ? group : NewGroup(a, values);
    }

    private GroupStats NewGroup(int a, string[] values)
    {
        var group = new GroupStats(this, values);
        _groups[a][KeyOf(values)] = group;
        var analysis = _analyses[a];
        if (analysis.Length <= 4)
        {
            ulong key = 0;
            var packed = true;
            for (var i = 0; i < analysis.Length; i++)
            {
                var id = _values[analysis[i]].GetOrAdd(values[i]) + 1;
                packed &= id <= ushort.MaxValue;
                key = (key << 16) | (uint)(id & 0xFFFF);
            }

            if (packed)
            {
                _groupsByIds[a][key] = group;
            }
        }

        return group;
    }

    private int ScoreId(double score)
    {
        if (!_scoreIds.TryGetValue(score, out var id))
        {
            id = _scoreValues.Count;
            _scoreIds[score] = id;
            _scoreValues.Add(score);
            _scoreCounts = Grow(_scoreCounts, _scoreValues.Count);
        }

        return id;
    }

    private int PathId(int competency, string path) => EnsurePath(competency, _paths[competency].GetOrAdd(path));

    private int PathId(int competency, ReadOnlySpan<byte> path) => EnsurePath(competency, _paths[competency].GetOrAdd(path));

    private int EnsurePath(int competency, int id)
    {
        if (id >= _pathWins[competency].Length)
        {
            _pathWins[competency] = Grow(_pathWins[competency], id + 1);
            _pathLevels[competency] = Grow(_pathLevels[competency], id + 1);
        }

        return id;
    }

    private static T[] Grow<T>(T[] array, int count)
    {
        if (array.Length >= count)
        {
            return array;
        }

        var bigger = new T[Math.Max(count, array.Length * 2)];
        array.CopyTo(bigger, 0);
        return bigger;
    }

    private void Start(IReadOnlyList<string> competencies, string? rubric)
    {
        _started = true;
        Competencies = [.. competencies];
        Rubric = rubric;
        _rubricUtf8 = rubric is null ? null : Encoding.UTF8.GetBytes(rubric);
        _competencyIdsUtf8 = [.. competencies.Select(Encoding.UTF8.GetBytes)];
        _paths = [.. competencies.Select(_ => new NameTable())];
        _pathLevels = [.. competencies.Select(_ => Array.Empty<Moments>())];
        _pathWins = [.. competencies.Select(_ => Array.Empty<long>())];
        _levels = new double[competencies.Count];
        _pathIds = new int[competencies.Count];
    }

    /// <summary>Throws for a result of another rubric or with other competencies (out of the hot path: its lambda allocates).</summary>
    private void CheckShape(AuditSubject subject) =>
        CheckShape(subject.Rubric, subject.Competencies.Count, c => string.Equals(subject.Competencies[c].Id, Competencies[c], StringComparison.Ordinal));

    private bool SameCompetencies(AuditSubject subject)
    {
        if (subject.Competencies.Count != Competencies.Count)
        {
            return false;
        }

        for (var c = 0; c < Competencies.Count; c++)
        {
            if (!string.Equals(subject.Competencies[c].Id, Competencies[c], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws for a result of another rubric or with other competencies (out of the hot path: its lambda allocates).</summary>
    private void CheckShape(ScoreRecord record) =>
        CheckShape(record.HasRubric ? Encoding.UTF8.GetString(record.Rubric) : null, record.CompetencyCount, c => record.CompetencyId(c).SequenceEqual(_competencyIdsUtf8[c]));

    private bool SameCompetencies(ScoreRecord record)
    {
        for (var c = 0; c < _competencyIdsUtf8.Length; c++)
        {
            if (!record.CompetencyId(c).SequenceEqual(_competencyIdsUtf8[c]))
            {
                return false;
            }
        }

        return true;
    }

    private void CheckShape(string? rubric, int competencies, Func<int, bool> sameId)
    {
        if (!string.Equals(rubric, Rubric, StringComparison.Ordinal))
        {
            throw new FairRubricsException($"The results mix rubrics ('{Rubric}' and '{rubric}'); audit one rubric at a time.");
        }

        if (competencies != Competencies.Count)
        {
            throw new FairRubricsException("The results do not all have the same competencies; audit results of one rubric version at a time.");
        }

        for (var c = 0; c < Competencies.Count; c++)
        {
            if (!sameId(c))
            {
                throw new FairRubricsException("The results do not all have the same competencies; audit results of one rubric version at a time.");
            }
        }
    }

    private Dictionary<double, long> Histogram(long[] counts)
    {
        var histogram = new Dictionary<double, long>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                histogram[_scoreValues[i]] = counts[i];
            }
        }

        return histogram;
    }

    private Dictionary<(int Competency, string Path), T> ByPath<T>(T[][] byCompetency, Func<T, bool> present)
    {
        var result = new Dictionary<(int Competency, string Path), T>();
        for (var c = 0; c < byCompetency.Length; c++)
        {
            for (var p = 0; p < byCompetency[c].Length && p < _paths[c].Count; p++)
            {
                if (present(byCompetency[c][p]))
                {
                    result[(c, _paths[c][p])] = byCompetency[c][p];
                }
            }
        }

        return result;
    }

    /// <summary>One subject in the accumulator's ids: band, score and path ids; levels NaN for insufficient evidence.</summary>
    internal readonly ref struct SubjectIds(bool scored, int band, int score, double overall, ReadOnlySpan<double> levels, ReadOnlySpan<int> paths)
    {
        public bool Scored { get; } = scored;

        public int Band { get; } = band;

        public int Score { get; } = score;

        public double Overall { get; } = overall;

        public ReadOnlySpan<double> Levels { get; } = levels;

        public ReadOnlySpan<int> Paths { get; } = paths;
    }

    /// <summary>
    /// Names numbered 0, 1, 2… in order of first appearance (bands, paths, attribute values): looked up by UTF-8
    /// bytes without making a string while there are few (the usual case), else through a dictionary.
    /// </summary>
    private sealed class NameTable
    {
        private const int LinearSearch = 16;
        private readonly List<string> _names = [];
        private readonly List<byte[]> _utf8 = [];
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public int Count => _names.Count;

        public string this[int id] => _names[id];

        public int GetOrAdd(string name) => _ids.TryGetValue(name, out var id) ? id : Add(name);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int GetOrAdd(ReadOnlySpan<byte> utf8)
        {
            if (_utf8.Count <= LinearSearch)
            {
                for (var i = 0; i < _utf8.Count; i++)
                {
                    if (utf8.SequenceEqual(_utf8[i]))
                    {
                        return i;
                    }
                }
            }

            return GetOrAdd(Encoding.UTF8.GetString(utf8));
        }

        private int Add(string name)
        {
            var id = _names.Count;
            _names.Add(name);
            _utf8.Add(Encoding.UTF8.GetBytes(name));
            _ids[name] = id;
            return id;
        }
    }

    /// <summary>The statistics of one group of one analysis.</summary>
    internal sealed class GroupStats
    {
        private readonly AuditAccumulator _owner;
        private long[] _bandCounts = [];
        private long[] _scoreCounts = [];
        private readonly long[][] _pathWinCounts;

        public GroupStats(AuditAccumulator owner, string[] values)
        {
            _owner = owner;
            Values = values;
            var competencies = owner.Competencies.Count;
            CompetencyLevels = new Moments[competencies];
            CompetencyInsufficient = new long[competencies];
            _pathWinCounts = [.. Enumerable.Range(0, competencies).Select(_ => Array.Empty<long>())];
        }

        public string[] Values { get; }

        public long Subjects { get; private set; }

        public long Scored { get; private set; }

        public long InsufficientSubjects { get; private set; }

        /// <summary>Gets the scored subjects by band (the empty string for none).</summary>
        public IReadOnlyDictionary<string, long> Bands
        {
            get
            {
                var bands = new Dictionary<string, long>(StringComparer.Ordinal);
                for (var i = 0; i < _bandCounts.Length; i++)
                {
                    if (_bandCounts[i] > 0)
                    {
                        bands[_owner._bandNames[i]] = _bandCounts[i];
                    }
                }

                return bands;
            }
        }

        public Moments Overall { get; private set; }

        /// <summary>Gets the scored subjects by overall score.</summary>
        public IReadOnlyDictionary<double, long> Scores => _owner.Histogram(_scoreCounts);

        public Moments[] CompetencyLevels { get; }

        public long[] CompetencyInsufficient { get; }

        /// <summary>Gets the scored subjects by competency and winning path.</summary>
        public IReadOnlyDictionary<(int Competency, string Path), long> PathWins => _owner.ByPath(_pathWinCounts, n => n > 0);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(in SubjectIds subject)
        {
            Subjects++;
            var levels = subject.Levels;
            for (var c = 0; c < CompetencyInsufficient.Length; c++)
            {
                if (double.IsNaN(levels[c]))
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
            Increment(ref _bandCounts, subject.Band);
            if (subject.Score >= 0)
            {
                Overall = Overall.Add(subject.Overall);
                Increment(ref _scoreCounts, subject.Score);
            }

            for (var c = 0; c < CompetencyLevels.Length; c++)
            {
                if (!double.IsNaN(levels[c]))
                {
                    CompetencyLevels[c] = CompetencyLevels[c].Add(levels[c]);
                    if (subject.Paths[c] >= 0)
                    {
                        Increment(ref _pathWinCounts[c], subject.Paths[c]);
                    }
                }
            }
        }

        /// <summary>Adds another accumulator's group with the same values (names mapped to this accumulator's ids).</summary>
        public void Merge(GroupStats other)
        {
            var from = other._owner;
            Subjects += other.Subjects;
            Scored += other.Scored;
            InsufficientSubjects += other.InsufficientSubjects;
            for (var i = 0; i < other._bandCounts.Length; i++)
            {
                if (other._bandCounts[i] > 0)
                {
                    Increment(ref _bandCounts, _owner._bandNames.GetOrAdd(from._bandNames[i]), other._bandCounts[i]);
                }
            }

            Overall = Moments.Merge(Overall, other.Overall);
            for (var i = 0; i < other._scoreCounts.Length; i++)
            {
                if (other._scoreCounts[i] > 0)
                {
                    Increment(ref _scoreCounts, _owner.ScoreId(from._scoreValues[i]), other._scoreCounts[i]);
                }
            }

            for (var c = 0; c < CompetencyLevels.Length; c++)
            {
                CompetencyLevels[c] = Moments.Merge(CompetencyLevels[c], other.CompetencyLevels[c]);
                CompetencyInsufficient[c] += other.CompetencyInsufficient[c];
                for (var p = 0; p < other._pathWinCounts[c].Length; p++)
                {
                    if (other._pathWinCounts[c][p] > 0)
                    {
                        Increment(ref _pathWinCounts[c], _owner.PathId(c, from._paths[c][p]), other._pathWinCounts[c][p]);
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Increment(ref long[] counts, int id, long by = 1)
        {
            if (id >= counts.Length)
            {
                counts = Grow(counts, id + 1);
            }

            counts[id] += by;
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
