using System.Text;
using System.Text.Json;
using FairRubrics.DependencyInjection;
using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Guidance;

/// <summary>Structured guidance for hosts that render it themselves, and how hosts get the advisor.</summary>
public sealed class GuidanceJsonTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private const string Rubric = """
        fairrubrics: 1
        id: json
        version: 1.0.0
        title: Json
        scale: { 1: One, 2: Two, 3: Three }
        competencies:
          - id: relationships
            title: Relationships
            paths:
              - id: network
                title: Network
                score: { rule: rating, sources: [manager, peer], min-ratings: 2 }
              - id: helping
                title: Helping
                score: { rule: count, of: [mentoring, cross-team-help], thresholds: { 1: 1, 2: 3, 3: 6 } }
              - id: certified
                title: Certified
                score: { rule: presence, of: [certificate], level: 1 }
              - id: tenure
                title: Tenure
                score: { rule: acme/tenure-weighted }
          - id: delivery
            title: Delivery
            weight: 2
            paths:
              - id: manager
                title: Manager
                score: { rule: rating, sources: [manager], aggregate: max }
        bands:
          - { label: Strong, min: 2.3 }
          - { label: Solid, min: 0 }
        window: { months: 12 }
        """;

    private static (SubjectScore Score, SubjectGuidance Guidance) Advise()
    {
        var rubric = TestRubrics.LoaderWithCustomRule().LoadString(Rubric).GetRubricOrThrow();
        var score = new RubricScorer().Score(rubric, "s1",
        [
            new EvidenceItem("s1", "mentoring", Date: new DateOnly(2025, 9, 1), Id: "m1"),
            new EvidenceItem("s1", "certificate", Date: AsOf, Id: "c1"),
            new EvidenceItem("s1", "rating", "delivery", "manager", 2, RaterSource.Manager, Date: AsOf, Id: "r1"),
        ], new ScoringOptions { AsOf = AsOf });
        return (score, new GuidanceAdvisor().Advise(score));
    }

    private static JsonElement Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.Clone();
    }

    [Fact]
    public void Guidance_Json_HasEveryRouteWithStructuredNeedsAndText()
    {
        var (_, guidance) = Advise();

        var json = Json(w => GuidanceJson.Write(w, guidance));

        json.GetProperty("band").GetString().Should().Be("Solid");
        var relationships = json.GetProperty("competencies")[0];
        (relationships.GetProperty("id").GetString(), relationships.GetProperty("level").GetDouble(), relationships.GetProperty("target").GetInt32(), relationships.GetProperty("targetLabel").GetString())
            .Should().Be(("relationships", 1, 2, "Two"));
        var routes = relationships.GetProperty("routes");
        routes.EnumerateArray().Select(r => r.GetProperty("path").GetString()).Should().Equal("network", "helping", "tenure");

        var ratings = routes[0].GetProperty("needs")[0];
        ratings.GetProperty("kind").GetString().Should().Be("ratings");
        ratings.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Should().Equal("manager", "peer");
        (ratings.GetProperty("count").GetInt32(), ratings.GetProperty("minimumLevel").GetInt32(), ratings.GetProperty("countAtMinimum").GetInt32()).Should().Be((2, 2, 2));
        routes[0].GetProperty("text").GetString().Should().Be("get 2 more ratings of 2 (Two) or higher from managers or peers");

        var helping = routes[1];
        helping.GetProperty("level").GetDouble().Should().Be(1);
        helping.GetProperty("requiredLevel").GetDouble().Should().Be(2);
        var occurrences = helping.GetProperty("needs")[0];
        occurrences.GetProperty("kind").GetString().Should().Be("occurrences");
        occurrences.GetProperty("types").EnumerateArray().Select(t => t.GetString()).Should().Equal("mentoring", "cross-team-help");
        occurrences.GetProperty("count").GetInt32().Should().Be(2);
        var expiring = helping.GetProperty("expiring")[0];
        (expiring.GetProperty("stopsCountingOn").GetString(), expiring.GetProperty("count").GetInt32(), expiring.GetProperty("quantity").GetDouble(), expiring.GetProperty("items")[0].GetString())
            .Should().Be(("2026-09-02", 1, 1.0, "m1"));

        routes[2].GetProperty("needs").ValueKind.Should().Be(JsonValueKind.Null, "the custom rule cannot say");
        routes[2].GetProperty("text").GetString().Should().Be("ask your manager what evidence counts for Tenure");

        var capped = relationships.GetProperty("unreachable").EnumerateArray().Single();
        capped.GetProperty("path").GetString().Should().Be("certified");
        capped.GetProperty("reason").GetString().Should().Be("this path gives level 1 and no higher");
        capped.TryGetProperty("needs", out _).Should().BeFalse();
    }

    [Fact]
    public void Guidance_Json_HasTheBandSteps()
    {
        var (_, guidance) = Advise();

        var step = Json(w => GuidanceJson.Write(w, guidance)).GetProperty("bandSteps").EnumerateArray().Single();

        step.GetProperty("competency").GetString().Should().Be("delivery");
        (step.GetProperty("target").GetInt32(), step.GetProperty("fromBand").GetString(), step.GetProperty("toBand").GetString(), step.GetProperty("raises").GetBoolean())
            .Should().Be((3, "Solid", "Strong", true));
        step.GetProperty("overall").GetDouble().Should().BeApproximately(7.0 / 3, 1e-12);
        step.GetProperty("text").GetString().Should().Be("Reaching Three (3) in Delivery would move you from Solid to Strong.");
    }

    [Fact]
    public void Guidance_ScoreJson_PutsTheGuidanceUnderGuidance()
    {
        var (score, guidance) = Advise();

        var json = Json(w => ScoreJson.Write(w, score, guidance, explain: true));

        json.GetProperty("subject").GetString().Should().Be("s1");
        json.GetProperty("guidance").GetProperty("competencies").GetArrayLength().Should().Be(2);
        json.GetProperty("competencies")[0].GetProperty("explanation").GetString().Should().NotBeEmpty();
    }

    [Fact]
    public void Guidance_ScoreJson_RejectsGuidanceOfAnotherScore()
    {
        var (score, _) = Advise();
        var other = new GuidanceAdvisor().Advise(new RubricScorer().Score(score.Rubric, "s2", [], new ScoringOptions { AsOf = AsOf }));
        using var writer = new Utf8JsonWriter(new MemoryStream());

        FluentActions.Invoking(() => ScoreJson.Write(writer, score, other)).Should().Throw<ArgumentException>().WithMessage("*subject 's2'*not for this score of 's1'*");
    }

    [Fact]
    public void Guidance_Advisor_IsRegisteredByAddFairRubricsWithTheConfiguredPhrases()
    {
        var phrases = EvidencePhrases.Create([new("mentoring", new EvidencePhrase("mentor 1 more colleague", "mentor {n} more colleagues"))]);
        using var provider = new ServiceCollection()
            .AddFairRubrics(o => o.Guidance.Phrases = EvidencePhrases.BuiltIn.With(phrases))
            .AddScoringRule<TestRubrics.AcceptAnythingRule>()
            .Services.BuildServiceProvider();

        var advisor = provider.GetRequiredService<IGuidanceAdvisor>();
        var rubric = provider.GetRequiredService<RubricLoader>().LoadString(Rubric).GetRubricOrThrow();
        var guidance = advisor.Advise(provider.GetRequiredService<IRubricScorer>().Score(rubric, "s", [new EvidenceItem("s", "mentoring", Date: AsOf)], new ScoringOptions { AsOf = AsOf }));

        guidance.Competencies[0].Routes[1].Text.Should().Be("mentor 2 more colleagues or help other teams 2 more times (any mix of these adds up)");
        provider.GetRequiredService<IGuidanceAdvisor>().Should().BeSameAs(advisor);
        new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider().GetRequiredService<IGuidanceAdvisor>()
            .Should().BeOfType<GuidanceAdvisor>().Which.Phrases.Should().BeSameAs(EvidencePhrases.BuiltIn);
    }

    [Fact]
    public void Guidance_InParallel_EqualsSequential()
    {
        var rubric = TestRubrics.LoaderWithCustomRule().LoadString(Rubric).GetRubricOrThrow();
        var random = new Random(5);
        string[] types = ["mentoring", "cross-team-help", "certificate"];
        var evidence = Enumerable.Range(0, 300).SelectMany(i => Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(3) == 0
            ? new EvidenceItem($"s{i:D3}", "rating", "relationships", "network", random.Next(1, 4), RaterSource.Peer, Date: AsOf.AddDays(-random.Next(400)))
            : new EvidenceItem($"s{i:D3}", types[random.Next(3)], Date: AsOf.AddDays(-random.Next(400))))).ToArray();
        var scores = new RubricScorer().ScoreAll(rubric, evidence, new ScoringOptions { AsOf = AsOf });
        var advisor = new GuidanceAdvisor();
        string Render(SubjectScore score) => Encoding.UTF8.GetString(JsonBytes(w => ScoreJson.Write(w, score, advisor.Advise(score))));

        var sequential = scores.Select(Render).ToList();
        var parallel = scores.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(Render).ToList();

        parallel.Should().Equal(sequential);
    }

    private static byte[] JsonBytes(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
