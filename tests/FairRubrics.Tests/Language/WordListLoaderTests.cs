using FairRubrics.Language;

namespace FairRubrics.Tests.Language;

public sealed class WordListLoaderTests
{
    [Fact]
    public void BuiltIn_ListsLoadAndEveryEntryCitesASource()
    {
        var lists = WordListLoader.BuiltIn;

        lists.Select(l => l.Id).Should().BeEquivalentTo(
            ["contact-accumulation", "feminine-coded", "function-words", "masculine-coded", "personality", "review-deliverables", "review-situations", "review-time-and-quantity", "vague-words", "visibility"]);
        lists.SelectMany(l => l.Entries).Should().AllSatisfy(e => e.Source.Should().NotBeNullOrWhiteSpace());
        lists.Single(l => l.Id == "masculine-coded").Entries.Should().Contain(e => e.Term == "lead" && e.Except.Contains("leadership"));
    }

    [Fact]
    public void BuiltIn_GenderCodedListsCiteGaucherFriesenKay()
    {
        foreach (var id in new[] { "masculine-coded", "feminine-coded" })
        {
            var list = WordListLoader.BuiltIn.Single(l => l.Id == id);
            list.Entries.Where(e => e.Term != "share").Should().AllSatisfy(e => e.Source.Should().StartWith("Gaucher, D., Friesen, J., & Kay, A. C. (2011)"));
        }
    }

    [Fact]
    public void LoadString_ValidList_ReadsEntriesAndInheritsTheListSource()
    {
        const string yaml = """
            fairrubrics-words: 1
            id: acme-words
            title: Acme house words
            source: Acme works council agreement 2024-03
            checks: [FR104, ACME001]
            allow: [assertive]
            instead: say what the person did
            entries:
              - rockstar
              - { term: ninja, match: exact, instead: name the skill }
              - term: guru
                match: stem
                except: [gurus-only]
                source: Our own review of 2023 job ads
                checks: [FR104]
            """;

        var result = WordListLoader.LoadString(yaml, "acme.yaml");

        result.Diagnostics.Should().BeEmpty();
        var list = result.List!;
        list.Id.Should().Be("acme-words");
        list.Checks.Should().Equal("FR104", "ACME001");
        list.Allow.Should().Equal("assertive");
        list.Entries.Select(e => (e.Term, e.Match, e.Source)).Should().Equal(
            ("rockstar", WordMatch.Inflected, "Acme works council agreement 2024-03"),
            ("ninja", WordMatch.Exact, "Acme works council agreement 2024-03"),
            ("guru", WordMatch.Stem, "Our own review of 2023 job ads"));
        list.Entries[1].Instead.Should().Be("name the skill");
        list.Entries[0].Location.Should().Be(new SourceLocation("acme.yaml", 9, 5));
    }

    [Fact]
    public void BuiltIn_ConcreteMarkerLists_AreUsedByFR303Only()
    {
        var markers = WordListLoader.BuiltIn.Where(l => l.Role == WordListRole.ConcreteMarker).ToList();

        markers.Select(l => l.Id).Should().Equal("review-deliverables", "review-situations", "review-time-and-quantity");
        markers.Should().AllSatisfy(l => l.Checks.Should().Equal("FR303"));
        WordListLoader.BuiltIn.Where(l => l.Role == WordListRole.Flag).Should().HaveCount(7);
    }

    [Fact]
    public void LoadString_Role_IsReadAndAnUnknownRoleIsAnError()
    {
        const string yaml = """
            fairrubrics-words: 1
            id: acme-products
            title: Acme products
            source: Acme product catalogue
            checks: [FR303]
            role: concrete-marker
            entries: [Atlas, Beacon]
            """;

        WordListLoader.LoadString(yaml).GetListOrThrow().Role.Should().Be(WordListRole.ConcreteMarker);
        var wrong = WordListLoader.LoadString(yaml.Replace("concrete-marker", "concrete", StringComparison.Ordinal), "w.yaml");
        wrong.Diagnostics.Should().ContainSingle().Which.ToString().Should().Be("w.yaml:6:7: error FR007: 'role' 'concrete' is not allowed; did you mean 'concrete-marker'?");
    }

    [Fact]
    public void LoadString_Mistakes_AreAllReportedWithPositions()
    {
        const string yaml = """
            fairrubrics-words: 1
            id: Bad_Id
            title: Bad
            checks: [FR10]
            entries:
              - { term: x, match: prefix }
              - { trem: y }
              - "--"
            """;

        var result = WordListLoader.LoadString(yaml, "bad.yaml");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Id}").Should().Equal(
            "1:1 FR005",
            "2:5 FR008",
            "4:10 FR022",
            "6:23 FR007",
            "7:7 FR003",
            "8:5 FR031");
        result.Diagnostics.Should().Contain(d => d.Message.Contains("'source'", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsFR030()
    {
        var result = WordListLoader.LoadFile("no/such/words.yaml");

        result.Diagnostics.Should().ContainSingle(d => d.Id == "FR030");
        var act = () => result.GetListOrThrow();
        act.Should().Throw<FairRubricsConfigurationException>().WithMessage("*no/such/words.yaml*");
    }
}
