namespace FairRubrics.Comparison;

/// <summary>The result of comparing two rubrics on the same evidence (aggregates, plus <see cref="People"/> when asked for).</summary>
public sealed class RubricComparison
{
    internal RubricComparison(ComparedRubric from, ComparedRubric to, long subjects, long changed, IReadOnlyList<BandTransition> transitions)
    {
        From = from;
        To = to;
        Subjects = subjects;
        Changed = changed;
        Transitions = transitions;
    }

    /// <summary>Gets the rubric in use.</summary>
    public ComparedRubric From { get; }

    /// <summary>Gets the proposed rubric.</summary>
    public ComparedRubric To { get; }

    /// <summary>Gets the number of subjects in the evidence (each scored with both rubrics).</summary>
    public long Subjects { get; }

    /// <summary>Gets the number of subjects whose band differs between the two rubrics (insufficient evidence counts as a band of its own).</summary>
    public long Changed { get; }

    /// <summary>Gets how many subjects went from each band to each band (null: insufficient evidence), largest first.</summary>
    public IReadOnlyList<BandTransition> Transitions { get; }

    /// <summary>Gets the favourable bands of the rubric in use.</summary>
    public IReadOnlyList<string> FromFavourable { get; internal init; } = [];

    /// <summary>Gets the favourable bands of the proposed rubric.</summary>
    public IReadOnlyList<string> ToFavourable { get; internal init; } = [];

    /// <summary>Gets the band labels of the rubric in use, highest first.</summary>
    public IReadOnlyList<string> FromBands { get; internal init; } = [];

    /// <summary>Gets the band labels of the proposed rubric, highest first.</summary>
    public IReadOnlyList<string> ToBands { get; internal init; } = [];

    /// <summary>Gets the smallest group whose figures are published.</summary>
    public int MinGroupSize { get; internal init; }

    /// <summary>Gets the outcome analyses by group (empty without attributes).</summary>
    public IReadOnlyList<ComparisonAnalysis> Analyses { get; internal init; } = [];

    /// <summary>Gets the design findings present in only one of the two rubrics.</summary>
    public DesignDiff Design { get; internal init; } = new([], []);

    /// <summary>Gets, per competency, how many people's level rose or fell and through which paths.</summary>
    public IReadOnlyList<CompetencyChange> Competencies { get; internal init; } = [];

    /// <summary>Gets the people whose band changes (only with <see cref="ComparisonOptions.IncludePeople"/>), in ordinal subject order; never an attribute.</summary>
    public IReadOnlyList<PersonChange> People { get; internal init; } = [];

    /// <summary>Gets adverse-impact findings (FR201) at error level under the proposed rubric for reported groups that have none under the rubric in use.</summary>
    public IReadOnlyList<Audit.AuditFinding> IntroducedAdverseImpact { get; internal init; } = [];

    /// <summary>Gets notes for the reader (e.g. that the two rubrics have different ids).</summary>
    public IReadOnlyList<string> Notes { get; internal init; } = [];

    /// <summary>Gets a value indicating whether the change introduces an error-level design finding or an error-level adverse-impact finding (the CI gate: exit code 1).</summary>
    public bool IntroducesErrors => Design.Introduced.Any(d => d.Severity == DiagnosticSeverity.Error) || IntroducedAdverseImpact.Count > 0;
}

/// <summary>A rubric of a comparison.</summary>
/// <param name="Rubric">The rubric id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Hash">Its content hash.</param>
public sealed record ComparedRubric(string Rubric, string Version, string Hash);

/// <summary>How many subjects moved from one band to another.</summary>
/// <param name="From">The band under the rubric in use, or null for insufficient evidence.</param>
/// <param name="To">The band under the proposed rubric, or null for insufficient evidence.</param>
/// <param name="Count">How many subjects.</param>
public sealed record BandTransition(string? From, string? To, long Count);

/// <summary>The groups of one attribute, or of an intersection, compared before and after.</summary>
public sealed class ComparisonAnalysis
{
    internal ComparisonAnalysis(IReadOnlyList<string> attributes, IReadOnlyList<ComparisonGroup> groups)
    {
        Attributes = attributes;
        Groups = groups;
    }

    /// <summary>Gets the attributes of the analysis.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>Gets the reference group under the rubric in use (highest selection rate among reported groups), or null.</summary>
    public IReadOnlyList<string>? FromReference { get; internal init; }

    /// <summary>Gets the reference group under the proposed rubric, or null.</summary>
    public IReadOnlyList<string>? ToReference { get; internal init; }

    /// <summary>Gets, when some groups are suppressed, the subjects not in a reported group (suppressed plus unknown); otherwise null.</summary>
    public long? Unreported { get; internal init; }

    /// <summary>Gets the number of subjects whose value is unknown, or null when withheld to protect a suppressed group.</summary>
    public long? Unknown { get; internal init; }

    /// <summary>Gets the groups, in value order.</summary>
    public IReadOnlyList<ComparisonGroup> Groups { get; }
}

/// <summary>One group before and after; every figure but <see cref="Values"/> is null when the group is suppressed.</summary>
public sealed record ComparisonGroup
{
    /// <summary>Gets the group's values (one per attribute of the analysis).</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>Gets a value indicating whether the group's figures are withheld (fewer than the minimum group size, or to protect one that is).</summary>
    public bool Suppressed { get; init; }

    /// <summary>Gets the number of subjects in the group (each is in both outcomes: insufficient evidence counts as not favourable).</summary>
    public long? N { get; init; }

    /// <summary>Gets the outcome under the rubric in use.</summary>
    public SideOutcome? From { get; init; }

    /// <summary>Gets the outcome under the proposed rubric.</summary>
    public SideOutcome? To { get; init; }

    /// <summary>Gets how many are favourable under the proposed rubric only.</summary>
    public long? Gained { get; init; }

    /// <summary>Gets how many are favourable under the rubric in use only.</summary>
    public long? Lost { get; init; }

    /// <summary>Gets the exact two-sided McNemar p-value of the paired outcomes (binomial test of <see cref="Gained"/> of <c>Gained + Lost</c> at 0.5; 1 when both are 0).</summary>
    public double? McNemarP { get; init; }
}

/// <summary>A group's outcome under one rubric.</summary>
/// <param name="Favourable">How many are in a favourable band.</param>
/// <param name="SelectionRate">Favourable divided by the group's size.</param>
/// <param name="ImpactRatio">The selection rate divided by the reference group's, or null when there is no reference or its rate is 0.</param>
public sealed record SideOutcome(long Favourable, double SelectionRate, double? ImpactRatio)
{
    /// <summary>Gets a value indicating whether the group is the reference group of this side.</summary>
    public bool IsReference { get; init; }

    /// <summary>Gets a value indicating whether the impact ratio is below four fifths.</summary>
    public bool? BelowFourFifths { get; init; }
}

/// <summary>Design findings present in only one of the two rubrics, matched by check id and the node they concern.</summary>
/// <param name="Introduced">Findings of the proposed rubric that the rubric in use does not have.</param>
/// <param name="Fixed">Findings of the rubric in use that the proposed rubric no longer has.</param>
public sealed record DesignDiff(IReadOnlyList<DesignChange> Introduced, IReadOnlyList<DesignChange> Fixed);

/// <summary>A design finding of one of the rubrics.</summary>
/// <param name="Id">The check id (FR1xx, or an integrator's).</param>
/// <param name="Severity">Its severity.</param>
/// <param name="At">The dotted path of the node it concerns (e.g. <c>competencies.networking.paths.contacts</c>), or null for the whole rubric.</param>
/// <param name="Message">The finding's message.</param>
/// <param name="Location">Where it is in its rubric's file.</param>
public sealed record DesignChange(string Id, DiagnosticSeverity Severity, string? At, string Message, SourceLocation Location);

/// <summary>How one competency's levels moved.</summary>
/// <param name="Competency">The competency id.</param>
/// <param name="InFrom">Whether the rubric in use has it.</param>
/// <param name="InTo">Whether the proposed rubric has it.</param>
/// <param name="Rose">How many people's level is higher under the proposed rubric (insufficient evidence is below every level).</param>
/// <param name="Fell">How many people's level is lower.</param>
/// <param name="RoseThrough">For those whose level rose, the path their new level came through, most frequent first.</param>
/// <param name="FellFrom">For those whose level fell, the path their old level came through, most frequent first.</param>
public sealed record CompetencyChange(string Competency, bool InFrom, bool InTo, long Rose, long Fell, IReadOnlyList<PathCount> RoseThrough, IReadOnlyList<PathCount> FellFrom);

/// <summary>How many people a path concerns.</summary>
/// <param name="Path">The path id, or null for insufficient evidence.</param>
/// <param name="Count">How many people.</param>
public sealed record PathCount(string? Path, long Count);

/// <summary>One person whose band changes: bands and overall scores, and each competency whose level changed (never an attribute).</summary>
/// <param name="Subject">The subject id.</param>
/// <param name="From">The result under the rubric in use.</param>
/// <param name="To">The result under the proposed rubric.</param>
/// <param name="Competencies">The competencies whose level changed.</param>
public sealed record PersonChange(string Subject, PersonOutcome From, PersonOutcome To, IReadOnlyList<CompetencyLevelChange> Competencies);

/// <summary>A person's band and overall score under one rubric.</summary>
/// <param name="Band">The band, or null for insufficient evidence.</param>
/// <param name="Overall">The overall score, or null.</param>
public sealed record PersonOutcome(string? Band, double? Overall);

/// <summary>A competency whose level changed for one person.</summary>
/// <param name="Competency">The competency id.</param>
/// <param name="FromLevel">The level under the rubric in use (null: insufficient evidence or not in that rubric).</param>
/// <param name="FromPath">The path it came through, or null.</param>
/// <param name="ToLevel">The level under the proposed rubric.</param>
/// <param name="ToPath">The path it came through, or null.</param>
public sealed record CompetencyLevelChange(string Competency, double? FromLevel, string? FromPath, double? ToLevel, string? ToPath);
