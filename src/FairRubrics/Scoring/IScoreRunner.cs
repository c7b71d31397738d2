namespace FairRubrics.Scoring;

/// <summary>
/// Scores a whole evidence file or stream to JSON Lines, as <c>fairrubrics score</c> does: evidence sorted by subject
/// is scored in one streaming pass (memory holds one subject's rows); otherwise the pass's output is taken back and
/// the evidence is read again through an external sort in bounded memory, giving the same bytes. Registered by
/// <c>AddFairRubrics()</c>; thread-safe (each run has its own state).
/// </summary>
public interface IScoreRunner
{
    /// <summary>
    /// Scores <paramref name="request"/>'s evidence and writes one JSON object per subject, subjects in ordinal order,
    /// to <paramref name="output"/> (UTF-8, from its current position, left open). <paramref name="output"/> must be
    /// seekable: when the evidence is not sorted, what the first pass wrote is truncated away.
    /// </summary>
    /// <param name="request">The rubric, the evidence and the options.</param>
    /// <param name="output">Where the JSON lines go.</param>
    /// <param name="cancellationToken">Stops the run between rows; temporary sort files are removed.</param>
    /// <returns>The counts and the rejections of the run.</returns>
    /// <exception cref="Evidence.EvidenceFormatException">The evidence cannot be read (its message names the line).</exception>
    /// <exception cref="FairRubricsException">The evidence is not sorted and its stream cannot be read again.</exception>
    Task<ScoreRunResult> RunAsync(ScoreRequest request, Stream output, CancellationToken cancellationToken = default);
}
