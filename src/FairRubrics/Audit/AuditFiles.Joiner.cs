using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Evidence;

namespace FairRubrics.Audit;

// The join of a range's parsed results with the attributes table.
public static partial class AuditFiles
{
    /// <summary>Joins parsed results of one range with the attributes table and adds them to the range's accumulator.</summary>
    private sealed class Joiner
    {
        private readonly Join _join;
        private readonly AuditAccumulator _accumulator;
        private readonly int[] _columns;
        private readonly int[][] _map;
        private readonly int[] _valueIds;

        /// <summary>Creates the joiner of a range, waiting for the attributes table if it is still being read.</summary>
        public Joiner(Join join, AuditAccumulator accumulator)
        {
            _join = join;
            _accumulator = accumulator;
            Table = join.Table;
            _columns = join.Columns;
            _valueIds = new int[_columns.Length];

            // This accumulator's value id for each value id of each analysed column of the table.
            _map = new int[_columns.Length][];
            for (var j = 0; j < _columns.Length; j++)
            {
                var values = Table.ValuesOf(_columns[j]);
                _map[j] = new int[values.Count + 1];
                for (var v = 0; v < values.Count; v++)
                {
                    _map[j][v + 1] = accumulator.ValueId(j, values[v]);
                }
            }
        }

        public AttributeTable Table { get; }

        /// <summary>Finds a subject's attributes row (-1 for none) and prefetches what <see cref="Add"/> will read for it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Find(ReadOnlySpan<byte> subject)
        {
            var row = Table.RowOf(subject);
            if (row >= 0)
            {
                _join.PrefetchOwner(row);
                Table.PrefetchRow(row);
            }

            return row;
        }

        /// <summary>Adds one parsed result with the attribute values of its row (from <see cref="Find"/>), or records why it is not audited.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ScoreRecord record, int row, long line, int me, Partition part)
        {
            part.Lines = line;   // the line an exception names
            if (ValueIdsOf(record.Subject, row, line, me, part))
            {
                _accumulator.AddRecord(record, _valueIds);   // throws FairRubricsException for another rubric
            }
        }

        /// <summary>Joins a result prepared while the table was being read (see <see cref="Deferred"/>) and adds it.</summary>
        public void JoinAndAdd(ReadOnlySpan<byte> subject, int row, long line, int me, Partition part, bool scored, int band, double overall, ReadOnlySpan<double> levels, ReadOnlySpan<int> paths)
        {
            if (ValueIdsOf(subject, row, line, me, part))
            {
                _accumulator.AddPrepared(scored, band, overall, levels, paths, _valueIds);
            }
        }

        /// <summary>Claims the subject for this range and looks up its value ids; false (with a problem) for a second result.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ValueIdsOf(ReadOnlySpan<byte> subject, int row, long line, int me, Partition part)
        {
            var owner = row >= 0 ? _join.ClaimRow(row, me) : _join.ClaimOther(subject, me);
            if (owner > me)
            {
                _join.OutOfOrder = true;   // an earlier range must take it first: read again in order
            }

            if (owner != 0)
            {
                part.Problems.Add(new ScoreFileProblem(part.File, line, "a second result for a subject already audited"));
                return false;
            }

            if (row >= 0)
            {
                part.Joined++;
                for (var j = 0; j < _columns.Length; j++)
                {
                    _valueIds[j] = _map[j][Table.ValueId(_columns[j], row)];
                }
            }
            else
            {
                part.WithoutAttributes++;
                Array.Clear(_valueIds);
            }

            return true;
        }
    }
}
