using System.Net;
using System.Text.RegularExpressions;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Pages;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Pages;

public sealed partial class RubricPageTests
{
    private static readonly RubricLoader Loader = new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider().GetRequiredService<RubricLoader>();
    private static readonly EmployeePageRenderer Renderer = new();

    public static TheoryData<string> ShippedRubrics()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestRubrics.RepositoryRoot, "rubrics"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        data.Add("../samples/legacy-networking.yaml");
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedRubrics))]
    public void RubricPage_ShowsEveryPathOfEveryCompetencyInTheRubricsOrder(string file)
    {
        var rubric = Load(file);

        foreach (var format in new[] { PageFormat.Html, PageFormat.Markdown })
        {
            var page = Text(Renderer.RenderRubric(rubric, new PageOptions { Format = format }), format);
            var position = 0;
            foreach (var competency in rubric.Competencies)
            {
                position = IndexAfter(page, competency.Title, position, $"{format}: competency '{competency.Title}'");
                foreach (var path in competency.Paths)
                {
                    position = IndexAfter(page, path.Title, position, $"{format}: path '{path.Title}' of '{competency.Title}', in the rubric's order");
                    foreach (var anchor in path.Anchors)
                    {
                        page.Should().Contain(anchor.Text.Trim(), "{0}: every anchor is shown", format);
                    }
                }
            }

            foreach (var level in rubric.Scale.Levels)
            {
                page.Should().Contain(level.Label);
            }

            foreach (var band in rubric.Bands)
            {
                page.Should().Contain(band.Label);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ShippedRubrics))]
    public void RubricPage_ShowsEveryWayOfACompetencyWithTheSameMarkupAndNoRanking(string file)
    {
        var rubric = Load(file);

        var html = Renderer.RenderRubric(rubric);

        var groups = WaysList().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        groups.Should().HaveCount(rubric.Competencies.Count, "every competency lists its ways in one list of equals");
        for (var c = 0; c < groups.Count; c++)
        {
            var ways = WayItem().Matches(groups[c]).Select(m => m.Value).ToList();
            ways.Should().HaveCount(rubric.Competencies[c].Paths.Count);
            ways.Should().OnlyContain(w => WayStart().IsMatch(w), "every way is the same element with the same heading level and no mark of its own");
            Regex.Matches(groups[c], "class=\"(?<c>[^\"]+)\"").Select(m => m.Groups["c"].Value).Distinct().Should().BeSubsetOf(["lead", "note"], "no way is styled apart from the others");
            groups[c].Should().NotContainAny("<ol", "<strong", "<em", "class=\"best", "recommended", "preferred");
        }

        html.Should().NotContain("<script", "the page needs no scripts");
    }

    [Theory]
    [MemberData(nameof(ShippedRubrics))]
    public void RubricPage_LeaksNoIdsYamlKeysRuleNamesOrCheckIds(string file)
    {
        var rubric = Load(file);
        var words = string.Join(' ', new[] { rubric.Title, rubric.Description ?? string.Empty }.Concat(rubric.Competencies.SelectMany(c => new[] { c.Title, c.Description ?? string.Empty }
            .Concat(c.Paths.SelectMany(p => new[] { p.Title, p.Description ?? string.Empty }.Concat(p.Anchors.Select(a => a.Text)))))));
        var ids = rubric.Competencies.Select(c => c.Id).Concat(rubric.Competencies.SelectMany(c => c.Paths.Select(p => p.Id)))
            .Concat(rubric.Competencies.SelectMany(c => c.Paths).SelectMany(p => p.Score.Implementation.OccurrenceTypesOf(p.Score.Settings)))
            .Append(rubric.Id)
            .Where(id => !words.Contains(id, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();

        foreach (var format in new[] { PageFormat.Html, PageFormat.Markdown })
        {
            var page = Text(Renderer.RenderRubric(rubric, new PageOptions { Format = format }), format);
            foreach (var id in ids)
            {
                page.Should().NotContain(id, "{0}: ids are for files, not for people", format);
            }

            page.Should().NotContainAny(
                "fairrubrics:", "rule:", "thresholds", "min-ratings", "missing-evidence", "best-of", "weighted-mean", "aggregate:", "sources:", "combine", "favourable",
                "FR1", "FR2", "FR3", "{", "}", rubric.Source);
            CheckId().IsMatch(page).Should().BeFalse();
        }
    }

    [Fact]
    public void RubricPage_SaysWhatEachRuleCountsAndOverWhichWindow()
    {
        var rubric = Load("professional-relationships.yaml");

        var page = Text(Renderer.RenderRubric(rubric), PageFormat.Html);

        page.Should().Contain("Ratings of this way from your manager, peers or people who report to you.")
            .And.Contain("the middle value of those ratings (the median)")
            .And.Contain("At least 2 ratings are needed for a level.")
            .And.Contain("Each of these counts: talks given, documents written or colleagues' questions answered.")
            .And.Contain("Needs at least 20.")
            .And.Contain("Evidence from the last 12 months before the assessment date counts")
            .And.Contain("Counts for 25% of your overall result.")
            .And.Contain("Exceptional: an overall score of 4.5 or more")
            .And.Contain("Strong: an overall score of 3.5 or more, below 4.5")
            .And.Contain("A competency without evidence is left out of your overall score");
    }

    [Fact]
    public void RubricPage_PresenceMeanAndWeightsAreSaidInPlainWords()
    {
        var rubric = LoadYaml("""
            fairrubrics: 1
            id: mixed
            version: 2.0.0
            title: Mixed
            scale: { 1: Low, 2: Mid, 3: High }
            window: { days: 90 }
            missing-evidence: zero
            competencies:
              - id: craft
                title: Craft
                weight: 3
                combine: weighted-mean
                paths:
                  - id: certified
                    title: Holds a certificate
                    weight: 2
                    score: { rule: presence, of: [certificate], level: 2 }
                  - id: reviews
                    title: Reviews of the work
                    score: { rule: rating, sources: [peer], aggregate: max, min-ratings: 1 }
              - id: care
                title: Care
                paths:
                  - id: only
                    title: Only way
                    score: { rule: rating }
            """);

        var page = Text(Renderer.RenderRubric(rubric), PageFormat.Html);

        page.Should().Contain("Having at least one of these gives level 2: certificate.")
            .And.Contain("Weight in the average: 2.")
            .And.Contain("the weighted average of the levels you reach")
            .And.Contain("the highest of those ratings")
            .And.Contain("One rating is enough for a level.")
            .And.Contain("Ratings of this way from anyone who rates your work.")
            .And.Contain("Evidence from the last 90 days before the assessment date counts")
            .And.Contain("Counts for 75% of your overall result.")
            .And.Contain("A competency without evidence counts as 0")
            .And.Contain("This rubric gives no bands")
            .And.Contain("Gives this level.");
    }

    [Fact]
    public void RubricPage_DescribesAnIntegratorsRuleByItsDescriptionAndTypes()
    {
        using var provider = new ServiceCollection().AddFairRubrics().AddScoringRule<Acme.Scoring.RecentCountRule>().Services.BuildServiceProvider();
        var rubric = provider.GetRequiredService<RubricLoader>().LoadString(TestRubrics.Minimal("""
              - id: sharing
                title: Shares knowledge
                paths:
                  - id: recent
                    title: Recent knowledge sharing
                    score:
                      rule: acme/recent-count
                      of: [talk, doc]
                      half-life-days: 100
                      thresholds: { 1: 1, 2: 2.5, 3: 5 }
            """)).GetRubricOrThrow();

        var page = Text(provider.GetRequiredService<IEmployeePageRenderer>().RenderRubric(rubric), PageFormat.Html);

        page.Should().Contain("Assessed by a rule of your organisation: counts evidence of the listed types, recent items counting more.")
            .And.Contain("It looks at: talks given or documents written.")
            .And.NotContain("acme/recent-count").And.NotContain("half-life");
    }

    [Fact]
    public void RubricPage_HtmlEncodesEveryTextFromTheRubric()
    {
        var rubric = LoadYaml(Hostile);

        var html = Renderer.RenderRubric(rubric);

        html.Should().NotContain("<script").And.NotContain("<img").And.NotContain("<a ").And.NotContain("href=");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        WebUtility.HtmlDecode(html).Should().Contain("[click](javascript:alert(1))");
    }

    public static TheoryData<string> Renderers() => [.. GfmRenderers.Names];

    [SkippableTheory]
    [MemberData(nameof(Renderers))]
    public void RubricPage_MarkdownShowsEveryTextFromTheRubricAsWrittenAndNeverAsALink(string renderer)
    {
        var rubric = LoadYaml(Hostile);

        var html = GfmRenderers.Render(renderer, Renderer.RenderRubric(rubric, new PageOptions { Format = PageFormat.Markdown }));

        GfmRenderers.Links(html).Should().BeEmpty(html);
        html.Should().NotContainAny(["<script", "<img", "<em>", "<del>", "<table", "<code>code"]);
        Regex.Matches(html, "<h1[ >]").Should().HaveCount(1, "text starting with '#' is no heading");
        var text = GfmRenderers.VisibleText(html);
        foreach (var written in new[] { rubric.Title, rubric.Description!.Trim(), rubric.Scale.LabelOf(1), rubric.Scale.LabelOf(2), rubric.Competencies[0].Title, rubric.Competencies[0].Paths[0].Title, rubric.Competencies[0].Paths[0].Anchors[0].Text, rubric.Bands[0].Label })
        {
            text.Should().Contain(GfmRenderers.Collapse(written), "'{0}' is shown as written", written);
        }
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void RubricPage_IsTheSameUnderAnyCulture(string culture)
    {
        var rubric = Load("software-engineer.yaml");
        var invariant = Renderer.RenderRubric(rubric);

        using var scope = new CultureScope(culture);

        Renderer.RenderRubric(rubric).Should().Be(invariant);
        Renderer.RenderRubric(rubric, new PageOptions { Format = PageFormat.Markdown }).Should().NotContain("25,");
    }

    [Fact]
    public void RubricPage_IsAFullAccessibleDocument()
    {
        var html = Renderer.RenderRubric(Load("customer-support.yaml"));

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<html lang=\"en\">").And.Contain("<meta name=\"viewport\"")
            .And.Contain("<main>").And.Contain("<header>").And.Contain("<footer>").And.Contain("@media print").And.Contain("<title>");
        Regex.Matches(html, "<h1[ >]").Should().HaveCount(1);
        html.Should().NotContain("http://").And.NotContain("https://").And.NotContain("<link").And.NotContain("@import", "the page is self-contained");
    }

    internal const string Hostile = """
        fairrubrics: 1
        id: hostile
        version: 1.0.0
        title: "<script>alert(1)</script> [click](javascript:alert(1))"
        description: "https://evil.example/x www.evil.example **bold** ![x](y.png) | a | b | &amp; `code`"
        scale: { 1: "<b>Low</b>", 2: "# High" }
        competencies:
          - id: c
            title: "- not a list"
            paths:
              - id: p
                title: "1. not a list either"
                anchors: { 1: "<img src=x onerror=alert(1)> a@b.example" }
                score: { rule: rating }
        bands:
          - { label: "[Top](http://evil)", min: 1.5 }
        """;

    internal static Rubric Load(string file) => Loader.LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", file)).GetRubricOrThrow();

    internal static Rubric LoadYaml(string yaml) => Loader.LoadString(yaml).GetRubricOrThrow();

    /// <summary>The page as a reader sees it: HTML without tags and with entities decoded; Markdown without escapes.</summary>
    internal static string Text(string page, PageFormat format) => format == PageFormat.Html
        ? WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(page, "<style>.*?</style>", string.Empty, RegexOptions.Singleline), "<[^>]+>", " ")).ReplaceLineEndings(" ")
        : Regex.Replace(page, @"\\(.)", "$1").Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);

    private static int IndexAfter(string text, string value, int start, string because)
    {
        var index = text.IndexOf(value, start, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, because);
        return index + value.Length;
    }

    [GeneratedRegex("<ul class=\"ways\"[^>]*>\n(?<body>.*?</article>\n</li>\n)</ul>", RegexOptions.Singleline)]
    private static partial Regex WaysList();

    [GeneratedRegex("<li><article.*?</article>\n</li>", RegexOptions.Singleline)]
    private static partial Regex WayItem();

    [GeneratedRegex("^<li><article aria-labelledby=\"s\\d+\">\n<h4 id=\"s\\d+\">")]
    private static partial Regex WayStart();

    [GeneratedRegex(@"\bFR\d{3}\b")]
    private static partial Regex CheckId();
}
