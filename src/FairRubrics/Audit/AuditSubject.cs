namespace FairRubrics.Audit;

/// <summary>One competency of a score result, as the audit needs it.</summary>
/// <param name="Id">The competency id.</param>
/// <param name="Level">The level, or null for insufficient evidence.</param>
/// <param name="WinningPath">The path that decided the level, or null.</param>
public readonly record struct AuditCompetency(string Id, double? Level, string? WinningPath);

/// <summary>
/// One subject's score result, as the audit reads it (from <c>fairrubrics score</c> output or a
/// <see cref="Scoring.SubjectScore"/>). Carries no protected attributes: the audit joins them in by subject id
/// and keeps only per-group aggregates.
/// </summary>
/// <param name="Subject">The subject id (used only to join attributes; never stored or reported).</param>
/// <param name="Scored">Whether the status is <c>scored</c>.</param>
/// <param name="Overall">The overall score, or null.</param>
/// <param name="Band">The band, or null.</param>
/// <param name="Competencies">The competencies in the rubric's order.</param>
/// <param name="Rubric">The rubric id, to check that all results come from one rubric.</param>
public sealed record AuditSubject(string Subject, bool Scored, double? Overall, string? Band, IReadOnlyList<AuditCompetency> Competencies, string? Rubric = null)
{
    /// <summary>Makes the audit's view of a score result.</summary>
    /// <param name="score">The result.</param>
    /// <returns>The audit subject.</returns>
    public static AuditSubject From(Scoring.SubjectScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var competencies = score.Competencies.Select(c => new AuditCompetency(c.Competency.Id, c.Level, c.WinningPath?.Id)).ToArray();
        return new AuditSubject(score.Subject, score.Status == Scoring.ScoreStatus.Scored, score.Overall, score.Band, competencies, score.Rubric.Id);
    }
}

/// <summary>One rating of the evidence, for rater-effect audits (FR206): who rated, whom, and the value.</summary>
/// <param name="Subject">The subject rated (joined with attributes, never reported).</param>
/// <param name="Rater">The rater id.</param>
/// <param name="Value">The rating.</param>
public readonly record struct AuditRating(string Subject, string Rater, double Value);
