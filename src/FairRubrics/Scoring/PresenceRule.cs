using System.Globalization;

namespace FairRubrics.Scoring;

/// <summary>The built-in <c>presence</c> rule: level N when at least one item of the listed types exists.</summary>
internal sealed class PresenceRule : ScoringRule<PresenceRuleSettings>
{
    public override string Name => "presence";

    public override string Description => "gives a fixed level when evidence of the listed types exists";

    public override PresenceRuleSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context)
    {
        context.RejectUnknownParameters(parameters, "of", "level");
        var ofNode = context.Get(parameters, "of", required: true);
        var of = ofNode is null ? null : EvidenceTypes.Read(ofNode, context);
        var levelNode = context.Get(parameters, "level", required: true);
        var level = levelNode is null ? null : context.ReadLevel(levelNode, "'level'");
        return of is not null && level is not null ? new PresenceRuleSettings(of, level.Value) : null;
    }

    public override IReadOnlyCollection<string> OccurrenceTypes(PresenceRuleSettings settings) => settings.Of;

    public override bool Counts(PresenceRuleSettings settings, in Evidence.EvidenceItem item) => !item.IsRating;

    public override PathOutcome Evaluate(PresenceRuleSettings settings, in PathEvidence evidence) => Evaluate(settings, evidence.Count);

    /// <summary>The rule's one arithmetic, shared with the scorer (which passes the number of items only): the level when there is any evidence.</summary>
    /// <param name="settings">The path's settings.</param>
    /// <param name="count">The number of the path's items.</param>
    internal static PathOutcome Evaluate(PresenceRuleSettings settings, int count) =>
        count > 0 ? PathOutcome.AtLevel(settings.Level) : PathOutcome.NoLevel("no evidence");

    public override PathAdvice? Guide(PresenceRuleSettings settings, in PathEvidence evidence, double targetLevel)
    {
        if (settings.Level < targetLevel)
        {
            return PathAdvice.Unreachable(string.Create(CultureInfo.InvariantCulture, $"this path gives level {settings.Level} and no higher"), "guidance.unreachable.presence-top", ("level", settings.Level));
        }

        return evidence.Count > 0
            ? PathAdvice.Unreachable(string.Create(CultureInfo.InvariantCulture, $"this path already gives its level {settings.Level}, and more evidence does not raise it"), "guidance.unreachable.presence-reached", ("level", settings.Level))
            : PathAdvice.ByAdding(new OccurrenceNeed(settings.Of, 1));
    }
}
