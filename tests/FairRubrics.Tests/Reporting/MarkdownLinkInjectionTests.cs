using FairRubrics.Audit;
using FairRubrics.Reporting;
using FairRubrics.Tests.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Reporting;

/// <summary>
/// No text from the input renders as a link (or any other markup) in a GFM renderer (#24 item 5): each hostile
/// value is rendered by GitHub's cmark-gfm, markdown-it with linkify, micromark with GFM and remark's route, and the
/// HTML must hold no link but the report's own help links, and show the value as written.
/// </summary>
public sealed class MarkdownLinkInjectionTests
{
    /// <summary>What an attacker or a careless export puts into attribute values, column names and ids.</summary>
    public static readonly string[] Hostile =
    [
        "http://evil.example.com/phish",
        "https://evil.example.com/login?next=/x&y=1",
        "HTTPS://EVIL.EXAMPLE.COM",
        "ftp://files.evil.example",
        "www.evil-example.com",
        "(www.evil-example.com/path)",
        "evil-example.com",
        "phish@evil.example.com",
        "first.last+tag@evil-example.co.uk",
        "mailto:phish@evil.example.com",
        "xmpp:phish@evil.example.com/resource",
        "javascript:alert(1)",
        "<http://evil.example.com>",
        "<phish@evil.example.com>",
        "[click here](http://evil.example.com)",
        "[ref]: http://evil.example.com",
        "![pixel](http://evil.example.com/p.png)",
        "<a href=\"http://evil.example.com\">x</a>",
        "<script>alert(1)</script>",
        "**bold** _it_ ~~gone~~",
        "`code` and ``more``",
        "a | b || c",
        "$x^2$",
        "&lt;amp&gt; &#64;",
        "# heading",
        "- item",
        "1. first",
        "> quoted",
        "back\\slash \\[x\\]",
        "line\nbreak\r\nhere",
        "evil。example。com",
        "x@y",
    ];

    public static TheoryData<string> Renderers() => [.. GfmRenderers.Names];

    [SkippableTheory]
    [MemberData(nameof(Renderers))]
    public void Escape_EveryHostileText_RendersAsItselfAndNeverAsALink(string renderer)
    {
        // Each value as a paragraph and as a table cell, as the reports use them.
        var markdown = string.Concat(Hostile.Select(h => $"{MarkdownText.Escape(h)}\n\n| value | n |\n| --- | ---: |\n| {MarkdownText.Escape(h)} | 1 |\n\n"));

        var html = GfmRenderers.Render(renderer, markdown);

        GfmRenderers.Links(html).Should().BeEmpty(html);
        html.Should().NotContainAny(["<script", "<img", "<em>", "<strong>", "<del>", "<h1", "<li>", "<blockquote", "<ol", "<ul"]);
        var text = GfmRenderers.VisibleText(html);
        foreach (var h in Hostile)
        {
            text.Should().Contain(GfmRenderers.Collapse(h), $"'{h}' is shown as written");
        }

        // Every table kept its two columns: no value broke out of its cell.
        html.Split("<tr>").Skip(1).Should().OnlyContain(row => row.Split("<t", StringSplitOptions.None).Length - 1 == 2 || row.Contains("<th", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Renderers))]
    public void AuditMarkdown_HostileAttributeNamesValuesAndIds_HaveNoLinkButTheHelpLinks(string renderer)
    {
        string[] attributes = ["www.evil-example.com/col"];
        var accumulator = new AuditAccumulator(attributes, intersect: false);
        var values = Hostile.Take(12).ToArray();
        var next = 0;
        foreach (var value in values)
        {
            for (var i = 0; i < 12; i++)
            {
                // The first group rarely favourable, so that a finding quotes its value.
                var favourable = value == values[0] ? i < 1 : i % 2 == 0;
                var overall = favourable ? 4.0 : 3.0;
                accumulator.Add(
                    new AuditSubject("s" + next++, true, overall, favourable ? "Strong" : "Solid", [new AuditCompetency("phish@evil.example.com", overall, i % 2 == 0 ? "http://evil.example.com/path" : "www.evil-example.com")], "rubric"),
                    [value]);
            }
        }

        var options = AuditPopulation.Options(attributes, intersect: false);
        var report = new BiasAuditor().Report(accumulator, options);
        report.Findings.Should().Contain(f => f.Message.Contains(values[0], StringComparison.Ordinal), "a finding quotes the value");

        var html = GfmRenderers.Render(renderer, AuditMarkdown.Render(report, "Outcome audit of www.evil-example.com", new Uri("https://docs.example.org/fairrubrics/docs/")));

        GfmRenderers.Links(html).Should().NotBeEmpty().And.OnlyContain(href => href.StartsWith("https://docs.example.org/fairrubrics/docs/checks/FR", StringComparison.Ordinal), html);
        var text = GfmRenderers.VisibleText(html);
        text.Should().Contain("Outcome audit of www.evil-example.com").And.Contain("By www.evil-example.com/col").And.Contain("phish@evil.example.com");
        foreach (var value in values)
        {
            text.Should().Contain(GfmRenderers.Collapse(value), $"'{value}' is shown as written");
        }
    }

    [Fact]
    public void Escape_PlainWordsAndNumbers_StayReadable()
    {
        MarkdownText.Escape("female").Should().Be("female");
        MarkdownText.Escape("Selection rate 0.62 of 13 people, p 0.0123").Should().Be("Selection rate 0\\.62 of 13 people, p 0\\.0123");
        MarkdownText.Escape("it's \"fine\"; really?").Should().Be("it's \"fine\"; really?");
        MarkdownText.Escape("www.evil.com").Should().Be("`www.evil.com`");
        MarkdownText.Escape("a|b").Should().Be("a\\|b");
    }
}
