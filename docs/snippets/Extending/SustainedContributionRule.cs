using FairRubrics.Evidence;
using FairRubrics.Scoring;

namespace Acme.Rubrics;

/// <summary>The parameters of <c>acme/sustained</c>, validated once when the rubric loads.</summary>
/// <param name="Of">The occurrence types that count.</param>
/// <param name="MonthsPerLevel">How many distinct active months make one level.</param>
public sealed record SustainedSettings(IReadOnlyList<string> Of, int MonthsPerLevel);

/// <summary>
/// <c>acme/sustained</c>: rewards contribution kept up over the year rather than in one burst. The level is the
/// number of distinct calendar months with evidence, divided by <c>months-per-level</c>, capped at the top of the scale.
/// </summary>
public sealed class SustainedContributionRule : ScoringRule<SustainedSettings>
{
    /// <inheritdoc/>
    public override string Name => "acme/sustained";

    /// <inheritdoc/>
    public override SustainedSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RejectUnknownParameters(parameters, "of", "months-per-level");
        var of = context.Get(parameters, "of", required: true) is { } ofNode
            ? context.ReadNameList(ofNode, "'of'", "evidence type")
            : null;
        var monthsPerLevel = context.Get(parameters, "months-per-level") is { } node
            ? context.ReadInteger(node, "'months-per-level'", min: 1, max: 12)
            : 2;
        return of is null || monthsPerLevel is null ? null : new SustainedSettings(of, monthsPerLevel.Value);
    }

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> OccurrenceTypes(SustainedSettings settings) => settings.Of;

    /// <inheritdoc/>
    public override bool Counts(SustainedSettings settings, in EvidenceItem item) => !item.IsRating && item.Date is not null;

    /// <inheritdoc/>
    public override PathOutcome Evaluate(SustainedSettings settings, in PathEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var months = new HashSet<int>();
        foreach (var item in evidence.Items)
        {
            months.Add((item.Date!.Value.Year * 12) + item.Date.Value.Month);
        }

        var level = Math.Min(months.Count / settings.MonthsPerLevel, evidence.Scale.MaxLevel);
        var note = $"active in {months.Count} month(s)";
        return level > 0 ? PathOutcome.AtLevel(level, note) : PathOutcome.NoLevel(note);
    }
}
