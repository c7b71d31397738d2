using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
using System.Text;
using FairRubrics.Evidence;

namespace FairRubrics.Audit;

// What the ranges share: the attributes table, who took each subject, progress.
public static partial class AuditFiles
{
    /// <summary>
    /// What the ranges share: the attributes table (perhaps still being read), which range took each subject (for
    /// attributes rows an array of owners, for subjects without a row a concurrent dictionary), whether a later
    /// range took a subject first, progress.
    /// </summary>
    private sealed class Join(Task<AttributeTable> attributes, string[] names, Action<long>? progress, Action<long>? byteProgress, int maxDeferred, int ranges)
    {
        private readonly ConcurrentDictionary<string, int> _otherOwners = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();
        private readonly Lock _ready = new();
        private AttributeTable? _table;
        private int[] _columns = [];
        private ushort[] _rowOwners = [];   // the range (1-based) that took each row: two bytes each while there are few ranges
        private int[] _rowOwnersWide = [];   // ... else four
        private long _lines;
        private long _bytes;
        private volatile bool _outOfOrder;
        private long _deferred;

        /// <summary>
        /// Takes one of the <see cref="AuditFileOptions.MaxDeferred"/> places for a result parsed while the table is
        /// being read: every range parses on while there are places (the table's reader and the ranges keep every
        /// processor busy) and waits for the table when they are gone; the results kept cost memory.
        /// </summary>
        /// <returns>Whether the range may keep the result.</returns>
        public bool TryDefer() => Interlocked.Increment(ref _deferred) <= maxDeferred;

        /// <summary>Gets a value indicating whether the attributes table has been read (or failed).</summary>
        public bool IsReady => attributes.IsCompleted;

        /// <summary>Gets the attributes table, waiting for it if it is still being read.</summary>
        /// <exception cref="EvidenceFormatException">The table could not be read.</exception>
        /// <exception cref="ArgumentException">An analysed attribute is not a column of the table.</exception>
        public AttributeTable Table
        {
            get
            {
                lock (_ready)
                {
                    if (_table is null)
                    {
                        var table = attributes.GetAwaiter().GetResult();
                        _columns = [.. names.Select(name => IndexOf(table.Columns, name))];
                        if (ranges <= ushort.MaxValue)
                        {
                            _rowOwners = new ushort[table.Count];
                        }
                        else
                        {
                            _rowOwnersWide = new int[table.Count];
                        }

                        _table = table;
                    }

                    return _table;
                }
            }
        }

        /// <summary>Gets the indexes of the analysed columns in the table (once <see cref="Table"/> has been read).</summary>
        public int[] Columns
        {
            get
            {
                _ = Table;
                return _columns;
            }
        }

        public bool OutOfOrder
        {
            get => _outOfOrder;
            set => _outOfOrder = value;
        }

        /// <summary>Hints the processor to fetch a row's owner (see <see cref="Utf8KeyIndex.Prefetch"/>).</summary>
        public unsafe void PrefetchOwner(int row)
        {
            if (Sse.IsSupported)
            {
                if (_rowOwnersWide.Length == 0)
                {
                    fixed (ushort* owner = &_rowOwners[row])
                    {
                        Sse.Prefetch0(owner);
                    }
                }
                else
                {
                    fixed (int* owner = &_rowOwnersWide[row])
                    {
                        Sse.Prefetch0(owner);
                    }
                }
            }
        }

        /// <summary>Takes a row for a range (1-based); returns 0 when it was free, else the range that has it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int ClaimRow(int row, int range) => _rowOwnersWide.Length == 0
            ? Interlocked.CompareExchange(ref _rowOwners[row], (ushort)range, 0)
            : Interlocked.CompareExchange(ref _rowOwnersWide[row], range, 0);

        /// <summary>Takes a subject without an attributes row for a range; returns 0 when it was free, else the range that has it.</summary>
        public int ClaimOther(ReadOnlySpan<byte> subject, int range)
        {
            var key = Encoding.UTF8.GetString(subject);
            return _otherOwners.TryAdd(key, range) ? 0 : _otherOwners[key];
        }

        public void Tick(long lines, long bytes)
        {
            var total = Interlocked.Add(ref _lines, lines);
            var read = Interlocked.Add(ref _bytes, bytes);
            if (progress is not null || byteProgress is not null)
            {
                lock (_lock)
                {
                    progress?.Invoke(total);
                    byteProgress?.Invoke(read);
                }
            }
        }
    }
}
