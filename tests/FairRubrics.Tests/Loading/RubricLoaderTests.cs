using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Loading;

public sealed class RubricLoaderTests
{
    private const string ProductExample = """
        fairrubrics: 1
        id: professional-relationships
        version: 2.1.0
        title: Professional relationships
        description: >
          Recognises the different ways people build and use professional relationships.
        scale:
          1: Emerging
          2: Developing
          3: Proficient
          4: Advanced
          5: Role model
        competencies:
          - id: relationships
            title: Builds professional relationships
            category: interpersonal
            weight: 3
            combine: best-of
            paths:
              - id: broad-network
                title: Builds and draws on a broad network
                anchors:
                  3: Keeps in touch with people across teams and draws on them to unblock work.
                  5: Connects people across the organisation so that projects start faster.
                score:
                  rule: rating
                  sources: [manager, peer]
                  aggregate: mean
                  min-ratings: 1
              - id: altruistic-contribution
                title: Helps others succeed
                weight: 1
                score:
                  rule: count
                  of: [mentoring, cross-team-help, onboarding-buddy]
                  thresholds: { 1: 1, 2: 3, 3: 6, 4: 10, 5: 15 }
              - id: knowledge-sharing
                title: Shares knowledge
                score:
                  rule: count
                  of: [talk, doc, answered-question]
                  thresholds: { 1: 1, 2: 4, 3: 8, 4: 12, 5: 20 }
          - id: delivery
            title: Delivers results
            category: delivery
            paths:
              - id: manager-assessment
                title: Manager assessment
                score: { rule: rating, sources: [manager] }
        bands:
          - { label: Exceptional, min: 4.5 }
          - { label: Strong, min: 3.5 }
          - { label: Solid, min: 2.5 }
          - { label: Developing, min: 0 }
        favourable: [Exceptional, Strong]
        missing-evidence: exclude
        window: { months: 12 }
        checks:
          suppress:
            - { id: FR104, at: competencies.relationships.paths.broad-network, reason: "Reviewed by the works council" }
        """;

    [Fact]
    public void Loader_ProductExample_BuildsTheWholeModel()
    {
        var result = new RubricLoader().LoadString(ProductExample, "example.yaml");

        result.Diagnostics.Should().BeEmpty();
        var rubric = result.Rubric!;
        rubric.Id.Should().Be("professional-relationships");
        rubric.Version.Should().Be("2.1.0");
        rubric.Description.Should().Be("Recognises the different ways people build and use professional relationships.\n");
        rubric.Scale.MaxLevel.Should().Be(5);
        rubric.Scale.LabelOf(5).Should().Be("Role model");
        rubric.Competencies.Select(c => c.Id).Should().Equal("relationships", "delivery");

        var relationships = rubric.Competencies[0];
        relationships.Category.Should().Be(CompetencyCategory.Interpersonal);
        relationships.Weight.Should().Be(3);
        relationships.Combine.Should().Be(CombineMode.BestOf);
        relationships.Location.Should().Be(new SourceLocation("example.yaml", 14, 5));
        relationships.Paths.Select(p => p.Id).Should().Equal("broad-network", "altruistic-contribution", "knowledge-sharing");

        var network = relationships.Paths[0];
        network.Anchors.Select(a => a.Level).Should().Equal(3, 5);
        network.Anchors[0].Location.Should().Be(new SourceLocation("example.yaml", 23, 14));
        network.Score.Rule.Should().Be("rating");
        network.Score.Settings.Should().BeEquivalentTo(new RatingRuleSettings([RaterSource.Manager, RaterSource.Peer], RatingAggregate.Mean, 1));

        var altruistic = (CountRuleSettings)relationships.Paths[1].Score.Settings;
        altruistic.Of.Should().Equal("mentoring", "cross-team-help", "onboarding-buddy");
        altruistic.Thresholds.Select(t => (t.Level, t.MinCount)).Should().Equal((1, 1), (2, 3), (3, 6), (4, 10), (5, 15));
        altruistic.LevelFor(0).Should().BeNull();
        altruistic.LevelFor(9.5).Should().Be(3);

        rubric.Competencies[1].Weight.Should().Be(1);
        rubric.Competencies[1].Category.Should().Be(CompetencyCategory.Delivery);
        rubric.Bands.Select(b => b.Label).Should().Equal("Exceptional", "Strong", "Solid", "Developing");
        rubric.Favourable.Should().Equal("Exceptional", "Strong");
        rubric.MissingEvidence.Should().Be(MissingEvidencePolicy.Exclude);
        rubric.Window.Should().NotBeNull();
        rubric.Window!.Months.Should().Be(12);
        rubric.Window.EarliestCountedDate(new DateOnly(2026, 2, 28)).Should().Be(new DateOnly(2025, 2, 28));
        rubric.Checks.Suppressions.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Id = "FR104", At = "competencies.relationships.paths.broad-network", Reason = "Reviewed by the works council" });
        rubric.ContentHash.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Loader_Defaults_AreAppliedWhenKeysAreOmitted()
    {
        var rubric = new RubricLoader().LoadString(TestRubrics.Minimal()).GetRubricOrThrow();

        var competency = rubric.Competencies.Single();
        competency.Category.Should().Be(CompetencyCategory.Other);
        competency.Weight.Should().Be(1);
        competency.Combine.Should().Be(CombineMode.BestOf);
        competency.Paths[0].Weight.Should().Be(1);
        competency.Paths[0].Anchors.Should().BeEmpty();
        rubric.Bands.Should().BeEmpty();
        rubric.Favourable.Should().BeEmpty();
        rubric.MissingEvidence.Should().Be(MissingEvidencePolicy.Exclude);
        rubric.Window.Should().BeNull();
        var rating = (RatingRuleSettings)competency.Paths[0].Score.Settings;
        rating.Aggregate.Should().Be(RatingAggregate.Mean);
        rating.MinRatings.Should().Be(1);
    }

    [Fact]
    public void Loader_PresenceRule_BindsLevelAndTypes()
    {
        var yaml = TestRubrics.Minimal("""
              - id: certification
                title: Certified
                paths:
                  - id: certificate
                    title: Holds the certificate
                    score: { rule: presence, of: [certificate], level: 3 }
            """);

        var rubric = new RubricLoader().LoadString(yaml).GetRubricOrThrow();

        rubric.Competencies[0].Paths[0].Score.Settings.Should().BeEquivalentTo(new PresenceRuleSettings(["certificate"], 3));
    }

    [Fact]
    public void Loader_MistakesInSeveralPlaces_AreAllReportedInOnePass()
    {
        var yaml = """
            fairrubrics: 1
            id: Bad_Id
            version: 1
            title: Many mistakes
            scale: { 1: Low, 2: Mid, 4: High }
            competencies:
              - id: delivery
                titel: Delivers
                weight: -1
                paths: []
            """;

        var result = new RubricLoader().LoadString(yaml, "many.yaml");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Select(d => $"{d.Id} {d.Location.Line}:{d.Location.Column}").Should().Equal(
            "FR008 2:5", "FR012 3:10", "FR013 5:26", "FR003 8:5", "FR011 9:13", "FR032 10:12");
        result.Diagnostics.Single(d => d.Id == "FR003").Message.Should().Contain("did you mean 'title'?");
    }

    [Fact]
    public void Loader_GetRubricOrThrow_ThrowsWithEveryError()
    {
        var result = new RubricLoader().LoadString("fairrubrics: 2\nid: x\n", "v2.yaml");

        var act = () => result.GetRubricOrThrow();

        act.Should().Throw<RubricLoadException>()
            .Which.Message.Should().Contain("v2.yaml:1:14: error FR002").And.Contain("FR005");
    }

    [Fact]
    public void Loader_UnknownRule_SuggestsTheClosestRegisteredName()
    {
        var yaml = TestRubrics.Minimal("""
              - id: delivery
                title: Delivers
                paths:
                  - id: manager
                    title: Manager view
                    score: { rule: ratings }
            """);

        var result = new RubricLoader().LoadString(yaml);

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("no scoring rule is named 'ratings'; did you mean 'rating'?");
    }

    [Fact]
    public void LoadDirectory_TwoFilesWithTheSameIdAndVersion_ReportsFR029OnTheSecond()
    {
        var dir = Directory.CreateTempSubdirectory("fairrubrics-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), TestRubrics.Minimal());
            File.WriteAllText(Path.Combine(dir.FullName, "b.yaml"), TestRubrics.Minimal());
            Directory.CreateDirectory(Path.Combine(dir.FullName, "sub"));
            File.WriteAllText(Path.Combine(dir.FullName, "sub", "c.yml"), TestRubrics.Minimal().Replace("version: 1.0.0", "version: 1.1.0", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not a rubric");

            var result = new RubricLoader().LoadDirectory(dir.FullName);

            result.Files.Should().HaveCount(3);
            result.Rubrics.Select(r => r.Version).Should().Equal("1.0.0", "1.1.0");
            var duplicate = result.Diagnostics.Should().ContainSingle().Which;
            duplicate.Id.Should().Be("FR029");
            duplicate.Location.File.Should().EndWith("b.yaml");
            duplicate.Message.Should().Contain("a.yaml");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsFR030WithoutThrowing()
    {
        var result = new RubricLoader().LoadFile("/no/such/rubric.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Id == "FR030" && d.Message.Contains("does not exist"));
    }

    [Fact]
    public void LoadDirectory_MissingFolder_ReportsFR030()
    {
        var result = new RubricLoader().LoadDirectory("/no/such/folder");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Id.Should().Be("FR030");
    }

    [Fact]
    public void LoadStream_LeavesTheStreamOpen()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TestRubrics.Minimal()));

        new RubricLoader().LoadStream(stream, "s.yaml").Succeeded.Should().BeTrue();

        stream.CanRead.Should().BeTrue();
    }

    [Fact]
    public void Loader_Options_OutOfRangeAreRejectedWhenTheLoaderIsCreated()
    {
        var act = () => new RubricLoader(new RubricLoaderOptions { MaxDepth = 1 }, ScoringRuleSet.BuiltInOnly);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDepth");
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Loader_UnderAnyCulture_ParsesNumbersAndReportsIdentically(string culture)
    {
        var yaml = TestRubrics.Minimal("""
              - id: delivery
                title: Delivers
                weight: 2.5
                paths:
                  - id: manager
                    title: Manager view
                    score: { rule: rating, sources: [manager, peer] }
              - id: INTEGRITY
                title: Integrity
                weight: 0,5
                paths:
                  - id: manager
                    title: Manager view
                    score: { rule: rating, sources: [manager, peer] }
            """);
        var invariant = new RubricLoader().LoadString(yaml);
        var valid = new RubricLoader().LoadString(TestRubrics.Minimal()).GetRubricOrThrow();

        using (new CultureScope(culture))
        {
            var result = new RubricLoader().LoadString(yaml);
            result.Diagnostics.Select(d => d.ToString()).Should().Equal(invariant.Diagnostics.Select(d => d.ToString()));
            result.Diagnostics.Select(d => d.Id).Should().Equal("FR008", "FR009");
            new RubricLoader().LoadString(TestRubrics.Minimal()).GetRubricOrThrow().ContentHash.Should().Be(valid.ContentHash);
        }

        var weighted = new RubricLoader().LoadString(yaml.Replace("weight: 0,5", "weight: 0.5", StringComparison.Ordinal).Replace("INTEGRITY", "integrity", StringComparison.Ordinal)).GetRubricOrThrow();
        weighted.Competencies.Select(c => c.Weight).Should().Equal(2.5, 0.5);
    }

    [Fact]
    public void Loader_IsThreadSafe_ParallelLoadsGiveTheSameResults()
    {
        var loader = new RubricLoader();
        var files = Directory.EnumerateFiles(Path.Combine(TestRubrics.RepositoryRoot, "rubrics"), "*.yaml").ToArray();
        var expected = files.ToDictionary(f => f, f => loader.LoadFile(f).GetRubricOrThrow().ContentHash);

        var hashes = Enumerable.Range(0, 64).AsParallel().Select(i => (File: files[i % files.Length], Hash: loader.LoadFile(files[i % files.Length]).GetRubricOrThrow().ContentHash)).ToList();

        hashes.Should().OnlyContain(h => expected[h.File] == h.Hash);
    }
}
