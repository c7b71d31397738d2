using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

// The statistics of one group (and the subject counts of an unknown pattern).
public sealed partial class AuditAccumulator
{
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

        /// <summary>Gets the statistics of the subjects with this pattern (their outcomes), when derived from the cells.</summary>
        public GroupStats? Cell { get; init; }
    }
}
