using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Guidance;

/// <summary>
/// Development guidance for one subject: for every competency below the scale's top, every path that can take it to
/// the next level and what that would take, in the rubric's order; and the single competency steps that would
/// change the overall band. Immutable; made by <see cref="IGuidanceAdvisor.Advise(SubjectScore)"/>.
/// </summary>
public sealed class SubjectGuidance
{
    internal SubjectGuidance(SubjectScore score, IReadOnlyList<CompetencyGuidance> competencies, IReadOnlyList<BandStep> bandSteps)
    {
        Subject = score.Subject;
        Rubric = score.Rubric;
        AsOf = score.AsOf;
        Overall = score.Overall;
        Band = score.Band;
        Competencies = competencies;
        BandSteps = bandSteps;
    }

    /// <summary>Gets the subject id.</summary>
    public string Subject { get; }

    /// <summary>Gets the rubric the guidance is for.</summary>
    public Rubric Rubric { get; }

    /// <summary>Gets the scoring date: suggested evidence is evidence dated on this day.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the current overall score, or null for insufficient evidence.</summary>
    public double? Overall { get; }

    /// <summary>Gets the current band, or null.</summary>
    public string? Band { get; }

    /// <summary>Gets guidance for every competency below the scale's top, in the rubric's order.</summary>
    public IReadOnlyList<CompetencyGuidance> Competencies { get; }

    /// <summary>Gets the single competency steps (one competency to its next level) that would change the overall band, in the rubric's order.</summary>
    public IReadOnlyList<BandStep> BandSteps { get; }

    /// <summary>Renders the guidance for the person assessed (<see cref="GuidanceText.Render(SubjectGuidance)"/>).</summary>
    /// <returns>Multi-line plain text, culture-invariant.</returns>
    public override string ToString() => GuidanceText.Render(this);
}

/// <summary>
/// The routes to a competency's next level: <see cref="Routes"/> can get there (in the rubric's order, never ranked),
/// <see cref="Unreachable"/> cannot, with the reason.
/// </summary>
public sealed class CompetencyGuidance
{
    internal CompetencyGuidance(Competency competency, double? level, int targetLevel, string targetLabel, IReadOnlyList<PathRoute> routes, IReadOnlyList<PathRoute> unreachable, string text)
    {
        Text = text;
        Competency = competency;
        Level = level;
        TargetLevel = targetLevel;
        TargetLabel = targetLabel;
        Routes = routes;
        Unreachable = unreachable;
    }

    /// <summary>Gets the competency.</summary>
    public Competency Competency { get; }

    /// <summary>Gets the current level, or null for insufficient evidence.</summary>
    public double? Level { get; }

    /// <summary>Gets the next level: the current level rounded down plus one, or 1 without a level.</summary>
    public int TargetLevel { get; }

    /// <summary>Gets the scale's label of <see cref="TargetLevel"/>, e.g. "Advanced".</summary>
    public string TargetLabel { get; }

    /// <summary>
    /// Gets the paths that can take the competency to <see cref="TargetLevel"/>, each with what it needs (or, for a
    /// rule that cannot say, a null <see cref="PathRoute.Advice"/>), in the rubric's order. Each one alone is enough.
    /// </summary>
    public IReadOnlyList<PathRoute> Routes { get; }

    /// <summary>Gets the paths that cannot take the competency to <see cref="TargetLevel"/> (capped below it, for example), with the reason.</summary>
    public IReadOnlyList<PathRoute> Unreachable { get; }

    /// <summary>
    /// Gets one plain-language sentence for the person assessed, e.g. "To reach Advanced in Builds professional
    /// relationships: hold 3 more mentoring sessions, …; or give 12 more talks, …; or get 2 more ratings of 4 (Advanced) or higher from managers, peers or direct reports."
    /// </summary>
    public string Text { get; }
}

/// <summary>One path's route to a competency's next level: the path level it needs and the evidence that gets it there.</summary>
public sealed class PathRoute
{
    internal PathRoute(EvidencePath path, double? level, double requiredLevel, PathAdvice? advice, IReadOnlyList<ExpiringEvidence> expiring, string text)
    {
        Text = text;
        Path = path;
        Level = level;
        RequiredLevel = requiredLevel;
        Advice = advice;
        Expiring = expiring;
    }

    /// <summary>Gets the path.</summary>
    public EvidencePath Path { get; }

    /// <summary>Gets the path's current level, or null when it has none.</summary>
    public double? Level { get; }

    /// <summary>
    /// Gets the path level that takes the competency to its next level: the next level itself under <c>best-of</c>;
    /// under <c>mean</c> and <c>weighted-mean</c>, the level that lifts the mean there with the other paths as they are
    /// (above the scale's top when no level of this path can).
    /// </summary>
    public double RequiredLevel { get; }

    /// <summary>
    /// Gets what the path needs (<see cref="PathAdvice.Needs"/>, all together, dated on the scoring date) or why it
    /// cannot get there (<see cref="PathAdvice.Reason"/>); null when the path's rule cannot say.
    /// </summary>
    public PathAdvice? Advice { get; }

    /// <summary>
    /// Gets the evidence counted for the path now, grouped by the first date on which it stops counting (the rubric's
    /// <c>window</c>), earliest first; empty without a window. From that date the route needs more than it says today.
    /// </summary>
    public IReadOnlyList<ExpiringEvidence> Expiring { get; }

    /// <summary>
    /// Gets what the route asks for in plain words ("hold 3 more mentoring sessions, … (any mix of these adds up)"); for a
    /// rule that cannot say, "ask your manager what evidence counts for …"; for an unreachable path, the reason.
    /// </summary>
    public string Text { get; }
}

/// <summary>Evidence counted now that ages out of the rubric's window on the same date.</summary>
public sealed class ExpiringEvidence
{
    internal ExpiringEvidence(DateOnly stopsCountingOn, int count, double quantity, IReadOnlyList<string> items)
    {
        StopsCountingOn = stopsCountingOn;
        Count = count;
        Quantity = quantity;
        Items = items;
    }

    /// <summary>Gets the first scoring date on which these items no longer count.</summary>
    public DateOnly StopsCountingOn { get; }

    /// <summary>Gets how many items.</summary>
    public int Count { get; }

    /// <summary>Gets their summed quantity (for occurrences; ratings count 1 each).</summary>
    public double Quantity { get; }

    /// <summary>Gets how explanations name the items (evidence id, else row, else type).</summary>
    public IReadOnlyList<string> Items { get; }
}

/// <summary>A single competency step (one competency to its next level, the others unchanged) that changes the overall band.</summary>
public sealed class BandStep
{
    internal BandStep(Competency competency, int targetLevel, string targetLabel, string? fromBand, string? toBand, double? overall, bool raises, string text)
    {
        Text = text;
        Competency = competency;
        TargetLevel = targetLevel;
        TargetLabel = targetLabel;
        FromBand = fromBand;
        ToBand = toBand;
        Overall = overall;
        Raises = raises;
    }

    /// <summary>Gets the competency.</summary>
    public Competency Competency { get; }

    /// <summary>Gets the competency's next level.</summary>
    public int TargetLevel { get; }

    /// <summary>Gets the label of <see cref="TargetLevel"/>.</summary>
    public string TargetLabel { get; }

    /// <summary>Gets the current band, or null.</summary>
    public string? FromBand { get; }

    /// <summary>Gets the band after the step, or null (below every band).</summary>
    public string? ToBand { get; }

    /// <summary>Gets the overall score after the step (with the competency exactly at <see cref="TargetLevel"/>).</summary>
    public double? Overall { get; }

    /// <summary>
    /// Gets a value indicating whether the band goes up. It can go down only under <c>missing-evidence: exclude</c>,
    /// when a competency without evidence would start to count at level 1.
    /// </summary>
    public bool Raises { get; }

    /// <summary>Gets the step in plain words, e.g. "Reaching Advanced (4) in Delivers results would move you from Solid to Strong."</summary>
    public string Text { get; }
}
