using System.Runtime.InteropServices;
using FairRubrics.Scoring;

namespace FairRubrics.Evidence;

/// <summary>Whether a row was rejected (invalid) or read but not counted by any path.</summary>
public enum RejectionKind
{
    /// <summary>The row is invalid (malformed, a required field missing, invalid for the rubric): it is not used.</summary>
    Rejected,

    /// <summary>The row is valid, but nothing counts it (its type is not counted by any path, it is out of the window…).</summary>
    NotCounted,
}

/// <summary>One row of an input that was not used, and why.</summary>
/// <param name="File">The file, or null when the summary is of one input.</param>
/// <param name="Line">The 1-based physical line of the file where the row starts.</param>
/// <param name="Row">The 1-based data row (CSV, header not counted) or line (JSON Lines).</param>
/// <param name="Kind">Rejected or not counted.</param>
/// <param name="Reason">Why, never with a value from the row (field names only): the same text for every row with the same problem.</param>
public readonly record struct RowRejection(string? File, long Line, long Row, RejectionKind Kind, string Reason);

/// <summary>How many rows were not used for one reason.</summary>
/// <param name="Kind">Rejected or not counted.</param>
/// <param name="Reason">The reason.</param>
/// <param name="Count">The number of rows.</param>
/// <param name="FirstLine">The first line with this reason (of the first file, for several).</param>
public sealed record RejectionReasonCount(RejectionKind Kind, string Reason, long Count, long FirstLine);

/// <summary>
/// Accounts for the rows of an input that were not used, without one line per row: counts per reason, the first
/// examples in line order, and, when asked for (<see cref="RejectionSummary(int, bool)"/>), the full list in line
/// order. Reasons never carry a value from the input. Evidence rows are given as they are read
/// (<see cref="Observe(in EvidenceRow)"/>), so that the items the scorer does not count (<see cref="Add(EvidenceIssue)"/>)
/// are reported at their file line, not their data row. One instance accounts for one run; it is not thread-safe.
/// </summary>
public sealed class RejectionSummary
{
    /// <summary>The default number of examples kept: 20.</summary>
    public const int DefaultExamples = 20;

    private readonly int _maxExamples;
    private readonly List<RowRejection>? _all;
    private readonly List<RowRejection> _examples = [];
    private readonly Dictionary<(RejectionKind Kind, string Reason), Tally> _reasons = [];

    // The last reason counted: most problems in a row of problems share one reason, usually the same string instance,
    // which is then counted without hashing its text.
    private RejectionKind _lastKind;
    private string? _lastReason;
    private Tally? _lastTally;

    // Where a CSV row's physical line stops being row + 1 (a quoted field with line breaks): row -> line - row, from then on.
    private readonly List<(long Row, long Offset)> _offsets = [];

    /// <summary>Initializes a new instance of the <see cref="RejectionSummary"/> class.</summary>
    /// <param name="maxExamples">How many examples to keep (the first, in line order).</param>
    /// <param name="keepAll">Whether to keep every rejection for <see cref="All"/> (memory grows with the rejections).</param>
    public RejectionSummary(int maxExamples = DefaultExamples, bool keepAll = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxExamples);
        _maxExamples = maxExamples;
        _all = keepAll ? [] : null;
    }

    /// <summary>Gets the number of rows not used.</summary>
    public long Count => Rejected + NotCounted;

    /// <summary>Gets the number of problems: at least <see cref="Count"/>, more when rows have several.</summary>
    public long Problems { get; private set; }

    /// <summary>Gets the number of rows rejected.</summary>
    public long Rejected { get; private set; }

    /// <summary>Gets the number of valid rows that nothing counts.</summary>
    public long NotCounted { get; private set; }

    /// <summary>Gets the number of rows per reason (a row with several problems counts under each): the most frequent first, then by first line.</summary>
    public IReadOnlyList<RejectionReasonCount> Reasons =>
        [.. _reasons.Select(r => new RejectionReasonCount(r.Key.Kind, r.Key.Reason, r.Value.Count, r.Value.FirstLine))
            .OrderByDescending(r => r.Count).ThenBy(r => r.FirstLine).ThenBy(r => r.Reason, StringComparer.Ordinal)];

    /// <summary>Gets the first rejections in file and line order (at most the number asked for; one per problem, the problems of a row together).</summary>
    public IReadOnlyList<RowRejection> Examples => _examples;

    /// <summary>Gets whether <see cref="All"/> is kept.</summary>
    public bool KeepsAll => _all is not null;

    /// <summary>Gets every rejection in file and line order, one per problem (the problems of a row together, in the order found).</summary>
    /// <exception cref="InvalidOperationException">The summary was made without <c>keepAll</c>.</exception>
    public IReadOnlyList<RowRejection> All
    {
        get
        {
            if (_all is null)
            {
                throw new InvalidOperationException("this summary keeps no full list; make it with keepAll: true");
            }

            return [.. _all.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line)];
        }
    }

    /// <summary>Accounts for one evidence row as it is read: learns its line, and adds it when it is rejected.</summary>
    /// <param name="row">The row.</param>
    public void Observe(in EvidenceRow row)
    {
        var offset = row.Line - row.Row;
        if (row.Line > 0 && offset != (_offsets.Count == 0 ? 1 : _offsets[^1].Offset))
        {
            _offsets.Add((row.Row, offset));
        }

        if (!row.IsValid)
        {
            var problems = EvidenceRowProblems.Split(row.Error);
            for (var i = 0; i < problems.Length; i++)
            {
                Add(new RowRejection(null, row.Line, row.Row, RejectionKind.Rejected, problems[i]), countsRow: i == 0);
            }
        }
    }

    /// <summary>Adds an item the scorer did not count, at the line of its row (rows given to <see cref="Observe(in EvidenceRow)"/>).</summary>
    /// <param name="issue">The issue.</param>
    public void Add(EvidenceIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var row = issue.Item.Row;
        Add(new RowRejection(null, LineOf(row), row, issue.Rejected ? RejectionKind.Rejected : RejectionKind.NotCounted, issue.Category));
    }

    /// <summary>Adds a rejection.</summary>
    /// <param name="rejection">The rejection; its reason must not hold a value from the input.</param>
    public void Add(RowRejection rejection) => Add(rejection, countsRow: true);

    /// <summary>Adds a problem; a row with several problems is one row (<see cref="Count"/>) and one entry per problem.</summary>
    private void Add(in RowRejection rejection, bool countsRow)
    {
        ArgumentNullException.ThrowIfNull(rejection.Reason);
        Problems++;
        if (!countsRow)
        {
            // Another problem of the row just added.
        }
        else if (rejection.Kind == RejectionKind.Rejected)
        {
            Rejected++;
        }
        else
        {
            NotCounted++;
        }

        var tally = _lastTally;
        if (tally is null || rejection.Kind != _lastKind || !ReferenceEquals(rejection.Reason, _lastReason))
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_reasons, (rejection.Kind, GroupingReason(rejection.Reason)), out _);
            tally = entry ??= new Tally { FirstLine = rejection.Line };
            (_lastKind, _lastReason, _lastTally) = (rejection.Kind, rejection.Reason, tally);
        }

        tally.Count++;
        tally.FirstLine = Math.Min(tally.FirstLine, rejection.Line);
        _all?.Add(rejection);
        AddExample(rejection);
    }

    /// <summary>The physical line of a data row, from the rows observed (row + 1 for CSV without multi-line rows).</summary>
    /// <param name="row">The data row.</param>
    /// <returns>The line.</returns>
    public long LineOf(long row)
    {
        if (row <= 0)
        {
            return 0;
        }

        var offset = 1L;
        var low = 0;
        var high = _offsets.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_offsets[mid].Row <= row)
            {
                offset = _offsets[mid].Offset;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return row + offset;
    }

    /// <summary>
    /// The reason rows are counted under: a JSON reader's "column N: " position is left out, so that one problem
    /// is one reason whatever its column.
    /// </summary>
    private static string GroupingReason(string reason)
    {
        if (!reason.StartsWith("column ", StringComparison.Ordinal))
        {
            return reason;
        }

        var i = 7;
        while (i < reason.Length && char.IsAsciiDigit(reason[i]))
        {
            i++;
        }

        return i > 7 && i + 1 < reason.Length && reason[i] == ':' && reason[i + 1] == ' ' ? reason[(i + 2)..] : reason;
    }

    private static int Compare(in RowRejection a, in RowRejection b)
    {
        var byFile = string.CompareOrdinal(a.File, b.File);
        return byFile != 0 ? byFile : a.Line.CompareTo(b.Line);
    }

    /// <summary>The rows counted under one reason, and the first line among them.</summary>
    private sealed class Tally
    {
        public long Count { get; set; }

        public long FirstLine { get; set; }
    }

    private void AddExample(in RowRejection rejection)
    {
        if (_maxExamples == 0)
        {
            return;
        }

        if (_examples.Count == _maxExamples && Compare(rejection, _examples[^1]) >= 0)
        {
            return;
        }

        var at = _examples.Count;
        while (at > 0 && Compare(rejection, _examples[at - 1]) < 0)
        {
            at--;
        }

        _examples.Insert(at, rejection);
        if (_examples.Count > _maxExamples)
        {
            _examples.RemoveAt(_examples.Count - 1);
        }
    }
}

/// <summary>The problems of one evidence row: every one is reported, joined in <see cref="EvidenceRow.Error"/>.</summary>
internal static class EvidenceRowProblems
{
    /// <summary>Joins the problems of a row (no problem text holds it).</summary>
    public const string Separator = "; and ";

    public static string Join(IEnumerable<string> problems) => string.Join(Separator, problems);

    public static string[] Split(string error) => error.Split(Separator);
}
