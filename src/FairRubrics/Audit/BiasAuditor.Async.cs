namespace FairRubrics.Audit;

/// <summary>The asynchronous audit: results from an <see cref="IAsyncEnumerable{T}"/>, attributes from the host's source.</summary>
public sealed partial class BiasAuditor
{
    /// <summary>The most subjects <see cref="AuditAsync"/> asks an <see cref="ISubjectAttributeSource"/> for at once: 500 (within SQL parameter limits).</summary>
    public const int AttributeBatchSize = 500;

    /// <inheritdoc/>
    public Task<AuditReport> AuditAsync(IAsyncEnumerable<AuditSubject> results, ISubjectAttributeSource attributes, AuditOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(options);

        // Wrong options fail now, not after the whole stream is read.
        options.Validate();
        if (options.Attributes.Count == 0)
        {
            throw new ArgumentException("AuditOptions.Attributes is empty: name the attributes to analyse; an attribute source is asked for those names only.", nameof(options));
        }

        if (options.FavourableBands.Count == 0)
        {
            throw new ArgumentException("AuditOptions.FavourableBands is empty: name the bands that count as favourable (the rubric's 'favourable' list); without them every selection rate would be 0.", nameof(options));
        }

        return AuditCoreAsync(results, attributes, options, cancellationToken);
    }

    private async Task<AuditReport> AuditCoreAsync(IAsyncEnumerable<AuditSubject> results, ISubjectAttributeSource source, AuditOptions options, CancellationToken cancellationToken)
    {
        string[] names = [.. options.Attributes];
        var accumulator = new AuditAccumulator(names, options.Intersect);
        var batch = new List<AuditSubject>(AttributeBatchSize);
        var ids = new List<string>(AttributeBatchSize);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var values = new string?[names.Length];
        await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(result, nameof(results));
            batch.Add(result);
            if (distinct.Add(result.Subject))
            {
                ids.Add(result.Subject);
            }

            if (batch.Count == AttributeBatchSize)
            {
                await AddBatchAsync().ConfigureAwait(false);
            }
        }

        await AddBatchAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Report(accumulator, options);

        async Task AddBatchAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var found = await source.GetAttributesAsync(ids.ToArray(), names, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the attribute source returned null; return an empty dictionary when no subject is known");
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var result in batch)
            {
                found.TryGetValue(result.Subject, out var row);
                for (var i = 0; i < names.Length; i++)
                {
                    values[i] = row is not null && row.TryGetValue(names[i], out var v) ? v : null;
                }

                accumulator.Add(result, values);
            }

            batch.Clear();
            ids.Clear();
            distinct.Clear();
        }
    }
}
