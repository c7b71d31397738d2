using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Comparison;

/// <summary>
/// What <see cref="ICompareRunner.RunAsync"/> compares: the rubric in use and the proposed one, scored on the same evidence
/// (a file, <see cref="EvidencePath"/>, or a stream, <see cref="Evidence"/> with <see cref="Format"/>), optionally with an
/// attributes table for the outcomes by group.
/// </summary>
/// <param name="From">The rubric in use.</param>
/// <param name="To">The proposed rubric; evidence is read against it.</param>
public sealed record CompareRequest(Rubric From, Rubric To)
{
    /// <summary>The evidence file (.csv, .jsonl, .ndjson or .json); used when <see cref="Evidence"/> is null, and named in messages.</summary>
    public string? EvidencePath { get; init; }

    /// <summary>The evidence as a stream, read once from its current position and left open.</summary>
    public Stream? Evidence { get; init; }

    /// <summary>The format of <see cref="Evidence"/>; with <see cref="EvidencePath"/> the file's extension decides.</summary>
    public EvidenceFormat Format { get; init; } = EvidenceFormat.Csv;

    /// <summary>The attributes CSV (<c>subject</c> and one column per attribute); used when <see cref="Attributes"/> is null.</summary>
    public string? AttributesPath { get; init; }

    /// <summary>The attributes CSV as a stream, read whole before the evidence and left open.</summary>
    public Stream? Attributes { get; init; }

    /// <summary>The attributes to analyse (matched ignoring case, each once); null for every column of the attributes table.</summary>
    public IReadOnlyList<string>? By { get; init; }

    /// <summary>Also analyse the intersection of the attributes (needs two or more).</summary>
    public bool Intersect { get; init; }

    /// <summary>The favourable bands for both rubrics; empty for each rubric's own.</summary>
    public IReadOnlyList<string> FavourableBands { get; init; } = [];

    /// <summary>Smallest reported group. Default 5.</summary>
    public int MinGroupSize { get; init; } = 5;

    /// <summary>Scoring date: evidence windows end here.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>List every person whose band changes in <see cref="RubricComparison.People"/>.</summary>
    public bool IncludePeople { get; init; }

    /// <summary>Told the name of each field of the evidence that is not an evidence field and is not read.</summary>
    public Action<string>? IgnoredField { get; init; }

    /// <summary>Told each evidence row that is rejected (its row and reason; never a value), in file order.</summary>
    public Action<EvidenceRow>? RowRejected { get; init; }

    /// <summary>Told the attributes table once it is read, before the evidence (e.g. to report its unusable rows).</summary>
    public Action<AttributeTable>? AttributesRead { get; init; }
}

/// <summary>The outcome of a <see cref="ICompareRunner.RunAsync"/> run.</summary>
/// <param name="Comparison">What the change does: band moves, outcomes by group, design findings fixed and introduced.</param>
/// <param name="Rejected">Evidence rows rejected (not scored with either rubric).</param>
public sealed record CompareRunResult(RubricComparison Comparison, long Rejected);
