using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Pages;

/// <summary>
/// Writes pages for the people assessed, in plain words (no YAML, ids or check ids): a rubric's page, and one person's
/// statement. Thread-safe; registered by <c>AddFairRubrics()</c>.
/// </summary>
public interface IEmployeePageRenderer
{
    /// <summary>
    /// Writes the page that explains a rubric to the people it assesses: its title and description, the scale, each
    /// competency with every way to show it as an equal alternative (in the rubric's order, never ranked), the level
    /// descriptions of each way, what evidence it counts and over which window, and how competencies combine into the
    /// overall score and band.
    /// </summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="options">Format and texts, or null for English HTML.</param>
    /// <returns>The page: a self-contained HTML document or Markdown.</returns>
    string RenderRubric(Rubric rubric, PageOptions? options = null);

    /// <summary>
    /// Writes one person's statement: band and overall score, each competency's level and the way it came through, the
    /// evidence that counted (by id and date) and what did not count and why, and the routes to each next level
    /// (<see cref="Guidance.IGuidanceAdvisor"/>). Only the score's own subject appears: items of anyone else in the
    /// score's issues are left out, and raters are never named.
    /// </summary>
    /// <param name="score">The person's score from <see cref="IRubricScorer"/>.</param>
    /// <param name="options">Format and texts, or null for English HTML.</param>
    /// <returns>The page.</returns>
    string RenderStatement(SubjectScore score, PageOptions? options = null);
}

/// <summary>How a page for the people assessed is written.</summary>
public sealed record PageOptions
{
    /// <summary>Gets the format (default <see cref="PageFormat.Html"/>).</summary>
    public PageFormat Format { get; init; } = PageFormat.Html;

    /// <summary>Gets the built-in texts and so the page's language; default null: <see cref="PageTexts.English"/>. See <see cref="PageTexts.ForLocale"/>.</summary>
    public PageTexts? Texts { get; init; }

    /// <summary>
    /// Gets the locale the rubric's own texts (titles, descriptions, anchors, scale and band labels) are shown in, e.g.
    /// <c>de</c> or <c>de-AT</c>; a text not written in it is shown in the rubric's <see cref="Rubric.Locale"/> (see
    /// <see cref="Rubric.MissingTranslations"/>). Default null: the locale of <see cref="Texts"/>.
    /// </summary>
    public string? Locale { get; init; }
}

/// <summary>The format of a page for the people assessed.</summary>
public enum PageFormat
{
    /// <summary>One self-contained HTML page (no scripts, fonts or network), readable from 320 px wide, with a print style sheet.</summary>
    Html = 0,

    /// <summary>Markdown (CommonMark with GitHub's extensions); text from rubrics and evidence is escaped, never markup.</summary>
    Markdown,
}
