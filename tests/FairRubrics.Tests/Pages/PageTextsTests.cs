using FairRubrics.Pages;

namespace FairRubrics.Tests.Pages;

public sealed class PageTextsTests
{
    [Fact]
    public void English_IsBuiltInAndTheDefault()
    {
        PageTexts.English.Locale.Should().Be("en");
        PageTexts.English.MissingKeys.Should().BeEmpty();
        PageTexts.BuiltInLocales.Should().Contain("en");
        PageTexts.ForLocale(null).Should().BeSameAs(PageTexts.English);
        PageTexts.ForLocale("en-GB").Should().BeSameAs(PageTexts.English, "a regional locale finds its language");
    }

    [Fact]
    public void ForLocale_WithoutTextsFallsBackToEnglish()
    {
        PageTexts.TryGetBuiltIn("xx-YY", out _).Should().BeFalse();
        PageTexts.ForLocale("xx-YY").Locale.Should().Be("en");
    }

    [Fact]
    public void LoadString_ALanguageFileFallsBackToEnglishForKeysItLacks()
    {
        var result = PageTexts.LoadString("""
            fairrubrics-page-texts: 1
            locale: de
            language: Deutsch
            texts:
              rubric.scale.heading: Die Stufen
              rubric.competency.best-of:
                one: Es gibt einen Weg, das zu zeigen.
                other: Es gibt {count} Wege, das zu zeigen.
            """, "de.yaml");

        result.Succeeded.Should().BeTrue(string.Join("\n", result.Diagnostics));
        var texts = result.Texts!;
        texts.Locale.Should().Be("de");
        texts.Format("rubric.scale.heading").Should().Be("Die Stufen");
        texts.Format("rubric.competency.best-of", ("count", 1)).Should().Be("Es gibt einen Weg, das zu zeigen.");
        texts.Format("rubric.competency.best-of", ("count", 3)).Should().Be("Es gibt 3 Wege, das zu zeigen.");
        texts.Format("statement.band", ("band", "Strong")).Should().Be("Band: Strong.", "a key the file lacks is the English text, never blank");
        texts.MissingKeys.Should().Contain("statement.band").And.NotContain("rubric.scale.heading");
        texts.Keys.Should().BeEquivalentTo(PageTexts.English.Keys);
    }

    [Fact]
    public void LoadString_ReportsUnknownKeysAndPlaceholdersWithTheirPositions()
    {
        var result = PageTexts.LoadString("""
            fairrubrics-page-texts: 1
            locale: de
            language: Deutsch
            texts:
              rubric.scale.headin: Die Stufen
              statement.band: "Band: {bande}."
              statement.for: ""
            """, "de.yaml");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Select(d => d.ToString()).Should().Contain(d => d.StartsWith("de.yaml:5:3: error FR003", StringComparison.Ordinal) && d.Contains("did you mean 'rubric.scale.heading'", StringComparison.Ordinal))
            .And.Contain(d => d.StartsWith("de.yaml:6:", StringComparison.Ordinal) && d.Contains("{bande}", StringComparison.Ordinal) && d.Contains("{band}", StringComparison.Ordinal))
            .And.Contain(d => d.StartsWith("de.yaml:7:", StringComparison.Ordinal) && d.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadString_RejectsABadLocaleAndAMissingFormatVersion()
    {
        var result = PageTexts.LoadString("locale: 'not a locale'\nlanguage: X\ntexts: {}\n", "x.yaml");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Select(d => d.ToString()).Should().Contain(d => d.Contains("fairrubrics-page-texts", StringComparison.Ordinal))
            .And.Contain(d => d.Contains("is not a locale", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFile_AMissingFileIsADiagnostic()
    {
        var result = PageTexts.LoadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml"));

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Single().Message.Should().Contain("does not exist");
    }
}
