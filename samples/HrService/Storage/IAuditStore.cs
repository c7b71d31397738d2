namespace Acme.HrService.Storage;

/// <summary>One stored audit: what was asked and the report (aggregates only, as <c>fairrubrics audit --format json</c> writes it).</summary>
internal sealed record StoredAudit(string Id, DateTimeOffset Created, string Rubric, string RubricVersion, DateOnly AsOf, IReadOnlyList<string> Attributes, string ReportJson);

/// <summary>Audit reports in the database.</summary>
internal interface IAuditStore
{
    Task SaveAsync(StoredAudit audit, CancellationToken cancellationToken);

    Task<StoredAudit?> FindAsync(string id, CancellationToken cancellationToken);
}
