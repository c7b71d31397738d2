using FairRubrics.Audit;
using FairRubrics.Comparison;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Demo;

/// <summary>The outcome of <see cref="IDemoRunner.RunAsync"/>: each rubric's figures, the comparison and the report's files.</summary>
public sealed class DemoRunResult
{
    internal DemoRunResult(DemoRubricRun legacy, DemoRubricRun rubric, RubricComparison comparison, long evidenceRows, IReadOnlyList<DemoFile> files)
    {
        Legacy = legacy;
        Rubric = rubric;
        Comparison = comparison;
        EvidenceRows = evidenceRows;
        Files = files;
    }

    /// <summary>Gets the contact-counting rubric's run.</summary>
    public DemoRubricRun Legacy { get; }

    /// <summary>Gets the alternative-path rubric's run.</summary>
    public DemoRubricRun Rubric { get; }

    /// <summary>Gets what moving from the legacy rubric to the alternative-path one does to the same people.</summary>
    public RubricComparison Comparison { get; }

    /// <summary>Gets the evidence rows read (scored with both rubrics).</summary>
    public long EvidenceRows { get; }

    /// <summary>
    /// Gets the files of the report, by path relative to its folder (with <c>/</c>): <c>report.html</c>, the scores
    /// (JSON Lines) and audits (JSON) of each rubric, <c>compare.json</c>, the inputs and the pages under <c>pages/</c>.
    /// </summary>
    public IReadOnlyList<DemoFile> Files { get; }

    /// <summary>The path of the report among <see cref="Files"/>.</summary>
    public const string ReportPath = "report.html";
}

/// <summary>One rubric's part of the demo.</summary>
/// <param name="Rubric">The rubric.</param>
/// <param name="Findings">Its design findings.</param>
/// <param name="Scores">Everyone's score.</param>
/// <param name="Used">Evidence items that counted towards a score.</param>
/// <param name="Rejected">Evidence items rejected while scoring.</param>
/// <param name="Unmatched">Evidence items no path counts.</param>
/// <param name="Audit">The audit of the outcomes by gender (favourable: the rubric's own bands).</param>
public sealed record DemoRubricRun(Rubric Rubric, IReadOnlyList<Diagnostic> Findings, IReadOnlyList<SubjectScore> Scores, long Used, long Rejected, long Unmatched, AuditReport Audit)
{
    /// <summary>The impact ratio of a group of the single-attribute analysis of <paramref name="attribute"/>, or null when it has none (e.g. suppressed).</summary>
    /// <param name="attribute">The attribute, e.g. <c>gender</c>.</param>
    /// <param name="value">The group's value, e.g. <c>female</c>.</param>
    /// <returns>The ratio.</returns>
    public double? ImpactRatio(string attribute, string value) => DemoReport.Group(Audit, attribute, value)?.ImpactRatio;
}

/// <summary>A file of the demo's report: its path relative to the report's folder (with <c>/</c>) and its bytes.</summary>
/// <param name="Path">The relative path.</param>
/// <param name="Content">The bytes (text as UTF-8 without a byte-order mark).</param>
public sealed record DemoFile(string Path, ReadOnlyMemory<byte> Content);
