using FairRubrics.Checks;
using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Loading;

public sealed class TranslatedTextTests
{
    private const string Translated = """
        fairrubrics: 1
        id: translated
        version: 1.0.0
        title: { en: Delivery, de: Lieferung }
        description:
          en: How work is delivered.
          de: Wie Arbeit geliefert wird.
        scale: { 1: { en: Low, de: Niedrig }, 2: { en: Mid, de: Mittel }, 3: { en: High, de: Hoch } }
        competencies:
          - id: delivery
            title: { en: Delivers, de: Liefert }
            paths:
              - id: manager
                title: { en: Manager view, de: Sicht der Führungskraft }
                anchors:
                  1: { en: "Completes tasks when the steps are spelled out.", de: "Erledigt Aufgaben, wenn die Schritte vorgegeben sind." }
                score: { rule: rating, sources: [manager, peer] }
        bands:
          - { label: { en: Strong, de: Stark }, min: 2 }
          - { label: { en: Developing, de: Im Aufbau }, min: 0 }
        favourable: [Strong]
        """;

    [Fact]
    public void Load_TextsWrittenAsLocaleMaps_GiveTheRubricsLocaleAsModelTextAndKeepTheTranslations()
    {
        var rubric = new RubricLoader().LoadString(Translated, "t.yaml").GetRubricOrThrow();

        rubric.Locale.Should().Be("en");
        rubric.Locales.Should().Equal("en", "de");
        rubric.Title.Should().Be("Delivery");
        rubric.Competencies[0].Paths[0].Anchors[0].Text.Should().Be("Completes tasks when the steps are spelled out.");
        rubric.Bands.Select(b => b.Label).Should().Equal("Strong", "Developing");
        rubric.Texts.Single(t => t.Path == "competencies.delivery.paths.manager.anchors.1").Get("de-AT").Should().Be("Erledigt Aufgaben, wenn die Schritte vorgegeben sind.");
        rubric.Texts.Single(t => t.Path == "bands.Strong").Get("de").Should().Be("Stark");
        rubric.Texts.Single(t => t.Path == "scale.2").Get("fr").Should().Be("Mid", "a locale without a text falls back to the rubric's locale, never a blank");
        rubric.MissingTranslations("de").Should().BeEmpty();
        rubric.MissingTranslations("fr").Should().HaveCount(rubric.Texts.Count);
    }

    [Fact]
    public void Load_RubricLocaleGerman_MakesGermanTheModelTextAndRequiresIt()
    {
        var yaml = Translated.Replace("version: 1.0.0", "version: 1.0.0\nlocale: de", StringComparison.Ordinal)
            .Replace("favourable: [Strong]", "favourable: [Stark]", StringComparison.Ordinal);

        var rubric = new RubricLoader().LoadString(yaml, "t.yaml").GetRubricOrThrow();

        rubric.Locale.Should().Be("de");
        rubric.Title.Should().Be("Lieferung");
        rubric.Texts.Single(t => t.Path == "title").Get("en").Should().Be("Delivery");
    }

    [Theory]
    [InlineData("title: { en: Delivery, 12: Lieferung }", 4, 24, "'12' in the rubric 'title' is not a locale")]
    [InlineData("title: { en: Delivery, de: [Lieferung] }", 4, 28, "the 'de' text of the rubric 'title' must be text, not a list")]
    [InlineData("title: { de: Lieferung }", 4, 8, "has no text in the rubric's locale 'en'")]
    [InlineData("title: { en: Delivery, DE: Lieferung, de: Lieferung }", 4, 39, "has two texts for the locale 'de'")]
    [InlineData("title: {}", 4, 8, "is an empty map")]
    [InlineData("title: { en: Delivery, de: '' }", 4, 28, "the 'de' text of the rubric 'title' is empty")]
    public void Load_MalformedLocaleMap_ReportsTheFileLineAndColumn(string title, int line, int column, string message)
    {
        var yaml = TestRubrics.Minimal().Replace("title: Minimal", title, StringComparison.Ordinal);

        var result = new RubricLoader().LoadString(yaml, "bad.yaml");

        result.Succeeded.Should().BeFalse();
        var error = result.Diagnostics.Should().ContainSingle(d => d.Severity == DiagnosticSeverity.Error).Subject;
        error.Location.ToString().Should().Be($"bad.yaml:{line}:{column}");
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void Load_LocaleThatIsNotALanguageTag_IsFR034()
    {
        var yaml = TestRubrics.Minimal(extra: "locale: english-please");

        var result = new RubricLoader().LoadString(yaml, "bad.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Id.Should().Be(DiagnosticIds.InvalidTranslation);
    }

    [Fact]
    public void ContentHash_PlainStrings_IsTheHashFromBeforeTextsCouldBeTranslated()
    {
        // Hashes printed by 'fairrubrics lint --format json' built from main before locale maps existed (e6a101b).
        var sample = new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "samples", "legacy-networking.yaml")).GetRubricOrThrow();
        sample.ContentHash.Should().Be("88ad05acf9e87682d99d21cc3585b436ec39c169e35a53bc14f822d5c7c382b3");

        var block = new RubricLoader().LoadString(HashBlock, "b.yaml").GetRubricOrThrow();
        block.ContentHash.Should().Be("0d4f9b3e54d31a3d6a49cfa4c8540af78afed78808ec381bd7cecb8a6b990351");
    }

    [Fact]
    public void ContentHash_MapWithOnlyTheRubricsLocale_EqualsThePlainString_AndATranslationChangesIt()
    {
        var plain = new RubricLoader().LoadString(HashBlock, "b.yaml").GetRubricOrThrow();
        var map = new RubricLoader().LoadString(HashBlock.Replace("title: Hash test", "title: { en: Hash test }", StringComparison.Ordinal), "b.yaml").GetRubricOrThrow();
        var german = new RubricLoader().LoadString(HashBlock.Replace("title: Hash test", "title: { en: Hash test, de: Hash-Test }", StringComparison.Ordinal), "b.yaml").GetRubricOrThrow();
        var german2 = new RubricLoader().LoadString(HashBlock.Replace("title: Hash test", "title: { en: Hash test, de: Hashtest }", StringComparison.Ordinal), "b.yaml").GetRubricOrThrow();

        map.ContentHash.Should().Be(plain.ContentHash);
        german.ContentHash.Should().NotBe(plain.ContentHash);
        german2.ContentHash.Should().NotBe(german.ContentHash);
    }

    [Fact]
    public void Lint_FR111_TextMissingALocaleUsedElsewhere_WarnsAtThatText()
    {
        var yaml = Translated.Replace("title: { en: Manager view, de: Sicht der Führungskraft }", "title: Manager view", StringComparison.Ordinal);
        var rubric = new RubricLoader().LoadString(yaml, "t.yaml").GetRubricOrThrow();

        var findings = new RubricLinter(BuiltInChecks.Create()).Lint(rubric).Where(d => d.Id == DesignCheckIds.MissingTranslation).ToList();

        var finding = findings.Should().ContainSingle().Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Location.Line.Should().Be(14);
        finding.Message.Should().Contain("'competencies.delivery.paths.manager.title' has no text in 'de'");
    }

    [Fact]
    public void Lint_FR111_RubricInOneLanguage_HasNoFindings()
    {
        var rubric = new RubricLoader().LoadString(HashBlock, "b.yaml").GetRubricOrThrow();

        new RubricLinter(BuiltInChecks.Create()).Lint(rubric).Should().NotContain(d => d.Id == DesignCheckIds.MissingTranslation);
    }

    private const string HashBlock = """
        fairrubrics: 1
        id: hash-test
        version: 1.0.0
        title: Hash test
        scale:
          1: Low
          2: Mid
          3: High
        competencies:
          - id: sharing
            title: Shares knowledge
            weight: 2
            paths:
              - id: talks
                title: Gives talks
                score:
                  rule: count
                  of: [talk, doc]
                  thresholds:
                    1: 1
                    2: 3
                    3: 6
              - id: rated
                title: Rated by peers
                score:
                  rule: rating
                  sources: [peer, manager]
        """;
}
