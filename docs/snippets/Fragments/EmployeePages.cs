using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Pages;
using FairRubrics.Scoring;

namespace Snippets;

public static class EmployeePages
{
    public static void Write(IEmployeePageRenderer pages, IRubricScorer scorer, Rubric rubric, string subject, EvidenceItem[] evidence)
    {
        // begin-snippet: employee-pages
        // The rubric's page for everyone it assesses, and one person's statement, in the language of the built-in
        // texts (English and German are shipped: PageTexts.ForLocale("de")).
        var options = new PageOptions { Format = PageFormat.Html, Texts = PageTexts.ForLocale("en") };
        File.WriteAllText("rubric.html", pages.RenderRubric(rubric, options), Encoding.UTF8);

        // Pass only this person's evidence: the statement shows the score's own subject and nobody else.
        var score = scorer.Score(rubric, subject, evidence, new ScoringOptions { AsOf = new DateOnly(2026, 6, 30) });
        File.WriteAllText("statement.md", pages.RenderStatement(score, options with { Format = PageFormat.Markdown }), Encoding.UTF8);
        // end-snippet
    }
}
