using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

// Merging: adding another accumulator's statistics (a partition of the same audit) to this one.
public sealed partial class AuditAccumulator
{
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
}
