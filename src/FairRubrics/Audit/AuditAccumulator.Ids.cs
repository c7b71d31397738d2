using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

// The streaming path: results in this accumulator's ids (values, bands, scores, paths), added without allocating per subject.
public sealed partial class AuditAccumulator
{
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
}
