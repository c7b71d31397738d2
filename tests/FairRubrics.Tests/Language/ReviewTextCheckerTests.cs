using FairRubrics.DependencyInjection;
using FairRubrics.Language;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Language;

public sealed class ReviewTextCheckerTests
{
    private static readonly IReviewTextChecker Checker = ReviewTextChecker.Create();

    private static string[] Ids(ReviewTextResult result) => [.. result.Findings.Select(f => f.Id)];

    private static string[] Words(ReviewTextResult result, string id) => [.. result.Findings.Single(f => f.Id == id).Words.Select(w => w.Text)];

    [Fact]
    public void ReviewText_FR302_AbrasiveAndEmotional_FlaggedWithAlternative()
    {
        var result = Checker.Check("She is abrasive and too emotional");

        Ids(result).Should().Equal("FR302", "FR303");
        var finding = result.Findings[0];
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Words.Select(w => (w.Text, w.Start, w.Length, w.List)).Should().Equal(("abrasive", 7, 8, "personality"), ("emotional", 24, 9, "personality"));
        finding.Message.Should().StartWith("'abrasive' and 'emotional' (Snyder 2014) describe personality rather than behaviour");
        finding.Suggestion.Should().Be("name the behaviour and its effect, e.g. \"interrupts colleagues in design reviews before they finish\"");
        finding.Message.Should().EndWith(finding.Suggestion);
        result.PersonalityWordCount.Should().Be(2);
        result.GenderCodedWordCount.Should().Be(0, "'emotional' is reported once, as personality, although it is also feminine-coded");
        result.WordCount.Should().Be(6);
    }

    [Fact]
    public void ReviewText_ConcreteCommentAboutADeliveredProject_IsLeftAlone()
    {
        var result = Checker.Check(
            "She led the billing migration to the new payments API in March: 40 services moved without downtime, and the rollback runbook she wrote was used twice by the on-call team.");

        result.IsClean.Should().BeTrue(string.Join("; ", result.Findings));
        result.Findings.Should().BeSameAs(Array.Empty<ReviewTextFinding>());
    }

    [Fact]
    public void ReviewText_FR301_TraitWordsAreFlaggedWithTheirCodeAndSource()
    {
        var result = Checker.Check("He is assertive and analytical, and very supportive of new joiners.");

        var finding = result.Findings.Single(f => f.Id == "FR301");
        finding.Message.Should().StartWith("'assertive' and 'analytical' are masculine-coded, 'supportive' is feminine-coded (Gaucher et al. 2011): ");
        finding.Words.Select(w => w.Term).Should().Equal("assert", "analy", "support");
        finding.Words.Should().AllSatisfy(w => w.Source.Should().StartWith("Gaucher, D., Friesen, J., & Kay, A. C. (2011)"));
        result.GenderCodedWordCount.Should().Be(3);
    }

    [Theory]
    [InlineData("She led the analysis of the incident and supported the launch in June.")]
    [InlineData("Her leadership of the security committee got the audit closed two weeks early.")]
    [InlineData("He leads the weekly release sync and responded to every page within 15 minutes.")]
    [InlineData("She committed the fix for the payment dependency and helped the team understand the retry logic before the Q3 release.")]
    [InlineData("As tech lead he determined the root cause of the outage and documented it in the postmortem.")]
    [InlineData("Her understanding of the billing system meant the March invoice run finished a day early.")]
    [InlineData("He shared the runbook with the support team and connected the alerting to the on-call rota.")]
    public void ReviewText_FR301_ActionFormsOfCodedStems_AreNotFlagged(string comment)
    {
        var result = Checker.Check(comment);

        result.IsClean.Should().BeTrue(string.Join("; ", result.Findings));
    }

    [Theory]
    [InlineData("Great job this year!", "'Great'")]
    [InlineData("She is a strong performer who consistently exceeds expectations.", "'strong', 'performer', 'consistently' and 'exceeds'")]
    [InlineData("Needs to show more ownership and speak up more.", "'Needs to', 'ownership' and 'speak up'")]
    public void ReviewText_FR303_EvaluationWithoutExample_IsVague(string comment, string evaluated)
    {
        var result = Checker.Check(comment);

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.Id.Should().Be("FR303");
        finding.Severity.Should().Be(DiagnosticSeverity.Info);
        finding.Message.Should().StartWith($"the comment evaluates ({evaluated}) without a concrete example: no deliverable, number, date or situation");
        finding.Suggestion.Should().StartWith("say what the person did, in which situation, and what came of it");
    }

    [Theory]
    [InlineData("Great job on the Q3 close.")]
    [InlineData("Great work during the outage, when the database failed over.")]
    [InlineData("Strong quarter: closed the renewal with the largest customer.")]
    [InlineData("Great presenter, e.g. at the offsite.")]
    [InlineData("Always helpful; she told me \"ship the small fix first\" and it worked.")]
    [InlineData("Excellent: saved us €4,000 on licences.")]
    public void ReviewText_FR303_ConcreteMarkers_MakeTheCommentConcrete(string comment)
    {
        Checker.Check(comment).Has("FR303").Should().BeFalse();
    }

    [Fact]
    public void ReviewText_FR303_ShortCommentWithNothingConcrete_IsVague()
    {
        Ids(Checker.Check("Thanks for everything.")).Should().Equal("FR303");
        Checker.Check("Thanks for everything.").Findings[0].Message.Should().StartWith("the comment evaluates ('Thanks')");
        Checker.Check("See you around in the new year.").Findings[0].Message.Should().StartWith("the comment gives no concrete example");
    }

    [Fact]
    public void ReviewText_FR303_EmptyComment_IsVague()
    {
        var result = Checker.Check("   ");

        Ids(result).Should().Equal("FR303");
        result.Findings[0].Message.Should().StartWith("the comment is empty;");
        result.WordCount.Should().Be(0);
    }

    [Fact]
    public void ReviewText_LongerPhraseWins_NaturalLeaderIsPersonalityNotGenderCoded()
    {
        var result = Checker.Check("A natural leader and a real team player.");

        Words(result, "FR302").Should().Equal("natural leader", "team player");
        result.Has("FR301").Should().BeFalse();
    }

    [Fact]
    public void ReviewText_AllowedWords_AreNotReported()
    {
        var options = new ReviewTextOptions();
        options.AllowedWords.Add("emotional");
        var checker = ReviewTextChecker.Create(options);

        Words(checker.Check("She is abrasive and too emotional"), "FR302").Should().Equal("abrasive");
    }

    [Fact]
    public void ReviewText_HostConcreteMarkers_NameTheOrganisationsOwnDeliverables()
    {
        var products = WordListLoader.LoadString("""
            fairrubrics-words: 1
            id: acme-products
            title: Acme products
            source: Acme product catalogue 2026
            checks: [FR303]
            role: concrete-marker
            entries: [Atlas, Beacon]
            """).GetListOrThrow();
        var options = new ReviewTextOptions();
        options.WordLists.Add(products);

        Checker.Check("Great work on Atlas.").Has("FR303").Should().BeTrue();
        ReviewTextChecker.Create(options).Check("Great work on Atlas.").IsClean.Should().BeTrue();
    }

    [Fact]
    public void ReviewText_HostFlaggedWords_AreReportedByTheirCheck()
    {
        var words = WordListLoader.LoadString("""
            fairrubrics-words: 1
            id: acme-words
            title: Words our works council asked us to avoid
            source: Acme works council agreement 2024-03
            checks: [FR302]
            entries: [rockstar]
            """).GetListOrThrow();
        var options = new ReviewTextOptions();
        options.WordLists.Add(words);

        Words(ReviewTextChecker.Create(options).Check("A rockstar."), "FR302").Should().Equal("rockstar");
    }

    [Fact]
    public void ReviewText_Severities_AreConfigurableAndNullSwitchesACheckOff()
    {
        var options = new ReviewTextOptions();
        options.Severities["FR303"] = null;
        options.Severities["FR302"] = DiagnosticSeverity.Error;
        var checker = ReviewTextChecker.Create(options);

        var result = checker.Check("She is abrasive and too emotional");

        result.Findings.Select(f => (f.Id, f.Severity)).Should().Equal(("FR302", DiagnosticSeverity.Error));
    }

    [Fact]
    public void ReviewText_PersonalityCheckOff_EmotionalIsReportedAsGenderCoded()
    {
        var options = new ReviewTextOptions();
        options.Severities["FR302"] = null;

        Words(ReviewTextChecker.Create(options).Check("Too emotional in planning."), "FR301").Should().Equal("emotional");
    }

    [Fact]
    public void ReviewText_Options_AreValidated()
    {
        var range = () => ReviewTextChecker.Create(new ReviewTextOptions { VagueBelowWords = 0 });
        var unknown = () =>
        {
            var options = new ReviewTextOptions();
            options.Severities["FR104"] = DiagnosticSeverity.Error;
            return ReviewTextChecker.Create(options);
        };

        range.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("VagueBelowWords");
        unknown.Should().Throw<FairRubricsConfigurationException>().WithMessage("*FR104*FR301, FR302, FR303, FR304*");
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("az-Latn-AZ")]
    [InlineData("de-DE")]
    public void ReviewText_IsCultureInvariant(string culture)
    {
        const string comment = "SHE IS ABRASIVE, INTIMIDATING AND TOO EMOTIONAL IN MEETINGS";
        var expected = Checker.Check(comment).Findings.Select(f => f.Message).ToList();
        using var scope = new CultureScope(culture);

        var result = Checker.Check(comment);

        Words(result, "FR302").Should().Equal("ABRASIVE", "INTIMIDATING", "EMOTIONAL");
        result.Findings.Select(f => f.Message).Should().Equal(expected);
    }

    [Fact]
    public void ReviewText_Tokenisation_HandlesApostrophesHyphensAndUnicode()
    {
        Words(Checker.Check("She’s bossy — and self-confident."), "FR302").Should().Equal("bossy");
        Words(Checker.Check("She’s bossy — and self-confident."), "FR301").Should().Equal("self-confident");
        Words(Checker.Check("Är bossy's… überbossy, émotionnelle"), "FR302").Should().Equal("bossy's");
        Checker.Check("Überemotional.").Has("FR302").Should().BeFalse("a word is a whole run of Unicode letters");
    }

    [Fact]
    public void ReviewText_CleanComment_AllocatesNothing()
    {
        const string comment = "She led the billing migration in March: 40 services moved without downtime and she wrote the rollback runbook.";
        Checker.Check(comment);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Checker.Check(comment);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void ReviewText_IsThreadSafe()
    {
        var comments = new[] { "She is abrasive and too emotional", "He is assertive and analytical.", "Great job!", "Shipped the v2 API in March." };
        var expected = comments.Select(c => string.Join("|", Checker.Check(c).Findings)).ToArray();

        var results = new string[400];
        Parallel.For(0, results.Length, i => results[i] = string.Join("|", Checker.Check(comments[i % comments.Length]).Findings));

        results.Select((r, i) => r == expected[i % comments.Length]).Should().AllSatisfy(ok => ok.Should().BeTrue());
    }

    [Fact]
    public void AddFairRubrics_RegistersTheReviewTextCheckerWithItsOptions()
    {
        using var provider = new ServiceCollection()
            .AddFairRubrics(o => o.ReviewText.AllowedWords.Add("abrasive"))
            .Services.BuildServiceProvider();

        var checker = provider.GetRequiredService<IReviewTextChecker>();

        checker.Should().BeSameAs(provider.GetRequiredService<IReviewTextChecker>());
        checker.Descriptors.Select(d => (d.Id, d.DefaultSeverity)).Should().Equal(
            ("FR301", DiagnosticSeverity.Warning), ("FR302", DiagnosticSeverity.Warning), ("FR303", DiagnosticSeverity.Info), ("FR304", DiagnosticSeverity.Warning));
        Words(checker.Check("She is abrasive and too emotional"), "FR302").Should().Equal("emotional");
    }

    [Fact]
    public void AddFairRubrics_InvalidReviewTextOptions_FailAtRegistration()
    {
        var act = () => new ServiceCollection().AddFairRubrics(o => o.ReviewText.VagueBelowWords = 1000);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
