using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Model;
using FairRubrics.Pages;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Pages;

public sealed class StatementPageTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly RubricScorer Scorer = new();
    private static readonly EmployeePageRenderer Renderer = new();

    [Fact]
    public void Statement_ShowsBandOverallEachLevelAndTheWayItCameThrough()
    {
        var (rubric, score) = ScoreOf("alice", Evidence());

        var page = Text(Renderer.RenderStatement(score, null));

        page.Should().Contain("For alice, as of 2026-06-30.")
            .And.Contain($"Overall score: {ScoreText.FormatNumber(score.Overall!.Value)} on a scale from 1 to 5.")
            .And.Contain($"Band: {score.Band}.");
        var relationships = score.Competencies[0];
        page.Should().Contain($"Your level came through: {relationships.WinningPath!.Title}.");
        page.Should().Contain("Your level on this way: 2 (Developing).", "two mentoring sessions and one cross-team help reach level 2 on Helps others succeed");
        foreach (var path in rubric.Competencies.SelectMany(c => c.Paths))
        {
            page.Should().Contain(path.Title, "every way is shown, with or without evidence");
        }
    }

    [Fact]
    public void Statement_ListsTheEvidenceThatCountedByIdAndDate()
    {
        var (_, score) = ScoreOf("alice", Evidence());

        var page = Text(Renderer.RenderStatement(score));

        page.Should().Contain("A-1, 2026-03-01: mentoring session held")
            .And.Contain("A-3, 2026-04-01: time helping another team")
            .And.Contain("A-4, 2026-05-02: talks given (counts 3)")
            .And.Contain("A-5, 2026-02-10: a rating of 4 from a manager")
            .And.Contain("A-6, 2026-02-11: a rating of 3 from a peer");
    }

    [Fact]
    public void Statement_SaysWhichEvidenceDidNotCountAndWhy()
    {
        var (_, score) = ScoreOf("alice", Evidence());

        var page = Text(Renderer.RenderStatement(score));

        page.Should().Contain("A-7, 2024-01-01: talk given. Why: it is older than the evidence that counts, which starts on 2025-06-30.")
            .And.Contain("A-8, 2026-08-01: mentoring session held. Why: it is dated after the assessment date, 2026-06-30.")
            .And.Contain("A-9, 2026-03-03: linkedin connection. Why: nothing in this rubric counts linkedin connection.")
            .And.Contain("A-10, 2026-03-04: a rating of 4 from yourself. Why: Delivers planned outcomes does not count ratings from yourself.")
            .And.Contain("A-11, 2026-03-05: a rating of 9 from a manager. Why: the rating 9 is not on the scale from 1 to 5.");
    }

    [Fact]
    public void Statement_ShowsOnlyThatSubjectAndNeverARater()
    {
        var items = Evidence().Concat(
        [
            new EvidenceItem("bob", "mentoring", Date: new(2026, 3, 1), Id: "BOB-SECRET-1"),
            new EvidenceItem("bob", "rating", "delivery", "outcomes", 1, RaterSource.Manager, "R-BOB", new(2026, 3, 1), "BOB-SECRET-2"),
        ]).ToArray();
        var rubric = RubricPageTests.Load("professional-relationships.yaml");

        var score = Scorer.Score(rubric, "alice", items, new ScoringOptions { AsOf = AsOf });
        score.Issues.Should().Contain(i => i.Kind == EvidenceIssueKind.OtherSubject, "the scorer reports the other person's items");

        foreach (var format in new[] { PageFormat.Html, PageFormat.Markdown })
        {
            var page = Renderer.RenderStatement(score, new PageOptions { Format = format });
            page.Should().NotContain("bob").And.NotContain("BOB-SECRET").And.NotContain("R-BOB");
            page.Should().NotContain("M-77").And.NotContain("P-12", "raters are never named");
            page.Should().NotContain("belongs to another");
            RubricPageTests.Text(page, format).Should().NotContain("{").And.NotContain("}", "every placeholder is filled");
        }
    }

    [Fact]
    public void Statement_ShowsTheRoutesToTheNextLevelFromGuidance()
    {
        var (rubric, score) = ScoreOf("alice", Evidence());
        var guidance = new GuidanceAdvisor().Advise(score);

        var page = Text(Renderer.RenderStatement(score));

        page.Should().Contain("Your next steps");
        foreach (var competency in guidance.Competencies)
        {
            page.Should().Contain($"To reach {competency.TargetLevel} ({competency.TargetLabel}) in {competency.Competency.Title}");
            foreach (var route in competency.Routes)
            {
                page.Should().Contain($"{route.Path.Title}: {route.Text}.");
            }
        }

        var relationships = guidance.Competencies.Single(c => c.Competency.Id == "relationships");
        relationships.Routes.Should().HaveCount(rubric.Competencies[0].Paths.Count, "every way to the next level is offered");
        page.Should().Contain("Any one of these is enough:");
    }

    [Fact]
    public void Statement_WithoutEvidenceSaysSoForEveryCompetency()
    {
        var (rubric, score) = ScoreOf("nobody", []);

        var page = Text(Renderer.RenderStatement(score));

        page.Should().Contain("There is no overall result yet: there is no evidence for any competency.")
            .And.Contain("All of your evidence counted.");
        CountOf(page, "No level yet: there is no counted evidence on any way of showing it.").Should().Be(rubric.Competencies.Count);
        CountOf(page, "No evidence counted for this way.").Should().Be(rubric.Competencies.Sum(c => c.Paths.Count));
    }

    [Fact]
    public void Statement_SaysWhyAWayWithEvidenceHasNoLevelYet()
    {
        var (_, score) = ScoreOf("carol",
        [
            new EvidenceItem("carol", "rating", "delivery", "outcomes", 4, RaterSource.Manager, "M-1", new(2026, 5, 1), "C-1"),
        ]);

        var page = Text(Renderer.RenderStatement(score));

        page.Should().Contain("A level needs at least 2 ratings; 1 counted so far.");
    }

    [Fact]
    public void Statement_EncodesTheSubjectAndEvidenceIdsInHtml()
    {
        var (_, score) = ScoreOf(HostileSubject, HostileEvidence());

        var html = Renderer.RenderStatement(score);

        html.Should().NotContain("<script>x").And.Contain("&lt;script&gt;x&lt;/script&gt;").And.NotContain("href").And.NotContain("<img");
    }

    [SkippableTheory]
    [MemberData(nameof(RubricPageTests.Renderers), MemberType = typeof(RubricPageTests))]
    public void Statement_MarkdownShowsTheSubjectAndIdsAsWrittenAndNeverAsALink(string renderer)
    {
        var (_, score) = ScoreOf(HostileSubject, HostileEvidence());

        var html = GfmRenderers.Render(renderer, Renderer.RenderStatement(score, new PageOptions { Format = PageFormat.Markdown }));

        GfmRenderers.Links(html).Should().BeEmpty(html);
        html.Should().NotContainAny(["<script", "<img", "<em>", "<del>"]);
        var text = GfmRenderers.VisibleText(html);
        text.Should().Contain(HostileSubject);
        foreach (var item in HostileEvidence())
        {
            text.Should().Contain(item.Id!, "the id is shown as written");
        }
    }

    private const string HostileSubject = "<script>x</script> phish@evil.example.com";

    private static EvidenceItem[] HostileEvidence() =>
    [
        new(HostileSubject, "talk", Date: new(2026, 5, 1), Id: "[id](javascript:alert(1))"),
        new(HostileSubject, "doc", Date: new(2026, 5, 2), Id: "www.evil-example.com"),
        new(HostileSubject, "linkedin-connection", Date: new(2026, 5, 3), Id: "![p](http://evil.example/p.png)"),
    ];

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Statement_IsTheSameUnderAnyCulture(string culture)
    {
        var (_, score) = ScoreOf("alice", Evidence());
        var invariant = Renderer.RenderStatement(score);

        using var scope = new CultureScope(culture);

        Renderer.RenderStatement(score).Should().Be(invariant);
    }

    [Fact]
    public void AddFairRubrics_RegistersThePageRendererWithTheHostsPhrases()
    {
        var phrases = EvidencePhrases.Create([new("talk", new EvidencePhrase("give 1 more talk", "give {n} more talks", "keynote", "keynotes"))]);
        using var provider = new ServiceCollection().AddFairRubrics(o => o.Guidance.Phrases = phrases).Services.BuildServiceProvider();

        var renderer = provider.GetRequiredService<IEmployeePageRenderer>();
        var (_, score) = ScoreOf("alice", Evidence());

        renderer.Should().BeSameAs(provider.GetRequiredService<IEmployeePageRenderer>());
        Text(renderer.RenderStatement(score)).Should().Contain("A-4, 2026-05-02: keynotes (counts 3)");
    }

    /// <summary>Alice's evidence against professional-relationships (window 12 months), with items that do not count.</summary>
    internal static EvidenceItem[] Evidence() =>
    [
        new("alice", "mentoring", Date: new(2026, 3, 1), Id: "A-1"),
        new("alice", "mentoring", Date: new(2026, 3, 2), Id: "A-2"),
        new("alice", "cross-team-help", Date: new(2026, 4, 1), Id: "A-3"),
        new("alice", "talk", Value: 3, Date: new(2026, 5, 2), Id: "A-4"),
        new("alice", "rating", "delivery", "outcomes", 4, RaterSource.Manager, "M-77", new(2026, 2, 10), "A-5"),
        new("alice", "rating", "delivery", "outcomes", 3, RaterSource.Peer, "P-12", new(2026, 2, 11), "A-6"),
        new("alice", "talk", Date: new(2024, 1, 1), Id: "A-7"),
        new("alice", "mentoring", Date: new(2026, 8, 1), Id: "A-8"),
        new("alice", "linkedin-connection", Date: new(2026, 3, 3), Id: "A-9"),
        new("alice", "rating", "delivery", "outcomes", 4, RaterSource.Self, "alice", new(2026, 3, 4), "A-10"),
        new("alice", "rating", "delivery", "outcomes", 9, RaterSource.Manager, "M-77", new(2026, 3, 5), "A-11"),
    ];

    internal static (Rubric Rubric, SubjectScore Score) ScoreOf(string subject, EvidenceItem[] items)
    {
        var rubric = RubricPageTests.Load("professional-relationships.yaml");
        return (rubric, Scorer.Score(rubric, subject, items, new ScoringOptions { AsOf = AsOf }));
    }

    private static string Text(string html) => RubricPageTests.Text(html, PageFormat.Html);

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
