using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>
/// What <see cref="IScoreRunner.RunAsync"/> scores: a loaded rubric and an evidence file (<see cref="EvidencePath"/>) or
/// stream (<see cref="Evidence"/> with <see cref="Format"/>), written as JSON Lines, one subject a line, as
/// <c>fairrubrics score</c> writes them.
/// </summary>
/// <param name="Rubric">The rubric to score against.</param>
public sealed record ScoreRequest(Rubric Rubric)
{
    /// <summary>The evidence file (.csv, .jsonl, .ndjson or .json); used when <see cref="Evidence"/> is null.</summary>
    public string? EvidencePath { get; init; }

    /// <summary>
    /// The evidence as a stream, read from its current position and left open. When the evidence turns out not to be
    /// sorted by subject the stream is read a second time, so it must then be seekable.
    /// </summary>
    public Stream? Evidence { get; init; }

    /// <summary>The format of <see cref="Evidence"/>; with <see cref="EvidencePath"/> the file's extension decides.</summary>
    public EvidenceFormat Format { get; init; } = EvidenceFormat.Csv;

    /// <summary>Scoring date: evidence after it or outside the rubric's window does not count. Default: today (UTC).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Add explanations: rule, evidence ids and counts per path, the text, and unused evidence.</summary>
    public bool Explain { get; init; }

    /// <summary>Add development guidance (routes to each competency's next level) under <c>guidance</c>.</summary>
    public bool Guidance { get; init; }

    /// <summary>With <see cref="Guidance"/>: the phrases that word evidence types; default the registered advisor's.</summary>
    public EvidencePhrases? Phrases { get; init; }

    /// <summary>
    /// With <see cref="Guidance"/>: the texts the guidance is worded in, e.g. <c>PageTexts.ForLocale("de")</c>
    /// (<see cref="IGuidanceAdvisor.Advise(SubjectScore, Pages.PageTexts)"/>); null: English. The JSON field names stay as they are.
    /// </summary>
    public Pages.PageTexts? Texts { get; init; }

    /// <summary>Keep every rejection in <see cref="ScoreRunResult.Rejections"/>, not only the first examples.</summary>
    public bool KeepAllRejections { get; init; }

    /// <summary>The line ending written after each JSON line; default <c>"\n"</c>.</summary>
    public string NewLine { get; init; } = "\n";

    /// <summary>Told the name of each field of the evidence that is not an evidence field and is not read.</summary>
    public Action<string>? IgnoredField { get; init; }

    /// <summary>Told the position in <see cref="Evidence"/> (or the file) as rows are read in the first pass.</summary>
    public IProgress<long>? Progress { get; init; }
}

/// <summary>The format of an evidence stream.</summary>
public enum EvidenceFormat
{
    /// <summary>CSV with a header row.</summary>
    Csv,

    /// <summary>JSON Lines: one evidence object a line.</summary>
    JsonLines,
}
