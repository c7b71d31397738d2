using FairRubrics.Audit;
using FairRubrics.Comparison;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Pages;
using FairRubrics.Reporting;
using FairRubrics.Tests.Audit;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Reporting;

/// <summary>The labels of the audit and compare reports in a language from the page-texts files (issue #22 item 3).</summary>
public sealed class LocalisedReportTests
{
    private static readonly string[] Group = ["group"];
    private static readonly string[] ReportPrefixes = ["report.", "audit.", "compare."];

    private static AuditReport Report() =>
        GroupCounts.Report(AuditPopulation.Options(Group, intersect: false), (["A"], 40, 30), (["B"], 40, 10), (["C"], 30, 20), (["D"], 3, 1));

    [Fact]
    public void EveryEnglishReportLabel_HasAGermanTranslation_WithTheSamePlaceholders()
    {
        var german = PageTexts.ForLocale("de");
        var keys = PageTexts.English.Keys.Where(k => ReportPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();

        keys.Should().Contain(["audit.findings.heading", "audit.column.selection-rate", "compare.moves.heading", "report.fallback.locale"]);
        german.Locale.Should().Be("de");
        german.MissingKeys.Should().NotContain(k => ReportPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)), "the German file translates every report label");
        foreach (var key in keys.Where(k => !k.EndsWith(".n", StringComparison.Ordinal) && !k.EndsWith(".z", StringComparison.Ordinal) && !k.Contains("hedges-g", StringComparison.Ordinal) && !k.StartsWith("audit.adjustment.", StringComparison.Ordinal)))
        {
            german.Format(key).Should().NotBe(PageTexts.English.Format(key), $"'{key}' is translated, not copied");
        }
    }

    [Fact]
    public void AuditHtml_InGerman_HasGermanLabelsAndLangDe()
    {
        var html = AuditHtml.Render(Report(), new ReportOptions { Locale = "de" });

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"de\">");
        html.Should().Contain("<h1>Ergebnisprüfung von audit-test</h1>").And.Contain("<h2>Befunde</h2>").And.Contain("<h2>Nach group</h2>")
            .And.Contain("<th>Gruppe</th><th>n</th><th>günstig</th><th>Auswahlquote (95-%-KI)</th>")
            .And.Contain("113 Ergebnisse: 113 bewertet, 0 mit zu wenig Nachweisen.")
            .And.Contain("Referenzgruppe: A (höchste Auswahlquote).")
            .And.Contain("<td colspan=\"10\" class=\"muted\">weniger als 5</td>")
            .And.Contain("aria-label=\"Auswahlquote nach group\"")
            .And.Contain("<strong>Fehler FR201</strong>");
        html.Should().NotContain("Findings").And.NotContain("selection rate").And.NotContain("Reference group").And.NotContain("&#252;", "German letters are written as they are");
    }

    [Fact]
    public void AuditMarkdown_InGerman_HasGermanLabels()
    {
        var markdown = AuditMarkdown.Render(Report(), new ReportOptions { Locale = "de-AT" });

        markdown.Should().StartWith("# Ergebnisprüfung von audit\\-test\n\n113 Ergebnisse:");
        markdown.Should().Contain("## Befunde").And.Contain("| Gruppe | n | günstig | Auswahlquote (95-%-KI) | Impact Ratio | Fisher-p | korrigiertes p | z |")
            .And.Contain("| A (Referenz) | 40 | 30 |").And.Contain("| C | zurückgehalten, um eine kleine Gruppe zu schützen |").And.Contain("| D | weniger als 5 |").And.Contain("- **Warnung FR203** — ")
            .And.Contain("Die p-Werte sind für das Testen mehrerer Gruppen korrigiert (Holm, innerhalb jeder Auswertung)");
        markdown.Should().NotContain("Findings").And.NotContain("Note:");
    }

    [Fact]
    public void Reports_InEnglish_AreTheSameWithOrWithoutTheLocale()
    {
        var report = Report();

        AuditHtml.Render(report, new ReportOptions { Locale = "en", Title = "Outcome audit" }).Should().Be(AuditHtml.Render(report));
        AuditMarkdown.Render(report, new ReportOptions { Locale = "en-GB", Title = "Outcome audit" }).Should().Be(AuditMarkdown.Render(report));
        AuditHtml.Render(report, new ReportOptions()).Should().StartWith("<!DOCTYPE html>\n<html lang=\"en\">").And.Contain("<h1>Outcome audit of audit-test</h1>");
    }

    [Fact]
    public void Reports_ForALocaleWithoutTexts_AreEnglishWithANote()
    {
        var html = AuditHtml.Render(Report(), new ReportOptions { Locale = "fr" });
        var markdown = AuditMarkdown.Render(Report(), new ReportOptions { Locale = "fr" });

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"en\">", "the lang attribute is the language the labels are in")
            .And.Contain("<p class=\"note\">There are no report texts for the locale 'fr'; the report is in English.</p>")
            .And.Contain("<h2>Findings</h2>");
        markdown.Should().Contain("> Note: There are no report texts for the locale 'fr'; the report is in English.\n\n").And.Contain("## Findings");
    }

    [Fact]
    public void Reports_WithTextsThatLackLabels_ShowEnglishForThoseAndSaySo()
    {
        var french = PageTexts.LoadString("""
            fairrubrics-page-texts: 1
            locale: fr
            language: Français
            texts:
              audit.findings.heading: "Constats"
              report.fallback.keys:
                one: "Un libellé n'est pas traduit en {language}."
                other: "{count} libellés ne sont pas traduits en {language} ; ils sont en anglais."
            """).GetTextsOrThrow();
        var missing = PageTexts.English.Keys.Count(k => k.StartsWith("audit.", StringComparison.Ordinal) || k.StartsWith("report.", StringComparison.Ordinal)) - 2;

        var html = AuditHtml.Render(Report(), new ReportOptions { Texts = french });

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"fr\">")
            .And.Contain($"<p class=\"note\">{missing} libellés ne sont pas traduits en Français ; ils sont en anglais.</p>")
            .And.Contain("<h2>Constats</h2>").And.Contain("<th>selection rate (95% CI)</th>", "an untranslated label is English, never blank");
    }

    [Fact]
    public void AuditHtml_AValueThatLooksLikeAPlaceholderMarker_IsShownAsItselfAndEncoded()
    {
        string[] attribute = ["\u00010\u0002<b>"];
        var report = GroupCounts.Report(AuditPopulation.Options(attribute, intersect: false), (["A"], 40, 30), (["B"], 40, 10));

        var html = AuditHtml.Render(report, new ReportOptions { Locale = "de" });

        html.Should().Contain("<h2>Nach \u00010\u0002&lt;b&gt;</h2>").And.NotContain("<b>");
    }

    [Fact]
    public void ComparisonReports_InGerman_HaveGermanLabelsAndLangDe()
    {
        var services = new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider();
        var loader = services.GetRequiredService<RubricLoader>();
        var from = loader.LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "samples", "legacy-networking.yaml")).GetRubricOrThrow();
        var to = loader.LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow();
        var evidence = EvidenceReader.ReadFile(Path.Combine(TestRubrics.RepositoryRoot, "samples", "org", "evidence.csv")).Where(r => r.IsValid).Select(r => r.Item!.Value).ToList();
        var comparison = services.GetRequiredService<IRubricComparer>().Compare(from, to, evidence, new ComparisonOptions { AsOf = new DateOnly(2026, 6, 30) });

        var html = ComparisonHtml.Render(comparison, new ReportOptions { Locale = "de" });
        var markdown = ComparisonMarkdown.Render(comparison, new ReportOptions { Locale = "de" });

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"de\">").And.Contain($"<h1>Was sich von {from.Id} {from.Version} zu {to.Id} {to.Version} ändert</h1>")
            .And.Contain("<h2>Wer wechselt</h2>").And.Contain("<h2>Befunde zum Aufbau</h2>").And.Contain("<h3>Durch die Änderung eingeführt</h3>")
            .And.Contain("<th scope=\"col\">vorher \\ nachher</th>").And.Contain("<th scope=\"col\">Kompetenz</th><th scope=\"col\">gestiegen</th>")
            .And.Contain("wechseln die Stufe.");
        html.Should().NotContain("Who moves").And.NotContain("Design findings");
        markdown.Should().Contain("## Wer wechselt").And.Contain("| vorher → nachher |").And.Contain("| Kompetenz | gestiegen | gesunken | gestiegen über | gesunken von |")
            .And.Contain("Personen mit beiden Bewertungsrahmen auf denselben Nachweisen bewertet; **");
        ComparisonMarkdown.Render(comparison, new ReportOptions { Locale = "en" }).Should().Be(ComparisonMarkdown.Render(comparison));
        ComparisonHtml.Render(comparison, new ReportOptions()).Should().Be(ComparisonHtml.Render(comparison));
    }
}
