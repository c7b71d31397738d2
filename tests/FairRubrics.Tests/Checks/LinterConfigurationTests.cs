using FairRubrics.Checks;
using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Checks;

public sealed class LinterConfigurationTests
{
    private const string NetworkingRubric = """
        fairrubrics: 1
        id: networking
        version: 1.0.0
        title: Networking
        scale: { 1: Emerging, 2: Developing, 3: Proficient }
        competencies:
          - id: networking
            title: Networking
            category: interpersonal
            paths:
              - id: contacts
                title: Contacts made
                anchors:
                  1: Adds a few new contacts in the year.
                  3: Is outgoing and adds new contacts every month.
                score: { rule: count, of: [new-contact], thresholds: { 1: 5, 3: 30 } }
        window: { months: 12 }
        """;

    private static string Ids(IEnumerable<Diagnostic> diagnostics) => string.Join(" ", diagnostics.Select(d => $"{d.Id}@{d.Location.Line}"));

    [Fact]
    public void Linter_Unconfigured_ReportsEveryFinding()
    {
        Ids(Lint.Run(NetworkingRubric)).Should().Be("FR101@7 FR102@12 FR102@14 FR102@15 FR104@15 FR102@16");
    }

    [Fact]
    public void Linter_ChecksSuppressWithAt_SuppressesThatNodeAndItsChildrenOnly()
    {
        var yaml = NetworkingRubric + """

            checks:
              suppress:
                - { id: FR102, at: competencies.networking.paths.contacts.anchors, reason: Anchors are rewritten in the next version }
                - { id: FR104, at: competencies.networking.paths.contacts, reason: Agreed with the works council }
                - { id: FR101, reason: Second path piloted this year }
            """;

        Ids(Lint.Run(yaml)).Should().Be("FR102@12 FR102@16");
    }

    [Fact]
    public void Linter_DisableCommentAboveAFindingsLine_SuppressesIt()
    {
        var yaml = NetworkingRubric.Replace(
            "          3: Is outgoing",
            "          # fairrubrics-disable-next-line FR104, FR102 -- wording agreed with the works council\n          3: Is outgoing",
            StringComparison.Ordinal);

        Ids(Lint.Run(yaml)).Should().Be("FR101@7 FR102@12 FR102@14 FR102@17");
    }

    [Fact]
    public void Linter_DisableCommentAboveANode_SuppressesFindingsInsideTheNode()
    {
        var yaml = NetworkingRubric.Replace(
            "      - id: contacts",
            "      # fairrubrics-disable-next-line FR102 -- legacy path, removed in the next version\n      - id: contacts",
            StringComparison.Ordinal);

        Ids(Lint.Run(yaml)).Should().Be("FR101@7 FR104@16");
    }

    [Fact]
    public void Linter_DisableCommentWithoutReason_IsALoadError()
    {
        var yaml = NetworkingRubric.Replace("      - id: contacts", "      # fairrubrics-disable-next-line FR102\n      - id: contacts", StringComparison.Ordinal);

        var result = new RubricLoader().LoadString(yaml, "test.yaml");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith("test.yaml:11:7: error FR022: this disable comment has no reason");
    }

    [Fact]
    public void Linter_RubricSeverity_WinsOverOptionsAndNoneSwitchesOff()
    {
        var options = new RubricLinterOptions();
        options.Severities["FR102"] = DiagnosticSeverity.Error;
        options.Severities["FR104"] = DiagnosticSeverity.Info;
        options.Severities["FR101"] = null;
        var linter = new RubricLinter(BuiltInChecks.Create(), options);
        var yaml = NetworkingRubric + "\nchecks: { severity: { FR104: error } }";

        var findings = Lint.Run(yaml, linter);

        findings.Should().NotContain(d => d.Id == "FR101");
        findings.Where(d => d.Id == "FR102").Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Error);
        findings.Single(d => d.Id == "FR104").Severity.Should().Be(DiagnosticSeverity.Error);
    }

    [Fact]
    public void Linter_OptionsSuppressed_RemovesAnIdEverywhere()
    {
        var options = new RubricLinterOptions();
        options.Suppressed.Add("FR102");

        Ids(Lint.Run(NetworkingRubric, new RubricLinter(BuiltInChecks.Create(), options))).Should().Be("FR101@7 FR104@15");
    }

    [Fact]
    public void Linter_RubricAllowWords_AreNotReported()
    {
        var yaml = NetworkingRubric + """

            checks:
              allow:
                - { word: outgoing, reason: Defined in our glossary as introducing colleagues to each other }
                - { word: contact, reason: Legacy rubric kept for the demo }
            """;

        Ids(Lint.Run(yaml)).Should().Be("FR101@7", "'contact' is allowed in the titles, anchors and the evidence type 'new-contact'");
    }

    [Fact]
    public void Linter_RubricAllowWithoutReason_IsALoadError()
    {
        var result = new RubricLoader().LoadString(NetworkingRubric + "\nchecks: { allow: [{ word: outgoing }] }", "test.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("allowing 'outgoing' needs a 'reason'");
    }

    [Fact]
    public void Linter_HostWordListAndAllowedWords_AreUsed()
    {
        var list = FairRubrics.Language.WordListLoader.LoadString("""
            fairrubrics-words: 1
            id: acme
            title: Acme words
            source: Acme works council agreement 2024-03
            checks: [FR104]
            entries: [rockstar]
            """).GetListOrThrow();
        var options = new DesignCheckOptions();
        options.WordLists.Add(list);
        options.AllowedWords.Add("Outgoing");
        var linter = new RubricLinter(BuiltInChecks.Create(options));
        var yaml = NetworkingRubric.Replace("Adds a few new contacts in the year.", "Is a rockstar who adds a few contacts.", StringComparison.Ordinal);

        Lint.Only("FR104", yaml, linter).Select(d => d.Message).Should().ContainSingle().Which.Should().Contain("'rockstar' (Acme words)");
    }

    [Fact]
    public void Linter_SuppressionOfACustomCheckId_Loads()
    {
        var result = new RubricLoader().LoadString(NetworkingRubric + "\nchecks: { suppress: [{ id: ACME001, reason: House style waived }], severity: { ACME002: none } }", "test.yaml");

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void AddFairRubrics_RegistersTheBuiltInChecksOnce()
    {
        var services = new ServiceCollection();
        services.AddFairRubrics(o => o.DesignChecks.MaxInterpersonalWeightShare = 0.25);
        services.AddFairRubrics();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var linter = provider.GetRequiredService<IRubricLinter>();

        linter.Descriptors.Keys.Should().BeEquivalentTo(["FR101", "FR102", "FR103", "FR104", "FR105", "FR106", "FR107", "FR108", "FR109", "FR110", "FR111"]);
        linter.Descriptors.Values.Should().AllSatisfy(d =>
        {
            d.HelpUri.Should().Be($"docs/checks/{d.Id}.md");
            d.Name.Should().NotBeNullOrEmpty();
            d.Description.Should().NotBeNullOrEmpty();
        });
        var rubric = new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "customer-support.yaml")).GetRubricOrThrow();
        linter.Lint(rubric).Should().ContainSingle("customer support gives interpersonal competencies 30% of the weight, above the configured 25%")
            .Which.Id.Should().Be("FR107");
    }

    [Fact]
    public void Linter_OptionsNamingAnUnknownId_FailEarly()
    {
        var options = new RubricLinterOptions();
        options.Severities["FR199"] = DiagnosticSeverity.Error;

        var act = () => new RubricLinter(BuiltInChecks.Create(), options);

        act.Should().Throw<FairRubricsConfigurationException>().WithMessage("*FR199*registered ids are FR101, FR102*");
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Linter_Output_IsTheSameUnderAnyCulture(string culture)
    {
        var legacy = File.ReadAllText(Path.Combine(TestRubrics.RepositoryRoot, "samples", "legacy-networking.yaml"))
            .Replace("Networking", "INITIATIVE networking", StringComparison.Ordinal);
        var yaml = Lint.Rubric(Lint.GoodRelationships.Replace("weight: 1", "weight: 2.5", StringComparison.Ordinal));
        var expected = Lint.Run(legacy).Concat(Lint.Run(yaml)).Select(d => d.ToString()).ToList();

        using var scope = new CultureScope(culture);

        Lint.Run(legacy).Concat(Lint.Run(yaml)).Select(d => d.ToString()).Should().Equal(expected);
        expected.Should().Contain(d => d.Contains("45.5%", StringComparison.Ordinal));
    }

    [Fact]
    public void AddFairRubrics_InvalidDesignCheckOption_FailsAtRegistration()
    {
        var act = () => new ServiceCollection().AddFairRubrics(o => o.DesignChecks.MinAnchorWords = 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MinAnchorWords*");
    }
}
