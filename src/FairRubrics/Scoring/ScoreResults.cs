using System.Runtime.InteropServices;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>Whether a subject or competency got a score.</summary>
public enum ScoreStatus
{
    /// <summary>Scored.</summary>
    Scored = 0,

    /// <summary>Not enough evidence to score (never silently zero).</summary>
    InsufficientEvidence,
}

/// <summary>One path's result for a subject: its level (or none), the evidence that produced it and the rule that fired.</summary>
public readonly struct PathScore
{
    private readonly SubjectScore _owner;
    private readonly int _index;

    internal PathScore(SubjectScore owner, int index)
    {
        _owner = owner;
        _index = index;
    }

    /// <summary>Gets the path.</summary>
    public EvidencePath Path => _owner.Plan.Paths[_index].Path;

    /// <summary>Gets the path's level, or null when it has none (no evidence is not zero).</summary>
    public double? Level => _owner.LevelAt(_index);

    /// <summary>Gets the evidence items that counted for the path (materialised on each call).</summary>
    public IReadOnlyList<EvidenceItem> Evidence => _owner.EvidenceOf(_index);

    /// <summary>Gets the number of evidence items that counted for the path.</summary>
    public int EvidenceCount => _owner.EvidenceCountOf(_index);

    /// <summary>Gets the rule's note (e.g. "1 rating(s), 2 needed"), or null.</summary>
    public string? Note => _owner.NoteAt(_index);

    /// <summary>Gets the name of the rule that scored the path.</summary>
    public string Rule => Path.Score.Rule;
}

/// <summary>One competency's result for a subject: level, winning path and every path's result.</summary>
public readonly struct CompetencyScore
{
    private readonly SubjectScore _owner;
    private readonly int _index;

    internal CompetencyScore(SubjectScore owner, int index)
    {
        _owner = owner;
        _index = index;
    }

    /// <summary>Gets the competency.</summary>
    public Competency Competency => _owner.Rubric.Competencies[_index];

    /// <summary>Gets the status: insufficient evidence when no path has a level.</summary>
    public ScoreStatus Status => Level is null ? ScoreStatus.InsufficientEvidence : ScoreStatus.Scored;

    /// <summary>Gets the competency level, or null when no path has a level.</summary>
    public double? Level => _owner.CompetencyLevelAt(_index);

    /// <summary>Gets the index (in <see cref="Paths"/>) of the path that decided a <c>best-of</c> level (the first of equal highest levels), or -1.</summary>
    public int WinningPathIndex => _owner.WinnerAt(_index);

    /// <summary>Gets the winning path under <c>best-of</c>; for <c>mean</c> and <c>weighted-mean</c> the highest-scoring path; null without a level.</summary>
    public EvidencePath? WinningPath => WinningPathIndex >= 0 ? Competency.Paths[WinningPathIndex] : null;

    /// <summary>Gets every path's result, in the rubric's order.</summary>
    public IReadOnlyList<PathScore> Paths => _owner.PathsOf(_index);
}

/// <summary>An evidence item that did not count, and why: rejected (invalid for this rubric) or unmatched (valid, but nothing counts it).</summary>
/// <param name="Item">The item.</param>
/// <param name="Rejected">True when the item is invalid for the rubric (unknown competency, rating off the scale…); false when it is valid but no path counts it.</param>
/// <param name="Reason">Why, naming the competency, path or type concerned.</param>
public sealed record EvidenceIssue(EvidenceItem Item, bool Rejected, string Reason)
{
    /// <summary>
    /// Gets why, in words that hold no value from the evidence (no type, competency or path as written in it): the
    /// same text for every item with this problem, which rejection summaries count by (<see cref="Evidence.RejectionSummary"/>).
    /// Defaults to <see cref="Reason"/>.
    /// </summary>
    public string Category { get => field ?? Reason; init; }

    /// <summary>Gets why the item did not count, as a value a host can word for its readers (the scorer always sets it; default <see cref="EvidenceIssueKind.Unspecified"/>).</summary>
    public EvidenceIssueKind Kind { get; init; }
}

/// <summary>Why an evidence item did not count (<see cref="EvidenceIssue.Kind"/>), so that pages for the people assessed can say it in their words.</summary>
public enum EvidenceIssueKind
{
    /// <summary>Not said (an issue made outside the scorer).</summary>
    Unspecified = 0,

    /// <summary>The item belongs to another subject.</summary>
    OtherSubject,

    /// <summary>The item is dated after the scoring date.</summary>
    AfterScoringDate,

    /// <summary>The item is older than the rubric's window.</summary>
    OutsideWindow,

    /// <summary>The item has no date, but the rubric has a window.</summary>
    NoDate,

    /// <summary>A rating does not say the competency or path it is for.</summary>
    RatingWithoutPath,

    /// <summary>The item names a competency the rubric does not have (or a path without its competency).</summary>
    UnknownCompetency,

    /// <summary>The item names a path its competency does not have.</summary>
    UnknownPath,

    /// <summary>A rating is addressed to a path that is not scored by ratings.</summary>
    PathNotRated,

    /// <summary>A rating's value is not on the scale.</summary>
    OffScale,

    /// <summary>The item is addressed to a path that does not count its type.</summary>
    TypeNotCounted,

    /// <summary>The path's rule does not count the item (for a rating, its source).</summary>
    NotCounted,

    /// <summary>No path (of the named competency, or of the rubric) counts the item's type.</summary>
    NoPathForType,

    /// <summary>Paths count the item's type, but none counts this item.</summary>
    NoPathCountsItem,
}

/// <summary>
/// A subject's explained score against one rubric: status, overall score and band, every competency and path
/// with the evidence behind it, and the rubric's id, version and content hash.
/// </summary>
public sealed class SubjectScore
{
    /// <summary>
    /// The path levels (plan order), the competency levels (NaN = none), then the layout's ints packed two to a
    /// double (one allocation): per path the start of its items as if grouped by path (path count + 1 entries, the
    /// last the number of pairs), each competency's winning path, then the (path, item) pairs in item order
    /// (<see cref="RoutedPairs"/>).
    /// </summary>
    private readonly double[] _levels;
    private readonly string?[]? _notes;
    private readonly ReadOnlyMemory<EvidenceItem> _evidence;
    private int[]? _grouped;

    internal SubjectScore(string subject, ScoringPlan plan, DateOnly asOf, ScoreStatus status, double? overall, string? band, double[] levels, string?[]? notes, ReadOnlyMemory<EvidenceItem> evidence, IReadOnlyList<EvidenceIssue> issues, int usedItems)
    {
        Subject = subject;
        Plan = plan;
        AsOf = asOf;
        Status = status;
        Overall = overall;
        Band = band;
        _levels = levels;
        _notes = notes;
        _evidence = evidence;
        Issues = issues;
        UsedItems = usedItems;
    }

    /// <summary>Gets the subject id.</summary>
    public string Subject { get; }

    /// <summary>Gets the rubric (id, version and <see cref="Rubric.ContentHash"/> identify the exact text).</summary>
    public Rubric Rubric => Plan.Rubric;

    /// <summary>Gets the scoring date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the status.</summary>
    public ScoreStatus Status { get; }

    /// <summary>Gets the overall score (weighted mean of competency levels), or null for insufficient evidence.</summary>
    public double? Overall { get; }

    /// <summary>Gets the band label, or null (no bands, insufficient evidence, or below every band).</summary>
    public string? Band { get; }

    /// <summary>Gets the competency results in the rubric's order.</summary>
    public IReadOnlyList<CompetencyScore> Competencies
    {
        get
        {
            var result = new CompetencyScore[Rubric.Competencies.Count];
            for (var c = 0; c < result.Length; c++)
            {
                result[c] = new CompetencyScore(this, c);
            }

            return result;
        }
    }

    /// <summary>Gets the subject's items that did not count, with reasons.</summary>
    public IReadOnlyList<EvidenceIssue> Issues { get; }

    /// <summary>Gets how many of the subject's items counted for at least one path.</summary>
    public int UsedItems { get; }

    /// <summary>Gets a value indicating whether the overall band is one of the rubric's favourable bands.</summary>
    public bool IsFavourable => Band is not null && Plan.Favourable.Contains(Band);

    internal ScoringPlan Plan { get; }

    /// <summary>Gets the level of a competency by its index in the rubric, or null.</summary>
    /// <param name="competencyIndex">The competency's index in <see cref="Rubric.Competencies"/>.</param>
    /// <returns>The level, or null for insufficient evidence.</returns>
    public double? CompetencyLevel(int competencyIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(competencyIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(competencyIndex, Rubric.Competencies.Count);
        return CompetencyLevelAt(competencyIndex);
    }

    /// <summary>Renders the result for a reader: overall, then per competency its level, winning path and the evidence behind it.</summary>
    /// <returns>Plain text, culture-invariant.</returns>
    public override string ToString() => ScoreText.Render(this);

    internal double? LevelAt(int path) => double.IsNaN(_levels[path]) ? null : _levels[path];

    internal double? CompetencyLevelAt(int competency)
    {
        var value = _levels[Plan.Paths.Length + competency];
        return double.IsNaN(value) ? null : value;
    }

    /// <summary>Gets the layout packed after the levels (see <see cref="_levels"/>).</summary>
    private ReadOnlySpan<int> Layout => MemoryMarshal.Cast<double, int>(_levels.AsSpan(Plan.Paths.Length + Rubric.Competencies.Count));

    internal int WinnerAt(int competency) => Layout[Plan.Paths.Length + 1 + competency];

    internal string? NoteAt(int path) => _notes?[path];

    internal int EvidenceCountOf(int path)
    {
        var layout = Layout;
        return layout[path + 1] - layout[path];
    }

    /// <summary>Gets every path's level in plan order (NaN = no level).</summary>
    internal ReadOnlySpan<double> PathLevels => _levels.AsSpan(0, Plan.Paths.Length);

    /// <summary>Gets every competency's level in the rubric's order (NaN = insufficient evidence).</summary>
    internal ReadOnlySpan<double> CompetencyLevels => _levels.AsSpan(Plan.Paths.Length, Rubric.Competencies.Count);

    internal IReadOnlyList<EvidenceItem> EvidenceOf(int path) => EvidenceArrayOf(path);

    internal EvidenceItem[] EvidenceArrayOf(int path)
    {
        var layout = Layout;
        var start = layout[path];
        var routed = Grouped().AsSpan(start, layout[path + 1] - start);
        var items = new EvidenceItem[routed.Length];
        var source = _evidence.Span;
        for (var i = 0; i < routed.Length; i++)
        {
            items[i] = source[routed[i]];
        }

        return items;
    }

    /// <summary>
    /// Gets the routed item indices grouped by path (path p's from its start on, in item order), built from the
    /// pairs on the first explanation that needs them and kept (threads racing to build it build the same array).
    /// </summary>
    private int[] Grouped()
    {
        if (Volatile.Read(ref _grouped) is { } built)
        {
            return built;
        }

        var layout = Layout;
        var pathCount = Plan.Paths.Length;
        var grouped = new int[layout[pathCount]];
        RoutedPairs.GroupByPath(layout, pathCount, Rubric.Competencies.Count, RoutedPairs.IsPacked(pathCount, _evidence.Length), grouped);
        return Interlocked.CompareExchange(ref _grouped, grouped, null) ?? grouped;
    }

    internal IReadOnlyList<PathScore> PathsOf(int competency)
    {
        var start = Plan.CompetencyStarts[competency];
        var count = Plan.CompetencyStarts[competency + 1] - start;
        var result = new PathScore[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new PathScore(this, start + i);
        }

        return result;
    }
}
