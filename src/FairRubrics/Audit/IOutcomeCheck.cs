using FairRubrics.Checks;

namespace FairRubrics.Audit;

/// <summary>
/// An outcome check: looks at an audit's aggregate statistics and reports findings. The built-in checks
/// FR201–FR206 implement this interface and are registered exactly as integrators' checks are. Checks see
/// only aggregates — never individual subjects or their attributes. Implementations must be thread-safe.
/// </summary>
public interface IOutcomeCheck
{
    /// <summary>Gets the finding ids this check reports.</summary>
    IReadOnlyList<CheckDescriptor> Descriptors { get; }

    /// <summary>Examines an audit and reports findings through <paramref name="context"/>.</summary>
    /// <param name="report">The audit's statistics.</param>
    /// <param name="context">The options of the audit and where findings are reported.</param>
    void Check(AuditReport report, OutcomeCheckContext context);
}

/// <summary>What an outcome check gets: the audit options, rater statistics, and a place to report findings.</summary>
public sealed class OutcomeCheckContext
{
    private readonly List<AuditFinding> _findings = [];
    private readonly IReadOnlyDictionary<string, CheckDescriptor> _descriptors;

    internal OutcomeCheckContext(AuditOptions options, IReadOnlyList<RaterEffect> raterEffects, IReadOnlyDictionary<string, CheckDescriptor> descriptors)
    {
        Options = options;
        RaterEffects = raterEffects;
        _descriptors = descriptors;
    }

    /// <summary>Gets the audit options (thresholds).</summary>
    public AuditOptions Options { get; }

    /// <summary>Gets the per-rater comparisons (only raters and groups large enough to report).</summary>
    public IReadOnlyList<RaterEffect> RaterEffects { get; }

    internal IReadOnlyList<AuditFinding> Findings => _findings;

    /// <summary>Reports a finding; its severity is the descriptor's default unless <paramref name="severity"/> is given.</summary>
    /// <param name="finding">The finding (its severity is replaced by the chosen one).</param>
    /// <param name="severity">A severity that overrides the default (e.g. FR201 as an error when significant), or null.</param>
    /// <exception cref="ArgumentException">The id is not described by any registered check.</exception>
    public void Report(AuditFinding finding, DiagnosticSeverity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!_descriptors.TryGetValue(finding.Id, out var descriptor))
        {
            throw new ArgumentException($"The finding id '{finding.Id}' is not in any registered outcome check's Descriptors.", nameof(finding));
        }

        _findings.Add(finding with { Severity = severity ?? descriptor.DefaultSeverity });
    }
}

/// <summary>How one rater's ratings of one group compare with the same rater's ratings of everyone else.</summary>
/// <param name="Rater">The rater id.</param>
/// <param name="Attribute">The attribute.</param>
/// <param name="Value">The group's value.</param>
/// <param name="Ratings">The rater's ratings of the group.</param>
/// <param name="OtherRatings">The rater's ratings of subjects in the analysis' other reported groups (never a suppressed one).</param>
/// <param name="MeanRating">The mean rating given to the group.</param>
/// <param name="OtherMeanRating">The mean rating given to the others.</param>
/// <param name="HedgesG">Hedges' g (group minus others), or null.</param>
public sealed record RaterEffect(string Rater, string Attribute, string Value, long Ratings, long OtherRatings, double MeanRating, double OtherMeanRating, double? HedgesG);
