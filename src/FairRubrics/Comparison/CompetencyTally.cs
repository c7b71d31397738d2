using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Comparison;

/// <summary>
/// Counts, per competency (matched by id across the two rubrics), whose level rose or fell and through which paths;
/// insufficient evidence is below every level, and a competency only one rubric has is listed without counts.
/// </summary>
internal sealed class CompetencyTally
{
    private readonly List<string> _ids = [];
    private readonly Dictionary<string, int> _fromIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _toIndex = new(StringComparer.Ordinal);
    private readonly long[] _rose;
    private readonly long[] _fell;
    private readonly Dictionary<string, long>[] _roseThrough;
    private readonly Dictionary<string, long>[] _fellFrom;

    public CompetencyTally(Rubric from, Rubric to)
    {
        for (var i = 0; i < from.Competencies.Count; i++)
        {
            _fromIndex[from.Competencies[i].Id] = i;
            _ids.Add(from.Competencies[i].Id);
        }

        for (var i = 0; i < to.Competencies.Count; i++)
        {
            _toIndex[to.Competencies[i].Id] = i;
            if (!_fromIndex.ContainsKey(to.Competencies[i].Id))
            {
                _ids.Add(to.Competencies[i].Id);
            }
        }

        _rose = new long[_ids.Count];
        _fell = new long[_ids.Count];
        _roseThrough = [.. _ids.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        _fellFrom = [.. _ids.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    }

    /// <summary>Counts one subject; returns a function listing the subject's competencies whose level changed.</summary>
    public Func<IReadOnlyList<CompetencyLevelChange>> Add(SubjectScore before, SubjectScore after)
    {
        for (var c = 0; c < _ids.Count; c++)
        {
            if (!_fromIndex.TryGetValue(_ids[c], out var f) || !_toIndex.TryGetValue(_ids[c], out var t))
            {
                continue;
            }

            var b = before.CompetencyLevel(f);
            var a = after.CompetencyLevel(t);
            var order = Compare(a, b);
            if (order > 0)
            {
                _rose[c]++;
                Bump(_roseThrough[c], after.Competencies[t].WinningPath?.Id);
            }
            else if (order < 0)
            {
                _fell[c]++;
                Bump(_fellFrom[c], before.Competencies[f].WinningPath?.Id);
            }
        }

        return () => Changes(before, after);
    }

    public IReadOnlyList<CompetencyChange> Result() =>
        [.. _ids.Select((id, c) => new CompetencyChange(
            id,
            _fromIndex.ContainsKey(id),
            _toIndex.ContainsKey(id),
            _rose[c],
            _fell[c],
            Paths(_roseThrough[c]),
            Paths(_fellFrom[c])))];

    private List<CompetencyLevelChange> Changes(SubjectScore before, SubjectScore after)
    {
        var changes = new List<CompetencyLevelChange>();
        foreach (var id in _ids)
        {
            var hasFrom = _fromIndex.TryGetValue(id, out var f);
            var hasTo = _toIndex.TryGetValue(id, out var t);
            var b = hasFrom ? before.CompetencyLevel(f) : null;
            var a = hasTo ? after.CompetencyLevel(t) : null;
            if (Compare(a, b) != 0)
            {
                changes.Add(new CompetencyLevelChange(id, b, hasFrom ? before.Competencies[f].WinningPath?.Id : null, a, hasTo ? after.Competencies[t].WinningPath?.Id : null));
            }
        }

        return changes;
    }

    private const string Insufficient = "\u0000";

    private static void Bump(Dictionary<string, long> counts, string? path)
    {
        var key = path ?? Insufficient;
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private static List<PathCount> Paths(Dictionary<string, long> counts) =>
        [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new PathCount(p.Key == Insufficient ? null : p.Key, p.Value))];

    /// <summary>Orders levels with insufficient evidence (null) below every level.</summary>
    private static int Compare(double? x, double? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => x.Value.CompareTo(y.Value),
    };
}
