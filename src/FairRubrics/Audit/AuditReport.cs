namespace FairRubrics.Audit;

/// <summary>The result of an outcome audit: per-analysis group statistics (aggregates only) and findings.</summary>
public sealed class AuditReport
{
    internal AuditReport(long subjects, long scored, IReadOnlyList<string> favourable, double? medianScore, int minGroupSize, string? rubric, IReadOnlyList<AuditAnalysis> analyses, IReadOnlyList<PathEquivalence> paths)
    {
        Subjects = subjects;
        Scored = scored;
        Favourable = favourable;
        MedianScore = medianScore;
        MinGroupSize = minGroupSize;
        Rubric = rubric;
        Analyses = analyses;
        Paths = paths;
    }

    /// <summary>Gets the number of score results audited.</summary>
    public long Subjects { get; }

    /// <summary>Gets the number with status <c>scored</c> (only these enter selection, scoring-rate and effect-size analyses).</summary>
    public long Scored { get; }

    /// <summary>Gets the number with status <c>insufficient-evidence</c>.</summary>
    public long InsufficientEvidence => Subjects - Scored;

    /// <summary>Gets the bands counted as favourable.</summary>
    public IReadOnlyList<string> Favourable { get; }

    /// <summary>Gets the median overall score of all scored subjects (the scoring-rate threshold), or null.</summary>
    public double? MedianScore { get; }

    /// <summary>Gets the smallest reported group size.</summary>
    public int MinGroupSize { get; }

    /// <summary>Gets the rubric id of the results, or null.</summary>
    public string? Rubric { get; }

    /// <summary>Gets the analyses: one per attribute, plus the intersection when asked.</summary>
    public IReadOnlyList<AuditAnalysis> Analyses { get; }

    /// <summary>Gets, for every competency with several paths, how each path scores (for path equivalence, FR204).</summary>
    public IReadOnlyList<PathEquivalence> Paths { get; }

    /// <summary>Gets the share of all subjects' competencies (scored or not) with insufficient evidence, or null.</summary>
    public double? OverallInsufficientEvidenceRate { get; internal init; }

    /// <summary>Gets the counts behind <see cref="OverallInsufficientEvidenceRate"/> (competencies with insufficient evidence, of how many).</summary>
    internal (long Count, long Total) OverallInsufficientEvidence { get; init; }

    /// <summary>Gets how the Fisher and z p-values were adjusted within each analysis.</summary>
    public PValueAdjustment PValueAdjustment { get; internal init; }

    /// <summary>Gets the configured share below which groups are left out of impact ratios (<see cref="AuditOptions.ExcludeCategoriesBelowShare"/>), for labelling them.</summary>
    internal double? ExcludeCategoriesBelowShare { get; init; }

    /// <summary>Gets the earlier cycle's report the groups are compared with (<see cref="AuditOptions.Baseline"/>), or null.</summary>
    public PublishedAudit? Baseline { get; internal init; }

    /// <summary>Gets the earlier report whose suppressed groups stay suppressed here (<see cref="AuditOptions.ConsistentWith"/>), or null.</summary>
    public PublishedAudit? ConsistentWith { get; internal init; }

    /// <summary>Gets the findings (FR2xx and integrators' outcome checks), most serious first.</summary>
    public IReadOnlyList<AuditFinding> Findings { get; internal set; } = [];
}

/// <summary>One analysis: the groups of one attribute, or of an intersection of attributes.</summary>
public sealed class AuditAnalysis
{
    internal AuditAnalysis(IReadOnlyList<string> attributes, long? unknown, long? unreported, IReadOnlyList<string>? reference, IReadOnlyList<GroupResult> groups, IReadOnlyList<IReadOnlyList<string>> excluded)
    {
        Attributes = attributes;
        Unknown = unknown;
        Unreported = unreported;
        Reference = reference;
        Groups = groups;
        ExcludedFromImpactRatios = excluded;
    }

    /// <summary>Gets the attributes of the analysis (one, or several for an intersection).</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>Gets the number of scored subjects whose value is unknown (empty cell or no attributes row); null when withheld so that no suppressed group's size can be derived.</summary>
    public long? Unknown { get; }

    /// <summary>Gets, when some groups are suppressed, the scored subjects not in a reported group (suppressed plus unknown, at least the minimum group size); otherwise null.</summary>
    public long? Unreported { get; }

    /// <summary>Gets the reference group's values (chosen by <see cref="ReferenceRule"/> among reported groups), or null when no group can be one.</summary>
    public IReadOnlyList<string>? Reference { get; }

    /// <summary>Gets the rule that chose <see cref="Reference"/>: the configured rule, or <see cref="Audit.ReferenceRule.Named"/> when the named group was used.</summary>
    public ReferenceRule ReferenceRule { get; internal init; }

    /// <summary>Gets the named reference values when they were asked for (<see cref="AuditOptions.ReferenceGroups"/>) but that group is not reported or is left out of impact ratios, so the rule chose instead; otherwise null.</summary>
    public IReadOnlyList<string>? UnavailableReference { get; internal init; }

    /// <summary>Gets the groups in ordinal order of their values.</summary>
    public IReadOnlyList<GroupResult> Groups { get; }

    /// <summary>Gets the groups left out of impact ratios because they are below the configured share of the data.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ExcludedFromImpactRatios { get; }
}

/// <summary>Why a group's figures are not reported.</summary>
public enum SuppressionReason
{
    /// <summary>Reported.</summary>
    None = 0,

    /// <summary>Fewer subjects than the minimum group size.</summary>
    SmallGroup,

    /// <summary>Large enough, but withheld so that a smaller group's figures cannot be worked out by subtraction.</summary>
    Complementary,

    /// <summary>
    /// Withheld because the earlier report the audit is consistent with (<see cref="AuditOptions.ConsistentWith"/>)
    /// withheld it, whatever its size now, so that the two reports cannot be differenced.
    /// </summary>
    EarlierReport,
}

/// <summary>A group's statistics; every statistic is null when the group is suppressed (and for the reference group's own tests).</summary>
public sealed record GroupResult
{
    /// <summary>Gets the attribute values of the group.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>Gets why the group is suppressed, or <see cref="SuppressionReason.None"/>.</summary>
    public SuppressionReason Suppression { get; init; }

    /// <summary>Gets a value indicating whether the group's figures are withheld.</summary>
    public bool Suppressed => Suppression != SuppressionReason.None;

    /// <summary>Gets a value indicating whether the group is the reference group.</summary>
    public bool IsReference { get; init; }

    /// <summary>Gets a value indicating whether the group is left out of impact ratios (below the configured share).</summary>
    public bool ExcludedFromImpactRatios { get; init; }

    /// <summary>Gets the number of scored subjects, or null when suppressed.</summary>
    public long? N { get; init; }

    /// <summary>Gets the number of favourable outcomes.</summary>
    public long? Favourable { get; init; }

    /// <summary>Gets favourable / n.</summary>
    public double? SelectionRate { get; init; }

    /// <summary>Gets the 95% Wilson interval's lower bound of the selection rate.</summary>
    public double? SelectionRateLower { get; init; }

    /// <summary>Gets the 95% Wilson interval's upper bound of the selection rate.</summary>
    public double? SelectionRateUpper { get; init; }

    /// <summary>Gets the selection rate divided by the reference group's.</summary>
    public double? ImpactRatio { get; init; }

    /// <summary>Gets a value indicating whether the impact ratio is strictly below four fifths, decided exactly on the counts.</summary>
    public bool? BelowFourFifths { get; init; }

    /// <summary>Gets the two-sided Fisher exact p-value against the reference group.</summary>
    public double? FisherP { get; init; }

    /// <summary>Gets <see cref="FisherP"/> adjusted within the analysis (<see cref="AuditReport.PValueAdjustment"/>), or null without adjustment.</summary>
    public double? FisherPAdjusted { get; init; }

    /// <summary>Gets the pooled two-proportion z statistic (group minus reference).</summary>
    public double? Z { get; init; }

    /// <summary>Gets the two-sided p-value of <see cref="Z"/>.</summary>
    public double? ZP { get; init; }

    /// <summary>Gets <see cref="ZP"/> adjusted within the analysis (<see cref="AuditReport.PValueAdjustment"/>), or null without adjustment or z.</summary>
    public double? ZPAdjusted { get; init; }

    /// <summary>Gets how many more favourable outcomes the group would need to reach the reference rate.</summary>
    public long? Shortfall { get; init; }

    /// <summary>Gets the fewest people (1 or 2) whose changed outcome would reverse the four-fifths decision, or null if more.</summary>
    public int? FlipFlopFourFifths { get; init; }

    /// <summary>Gets the fewest people (1 or 2) whose changed outcome would move the Fisher p across the significance level, or null if more.</summary>
    public int? FlipFlopSignificance { get; init; }

    /// <summary>Gets the share with an overall score strictly above the median of all scored subjects.</summary>
    public double? ScoringRate { get; init; }

    /// <summary>Gets the scoring rate divided by the highest scoring rate among reported groups.</summary>
    public double? ScoringImpactRatio { get; init; }

    /// <summary>Gets the mean overall score.</summary>
    public double? MeanScore { get; init; }

    /// <summary>Gets the standard deviation (n − 1) of overall scores.</summary>
    public double? ScoreStandardDeviation { get; init; }

    /// <summary>Gets Hedges' g of overall scores against the reference group.</summary>
    public double? HedgesG { get; init; }

    /// <summary>Gets the share of the group's competencies (over all its subjects, scored or not) with insufficient evidence.</summary>
    public double? InsufficientEvidenceRate { get; init; }

    /// <summary>Gets the counts behind <see cref="InsufficientEvidenceRate"/>: competencies with insufficient evidence, of how many (subjects × competencies).</summary>
    internal (long Count, long Total) InsufficientEvidence { get; init; }

    /// <summary>Gets per competency the group's mean level and its effect size against the reference group.</summary>
    public IReadOnlyList<CompetencyGap> Competencies { get; init; } = [];

    /// <summary>
    /// Gets the group's figures as published in the earlier cycle's report (<see cref="AuditOptions.Baseline"/>), or null: without
    /// a baseline, when the group is suppressed now, or when the earlier report does not list it.
    /// </summary>
    public GroupBaseline? Baseline { get; init; }

    /// <summary>Gets how the group changed since the earlier cycle, or null: the group must be reported in both cycles.</summary>
    public GroupChange? Change { get; init; }

    /// <summary>Gets per multi-path competency the share of the group's subjects whose level came through each path.</summary>
    public IReadOnlyList<PathShare> PathMix { get; init; } = [];
}

/// <summary>A group's figures as the earlier cycle's report published them.</summary>
/// <param name="Suppressed">Whether the group was suppressed then (every figure is then null).</param>
/// <param name="N">Its scored subjects then.</param>
/// <param name="Favourable">Its favourable outcomes then.</param>
/// <param name="SelectionRate">Its selection rate then.</param>
/// <param name="ImpactRatio">Its impact ratio then (null for a group left out of impact ratios).</param>
public sealed record GroupBaseline(bool Suppressed, long? N, long? Favourable, double? SelectionRate, double? ImpactRatio);

/// <summary>
/// How a group reported in both cycles changed: differences (now minus then) and a two-sided test of the change in
/// selection rate between the two cycles, taken as independent samples (docs/statistics.md).
/// </summary>
/// <param name="SelectionRate">The selection rate now minus then.</param>
/// <param name="ImpactRatio">The impact ratio now minus then, or null when either is null.</param>
/// <param name="Z">The pooled two-proportion z statistic of now against then, or null when everyone or no one was favourable in both.</param>
/// <param name="ZP">The two-sided p-value of <paramref name="Z"/>, or null.</param>
/// <param name="FisherP">The two-sided Fisher exact p-value of the 2×2 table cycle × favourable.</param>
public sealed record GroupChange(double SelectionRate, double? ImpactRatio, double? Z, double? ZP, double FisherP)
{
    /// <summary>Gets a value indicating whether the impact ratio was at or above 0.8 then and is below it now (exact on the counts of now).</summary>
    public bool FellBelowFourFifths { get; init; }

    /// <summary>Gets a value indicating whether the impact ratio fell by 0.1 or more (exact on both cycles' counts).</summary>
    public bool FellByAtLeastOneTenth { get; init; }
}

/// <summary>A group's mean level in one competency, and the effect size against the reference group.</summary>
/// <param name="Competency">The competency id.</param>
/// <param name="MeanLevel">The group's mean level (subjects with a level), or null.</param>
/// <param name="HedgesG">Hedges' g against the reference group, or null.</param>
public sealed record CompetencyGap(string Competency, double? MeanLevel, double? HedgesG);

/// <summary>The share of a group's subjects whose competency level came through a path.</summary>
/// <param name="Competency">The competency id.</param>
/// <param name="Path">The path id.</param>
/// <param name="Share">The share (0..1) among the group's subjects with a level in that competency.</param>
public sealed record PathShare(string Competency, string Path, double Share)
{
    /// <summary>Gets the group's subjects whose level came through the path (0 when not made by the audit).</summary>
    internal long Count { get; init; }

    /// <summary>Gets the group's subjects with a level in the competency, the denominator of <see cref="Share"/> (0 when not made by the audit).</summary>
    internal long Total { get; init; }
}

/// <summary>How the subjects who reach a competency through each path score, over everyone (no groups).</summary>
/// <param name="Competency">The competency id.</param>
/// <param name="Path">The path id.</param>
/// <param name="Subjects">Scored subjects whose level came through this path.</param>
/// <param name="Share">Their share among scored subjects with a level in the competency.</param>
/// <param name="MeanLevel">Their mean competency level.</param>
/// <param name="HedgesG">Hedges' g of their levels against those who reached the competency through the other paths, or null.</param>
public sealed record PathEquivalence(string Competency, string Path, long Subjects, double Share, double? MeanLevel, double? HedgesG)
{
    /// <summary>Gets the scored subjects with a level in the competency, the denominator of <see cref="Share"/> (0 when not made by the audit).</summary>
    internal long Total { get; init; }
}

/// <summary>A finding of an outcome check: id, severity, the group it is about, and a message an analyst understands.</summary>
/// <param name="Id">The finding id, e.g. <c>FR201</c>.</param>
/// <param name="Severity">The severity.</param>
/// <param name="Attributes">The analysis' attributes.</param>
/// <param name="Values">The group's values (empty for findings not about one group).</param>
/// <param name="Message">What was found and what to do.</param>
public sealed record AuditFinding(string Id, DiagnosticSeverity Severity, IReadOnlyList<string> Attributes, IReadOnlyList<string> Values, string Message)
{
    /// <summary>Gets the competency the finding is about, or null.</summary>
    public string? Competency { get; init; }

    /// <summary>Gets the path the finding is about, or null.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the rater the finding is about (FR206), or null.</summary>
    public string? Rater { get; init; }
}
