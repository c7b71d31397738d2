namespace FairRubrics.Model;

/// <summary>A suppressed finding, written in the rubric's <c>checks.suppress</c> list or in a disable comment.</summary>
/// <param name="Id">The check id, e.g. <c>FR104</c>.</param>
/// <param name="At">The dotted path of the node it applies to (e.g. <c>competencies.relationships.paths.broad-network</c>), or null for the whole rubric.</param>
/// <param name="Reason">Why it is suppressed (required, so reviewers can judge it).</param>
/// <param name="Location">Where the suppression is written.</param>
public sealed record CheckSuppression(string Id, string? At, string Reason, SourceLocation Location);

/// <summary>
/// A <c># fairrubrics-disable-next-line FRnnn -- reason</c> comment: suppresses the findings with these ids
/// whose location is on the next non-comment line.
/// </summary>
/// <param name="Ids">The suppressed check ids.</param>
/// <param name="Line">The 1-based line the suppression applies to.</param>
/// <param name="Reason">The reason after <c>--</c>, or empty.</param>
/// <param name="Location">Where the comment is.</param>
public sealed record LineSuppression(IReadOnlyList<string> Ids, int Line, string Reason, SourceLocation Location);

/// <summary>A word or phrase that the word-list checks do not report in this rubric (<c>checks.allow</c>).</summary>
/// <param name="Word">The word or phrase, e.g. <c>assertive</c>.</param>
/// <param name="Reason">Why it is fine in this rubric (required, so reviewers can judge it).</param>
/// <param name="Location">Where it is written.</param>
public sealed record AllowedWord(string Word, string Reason, SourceLocation Location);

/// <summary>Bias-check settings of a rubric: suppressions, per-id severities and allowed words.</summary>
public sealed class CheckSettings
{
    internal CheckSettings(
        IReadOnlyList<CheckSuppression> suppressions,
        IReadOnlyDictionary<string, DiagnosticSeverity?> severities,
        IReadOnlyList<LineSuppression> lineSuppressions,
        IReadOnlyList<AllowedWord>? allowedWords = null)
    {
        Suppressions = suppressions;
        Severities = severities;
        LineSuppressions = lineSuppressions;
        AllowedWords = allowedWords ?? [];
    }

    /// <summary>Gets settings with nothing suppressed and default severities.</summary>
    public static CheckSettings Empty { get; } = new([], new Dictionary<string, DiagnosticSeverity?>(), []);

    /// <summary>Gets the suppressions written in <c>checks.suppress</c>.</summary>
    public IReadOnlyList<CheckSuppression> Suppressions { get; }

    /// <summary>Gets severities configured per check id; a null value switches the check off (<c>none</c>).</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severities { get; }

    /// <summary>Gets the <c># fairrubrics-disable-next-line</c> comments of the file.</summary>
    public IReadOnlyList<LineSuppression> LineSuppressions { get; }

    /// <summary>Gets the words and phrases written in <c>checks.allow</c>, which the word-list checks do not report.</summary>
    public IReadOnlyList<AllowedWord> AllowedWords { get; }
}
