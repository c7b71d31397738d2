using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>Whether a subject or competency got a score.</summary>
public enum ScoreStatus
{
    /// <summary>Scored.</summary>
    Scored = 0,

    /// <summary>Not enough evidence to score (never silently zero).</summary>
    InsufficientEvidence,
}

/// <summary>One path's result for a subject: its level (or none), the evidence that produced it and the rule that fired.</summary>
public readonly struct PathScore
{
    internal PathScore(EvidencePath path, double? level, ArraySegment<EvidenceItem> evidence, string? note)
    {
        Path = path;
        Level = level;
        Evidence = evidence;
        Note = note;
    }

    /// <summary>Gets the path.</summary>
    public EvidencePath Path { get; }

    /// <summary>Gets the path's level, or null when it has none (no evidence is not zero).</summary>
    public double? Level { get; }

    /// <summary>Gets the evidence items that counted for the path.</summary>
    public ArraySegment<EvidenceItem> Evidence { get; }

    /// <summary>Gets the rule's note (e.g. "1 rating(s), 2 needed"), or null.</summary>
    public string? Note { get; }

    /// <summary>Gets the name of the rule that scored the path.</summary>
    public string Rule => Path.Score.Rule;
}

/// <summary>One competency's result for a subject: level, winning path and every path's result.</summary>
public readonly struct CompetencyScore
{
    internal CompetencyScore(Competency competency, double? level, int winningPath, ArraySegment<PathScore> paths)
    {
        Competency = competency;
        Level = level;
        WinningPathIndex = winningPath;
        Paths = paths;
    }

    /// <summary>Gets the competency.</summary>
    public Competency Competency { get; }

    /// <summary>Gets the status: insufficient evidence when no path has a level.</summary>
    public ScoreStatus Status => Level is null ? ScoreStatus.InsufficientEvidence : ScoreStatus.Scored;

    /// <summary>Gets the competency level, or null when no path has a level.</summary>
    public double? Level { get; }

    /// <summary>Gets the index (in <see cref="Paths"/>) of the path that decided a <c>best-of</c> level (the first of equal highest levels), or -1.</summary>
    public int WinningPathIndex { get; }

    /// <summary>Gets the winning path under <c>best-of</c>; for <c>mean</c> and <c>weighted-mean</c> the highest-scoring path; null without a level.</summary>
    public EvidencePath? WinningPath => WinningPathIndex >= 0 ? Paths[WinningPathIndex].Path : null;

    /// <summary>Gets every path's result, in the rubric's order.</summary>
    public ArraySegment<PathScore> Paths { get; }
}

/// <summary>An evidence item that did not count, and why: rejected (invalid for this rubric) or unmatched (valid, but nothing counts it).</summary>
/// <param name="Item">The item.</param>
/// <param name="Rejected">True when the item is invalid for the rubric (unknown competency, rating off the scale…); false when it is valid but no path counts it.</param>
/// <param name="Reason">Why.</param>
public sealed record EvidenceIssue(EvidenceItem Item, bool Rejected, string Reason);

/// <summary>
/// A subject's explained score against one rubric: status, overall score and band, every competency and path
/// with the evidence behind it, and the rubric's id, version and content hash.
/// </summary>
public sealed class SubjectScore
{
    internal SubjectScore(string subject, Rubric rubric, DateOnly asOf, ScoreStatus status, double? overall, string? band, CompetencyScore[] competencies, IReadOnlyList<EvidenceIssue> issues, int usedItems)
    {
        Subject = subject;
        Rubric = rubric;
        AsOf = asOf;
        Status = status;
        Overall = overall;
        Band = band;
        Competencies = competencies;
        Issues = issues;
        UsedItems = usedItems;
    }

    /// <summary>Gets the subject id.</summary>
    public string Subject { get; }

    /// <summary>Gets the rubric (id, version and <see cref="Rubric.ContentHash"/> identify the exact text).</summary>
    public Rubric Rubric { get; }

    /// <summary>Gets the scoring date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the status.</summary>
    public ScoreStatus Status { get; }

    /// <summary>Gets the overall score (weighted mean of competency levels), or null for insufficient evidence.</summary>
    public double? Overall { get; }

    /// <summary>Gets the band label, or null (no bands, insufficient evidence, or below every band).</summary>
    public string? Band { get; }

    /// <summary>Gets the competency results in the rubric's order.</summary>
    public IReadOnlyList<CompetencyScore> Competencies { get; }

    /// <summary>Gets the subject's items that did not count, with reasons.</summary>
    public IReadOnlyList<EvidenceIssue> Issues { get; }

    /// <summary>Gets how many of the subject's items counted for at least one path.</summary>
    public int UsedItems { get; }

    /// <summary>Gets a value indicating whether the overall band is one of the rubric's favourable bands.</summary>
    public bool IsFavourable => Band is not null && Rubric.Favourable.Contains(Band, StringComparer.Ordinal);

    /// <summary>Renders the result for a reader: overall, then per competency its level, winning path and the evidence behind it.</summary>
    /// <returns>Plain text, culture-invariant.</returns>
    public override string ToString() => ScoreText.Render(this);
}
