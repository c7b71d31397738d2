using FairRubrics.Audit;

namespace Acme.HrService.Storage;

/// <summary>
/// The library's <see cref="ISubjectAttributeSource"/> over the <c>protected_attributes</c> table: an asynchronous
/// audit asks it for a batch of at most <see cref="BiasAuditor.AttributeBatchSize"/> subjects at a time, one query each.
/// Only audits use it; scoring never sees it.
/// </summary>
internal sealed class ProtectedAttributeSource(IProtectedAttributeStore store) : ISubjectAttributeSource
{
    public async ValueTask<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> GetAttributesAsync(IReadOnlyList<string> subjects, IReadOnlyList<string> attributes, CancellationToken cancellationToken) =>
        await store.GetAsync(subjects, attributes, cancellationToken);
}
