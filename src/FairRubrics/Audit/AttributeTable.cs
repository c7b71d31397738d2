using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace FairRubrics.Audit;

/// <summary>
/// The attributes table: one row per subject, one column per attribute; read whole (one value per subject and
/// attribute). Held compactly: subject ids as UTF-8 text in one block, each cell as a small id of its column's
/// distinct values (interned once), so a million subjects take a few tens of megabytes.
/// </summary>
public sealed class AttributeTable
{
    private readonly Utf8KeyIndex _subjects;
    private readonly CellStore _cells;
    private readonly List<string>[] _values;

    internal AttributeTable(IReadOnlyList<string> columns, Utf8KeyIndex subjects, CellStore cells, List<string>[] values, IReadOnlyList<string> problems)
    {
        Columns = columns;
        _subjects = subjects;
        _cells = cells;
        _values = values;
        Problems = problems;
    }

    /// <summary>Gets the attribute columns (every column except <c>subject</c>).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the number of subjects with a row.</summary>
    public int Count => _subjects.Count;

    /// <summary>Gets the rows that could not be used, as <c>row N (line L): reason</c> (never a value).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Gets the rows that could not be used as rejections (file line, row and reason; never a value), for a <see cref="Evidence.RejectionSummary"/>.</summary>
    public IReadOnlyList<Evidence.RowRejection> Rejections => field ??= [.. Problems.Select(ToRejection)];

    // Problems are written as "row N (line L): reason" by AuditInputReader.
    private static Evidence.RowRejection ToRejection(string problem)
    {
        long row = 0, line = 0;
        var reason = problem;
        var open = problem.IndexOf(" (line ", StringComparison.Ordinal);
        var close = problem.IndexOf("): ", StringComparison.Ordinal);
        if (problem.StartsWith("row ", StringComparison.Ordinal) && open > 4 && close > open
            && long.TryParse(problem.AsSpan(4, open - 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out row)
            && long.TryParse(problem.AsSpan(open + 7, close - open - 7), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out line))
        {
            reason = problem[(close + 3)..];
        }

        return new Evidence.RowRejection(null, line, row, Evidence.RejectionKind.Rejected, reason);
    }

    /// <summary>Gets a subject's values for the given columns (null for unknown), or false when the subject has no row.</summary>
    /// <param name="subject">The subject id.</param>
    /// <param name="columnIndexes">Indexes into <see cref="Columns"/>.</param>
    /// <param name="values">Receives one value per index.</param>
    /// <returns>Whether the subject has a row.</returns>
    public bool TryGetValues(string subject, IReadOnlyList<int> columnIndexes, Span<string?> values)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(columnIndexes);
        var row = RowOf(subject);
        if (row < 0)
        {
            values.Clear();
            return false;
        }

        for (var i = 0; i < columnIndexes.Count; i++)
        {
            var id = ValueId(columnIndexes[i], row);
            values[i] = id == 0 ? null : _values[columnIndexes[i]][id - 1];
        }

        return true;
    }

    /// <summary>Gets a value indicating whether a subject has a row.</summary>
    /// <param name="subject">The subject id.</param>
    /// <returns>Whether it has one.</returns>
    public bool Contains(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return RowOf(subject) >= 0;
    }

    /// <summary>Finds a subject's row by the UTF-8 bytes of its id.</summary>
    /// <param name="subject">The id as UTF-8.</param>
    /// <returns>The row number (0 to <see cref="Count"/> − 1), or -1.</returns>
    internal int RowOf(ReadOnlySpan<byte> subject) => _subjects.IndexOf(subject);

    /// <summary>Hints the processor to fetch what <see cref="RowOf(ReadOnlySpan{byte})"/> will read for this subject (see <see cref="Utf8KeyIndex.Prefetch"/>).</summary>
    /// <param name="subject">The id as UTF-8.</param>
    internal void Prefetch(ReadOnlySpan<byte> subject) => _subjects.Prefetch(subject);

    /// <summary>Hints the processor to fetch a row's cells (see <see cref="Utf8KeyIndex.Prefetch"/>).</summary>
    /// <param name="row">The row number.</param>
    internal void PrefetchRow(int row) => _cells.Prefetch(row);

    /// <summary>Gets a cell as the id of its column's value: 0 for unknown, else 1 + an index into <see cref="ValuesOf"/>.</summary>
    /// <param name="column">The column index.</param>
    /// <param name="row">The row number.</param>
    /// <returns>The value id.</returns>
    internal int ValueId(int column, int row) => _cells[row, column];

    /// <summary>Gets a column's distinct (trimmed, non-empty) values, in order of first appearance.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The values; value id i is element i − 1.</returns>
    internal IReadOnlyList<string> ValuesOf(int column) => _values[column];

    private int RowOf(string subject)
    {
        var max = Encoding.UTF8.GetMaxByteCount(subject.Length);
        Span<byte> buffer = max <= 256 ? stackalloc byte[256] : new byte[max];
        return RowOf(buffer[..Encoding.UTF8.GetBytes(subject, buffer)]);
    }
}

/// <summary>
/// The value ids of every cell, row by row (a row's cells side by side, so a lookup touches one cache line): two
/// bytes a cell until a column has more than 65,535 distinct values, then four.
/// </summary>
internal sealed class CellStore(int columns, int rows)
{
    private ushort[] _small = new ushort[Math.Max(rows, 16) * columns];
    private int[]? _large;

    public int this[int row, int column] => _large is null ? _small[(row * columns) + column] : _large[(row * columns) + column];

    /// <summary>Hints the processor to fetch a row's cells.</summary>
    public unsafe void Prefetch(int row)
    {
        if (Sse.IsSupported)
        {
            if (_large is null)
            {
                fixed (ushort* cells = &_small[row * columns])
                {
                    Sse.Prefetch0(cells);
                }
            }
            else
            {
                fixed (int* cells = &_large[row * columns])
                {
                    Sse.Prefetch0(cells);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(int row, int column, int id)
    {
        var at = (row * columns) + column;
        if (_large is null && id > ushort.MaxValue)
        {
            _large = [.. _small.Select(v => (int)v)];
            _small = [];
        }

        if (_large is null)
        {
            if (at >= _small.Length)
            {
                Array.Resize(ref _small, Math.Max(_small.Length * 2, at + columns));
            }

            _small[at] = (ushort)id;
        }
        else
        {
            if (at >= _large.Length)
            {
                Array.Resize(ref _large, Math.Max(_large.Length * 2, at + columns));
            }

            _large[at] = id;
        }
    }
}
