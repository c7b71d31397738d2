using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Evidence;

namespace FairRubrics.Audit;

// Results parsed while the attributes table is still being read, kept compactly until they can be joined.
public static partial class AuditFiles
{
    /// <summary>
    /// Results of one range parsed while the attributes table was still being read, kept compactly in the range
    /// accumulator's ids (subject id bytes, line, status and band, overall score, levels and winning paths: about
    /// 60 bytes a result, in chunks of fixed size) until they can be joined.
    /// </summary>
    private sealed class Deferred
    {
        private const int ChunkSize = 4096;
        private readonly List<Chunk> _chunks = [];

        public int Count { get; private set; }

        /// <summary>Checks and keeps a parsed result (throws <see cref="FairRubricsException"/> for another rubric, as adding it would).</summary>
        public void Add(ScoreRecord record, long line, AuditAccumulator accumulator)
        {
            var band = accumulator.Prepare(record);
            if (Count % ChunkSize == 0)
            {
                _chunks.Add(new Chunk(accumulator.PreparedLevels.Length));
            }

            _chunks[^1].Add(record, line, band, accumulator.PreparedLevels, accumulator.PreparedPaths);
            Count++;
        }

        /// <summary>Joins and adds every kept result, in line order, and forgets them.</summary>
        public void JoinAndAdd(Joiner joiner, int me, Partition part)
        {
            foreach (var chunk in _chunks)
            {
                chunk.JoinAndAdd(joiner, me, part);
            }

            _chunks.Clear();
            Count = 0;
        }

        private sealed class Chunk(int competencies)
        {
            private readonly int[] _subjectEnds = new int[ChunkSize];
            private readonly long[] _lines = new long[ChunkSize];
            private readonly int[] _bands = new int[ChunkSize];   // the band id; its complement when the result is not scored
            private readonly double[] _overall = new double[ChunkSize];
            private readonly double[] _levels = new double[ChunkSize * competencies];
            private readonly int[] _paths = new int[ChunkSize * competencies];
            private byte[] _subjects = new byte[ChunkSize * 12];
            private int _count;

            public void Add(ScoreRecord record, long line, int band, ReadOnlySpan<double> levels, ReadOnlySpan<int> paths)
            {
                var start = _count == 0 ? 0 : _subjectEnds[_count - 1];
                if (start + record.Subject.Length > _subjects.Length)
                {
                    Array.Resize(ref _subjects, Math.Max(_subjects.Length * 2, start + record.Subject.Length));
                }

                record.Subject.CopyTo(_subjects.AsSpan(start));
                _subjectEnds[_count] = start + record.Subject.Length;
                _lines[_count] = line;
                _bands[_count] = record.Scored ? band : ~band;
                _overall[_count] = record.Overall;
                levels.CopyTo(_levels.AsSpan(_count * competencies));
                paths.CopyTo(_paths.AsSpan(_count * competencies));
                _count++;
            }

            /// <summary>
            /// Joins and adds the results in order, in the steps <see cref="ReadLines"/> takes: the subject's slot in the
            /// index prefetched two results ahead, its row found (and the row prefetched) one ahead, so that the join
            /// rarely waits for memory.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void JoinAndAdd(Joiner joiner, int me, Partition part)
            {
                for (var i = 0; i < Math.Min(2, _count); i++)
                {
                    joiner.Table.Prefetch(Subject(i));
                }

                var next = _count > 0 ? joiner.Find(Subject(0)) : -1;
                for (var i = 0; i < _count; i++)
                {
                    var row = next;
                    if (i + 2 < _count)
                    {
                        joiner.Table.Prefetch(Subject(i + 2));
                    }

                    if (i + 1 < _count)
                    {
                        next = joiner.Find(Subject(i + 1));
                    }

                    part.Lines = _lines[i];   // the line an exception names
                    var band = _bands[i];
                    joiner.JoinAndAdd(Subject(i), row, _lines[i], me, part, band >= 0, band >= 0 ? band : ~band, _overall[i], _levels.AsSpan(i * competencies, competencies), _paths.AsSpan(i * competencies, competencies));
                }
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private ReadOnlySpan<byte> Subject(int i) => _subjects.AsSpan(i == 0 ? 0 : _subjectEnds[i - 1], _subjectEnds[i] - (i == 0 ? 0 : _subjectEnds[i - 1]));
        }
    }
}
