namespace FairRubrics.Audit;

/// <summary>The asynchronous audit: results from an <see cref="IAsyncEnumerable{T}"/>, attributes from the host's source.</summary>
public sealed partial class BiasAuditor
{
    /// <summary>The most subjects an asynchronous audit (<c>AuditAsync</c>) asks an <see cref="ISubjectAttributeSource"/> for at once: 500 (within SQL parameter limits).</summary>
    public const int AttributeBatchSize = 500;

    /// <summary>The most ratings <see cref="AuditAsync(IAsyncEnumerable{AuditSubject}, IAsyncEnumerable{AuditRating}, ISubjectAttributeSource, AuditOptions, CancellationToken)"/> holds before it looks their subjects up.</summary>
    private const int RatingBatchSize = 65_536;

    /// <inheritdoc/>
    public Task<AuditReport> AuditAsync(IAsyncEnumerable<AuditSubject> results, ISubjectAttributeSource attributes, AuditOptions options, CancellationToken cancellationToken = default) =>
        AuditAsync(results, null, attributes, options, cancellationToken);

    /// <inheritdoc/>
    public Task<AuditReport> AuditAsync(IAsyncEnumerable<AuditSubject> results, IAsyncEnumerable<AuditRating>? ratings, ISubjectAttributeSource attributes, AuditOptions options, CancellationToken cancellationToken = default)
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

        return AuditCoreAsync(results, ratings, attributes, options, cancellationToken);
    }

    private async Task<AuditReport> AuditCoreAsync(IAsyncEnumerable<AuditSubject> results, IAsyncEnumerable<AuditRating>? ratings, ISubjectAttributeSource source, AuditOptions options, CancellationToken cancellationToken)
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
        if (ratings is not null)
        {
            await AddRatingsAsync(ratings).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Report(accumulator, options);

        async Task AddBatchAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var found = await LookUpAsync().ConfigureAwait(false);
            foreach (var result in batch)
            {
                Fill(found, result.Subject);
                accumulator.Add(result, values);
            }

            batch.Clear();
        }

        // Ratings count only for subjects the source knows (as the command line counts them only for subjects in
        // the attributes table); they are looked up in batches of distinct subjects like the results.
        async Task AddRatingsAsync(IAsyncEnumerable<AuditRating> stream)
        {
            var pending = new List<AuditRating>();
            await foreach (var rating in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (rating.Subject is null)
                {
                    throw new ArgumentException("a rating has no subject", nameof(ratings));
                }

                if (!distinct.Contains(rating.Subject) && ids.Count == AttributeBatchSize)
                {
                    await AddPendingAsync().ConfigureAwait(false);
                }

                pending.Add(rating);
                if (distinct.Add(rating.Subject))
                {
                    ids.Add(rating.Subject);
                }

                if (pending.Count == RatingBatchSize)
                {
                    await AddPendingAsync().ConfigureAwait(false);
                }
            }

            await AddPendingAsync().ConfigureAwait(false);

            async Task AddPendingAsync()
            {
                if (pending.Count == 0)
                {
                    return;
                }

                var found = await LookUpAsync().ConfigureAwait(false);
                foreach (var rating in pending)
                {
                    if (Fill(found, rating.Subject))
                    {
                        accumulator.AddRating(rating, values);
                    }
                }

                pending.Clear();
            }
        }

        async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> LookUpAsync()
        {
            var found = await source.GetAttributesAsync(ids.ToArray(), names, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the attribute source returned null; return an empty dictionary when no subject is known");
            cancellationToken.ThrowIfCancellationRequested();
            ids.Clear();
            distinct.Clear();
            return found;
        }

        // The subject's values into 'values' (unknown where missing); false when the source does not know the subject.
        bool Fill(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> found, string subject)
        {
            found.TryGetValue(subject, out var row);
            for (var i = 0; i < names.Length; i++)
            {
                values[i] = row is not null && row.TryGetValue(names[i], out var v) ? v : null;
            }

            return row is not null;
        }
    }
}
