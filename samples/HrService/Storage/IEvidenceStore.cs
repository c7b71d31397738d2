using FairRubrics.Audit;
using FairRubrics.Evidence;

namespace Acme.HrService.Storage;

/// <summary>Evidence in the database. Knows nothing of protected attributes.</summary>
internal interface IEvidenceStore
{
    /// <summary>Stores a batch in one transaction: all of it or, on any failure, none of it.</summary>
    Task AddAsync(IReadOnlyList<EvidenceItem> items, CancellationToken cancellationToken);

    /// <summary>Streams one subject's evidence in the order it was stored.</summary>
    IAsyncEnumerable<EvidenceItem> ReadSubjectAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Streams everyone's evidence grouped by subject (ordinal subject order, then the order stored).</summary>
    IAsyncEnumerable<EvidenceItem> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Streams every rating that names its rater, grouped by subject, for the rater-effect check (FR206).</summary>
    IAsyncEnumerable<AuditRating> ReadRatingsAsync(CancellationToken cancellationToken);
}
