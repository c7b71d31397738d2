using FairRubrics.Guidance;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Pages;

/// <summary>
/// The page renderer: decides what a page says once (in the chosen <see cref="PageTexts"/>) and writes it as HTML or
/// Markdown. Stateless and thread-safe.
/// </summary>
public sealed class EmployeePageRenderer : IEmployeePageRenderer
{
    private readonly IGuidanceAdvisor _advisor;

    /// <summary>Creates a renderer.</summary>
    /// <param name="advisor">The guidance for the routes to the next level in statements; default a <see cref="GuidanceAdvisor"/> with <paramref name="phrases"/>.</param>
    /// <param name="phrases">How evidence types are named; default <see cref="EvidencePhrases.BuiltIn"/>.</param>
    public EmployeePageRenderer(IGuidanceAdvisor? advisor = null, EvidencePhrases? phrases = null)
    {
        Phrases = phrases ?? EvidencePhrases.BuiltIn;
        _advisor = advisor ?? new GuidanceAdvisor(Phrases);
    }

    /// <summary>Gets how evidence types are named on the pages.</summary>
    public EvidencePhrases Phrases { get; }

    /// <inheritdoc/>
    public string RenderRubric(Rubric rubric, PageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        options ??= new PageOptions();
        return Write(RubricPageBuilder.Build(rubric, Wording(options, rubric)), options.Format);
    }

    /// <inheritdoc/>
    public string RenderStatement(SubjectScore score, PageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        options ??= new PageOptions();
        var wording = Wording(options, score.Rubric);
        return Write(StatementPageBuilder.Build(score, options.Texts is null ? _advisor.Advise(score) : _advisor.Advise(score, options.Texts), wording), options.Format);
    }

    private PageWording Wording(PageOptions options, Rubric rubric)
    {
        var texts = options.Texts ?? PageTexts.English;
        var phrases = ReferenceEquals(Phrases, EvidencePhrases.BuiltIn) ? EvidencePhrases.ForLocale(texts.Locale) : Phrases;
        return new(texts, phrases, rubric, options.Locale ?? texts.Locale);
    }

    private static string Write(PageDocument page, PageFormat format) => format switch
    {
        PageFormat.Html => HtmlPageWriter.Write(page),
        PageFormat.Markdown => MarkdownPageWriter.Write(page),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use PageFormat.Html or PageFormat.Markdown."),
    };
}
