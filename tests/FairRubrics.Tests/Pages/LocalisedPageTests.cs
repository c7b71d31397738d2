using FairRubrics.Loading;
using FairRubrics.Pages;

namespace FairRubrics.Tests.Pages;

public sealed class LocalisedPageTests
{
    private const string Yaml = """
        fairrubrics: 1
        id: translated
        version: 1.0.0
        title: { en: Delivery, de: Lieferung }
        scale: { 1: { en: Low, de: Niedrig }, 2: { en: Mid, de: Mittel }, 3: High }
        competencies:
          - id: delivery
            title: { en: Delivers results, de: Liefert Ergebnisse }
            paths:
              - id: manager
                title: { en: Manager view, de: Sicht der Führungskraft }
                anchors:
                  1: { en: "Completes tasks when the steps are spelled out.", de: "Erledigt Aufgaben, wenn die Schritte vorgegeben sind." }
                score: { rule: rating, sources: [manager, peer] }
        bands:
          - { label: { en: Strong, de: Stark }, min: 2 }
          - { label: { en: Developing, de: Im Aufbau }, min: 0 }
        """;

    [Fact]
    public void BuiltInTexts_GermanShipsWithEveryKey()
    {
        PageTexts.TryGetBuiltIn("de-AT", out var german).Should().BeTrue();
        german!.Locale.Should().Be("de");
        german.MissingKeys.Should().BeEmpty("the German page texts translate every English text");
    }

    [Fact]
    public void RenderRubric_German_ShowsTheRubricsGermanTextsAndTheGermanBuiltInTexts_AndFallsBackWhereATextHasNoGerman()
    {
        var rubric = new RubricLoader().LoadString(Yaml, "t.yaml").GetRubricOrThrow();

        var page = new EmployeePageRenderer().RenderRubric(rubric, new PageOptions { Format = PageFormat.Markdown, Texts = PageTexts.ForLocale("de"), Locale = "de" });

        page.Should().StartWith("# Lieferung\\: So wird Ihre Arbeit beurteilt");
        page.Should().Contain("### Liefert Ergebnisse").And.Contain("#### Sicht der Führungskraft")
            .And.Contain("Erledigt Aufgaben, wenn die Schritte vorgegeben sind\\.")
            .And.Contain("Stufe 2\\: Mittel").And.Contain("Stufe 3\\: High", "a text without German is shown in the rubric's locale, never blank")
            .And.Contain("Stark\\: ein Gesamtwert von 2 oder mehr");
        page.Should().NotContain("Delivers results");
        rubric.MissingTranslations("de").Select(t => t.Path).Should().Equal("scale.3");
    }

    [Fact]
    public void RenderRubric_English_IsUnchangedByTheTranslations()
    {
        var rubric = new RubricLoader().LoadString(Yaml, "t.yaml").GetRubricOrThrow();

        var page = new EmployeePageRenderer().RenderRubric(rubric, new PageOptions { Format = PageFormat.Markdown });

        page.Should().StartWith("# Delivery\\: how your work is assessed").And.Contain("### Delivers results").And.NotContain("Lieferung");
    }
}
