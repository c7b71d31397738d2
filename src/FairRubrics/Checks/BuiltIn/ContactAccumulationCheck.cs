using FairRubrics.Language;
using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>
/// FR102: a count or presence path that rewards the number of contacts, connections, meetings or events
/// attended. Reported on the <c>of</c> list (the evidence types), on the path's title and description, and
/// on each anchor that names such terms (contact-accumulation word list).
/// </summary>
internal sealed class ContactAccumulationCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private const string Example = "e.g. \"Draws on relationships across teams to unblock work, for example getting a request from another team scheduled within days\"";

    private static readonly CheckDescriptor Fr102 = Describe(
        DesignCheckIds.ContactAccumulation,
        "ContactAccumulation",
        "Path rewards accumulating contacts",
        DiagnosticSeverity.Warning,
        "A count or presence path rewards the number of contacts, connections, meetings or events attended, which marks down people who build professional relationships by helping others or sharing knowledge rather than by collecting contacts.");

    protected override CheckDescriptor Descriptor => Fr102;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        foreach (var competency in rubric.Competencies)
        {
            foreach (var path in competency.Paths)
            {
                if (RubricFacts.CountedTypes(path) is not { } types)
                {
                    continue;
                }

                var at = RubricFacts.At(competency, path);
                var counted = types.Where(t => Environment.Find(Fr102.Id, t, rubric).Count > 0).ToList();
                if (counted.Count > 0)
                {
                    var verb = path.Score.Settings is Scoring.PresenceRuleSettings ? "rewards the presence of" : "counts";
                    context.Report(
                        Fr102.Id,
                        RubricFacts.ParameterLocation(path, "of"),
                        $"path '{path.Id}' {verb} {RubricFacts.Quote(counted)}: it rewards accumulating contacts, connections, meetings or events attended, and marks down people who build relationships by helping others succeed or sharing what they know; "
                        + "count what relationships produce instead (e.g. of: [mentoring, cross-team-help, answered-question]) or rate what the person achieved through them, and offer those routes as alternative paths",
                        at + ".score");
                }

                var titleHits = Environment.Find(Fr102.Id, path.Title, rubric);
                if (titleHits.Count > 0)
                {
                    context.Report(
                        Fr102.Id,
                        path.TitleLocation,
                        $"the title of path '{path.Id}' names {RubricFacts.QuoteHits(titleHits)}, so raters and the people assessed read it as a contest in collecting contacts; name what the path recognises instead, e.g. \"Draws on a broad network to move work forward\"",
                        at + ".title");
                }

                var descriptionHits = Environment.Find(Fr102.Id, path.Description, rubric);
                if (descriptionHits.Count > 0)
                {
                    context.Report(
                        Fr102.Id,
                        path.TitleLocation,
                        $"the description of path '{path.Id}' names {RubricFacts.QuoteHits(descriptionHits)}; describe the outcomes of relationships that count, not the number of contacts or events",
                        at + ".description");
                }

                foreach (var anchor in path.Anchors)
                {
                    var hits = Environment.Find(Fr102.Id, anchor.Text, rubric);
                    if (hits.Count > 0)
                    {
                        context.Report(
                            Fr102.Id,
                            anchor.Location,
                            $"anchor {anchor.Level} of path '{path.Id}' scores {RubricFacts.QuoteHits(hits)}, the number of contacts, connections, meetings or events rather than what the relationships achieved; {Instead(hits)}",
                            RubricFacts.At(competency, path, anchor));
                    }
                }
            }
        }
    }

    private static string Instead(IReadOnlyList<WordHit> hits) =>
        hits.Select(h => h.Entry.Instead).FirstOrDefault(i => i is not null) is { } instead
            ? "write instead: " + instead.TrimEnd('.')
            : "describe what the person achieves through relationships at this level, " + Example;
}
