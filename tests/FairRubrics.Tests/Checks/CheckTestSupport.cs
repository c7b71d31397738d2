using FairRubrics.Checks;
using FairRubrics.Loading;
using FairRubrics.Model;

namespace FairRubrics.Tests.Checks;

/// <summary>Loads rubric YAML and lints it with the built-in checks.</summary>
internal static class Lint
{
    private static readonly RubricLoader Loader = new();
    private static readonly RubricLinter Default = new(BuiltInChecks.Create());

    public static Rubric Load(string yaml)
    {
        var result = Loader.LoadString(yaml, "test.yaml");
        result.Diagnostics.Should().BeEmpty("the test rubric must load:\n" + yaml);
        return result.Rubric!;
    }

    public static IReadOnlyList<Diagnostic> Run(string yaml, RubricLinter? linter = null) => (linter ?? Default).Lint(Load(yaml));

    public static IReadOnlyList<Diagnostic> Only(string id, string yaml, RubricLinter? linter = null) => [.. Run(yaml, linter).Where(d => d.Id == id)];

    /// <summary>
    /// A rubric with a well-written delivery competency (lint-clean) followed by <paramref name="competencies"/>
    /// (YAML list items indented by two spaces), and <paramref name="extra"/> top-level keys.
    /// </summary>
    public static string Rubric(string competencies, string extra = "window: { months: 12 }") =>
        $"""
        fairrubrics: 1
        id: test
        version: 1.0.0
        title: Test rubric
        scale: {"{"} 1: Emerging, 2: Developing, 3: Proficient, 4: Advanced, 5: Role model {"}"}
        competencies:
          - id: delivery
            title: Delivers results
            category: delivery
            weight: 3
            paths:
              - id: outcomes
                title: Delivers planned outcomes
                anchors:
                  1: Completes assigned tasks when the steps are spelled out.
                  3: Plans their own work and warns people early when a date is at risk.
                  5: Sets up plans that let other teams deliver their parts on time.
                score: {"{"} rule: rating, sources: [manager, peer], min-ratings: 2 {"}"}
        {competencies}
        {extra}
        """;

    /// <summary>A well-written interpersonal competency with three equivalent paths (lint-clean).</summary>
    public const string GoodRelationships = """
          - id: relationships
            title: Builds professional relationships
            category: interpersonal
            weight: 1
            paths:
              - id: broad-network
                title: Draws on a broad network to move work forward
                anchors:
                  1: Asks for help mainly inside their own team.
                  3: Draws on relationships across teams to unblock work within days.
                  5: Brings people from different parts of the organisation into the same piece of work.
                score: { rule: rating, sources: [manager, peer, report], min-ratings: 2 }
              - id: helping-others
                title: Helps others succeed
                anchors:
                  1: Has mentored a colleague or helped another team at least once.
                  5: Many colleagues across teams delivered work because of their help.
                score: { rule: count, of: [mentoring, cross-team-help], thresholds: { 1: 1, 2: 3, 3: 6, 4: 10, 5: 15 } }
              - id: knowledge-sharing
                title: Passes on knowledge
                anchors:
                  1: Has written a document or answered a question in a public channel.
                  5: Their material shortens the time others need to learn a system.
                score: { rule: count, of: [talk, doc, answered-question], thresholds: { 1: 1, 2: 4, 3: 8, 4: 12, 5: 20 } }
        """;
}
