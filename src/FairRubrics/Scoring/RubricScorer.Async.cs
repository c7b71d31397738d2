using System.Runtime.CompilerServices;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>The streaming entry point: evidence from an <see cref="IAsyncEnumerable{T}"/> (a database, a queue).</summary>
public sealed partial class RubricScorer
{
    /// <inheritdoc/>
    public IAsyncEnumerable<SubjectScore> ScoreAllAsync(Rubric rubric, IAsyncEnumerable<EvidenceItem> evidence, ScoringOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(evidence);
        if (options is not null && !Enum.IsDefined(options.EvidenceOrder))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EvidenceOrder, "ScoringOptions.EvidenceOrder must be Any or GroupedBySubject");
        }

        // One scoring date for the whole run, even one that streams past midnight.
        var fixedOptions = (options ?? new ScoringOptions()) with { AsOf = options?.AsOf ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime) };
        return fixedOptions.EvidenceOrder == EvidenceOrder.GroupedBySubject
            ? ScoreGroupedAsync(rubric, evidence, fixedOptions, cancellationToken)
            : ScoreAnyOrderAsync(rubric, evidence, fixedOptions, cancellationToken);
    }

    private async IAsyncEnumerable<SubjectScore> ScoreGroupedAsync(Rubric rubric, IAsyncEnumerable<EvidenceItem> evidence, ScoringOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new SubjectFingerprints();
        var run = new List<EvidenceItem>();
        string? subject = null;
        long index = 0;
        await foreach (var item in evidence.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var itemSubject = SubjectOf(item, index);
            if (!string.Equals(itemSubject, subject, StringComparison.Ordinal))
            {
                if (subject is not null)
                {
                    yield return Score(rubric, subject, new ReadOnlyMemory<EvidenceItem>([.. run]), options);
                    cancellationToken.ThrowIfCancellationRequested();   // before the source is asked for more
                    run.Clear();
                }

                if (!seen.Add(itemSubject))
                {
                    throw new EvidenceOrderException(index);
                }

                subject = itemSubject;
            }

            run.Add(item);
            index++;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (subject is not null)
        {
            yield return Score(rubric, subject, new ReadOnlyMemory<EvidenceItem>([.. run]), options);
        }
    }

    /// <summary>
    /// Any order: the items go through an <see cref="ExternalSubjectSort"/> (memory bounded by its batch, the rest in
    /// temporary files deleted when the enumeration ends, fails or is cancelled), then each subject is scored in
    /// ordinal subject order.
    /// </summary>
    private async IAsyncEnumerable<SubjectScore> ScoreAnyOrderAsync(Rubric rubric, IAsyncEnumerable<EvidenceItem> evidence, ScoringOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var sort = new ExternalSubjectSort(rubric);
        long index = 0;
        await foreach (var item in evidence.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            _ = SubjectOf(item, index++);
            sort.Add(item);
        }

        foreach (var items in sort.Groups(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Score(rubric, items[0].Subject, new ReadOnlyMemory<EvidenceItem>(items), options);
        }
    }

    /// <summary>An item's subject; an item made with <c>default</c> has none, which is the caller's error (named by index, never by value).</summary>
    private static string SubjectOf(in EvidenceItem item, long index) =>
        item.Subject ?? throw new ArgumentException($"evidence item {index} (0-based) has no subject", nameof(item));
}
