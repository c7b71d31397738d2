using FairRubrics.Evidence;

namespace FairRubrics.Audit;

/// <summary>What a <see cref="IAuditRunner.RunAsync"/> run made and read.</summary>
/// <param name="Report">The report.</param>
/// <param name="Rejections">The score result lines rejected, by file and line.</param>
/// <param name="AttributeTable">The attributes table as read (its own rejected rows in <see cref="AttributeTable.Rejections"/>).</param>
/// <param name="WithoutAttributes">Audited results whose subject has no attributes row (counted as unknown).</param>
/// <param name="AttributeRowsWithoutResult">Attributes rows that no result was joined with.</param>
public sealed record AuditRunResult(AuditReport Report, RejectionSummary Rejections, AttributeTable AttributeTable, long WithoutAttributes, long AttributeRowsWithoutResult)
{
    /// <summary>Gets the number of score result lines rejected.</summary>
    public long Rejected { get; init; }
}
