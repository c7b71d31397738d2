namespace FairRubrics.Audit;


/// <summary>What <c>AuditFiles.Accumulate</c> read: the statistics, and the lines it could not use.</summary>
public sealed class AuditFileResult
{
    internal AuditFileResult(AuditAccumulator accumulator, IReadOnlyList<string> files, IReadOnlyList<ScoreFileProblem> problems, long withoutAttributes, long attributeRowsWithResult)
    {
        Accumulator = accumulator;
        Files = files;
        Problems = problems;
        WithoutAttributes = withoutAttributes;
        AttributeRowsWithResult = attributeRowsWithResult;
    }

    /// <summary>Gets the accumulated statistics (partitions merged in file-name order).</summary>
    public AuditAccumulator Accumulator { get; }

    /// <summary>Gets the files read, in the order they were merged.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets the rejected lines, by file (in <see cref="Files"/> order) and line.</summary>
    public IReadOnlyList<ScoreFileProblem> Problems { get; }

    /// <summary>Gets the number of audited results whose subject has no attributes row (counted as unknown).</summary>
    public long WithoutAttributes { get; }

    /// <summary>Gets the number of attributes rows that a result was joined with.</summary>
    public long AttributeRowsWithResult { get; }
}
