using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Guidance;

/// <summary>Guidance in plain words for the person assessed: plural-aware, data-driven phrases, culture-invariant.</summary>
public sealed class GuidanceTextTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static readonly Lazy<Rubric> Relationships = new(() =>
        new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow());

    /// <summary>Someone who builds relationships by helping others: 4 mentoring sessions and 3 times helping another team.</summary>
    private static EvidenceItem[] Helper()
    {
        var items = new List<EvidenceItem>();
        for (var i = 0; i < 4; i++)
        {
            items.Add(new EvidenceItem("e-042", "mentoring", Date: AsOf.AddDays((-30 * i) - 20), Id: $"m{i}"));
        }

        for (var i = 0; i < 3; i++)
        {
            items.Add(new EvidenceItem("e-042", "cross-team-help", Date: AsOf.AddDays((-50 * i) - 100), Id: $"h{i}"));
        }

        items.Add(new EvidenceItem("e-042", "rating", "delivery", "outcomes", 3, RaterSource.Manager, Date: AsOf.AddDays(-10), Id: "r1"));
        items.Add(new EvidenceItem("e-042", "rating", "delivery", "outcomes", 4, RaterSource.Peer, Date: AsOf.AddDays(-10), Id: "r2"));
        items.Add(new EvidenceItem("e-042", "process-improvement", Date: AsOf.AddDays(-40), Id: "p1"));
        return [.. items];
    }

    private static SubjectGuidance Advise(Rubric rubric, EvidenceItem[] items, EvidencePhrases? phrases = null) =>
        new GuidanceAdvisor(phrases).Advise(new RubricScorer().Score(rubric, items.Length > 0 ? items[0].Subject : "s", items, new ScoringOptions { AsOf = AsOf }));

    [Fact]
    public void Guidance_Text_ForSomeoneWhoHelpsOthers_NamesEveryRouteAndHowFarInPlainWords()
    {
        var guidance = Advise(Relationships.Value, Helper());

        guidance.Competencies[0].Text.Should().Be(
            "To reach Advanced in Builds professional relationships: "
            + "get 2 more ratings of 4 (Advanced) or higher from managers, peers or direct reports; "
            + "or hold 3 more mentoring sessions, help other teams 3 more times or be an onboarding buddy to 3 more new colleagues (any mix of these adds up); "
            + "or give 12 more talks, write 12 more documents or answer 12 more colleagues' questions (any mix of these adds up).");
    }

    [Fact]
    public void Guidance_Render_ShowsRoutesExpiryAndBandSteps()
    {
        var text = Advise(Relationships.Value, Helper()).ToString();

        text.Should().Be("""
            e-042: next steps in Professional relationships 1.0.0, as of 2026-11-27

            To reach Advanced (4) in Builds professional relationships (now 3), any one of these is enough:
            - Draws on a broad network to move work forward: get 2 more ratings of 4 (Advanced) or higher from managers, peers or direct reports.
            - Helps others succeed: hold 3 more mentoring sessions, help other teams 3 more times or be an onboarding buddy to 3 more new colleagues (any mix of these adds up). 1 of the 7 items counted now stops counting on 2027-05-12.
            - Passes on knowledge: give 12 more talks, write 12 more documents or answer 12 more colleagues' questions (any mix of these adds up).

            To reach Advanced (4) in Delivers results (now 3.5):
            - Delivers planned outcomes: get 1 more rating of 4 (Advanced) or higher from a manager or a peer. The 2 ratings counted now stop counting on 2027-11-18.

            To reach Emerging (1) in Produces work of consistent quality (no level yet):
            - Quality seen in reviews of the work: get 2 more ratings from managers or peers.

            To reach Developing (2) in Improves how the team works (now 1), any one of these is enough:
            - Improvements seen by colleagues: get 2 more ratings of 2 (Developing) or higher from managers or peers.
            - Improvements put in place: put 1 more process improvement in place or complete 1 more follow-up action from a review. The 1 item counted now stops counting on 2027-10-19.

            Overall: Solid now. Reaching Emerging (1) in Produces work of consistent quality would make it count in your overall result and move you from Solid to Developing.

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Guidance_Text_IsPluralAware()
    {
        var phrases = EvidencePhrases.BuiltIn;

        phrases.Describe("talk", 1).Should().Be("give 1 more talk");
        phrases.Describe("talk", 3).Should().Be("give 3 more talks");
        phrases.Describe("mentoring", 2).Should().Be("hold 2 more mentoring sessions");
        phrases.Describe("acme-help-article", 1).Should().Be("1 more 'acme-help-article' item");
        phrases.Describe("acme-help-article", 2).Should().Be("2 more 'acme-help-article' items");
    }

    [Fact]
    public void Guidance_Text_TypesWithoutPhrases_AreNamedAsTypes()
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal(
            "  - id: c\n    title: Sharing\n    paths:\n      - id: p\n        title: Articles\n        score: { rule: count, of: [help-article, wiki-edit], thresholds: { 1: 1, 2: 2, 3: 4 } }")).GetRubricOrThrow();

        var guidance = Advise(rubric, [new EvidenceItem("s", "help-article")]);

        guidance.Competencies[0].Text.Should().Be("To reach Mid in Sharing: 1 more item of type 'help-article' or 'wiki-edit'.");
    }

    [Fact]
    public void Guidance_Text_HostPhrases_AddToAndOverrideTheBuiltInOnes()
    {
        var host = EvidencePhrases.LoadString("""
            fairrubrics-phrases: 1
            description: Acme's words
            phrases:
              help-article:
                one: write 1 more help article
                other: write {n} more help articles
              talk:
                one: present at 1 more brown-bag session
                other: present at {n} more brown-bag sessions
            """, "acme.yaml").GetPhrasesOrThrow();
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal(
            "  - id: c\n    title: Sharing\n    paths:\n      - id: p\n        title: Articles\n        score: { rule: count, of: [help-article, talk, doc], thresholds: { 1: 1, 2: 2, 3: 4 } }")).GetRubricOrThrow();

        var guidance = Advise(rubric, [new EvidenceItem("s", "help-article")], EvidencePhrases.BuiltIn.With(host));

        guidance.Competencies[0].Text.Should().Be("To reach Mid in Sharing: write 1 more help article, present at 1 more brown-bag session or write 1 more document.");
        EvidencePhrases.BuiltIn.Describe("talk", 1).Should().Be("give 1 more talk", "the built-in set is not changed");
    }

    [Fact]
    public void Guidance_Text_RatingsWhereOnlySomeNeedTheLevel()
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal(
            "  - id: c\n    title: Delivery\n    paths:\n      - id: p\n        title: Outcomes\n        score: { rule: rating, sources: [self], aggregate: max, min-ratings: 3 }")).GetRubricOrThrow();

        var guidance = Advise(rubric, []);

        guidance.Competencies[0].Text.Should().Be("To reach Low in Delivery: get 3 more ratings from yourself.");
        var one = new EvidenceItem("s", "rating", "c", "p", 1, RaterSource.Self);
        Advise(rubric, [one]).Competencies[0].Text.Should().Be("To reach Low in Delivery: get 2 more ratings from yourself.");
        Advise(rubric, [one, one, one]).Competencies[0].Text.Should().Be("To reach Mid in Delivery: get 1 more rating of 2 (Mid) or higher from yourself.");
        var high = new EvidenceItem("s", "rating", "c", "p", 2, RaterSource.Self);
        Advise(rubric, [high]).Competencies[0].Text.Should().Be("To reach Low in Delivery: get 2 more ratings from yourself.", "the path has no level until it has 3 ratings");
    }

    [Fact]
    public void Guidance_Text_CustomRuleWithoutGuide_AsksTheManager()
    {
        var rubric = TestRubrics.LoaderWithCustomRule().LoadString(TestRubrics.Minimal(
            "  - id: c\n    title: Tenure\n    paths:\n      - id: p\n        title: Time in role\n        score: { rule: acme/tenure-weighted }")).GetRubricOrThrow();

        var guidance = Advise(rubric, []);

        guidance.Competencies[0].Routes.Single().Text.Should().Be("ask your manager what evidence counts for Time in role");
        guidance.Competencies[0].Text.Should().Be("To reach Low in Tenure: ask your manager what evidence counts for Time in role.");
    }

    [Fact]
    public void Guidance_Text_NoRoute_SaysSoWithoutSuggestingOne()
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal(
            "  - id: c\n    title: Certified\n    paths:\n      - id: p\n        title: Certificate\n        score: { rule: presence, of: [certificate], level: 1 }")).GetRubricOrThrow();

        var guidance = Advise(rubric, [new EvidenceItem("s", "certificate")]);

        guidance.Competencies[0].Routes.Should().BeEmpty();
        guidance.Competencies[0].Text.Should().Be("No path of Certified reaches Mid with more evidence now; ask your manager how to get there.");
        guidance.Competencies[0].Unreachable.Single().Text.Should().Be("this path gives level 1 and no higher");
    }

    [Fact]
    public void Guidance_Text_UnderAnyCulture_IsIdentical()
    {
        var expected = Advise(Relationships.Value, Helper()).ToString();

        foreach (var culture in new[] { "de-DE", "tr-TR", "ar-SA", "fr-CH", "hi-IN" })
        {
            using var scope = new CultureScope(culture);
            Advise(Relationships.Value, Helper()).ToString().Should().Be(expected, culture);
        }
    }

    [Fact]
    public void Guidance_Phrases_BuiltIn_CoverEveryOccurrenceTypeOfTheShippedRubrics()
    {
        var loader = new RubricLoader();
        var types = Directory.GetFiles(Path.Combine(TestRubrics.RepositoryRoot, "rubrics"), "*.yaml")
            .Select(f => loader.LoadFile(f).GetRubricOrThrow())
            .SelectMany(r => r.Competencies.SelectMany(c => c.Paths))
            .SelectMany(p => p.Score.Settings switch { CountRuleSettings c => c.Of, PresenceRuleSettings s => s.Of, _ => [] })
            .Distinct()
            .ToList();

        types.Should().NotBeEmpty();
        types.Where(t => !EvidencePhrases.BuiltIn.TryGetPhrase(t, out _)).Should().BeEmpty();
    }

    [Fact]
    public void Guidance_Phrases_InvalidFile_ReportsEveryProblemWithItsPosition()
    {
        var result = EvidencePhrases.LoadString("""
            fairrubrics-phrases: 2
            phrase:
              x: 1
            phrases:
              Talk: { one: give 1 more talk, other: give more talks }
              rating: { one: a, other: "{n} b" }
              doc: { one: write 1 more document, others: "write {n} more documents" }
              quiz: [a, b]
            """, "bad.yaml");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "bad.yaml:1:22: error FR002: phrase-file format version '2' is not supported; write 'fairrubrics-phrases: 1'",
            "bad.yaml:2:1: error FR003: unknown key 'phrase' in the phrase file; did you mean 'phrases'?",
            "bad.yaml:5:3: error FR008: an evidence type 'Talk' is not lower-case kebab-case; use letters a-z, digits and single '-' between words, starting with a letter, e.g. 'talk'",
            "bad.yaml:5:41: error FR031: 'other' has no '{n}' where the number goes; write e.g. 'give {n} more talks'",
            "bad.yaml:6:3: error FR008: 'rating' is not an occurrence type: guidance words ratings itself; remove this entry",
            "bad.yaml:7:38: error FR003: unknown key 'others' in the phrases of 'doc'; did you mean 'other'?",
            "bad.yaml:8:9: error FR006: the phrases of 'quiz' must be a mapping of keys and values, not a list");
        FluentActions.Invoking(() => result.GetPhrasesOrThrow()).Should().Throw<FairRubricsConfigurationException>().WithMessage("*bad.yaml:1:22*");
    }

    [Fact]
    public void Guidance_Phrases_MissingFile_IsReportedNotThrown()
    {
        var result = EvidencePhrases.LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "no-such-phrases.yaml"));

        result.Diagnostics.Single().Id.Should().Be("FR030");
    }

    [Fact]
    public void Guidance_Phrases_InCode_AreValidated()
    {
        FluentActions.Invoking(() => new EvidencePhrase("give 1 more talk", "give more talks")).Should().Throw<ArgumentException>();
        EvidencePhrases.Create([new("talk", new EvidencePhrase("speak once more", "speak {n} more times"))]).Describe("talk", 2).Should().Be("speak 2 more times");
        EvidencePhrases.Empty.Describe("talk", 1).Should().Be("1 more 'talk' item");
    }
}
