using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Pages;

/// <summary>
/// What <see cref="IStatementRunner.RunAsync"/> writes a statement from: the rubric, the person, where their evidence is
/// (a file or a stream that may hold many people's evidence; only <see cref="Subject"/>'s rows are kept) and the page.
/// </summary>
/// <param name="Rubric">The rubric the person is assessed against.</param>
/// <param name="Subject">The person the statement is for: their subject id in the evidence (compared ordinally).</param>
public sealed record StatementRequest(Rubric Rubric, string Subject)
{
    /// <summary>The evidence file (.csv, .jsonl, .ndjson or .json); used when <see cref="Evidence"/> is null.</summary>
    public string? EvidencePath { get; init; }

    /// <summary>The evidence as a stream in <see cref="Format"/>; read to its end, not disposed.</summary>
    public Stream? Evidence { get; init; }

    /// <summary>The format of <see cref="Evidence"/>; with <see cref="EvidencePath"/> the file's extension decides.</summary>
    public EvidenceFormat Format { get; init; } = EvidenceFormat.Csv;

    /// <summary>Assessment date: evidence after it or outside the rubric's window does not count. Default: today (UTC).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The page's format, texts and locale; default an English HTML page.</summary>
    public PageOptions? Page { get; init; }

    /// <summary>Told the name of each field of the evidence that is not an evidence field and is not read.</summary>
    public Action<string>? IgnoredField { get; init; }
}
