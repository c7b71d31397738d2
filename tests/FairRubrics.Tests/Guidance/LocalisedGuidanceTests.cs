using FairRubrics.Guidance;
using FairRubrics.Pages;
using FairRubrics.Tests.Pages;

namespace FairRubrics.Tests.Guidance;

public sealed class LocalisedGuidanceTests
{
    [Fact]
    public void GermanStatement_ShowsGermanRoutesAndEvidenceNames_NotTheEnglishSentences()
    {
        var (_, score) = StatementPageTests.ScoreOf("alice", StatementPageTests.Evidence());

        var page = RubricPageTests.Text(
            new EmployeePageRenderer().RenderStatement(score, new PageOptions { Texts = PageTexts.ForLocale("de"), Locale = "de" }),
            PageFormat.Html);

        page.Should().Contain("weitere Mentoring-Sitzungen halten").And.Contain("gehaltene Mentoring-Sitzung");
        page.Should().NotContain("more mentoring sessions").And.NotContain("any mix of these adds up").And.NotContain(" more ratings")
            .And.NotContain("Reaching ").And.NotContain("mentoring session held");
    }

    [Fact]
    public void GuidanceApi_GivenGermanTexts_WordsTheSentenceInGerman_AndWithoutTextsStaysEnglish()
    {
        var (_, score) = StatementPageTests.ScoreOf("alice", StatementPageTests.Evidence());
        var advisor = new GuidanceAdvisor();

        var german = advisor.Advise(score, PageTexts.ForLocale("de"));
        var english = advisor.Advise(score);

        german.Competencies.Select(c => c.Text).Should().AllSatisfy(t => t.Should().StartWith("Um ").And.NotContain("To reach"));
        english.Competencies.Select(c => c.Text).Should().AllSatisfy(t => t.Should().StartWith("To reach "));
        advisor.Advise(score, PageTexts.English).Competencies.Select(c => c.Text).Should().Equal(english.Competencies.Select(c => c.Text));
    }

    [Fact]
    public void GuidanceText_GivenGermanTexts_IsGermanThroughout_AndWithEnglishTextsIsAsBefore()
    {
        var (_, score) = StatementPageTests.ScoreOf("alice", StatementPageTests.Evidence());
        var advisor = new GuidanceAdvisor();
        var german = PageTexts.ForLocale("de");

        var text = GuidanceText.Render(advisor.Advise(score, german), german);

        text.Should().StartWith("alice: nächste Schritte in ").And.Contain(", Stand 2026-").And.Contain("\nUm ").And.Contain(" zu erreichen (");
        text.Should().NotContain("next steps").And.NotContain("To reach").And.NotContain("any one of these").And.NotContain("Overall:").And.NotContain(" now ");
        var english = advisor.Advise(score);
        GuidanceText.Render(english, PageTexts.English).Should().Be(GuidanceText.Render(english)).And.StartWith("alice: next steps in ");
    }

    [Fact]
    public void GermanTexts_HaveEveryEnglishGuidanceKey_AndGermanPhrasesWordEveryEnglishType()
    {
        var guidanceKeys = PageTexts.English.Keys.Where(k => k.StartsWith("guidance.", StringComparison.Ordinal)).ToList();
        var german = PageTexts.ForLocale("de");

        guidanceKeys.Should().HaveCountGreaterThan(20);
        german.MissingKeys.Should().NotContain(k => k.StartsWith("guidance.", StringComparison.Ordinal));
        string[] sameInBoth = ["guidance.level"];
        foreach (var key in guidanceKeys.Except(sameInBoth))
        {
            german.Format(key).Should().NotBe(PageTexts.English.Format(key), $"'{key}' is translated");
        }

        var phrases = EvidencePhrases.ForLocale("de-AT");
        foreach (var type in EvidencePhrases.BuiltIn.Types)
        {
            phrases.Describe(type, 2).Should().NotBe(EvidencePhrases.BuiltIn.Describe(type, 2), $"'{type}' has a German phrase");
            phrases.NameOf(type, plural: true).Should().NotBe(EvidencePhrases.BuiltIn.NameOf(type, plural: true), $"'{type}' has German names");
        }

        EvidencePhrases.ForLocale("en").Should().BeSameAs(EvidencePhrases.BuiltIn);
        EvidencePhrases.ForLocale("fr").Should().BeSameAs(EvidencePhrases.BuiltIn, "a locale without phrases keeps the English ones");
    }

    [Fact]
    public void TextsWithoutTheGuidanceKeys_FallBackToEnglishGuidance_AndListTheKeysAsMissing()
    {
        var (_, score) = StatementPageTests.ScoreOf("alice", StatementPageTests.Evidence());
        var french = PageTexts.LoadString("""
            fairrubrics-page-texts: 1
            locale: fr
            language: Français
            texts:
              statement.next.heading: "Vos prochaines étapes"
            """, "page-texts.fr.yaml").GetTextsOrThrow();

        var guidance = new GuidanceAdvisor().Advise(score, french);

        french.MissingKeys.Should().Contain("guidance.sentence").And.Contain("guidance.ratings");
        guidance.Competencies.Select(c => c.Text).Should().AllSatisfy(t => t.Should().StartWith("To reach ", "a missing text is English, never blank"));
        guidance.Competencies.SelectMany(c => c.Routes).Should().OnlyContain(r => r.Text.Length > 0);
    }
}
