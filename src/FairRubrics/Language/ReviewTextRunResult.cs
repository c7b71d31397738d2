using FairRubrics.Checks;
using FairRubrics.Evidence;

namespace FairRubrics.Language;

/// <summary>
/// The outcome of a <see cref="IReviewTextRunner.RunAsync"/> run. The counts reconcile: every row read is
/// <see cref="Checked"/> or <see cref="RejectedRows">rejected</see>, and every comment checked is with or without findings.
/// </summary>
public sealed class ReviewTextRunResult
{
    internal ReviewTextRunResult(long read, long withFindings, IReadOnlyList<ReviewTextRowFinding> findings, IReadOnlyList<ReviewCommentRow> rejectedRows, RejectionSummary rejections, ReviewTextReport? report, ReviewTextPopulation? population, IReadOnlyDictionary<string, CheckDescriptor> descriptors, (IReadOnlyList<string> Ids, int Errors, int Warnings, int Infos) tally)
    {
        Read = read;
        WithFindings = withFindings;
        Findings = findings;
        RejectedRows = rejectedRows;
        Rejections = rejections;
        Report = report;
        Population = population;
        Descriptors = descriptors;
        (FindingIds, Errors, Warnings, Infos) = tally;
    }

    /// <summary>Gets the rows read.</summary>
    public long Read { get; }

    /// <summary>Gets the comments checked (rows read less rows rejected).</summary>
    public long Checked => Read - RejectedRows.Count;

    /// <summary>Gets the comments with at least one finding.</summary>
    public long WithFindings { get; }

    /// <summary>Gets the findings of the comments, in file order; empty when they went to <see cref="ReviewTextRequest.Finding"/>.</summary>
    public IReadOnlyList<ReviewTextRowFinding> Findings { get; }

    /// <summary>Gets the rows that are not comments (no comment, bad row), with line and reason; never a value.</summary>
    public IReadOnlyList<ReviewCommentRow> RejectedRows { get; }

    /// <summary>Gets the rejected rows by reason, with examples (all with <see cref="ReviewTextRequest.KeepAllRejections"/>).</summary>
    public RejectionSummary Rejections { get; }

    /// <summary>Gets the comparison of groups (FR304) when an attributes table was given.</summary>
    public ReviewTextReport? Report { get; }

    /// <summary>Gets how the comments matched the attributes table, when one was given.</summary>
    public ReviewTextPopulation? Population { get; }

    /// <summary>Gets the descriptors of the checks' findings, by id.</summary>
    public IReadOnlyDictionary<string, CheckDescriptor> Descriptors { get; }

    /// <summary>Gets the ids of every finding reported (comments and groups), in ordinal order.</summary>
    public IReadOnlyList<string> FindingIds { get; }

    /// <summary>Gets the number of error findings (comments and groups).</summary>
    public int Errors { get; }

    /// <summary>Gets the number of warning findings (comments and groups).</summary>
    public int Warnings { get; }

    /// <summary>Gets the number of info findings (comments and groups).</summary>
    public int Infos { get; }
}

/// <summary>How the comments of a run matched the attributes table.</summary>
/// <param name="SubjectRows">Subjects with a row in the attributes table.</param>
/// <param name="WithoutComment">Of those, subjects no comment is about.</param>
/// <param name="CommentsWithoutAttributes">Comments about people without an attributes row (counted as unknown).</param>
/// <param name="CommentsWithoutSubject">Comments without a subject (counted as unknown).</param>
public sealed record ReviewTextPopulation(long SubjectRows, long WithoutComment, long CommentsWithoutAttributes, long CommentsWithoutSubject);
