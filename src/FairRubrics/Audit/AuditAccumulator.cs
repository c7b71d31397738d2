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
public sealed partial class AuditAccumulator
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
}
