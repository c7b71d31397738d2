namespace FairRubrics.Audit;

/// <summary>
/// Where an asynchronous audit (<c>IBiasAuditor.AuditAsync</c>) finds the protected attributes of the subjects
/// it reads, implemented by the host (for example one query per batch against its own attributes table). The
/// attributes go only into the audit's per-group aggregates; they never reach scoring.
/// </summary>
public interface ISubjectAttributeSource
{
    /// <summary>Looks up attributes of a batch of subjects.</summary>
    /// <param name="subjects">Distinct subject ids, at most <see cref="BiasAuditor.AttributeBatchSize"/>; each is asked for once per batch it appears in (results, then ratings, are batched separately).</param>
    /// <param name="attributes">The attribute names wanted (<see cref="AuditOptions.Attributes"/>).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>Attribute values by subject id and name; a subject or name left out, or a null or empty value, counts as unknown.</returns>
    ValueTask<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> GetAttributesAsync(IReadOnlyList<string> subjects, IReadOnlyList<string> attributes, CancellationToken cancellationToken);
}
