using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

// Groups and cells: finding a subject's group (or cell of the intersection) by value ids, and deriving the groups from the cells.
public sealed partial class AuditAccumulator
{
    /// <summary>
    /// The dictionary key of a list of values: each value with its length in front (null as "-"), so that two
    /// different lists never share a key, whatever characters the values contain.
    /// </summary>
    internal static string KeyOf(IEnumerable<string?> values) => values.Aggregate(string.Empty, AppendKey);

    private static string AppendKey(string key, string? value) =>
        value is null ? key + "-\u001F" : string.Concat(key, value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "\u001F", value);

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
                            var pattern = new PatternStats(values) { Subjects = cell.Subjects, Scored = cell.Scored, Cell = cell };
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
}
