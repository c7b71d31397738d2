namespace FairRubrics.Audit;

/// <summary>Options of <c>AuditFiles.Accumulate</c>.</summary>
public sealed class AuditFileOptions
{
    /// <summary>Gets or sets how many file ranges are read at once (the result does not depend on it). Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets the size of the ranges that files are cut into and read in parallel (tests make it small).</summary>
    internal int RangeBytes { get; set; } = 32 << 20;

    /// <summary>Gets or sets how many parsed results the ranges keep in all while the attributes table is being read (about 60 bytes each), before they wait for the table (tests make it small).</summary>
    internal int MaxDeferred { get; set; } = 1 << 18;

    /// <summary>Gets or sets a callback told the number of lines read so far, a few times a second at most per file (called from worker threads, one at a time).</summary>
    public Action<long>? Progress { get; set; }

    /// <summary>Gets or sets a callback told the number of bytes read so far over all files (for a share of the total and a time left), as often as <see cref="Progress"/> (called from worker threads, one at a time).</summary>
    public Action<long>? ByteProgress { get; set; }
}
