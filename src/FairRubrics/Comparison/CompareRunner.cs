using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Scoring;

namespace FairRubrics.Comparison;

/// <summary>The <see cref="ICompareRunner"/> registered by <c>AddFairRubrics()</c>: the engine of <c>fairrubrics compare</c>.</summary>
public sealed class CompareRunner : ICompareRunner
{
    private readonly IRubricComparer _comparer;

    /// <summary>Creates the runner.</summary>
    /// <param name="comparer">Compares the rubrics.</param>
    public CompareRunner(IRubricComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        _comparer = comparer;
    }

    /// <inheritdoc />
    public Task<CompareRunResult> RunAsync(CompareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Evidence is null && request.EvidencePath is null)
        {
            throw new ArgumentException("the request has neither an evidence stream nor an evidence path", nameof(request));
        }

        var options = new ComparisonOptions { AsOf = request.AsOf, MinGroupSize = request.MinGroupSize, Intersect = request.Intersect, IncludePeople = request.IncludePeople };
        foreach (var band in request.FavourableBands)
        {
            options.FavourableBands.Add(band);
        }

        var table = request.Attributes is null && request.AttributesPath is null ? null : ReadAttributes(request, options);
        var name = request.EvidencePath ?? "evidence";
        long rejected = 0;
        IEnumerable<EvidenceItem> Items(Stream? input)
        {
            var rows = EvidenceReader.Read(input, request.Format, request.EvidencePath, request.IgnoredField, request.To);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row.IsValid)
                {
                    yield return row.Item.Value;
                }
                else
                {
                    rejected++;
                    request.RowRejected?.Invoke(row);
                }
            }
        }

        try
        {
            var comparison = _comparer.Compare(request.From, request.To, Items(request.Evidence), options, table);
            return Task.FromResult(new CompareRunResult(comparison, rejected));
        }
        catch (EvidenceFormatException ex)
        {
            throw new EvidenceFormatException($"{name}: {ex.Message}", ex);
        }
    }

    private static AttributeTable ReadAttributes(CompareRequest request, ComparisonOptions options)
    {
        var name = request.AttributesPath ?? "attributes";
        var table = AttributeSelection.Read(request.Attributes, request.AttributesPath);
        request.AttributesRead?.Invoke(table);
        foreach (var column in AttributeSelection.Choose(table, request.By, name, rejectTwice: true))
        {
            options.Attributes.Add(column);
        }

        return table;
    }
}
