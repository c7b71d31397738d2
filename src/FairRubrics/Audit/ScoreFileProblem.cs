namespace FairRubrics.Audit;

/// <summary>A line of a score-results file that was not audited, and why (never a subject id or value).</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Reason">Why the line was rejected.</param>
public readonly record struct ScoreFileProblem(string File, long Line, string Reason);
