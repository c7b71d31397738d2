using FairRubrics.Checks;

namespace FairRubrics.Language;

/// <summary>
/// Checks reviewers' comments: gender-coded words (FR301), personality rather than behaviour (FR302) and vague
/// feedback (FR303) in one comment — fast enough to run on every keystroke — and, over a population, whether
/// some group receives more of them or shorter comments (FR304). Implementations are immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var checker = services.GetRequiredService&lt;IReviewTextChecker&gt;();   // or ReviewTextChecker.Create()
/// foreach (var finding in checker.Check("She is abrasive and too emotional.").Findings)
/// {
///     Console.WriteLine(finding);   // warning FR302: 'abrasive' and 'emotional' (Snyder 2014) describe personality …
/// }
/// </code>
/// </example>
public interface IReviewTextChecker
{
    /// <summary>Gets the descriptors of FR301–FR304 (id, title, default severity, help page).</summary>
    IReadOnlyList<CheckDescriptor> Descriptors { get; }

    /// <summary>
    /// Checks one comment. A comment with no finding costs no allocation beyond the result itself; the findings
    /// name the words (with their positions) and say what to write instead.
    /// </summary>
    /// <param name="comment">The comment as written (any length; an empty comment is vague feedback).</param>
    /// <returns>The findings and the counts for population analyses.</returns>
    ReviewTextResult Check(string comment);

    /// <summary>
    /// Computes FR304 over accumulated comments: per group, the rates of comments with FR301, FR302 and FR303
    /// findings and the mean length, each compared with the other reported groups, with small groups suppressed
    /// as in the outcome audit.
    /// </summary>
    /// <param name="accumulator">The per-group counts (one population, or merged partitions).</param>
    /// <param name="options">Minimum group size, thresholds and significance level.</param>
    /// <returns>The aggregate report with FR304 findings; it never contains subject ids.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    ReviewTextReport Report(ReviewTextAccumulator accumulator, ReviewTextAuditOptions options);
}
