using FairRubrics.Checks;

namespace FairRubrics.Tests.Checks;

public sealed class DesignCheckTests
{
    [Fact]
    public void Check_WellWrittenRubric_HasNoFindings()
    {
        Lint.Run(Lint.Rubric(Lint.GoodRelationships)).Should().BeEmpty();
    }

    // FR101 ------------------------------------------------------------------------------------------

    [Fact]
    public void Check_FR101_SinglePathInterpersonal_Triggers()
    {
        var yaml = Lint.Rubric("""
              - id: networking
                title: Builds relationships
                category: interpersonal
                paths:
                  - id: rated
                    title: Relationships seen by colleagues
                    anchors: { 1: Asks for help mainly inside their own team., 5: Brings people from different teams into the same piece of work. }
                    score: { rule: rating, sources: [manager, peer] }
            """);

        var finding = Lint.Only("FR101", yaml).Should().ContainSingle().Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Location.Line.Should().Be(19);
        finding.Message.Should().Contain("'networking'").And.Contain("single evidence path").And.Contain("best-of");
    }

    [Fact]
    public void Check_FR101_SinglePathNonInterpersonal_NearMiss()
    {
        var yaml = Lint.Rubric("""
              - id: craft
                title: Technical craft
                category: technical
                paths:
                  - id: rated
                    title: Code quality seen in reviews
                    anchors: { 1: Writes code that works for the main case., 5: Sets technical direction for a system used by several teams. }
                    score: { rule: rating, sources: [manager, peer] }
            """);

        Lint.Only("FR101", yaml).Should().BeEmpty();
        Lint.Only("FR101", Lint.Rubric(Lint.GoodRelationships)).Should().BeEmpty();
    }

    // FR102 ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("[new-contact]")]
    [InlineData("[linkedin-connection, referral]")]
    [InlineData("[networking-event-attended]")]
    [InlineData("[senior-leader-meeting]")]
    [InlineData("[meeting-attended]")]
    [InlineData("[coffee-chat]")]
    public void Check_FR102_CountOfContactTypes_Triggers(string of)
    {
        var yaml = Lint.Rubric($$"""
              - id: reach
                title: Reach
                paths:
                  - id: counted
                    title: Activity counted over the year
                    anchors: { 1: Has done it once in the period., 5: Does it as a sustained part of their contribution. }
                    score: { rule: count, of: {{of}}, thresholds: { 1: 1, 5: 10 } }
            """);

        var finding = Lint.Only("FR102", yaml).Should().ContainSingle().Subject;
        finding.Location.Line.Should().Be(25);
        finding.Message.Should().Contain("path 'counted' counts").And.Contain("instead");
    }

    [Fact]
    public void Check_FR102_PresencePathAndAnchorsAndTitle_Trigger()
    {
        var yaml = Lint.Rubric("""
              - id: reach
                title: Reach
                paths:
                  - id: network-size
                    title: Size of network
                    anchors:
                      4: Attends every networking event and regularly meets senior leaders.
                    score: { rule: presence, of: [speaker-slot], level: 4 }
            """);

        var findings = Lint.Only("FR102", yaml);

        findings.Select(f => f.Location.Line).Should().Equal(23, 25);
        findings[1].Message.Should().Contain("'networking event'").And.Contain("'meets senior leaders'");
    }

    [Theory]
    [InlineData("[mentoring, cross-team-help, onboarding-buddy]", "Helps others succeed", "Has mentored a colleague or helped another team at least once.")]
    [InlineData("[first-contact-resolution]", "Resolves cases at first contact", "Resolves the customer's problem at first contact in most cases.")]
    [InlineData("[network-incident-fixed]", "Fixes network incidents", "Restores service during network incidents in their area.")]
    [InlineData("[talk, doc]", "Passes on knowledge", "Connects people who need an answer with the document that has it.")]
    public void Check_FR102_CountOfOutcomes_NearMiss(string of, string title, string anchor)
    {
        var yaml = Lint.Rubric($$"""
              - id: reach
                title: Reach
                paths:
                  - id: counted
                    title: {{title}}
                    anchors: { 1: "{{anchor}}" }
                    score: { rule: count, of: {{of}}, thresholds: { 1: 1, 5: 10 } }
            """);

        Lint.Only("FR102", yaml).Should().BeEmpty();
    }

    [Fact]
    public void Check_FR102_RatingPathWithNetworkWords_NearMiss()
    {
        // Rated on what the network achieves: FR102 looks at count and presence paths only.
        Lint.Only("FR102", Lint.Rubric(Lint.GoodRelationships)).Should().BeEmpty();
    }

    // FR103 ------------------------------------------------------------------------------------------

    [Fact]
    public void Check_FR103_CountPathCappedBelowRatingPath_Triggers()
    {
        var yaml = Lint.Rubric("""
              - id: sharing
                title: Shares knowledge
                paths:
                  - id: rated
                    title: Knowledge sharing seen by colleagues
                    anchors: { 1: Answers questions when asked., 5: Is a main source of knowledge across teams. }
                    score: { rule: rating, sources: [manager, peer] }
                  - id: talks
                    title: Talks given
                    anchors: { 1: Has given a talk in the period., 3: Gives talks that other teams reference. }
                    score: { rule: count, of: [talk], thresholds: { 1: 1, 2: 3, 3: 6 } }
                  - id: award
                    title: Knowledge award
                    anchors: { 2: Received the knowledge-sharing award of their department. }
                    score: { rule: presence, of: [knowledge-award], level: 2 }
            """);

        var findings = Lint.Only("FR103", yaml);

        findings.Should().HaveCount(2);
        findings[0].Message.Should().Contain("'talks' can reach at most level 3 (Proficient) while path 'rated' reaches level 5 (Role model)").And.Contain("4: N1, 5: N2");
        findings[0].Location.Line.Should().Be(29);
        findings[1].Message.Should().Contain("'award' can reach at most level 2").And.Contain("raise its 'level' to 5");
    }

    [Fact]
    public void Check_FR103_EqualCeilingsOrMeanCombine_NearMiss()
    {
        Lint.Only("FR103", Lint.Rubric(Lint.GoodRelationships)).Should().BeEmpty();
        var mean = Lint.Rubric("""
              - id: sharing
                title: Shares knowledge
                combine: mean
                paths:
                  - id: rated
                    title: Knowledge sharing seen by colleagues
                    score: { rule: rating, sources: [manager, peer] }
                  - id: talks
                    title: Talks given
                    score: { rule: count, of: [talk], thresholds: { 1: 1, 3: 6 } }
            """);
        Lint.Only("FR103", mean).Should().BeEmpty("FR103 is about best-of, where the capped route can never win");
    }

    // FR104 ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Is naturally confident and outgoing with senior colleagues.", "'naturally confident'")]
    [InlineData("Is assertive in design reviews and rarely backs down.", "'assertive' (masculine-coded")]
    [InlineData("Can be abrasive when reviewing the work of others.", "'abrasive' (personality)")]
    [InlineData("A strong culture fit who lives our values every day.", "'culture fit'")]
    [InlineData("Shows empathy and warmth with every customer they talk to.", "'empathy' (feminine-coded")]
    [InlineData("Takes a competitive, dominant stance in negotiations.", "'dominant'")]
    [InlineData("Is a real team player who gets along with everyone.", "'team player'")]
    [InlineData("Works in a self-reliant way without needing guidance.", "'self-reliant'")]
    public void Check_FR104_CodedOrPersonalityWordInAnchor_Triggers(string anchor, string expected)
    {
        var yaml = Lint.Rubric(Lint.GoodRelationships.Replace("Asks for help mainly inside their own team.", anchor, StringComparison.Ordinal));

        var finding = Lint.Only("FR104", yaml).Should().ContainSingle().Subject;
        finding.Message.Should().Contain(expected).And.Contain("anchor 1 of path 'broad-network'");
        finding.Location.ToString().Should().Be("test.yaml:27:14");
    }

    [Theory]
    [InlineData("Leads the migration of two services and writes down the trade-offs considered.")]
    [InlineData("Presents the quarterly results to senior leadership and shareholders with data.")]
    [InlineData("Analyses incidents, challenges assumptions with data and supports colleagues on call.")]
    [InlineData("Shares what they learn in a weekly write-up that other teams use.")]
    [InlineData("Builds the competencies the team lacks by pairing on hard problems.")]
    [InlineData("Is competent with the tools of the team and responsible for two services.")]
    [InlineData("Handles sensitive customer data according to the documented procedure.")]
    [InlineData("Explains the kind of problem to the customer in their own terms.")]
    public void Check_FR104_ActionWordsAndLookAlikes_NearMiss(string anchor)
    {
        var yaml = Lint.Rubric(Lint.GoodRelationships.Replace("Asks for help mainly inside their own team.", anchor, StringComparison.Ordinal));

        Lint.Only("FR104", yaml).Should().BeEmpty();
    }

    [Fact]
    public void Check_FR104_TitleAndDescription_Trigger()
    {
        var yaml = Lint.Rubric("""
              - id: presence
                title: Executive presence
                description: Has gravitas in the room.
                paths:
                  - id: rated
                    title: Outgoing and likeable
                    anchors: { 1: Asks for help mainly inside their own team., 5: Brings people from different teams into the same piece of work. }
                    score: { rule: rating, sources: [manager, peer] }
            """);

        Lint.Only("FR104", yaml).Select(f => f.Message[..f.Message.IndexOf(" uses", StringComparison.Ordinal)]).Should().BeEquivalentTo(
            "the title of competency 'presence'", "the description of competency 'presence'", "the title of path 'rated'");
    }

    // FR105 ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Unblocks work.", "has 2 words")]
    [InlineData("Meets expectations.", "has 2 words")]
    [InlineData("Consistently exceeds all expectations.", "only evaluates")]
    [InlineData("Demonstrates excellent communication skills at a very high level.", "only evaluates")]
    [InlineData("Good work, always.", "has 3 words")]
    public void Check_FR105_VagueAnchor_Triggers(string anchor, string expected)
    {
        var yaml = Lint.Rubric(Lint.GoodRelationships.Replace("Asks for help mainly inside their own team.", anchor, StringComparison.Ordinal));

        var finding = Lint.Only("FR105", yaml).Should().ContainSingle().Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Info);
        finding.Message.Should().Contain(expected).And.Contain("name what the person does");
    }

    [Theory]
    [InlineData("Mentors two colleagues each quarter.")]
    [InlineData("Writes runbooks others use.")]
    [InlineData("Consistently meets the sprint goals they commit to.")]
    [InlineData("Delivers high quality code reviews within a day.")]
    public void Check_FR105_ShortButObservableAnchor_NearMiss(string anchor)
    {
        var yaml = Lint.Rubric(Lint.GoodRelationships.Replace("Asks for help mainly inside their own team.", anchor, StringComparison.Ordinal));

        Lint.Only("FR105", yaml).Should().BeEmpty();
    }

    [Fact]
    public void Check_FR105_MinAnchorWordsOption_IsHonoured()
    {
        var linter = new RubricLinter(BuiltInChecks.Create(new DesignCheckOptions { MinAnchorWords = 6 }));
        var yaml = Lint.Rubric(Lint.GoodRelationships.Replace("Asks for help mainly inside their own team.", "Mentors two colleagues each quarter.", StringComparison.Ordinal));

        Lint.Only("FR105", yaml, linter).Should().ContainSingle().Which.Message.Should().Contain("has 5 words (fewer than 6)");
    }

    // FR106 ------------------------------------------------------------------------------------------

    [Fact]
    public void Check_FR106_SelfRatingAndSelfNominationOnly_Triggers()
    {
        var yaml = Lint.Rubric("""
              - id: impact
                title: Impact
                paths:
                  - id: self-view
                    title: Self assessment
                    anchors: { 1: Describes one piece of work that changed a team result., 5: Describes work that changed results across the organisation. }
                    score: { rule: rating, sources: [self] }
                  - id: showcased
                    title: Work shown to leadership
                    anchors: { 3: Presented a piece of their work at the all-hands or to the executive team. }
                    score: { rule: presence, of: [self-nomination, presentation-to-leadership, all-hands-demo], level: 3 }
            """);

        var finding = Lint.Only("FR106", yaml).Should().ContainSingle().Subject;
        finding.Message.Should().Contain("path 'self-view' is rated by the person themselves only")
            .And.Contain("path 'showcased' counts only 'self-nomination', 'presentation-to-leadership' and 'all-hands-demo'");
        finding.Location.Line.Should().Be(19);
    }

    [Fact]
    public void Check_FR106_OneIndependentPath_NearMiss()
    {
        var yaml = Lint.Rubric("""
              - id: impact
                title: Impact
                paths:
                  - id: self-view
                    title: Self assessment
                    anchors: { 1: Describes one piece of work that changed a team result., 5: Describes work that changed results across the organisation. }
                    score: { rule: rating, sources: [self, manager, peer], min-ratings: 2 }
                  - id: showcased
                    title: Work shown to leadership
                    anchors: { 3: Presented a piece of their work at the all-hands or to the executive team. }
                    score: { rule: presence, of: [self-nomination, design-doc-approved], level: 3 }
            """);

        Lint.Only("FR106", yaml).Should().BeEmpty();
    }

    // FR107 ------------------------------------------------------------------------------------------

    [Fact]
    public void Check_FR107_InterpersonalWeightAboveShare_Triggers()
    {
        var yaml = Lint.Rubric(Lint.GoodRelationships.Replace("weight: 1", "weight: 2.5", StringComparison.Ordinal));

        var finding = Lint.Only("FR107", yaml).Should().ContainSingle().Subject;
        finding.Message.Should().Contain("carry 45.5% of the overall weight (2.5 of 5.5), more than 40%");
        finding.Location.ToString().Should().Be("test.yaml:22:13");
    }

    [Fact]
    public void Check_FR107_ExactlyAtShareOrConfiguredHigher_NearMiss()
    {
        var atShare = Lint.Rubric(Lint.GoodRelationships.Replace("weight: 1", "weight: 2", StringComparison.Ordinal));
        Lint.Only("FR107", atShare).Should().BeEmpty("2 of 5 is exactly 40%, not more");

        var linter = new RubricLinter(BuiltInChecks.Create(new DesignCheckOptions { MaxInterpersonalWeightShare = 0.5 }));
        var heavier = Lint.Rubric(Lint.GoodRelationships.Replace("weight: 1", "weight: 2.5", StringComparison.Ordinal));
        Lint.Only("FR107", heavier, linter).Should().BeEmpty();
    }

    [Fact]
    public void Check_FR107_InvalidShare_FailsEarly()
    {
        var act = () => BuiltInChecks.Create(new DesignCheckOptions { MaxInterpersonalWeightShare = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxInterpersonalWeightShare*");
    }

    // FR108 ------------------------------------------------------------------------------------------

    [Fact]
    public void Check_FR108_ManagerOnly_Triggers()
    {
        var yaml = Lint.Rubric(Lint.GoodRelationships).Replace("sources: [manager, peer], min-ratings: 2", "sources: [manager]", StringComparison.Ordinal);

        var finding = Lint.Only("FR108", yaml).Should().ContainSingle().Subject;
        finding.Message.Should().Contain("competency 'delivery' is rated only by the manager").And.Contain("sources: [manager, peer]");
        finding.Location.ToString().Should().Be("test.yaml:18:41");
    }

    [Fact]
    public void Check_FR108_OneSourcePerPath_Triggers()
    {
        var yaml = Lint.Rubric("""
              - id: craft
                title: Technical craft
                category: technical
                paths:
                  - id: by-manager
                    title: Seen by the manager
                    anchors: { 1: Writes code that works for the main case., 5: Sets technical direction for a system used by several teams. }
                    score: { rule: rating, sources: [manager] }
                  - id: by-peers
                    title: Seen by peers
                    anchors: { 1: Writes code that works for the main case., 5: Sets technical direction for a system used by several teams. }
                    score: { rule: rating, sources: [peer] }
            """);

        Lint.Only("FR108", yaml).Should().ContainSingle().Which.Message.Should().Contain("by one source per path ('manager' and 'peer')");
    }

    [Fact]
    public void Check_FR108_AllSourcesOrACountPath_NearMiss()
    {
        var allSources = Lint.Rubric(Lint.GoodRelationships).Replace("sources: [manager, peer], min-ratings: 2", "min-ratings: 2", StringComparison.Ordinal);
        Lint.Only("FR108", allSources).Should().BeEmpty();

        var managerPlusCount = Lint.Rubric("""
              - id: craft
                title: Technical craft
                category: technical
                paths:
                  - id: by-manager
                    title: Seen by the manager
                    anchors: { 1: Writes code that works for the main case., 5: Sets technical direction for a system used by several teams. }
                    score: { rule: rating, sources: [manager] }
                  - id: merged
                    title: Changes merged
                    anchors: { 1: Has merged one change., 5: Merges changes that several teams build on. }
                    score: { rule: count, of: [change-merged], thresholds: { 1: 1, 5: 40 } }
            """);
        Lint.Only("FR108", managerPlusCount).Should().BeEmpty();
    }

    // FR109 ------------------------------------------------------------------------------------------

    [Fact]
    public void Check_FR109_CountWithoutWindow_Triggers()
    {
        var finding = Lint.Only("FR109", Lint.Rubric(Lint.GoodRelationships, extra: string.Empty)).Should().ContainSingle().Subject;

        finding.Severity.Should().Be(DiagnosticSeverity.Info);
        finding.Message.Should().Contain("'relationships.helping-others' and 'relationships.knowledge-sharing'").And.Contain("window: { months: 12 }");
    }

    [Fact]
    public void Check_FR109_WindowOrNoCounts_NearMiss()
    {
        Lint.Only("FR109", Lint.Rubric(Lint.GoodRelationships)).Should().BeEmpty();
        Lint.Only("FR109", Lint.Rubric(string.Empty, extra: string.Empty)).Should().BeEmpty();
    }

    // FR110 ------------------------------------------------------------------------------------------

    [Fact]
    public void Check_FR110_RatingPathWithoutAnchors_Triggers()
    {
        var yaml = Lint.Rubric(Lint.GoodRelationships.Replace("""
                        anchors:
                          1: Asks for help mainly inside their own team.
                          3: Draws on relationships across teams to unblock work within days.
                          5: Brings people from different parts of the organisation into the same piece of work.

                """, string.Empty, StringComparison.Ordinal).Replace("\n                anchors:\n                  1: Asks", "\n                  1: Asks", StringComparison.Ordinal));

        Lint.Only("FR110", yaml).Should().ContainSingle().Which.Message.Should().Contain("rating path 'broad-network' has no anchors");
    }

    [Fact]
    public void Check_FR110_CountPathWithoutAnchors_NearMiss()
    {
        var yaml = Lint.Rubric("""
              - id: craft
                title: Technical craft
                category: technical
                paths:
                  - id: merged
                    title: Changes merged
                    score: { rule: count, of: [change-merged], thresholds: { 1: 1, 5: 40 } }
            """);

        Lint.Only("FR110", yaml).Should().BeEmpty();
    }
}
