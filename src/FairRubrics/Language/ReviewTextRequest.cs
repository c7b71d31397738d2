using FairRubrics.Audit;
using FairRubrics.Scoring;

namespace FairRubrics.Language;

/// <summary>
/// What <see cref="IReviewTextRunner.RunAsync"/> checks: comments as a file (<see cref="CommentsPath"/>) or a stream
/// (<see cref="Comments"/> with <see cref="CommentsFormat"/>) with a <c>comment</c> column and optional <c>subject</c>
/// and <c>reviewer</c> columns, and optionally an attributes table for FR304.
/// </summary>
public sealed record ReviewTextRequest
{
    /// <summary>The comments file (.csv, .jsonl, .ndjson or .json); used when <see cref="Comments"/> is null, and named in messages.</summary>
    public string? CommentsPath { get; init; }

    /// <summary>The comments as a stream, read from its current position and left open.</summary>
    public Stream? Comments { get; init; }

    /// <summary>The format of <see cref="Comments"/>; with <see cref="CommentsPath"/> the file's extension decides.</summary>
    public EvidenceFormat CommentsFormat { get; init; } = EvidenceFormat.Csv;

    /// <summary>The attributes CSV (<c>subject</c> and one column per attribute); used when <see cref="Attributes"/> is null.</summary>
    public string? AttributesPath { get; init; }

    /// <summary>The attributes CSV as a stream, read whole before the comments and left open.</summary>
    public Stream? Attributes { get; init; }

    /// <summary>The attributes to analyse (matched ignoring case); null for every column of the attributes table.</summary>
    public IReadOnlyList<string>? By { get; init; }

    /// <summary>Also analyse the intersection of the attributes.</summary>
    public bool Intersect { get; init; }

    /// <summary>Smallest reported group, in people reviewed. Default 5; at least 3 (smaller groups could identify people).</summary>
    public int MinGroupSize { get; init; } = 5;

    /// <summary>
    /// Told each finding as its comment is checked, in file order; the findings are then not kept in
    /// <see cref="ReviewTextRunResult.Findings"/>, so memory does not grow with the file.
    /// </summary>
    public Action<ReviewTextRowFinding>? Finding { get; init; }

    /// <summary>Keep every rejected row in <see cref="ReviewTextRunResult.Rejections"/>, not only the first examples.</summary>
    public bool KeepAllRejections { get; init; }

    /// <summary>Told the name of each column of the comments that is not read.</summary>
    public Action<string>? IgnoredColumn { get; init; }

    /// <summary>Told the attributes table once it is read, before the first comment (e.g. to report its unusable rows).</summary>
    public Action<AttributeTable>? AttributesRead { get; init; }

    /// <summary>Told the position in the comments as rows are read.</summary>
    public IProgress<long>? Progress { get; init; }
}

/// <summary>A finding of one comment, with the comment's row (1-based, header not counted) and the file line where the row starts.</summary>
/// <param name="Row">The row.</param>
/// <param name="Line">The file line where the row starts.</param>
/// <param name="Finding">The finding.</param>
public sealed record ReviewTextRowFinding(long Row, long Line, ReviewTextFinding Finding);
