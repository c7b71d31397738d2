namespace FairRubrics.Audit;

/// <summary>Options of an outcome audit. Every option documents its default and range; <see cref="Validate"/> enforces them.</summary>
public sealed class AuditOptions
{
    /// <summary>Gets or sets the smallest group whose figures are reported. Default 5; at least 3.</summary>
    public int MinGroupSize { get; set; } = 5;

    /// <summary>
    /// Gets or sets a value indicating whether figures are also withheld where a suppressed group's size or
    /// outcomes could be worked out by subtraction (complementary suppression). Default true; switch it off only
    /// for an audit whose report never leaves a trusted analyst (small groups stay suppressed either way).
    /// </summary>
    public bool ComplementarySuppression { get; set; } = true;

    /// <summary>Gets the attributes analysed one by one (e.g. <c>gender</c>, <c>ethnicity</c>). Empty: every attribute column.</summary>
    public IList<string> Attributes { get; } = [];

    /// <summary>Gets or sets a value indicating whether the intersection of all <see cref="Attributes"/> is analysed too (e.g. gender × ethnicity). Default false.</summary>
    public bool Intersect { get; set; }

    /// <summary>Gets the bands that count as favourable, typically the rubric's <c>favourable</c> list (score results carry only the rubric id, so the audit cannot look it up). At least one is required.</summary>
    public IList<string> FavourableBands { get; } = [];

    /// <summary>Gets or sets the share of the scored subjects below which a category is left out of impact ratios (Local Law 144 allows 2%); null (default) keeps every category. Range 0 to 0.1.</summary>
    public double? ExcludeCategoriesBelowShare { get; set; }

    /// <summary>
    /// Gets or sets how the reference group of an analysis without a named reference is chosen: <see cref="ReferenceRule.Highest"/>
    /// (default) or <see cref="ReferenceRule.Largest"/>. A group below <see cref="MinGroupSize"/>, suppressed, or left out of
    /// impact ratios is never the reference.
    /// </summary>
    public ReferenceRule ReferenceRule { get; set; } = ReferenceRule.Highest;

    /// <summary>
    /// Gets the named reference value per attribute (e.g. <c>gender</c> → <c>male</c>). An analysis whose every attribute
    /// is named uses that group (an intersection uses the combination); when that group is not reported (absent, too small,
    /// suppressed or left out of impact ratios) the analysis falls back to <see cref="ReferenceRule"/> and says so. Empty by default.
    /// </summary>
    public IDictionary<string, string> ReferenceGroups { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets how the Fisher and z p-values are adjusted within each analysis, over its reported non-reference
    /// groups: <see cref="PValueAdjustment.Holm"/> (default), <see cref="PValueAdjustment.BenjaminiHochberg"/> or
    /// <see cref="PValueAdjustment.None"/>. FR201's significance uses the adjusted Fisher p.
    /// </summary>
    public PValueAdjustment PValueAdjustment { get; set; } = PValueAdjustment.Holm;

    /// <summary>
    /// Gets or sets an earlier cycle's report of the same rubric (<see cref="PublishedAudit.Read"/>), or null (default).
    /// Each group reported now and then gains <see cref="GroupResult.Baseline"/> and <see cref="GroupResult.Change"/>,
    /// and FR207 flags impact ratios that fell below four fifths or by 0.1 or more. A report of another rubric is refused.
    /// </summary>
    public PublishedAudit? Baseline { get; set; }

    /// <summary>
    /// Gets or sets an earlier published report of the same rubric and cycle over an overlapping population
    /// (<see cref="PublishedAudit.Read"/>), or null (default). Every group suppressed there, for whatever reason, is
    /// suppressed here too (<see cref="SuppressionReason.EarlierReport"/>), whatever its size now, and complementary
    /// suppression protects it as it protects a small group, so that neither this report alone nor its difference
    /// with the earlier one gives the earlier figures. May be the same report as <see cref="Baseline"/>. A report of
    /// another rubric is refused.
    /// </summary>
    public PublishedAudit? ConsistentWith { get; set; }

    /// <summary>Gets or sets the |Hedges' g| from which FR203 flags a difference in overall scores. Default 0.2; range 0.01 to 5.</summary>
    public double EffectSizeThreshold { get; set; } = 0.2;

    /// <summary>Gets or sets the significance level for FR201 errors. Default 0.05; range 0.0001 to 0.5.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>Gets or sets by how much (absolute share) a group must rely more than everyone on a lower-scoring path for FR204. Default 0.10; range 0.01 to 1.</summary>
    public double PathRelianceThreshold { get; set; } = 0.10;

    /// <summary>Gets or sets by how much (absolute share) a group's insufficient-evidence rate must exceed everyone's for FR205. Default 0.05; range 0.01 to 1.</summary>
    public double MissingEvidenceThreshold { get; set; } = 0.05;

    /// <summary>Gets or sets the fewest ratings a rater must give on each side of a comparison for FR206. Default 10; at least 2.</summary>
    public int MinRatingsForRaterEffect { get; set; } = 10;

    /// <summary>Gets or sets the |Hedges' g| from which FR206 flags a rater. Default 0.5; range 0.05 to 5.</summary>
    public double RaterEffectThreshold { get; set; } = 0.5;

    /// <summary>Checks every option against its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinGroupSize, 3, nameof(MinGroupSize));
        if (ExcludeCategoriesBelowShare is { } share)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(share, nameof(ExcludeCategoriesBelowShare));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 0.1, nameof(ExcludeCategoriesBelowShare));
        }

        if (ReferenceRule is not (ReferenceRule.Highest or ReferenceRule.Largest))
        {
            throw new ArgumentOutOfRangeException(nameof(ReferenceRule), ReferenceRule, "ReferenceRule must be Highest or Largest; name a reference group in ReferenceGroups instead of Named.");
        }

        if (!Enum.IsDefined(PValueAdjustment))
        {
            throw new ArgumentOutOfRangeException(nameof(PValueAdjustment), PValueAdjustment, "PValueAdjustment must be None, Holm or BenjaminiHochberg.");
        }

        InRange(EffectSizeThreshold, 0.01, 5, nameof(EffectSizeThreshold));
        InRange(Alpha, 0.0001, 0.5, nameof(Alpha));
        InRange(PathRelianceThreshold, 0.01, 1, nameof(PathRelianceThreshold));
        InRange(MissingEvidenceThreshold, 0.01, 1, nameof(MissingEvidenceThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinRatingsForRaterEffect, 2, nameof(MinRatingsForRaterEffect));
        InRange(RaterEffectThreshold, 0.05, 5, nameof(RaterEffectThreshold));
    }

    private static void InRange(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, FormattableString.Invariant($"{name} must be from {min} to {max}."));
        }
    }
}
