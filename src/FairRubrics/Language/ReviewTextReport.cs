namespace FairRubrics.Language;

/// <summary>Options of the review-language population analysis (FR304). Every option documents its default and range; <see cref="Validate"/> enforces them.</summary>
public sealed class ReviewTextAuditOptions
{
    /// <summary>
    /// Gets or sets the smallest group whose figures are reported, counted in distinct people reviewed (not in
    /// comments), with the same meaning and default as <see cref="Audit.AuditOptions.MinGroupSize"/>. Default 5; at least 3.
    /// </summary>
    public int MinGroupSize { get; set; } = 5;

    /// <summary>
    /// Gets or sets a value indicating whether figures are also withheld where a suppressed group's could be worked
    /// out by subtraction (complementary suppression, as in the outcome audit). Default true.
    /// </summary>
    public bool ComplementarySuppression { get; set; } = true;

    /// <summary>Gets or sets the significance level that makes an FR304 finding a warning rather than info. Default 0.05; range 0.0001 to 0.5.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>
    /// Gets or sets by how much (absolute share of comments) a group's rate of FR301, FR302 or FR303 findings must
    /// exceed the other groups' for FR304. Default 0.10 (ten percentage points); range 0.01 to 1.
    /// </summary>
    public double RateDifferenceThreshold { get; set; } = 0.10;

    /// <summary>Gets or sets the Hedges' g of comment length (in words) at or below whose negative a group's comments count as shorter for FR304. Default 0.2; range 0.01 to 5.</summary>
    public double LengthEffectSizeThreshold { get; set; } = 0.2;

    /// <summary>Checks every option against its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinGroupSize, 3, nameof(MinGroupSize));
        InRange(Alpha, 0.0001, 0.5, nameof(Alpha));
        InRange(RateDifferenceThreshold, 0.01, 1, nameof(RateDifferenceThreshold));
        InRange(LengthEffectSizeThreshold, 0.01, 5, nameof(LengthEffectSizeThreshold));
    }

    private static void InRange(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, FormattableString.Invariant($"{name} must be from {min} to {max}."));
        }
    }
}

/// <summary>The review-language population analysis: per-group statistics (aggregates only, never subject ids) and FR304 findings.</summary>
public sealed class ReviewTextReport
{
    internal ReviewTextReport(long comments, long subjects, int minGroupSize, ReviewTextGroup overall, IReadOnlyList<ReviewTextAnalysis> analyses, IReadOnlyList<ReviewTextGroupFinding> findings)
    {
        Comments = comments;
        Subjects = subjects;
        MinGroupSize = minGroupSize;
        Overall = overall;
        Analyses = analyses;
        Findings = findings;
    }

    /// <summary>Gets the number of comments analysed.</summary>
    public long Comments { get; }

    /// <summary>Gets the number of distinct people the comments are about.</summary>
    public long Subjects { get; }

    /// <summary>Gets the smallest reported group, in people.</summary>
    public int MinGroupSize { get; }

    /// <summary>Gets the figures over every comment (no values, no comparisons).</summary>
    public ReviewTextGroup Overall { get; }

    /// <summary>Gets the analyses: one per attribute, plus the intersection when asked.</summary>
    public IReadOnlyList<ReviewTextAnalysis> Analyses { get; }

    /// <summary>Gets the FR304 findings, most serious first.</summary>
    public IReadOnlyList<ReviewTextGroupFinding> Findings { get; }
}

/// <summary>One analysis: the groups of one attribute, or of an intersection of attributes.</summary>
public sealed class ReviewTextAnalysis
{
    internal ReviewTextAnalysis(IReadOnlyList<string> attributes, long? unknownSubjects, long? unknownComments, long? unreported, IReadOnlyList<ReviewTextGroup> groups)
    {
        Attributes = attributes;
        UnknownSubjects = unknownSubjects;
        UnknownComments = unknownComments;
        Unreported = unreported;
        Groups = groups;
    }

    /// <summary>Gets the attributes of the analysis.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>Gets the number of people whose value is unknown; null when withheld so that no suppressed group's size can be derived.</summary>
    public long? UnknownSubjects { get; }

    /// <summary>Gets the number of comments about people whose value is unknown (or without a subject id); null when withheld.</summary>
    public long? UnknownComments { get; }

    /// <summary>Gets, when some groups are suppressed, the people not in a reported group (suppressed plus unknown, at least the minimum group size); otherwise null.</summary>
    public long? Unreported { get; }

    /// <summary>Gets the groups in ordinal order of their values.</summary>
    public IReadOnlyList<ReviewTextGroup> Groups { get; }
}

/// <summary>A rate of comments with a finding, for a group and for the other reported groups of its analysis.</summary>
/// <param name="Count">The group's comments with the finding.</param>
/// <param name="Rate">Count divided by the group's comments.</param>
/// <param name="OthersRate">The same rate over the other reported groups' comments, or null when there is no other reported group.</param>
/// <param name="Difference">Rate minus OthersRate, or null.</param>
/// <param name="FisherP">The two-sided Fisher exact p-value of the group against the others, or null.</param>
public sealed record ReviewTextRate(long Count, double Rate, double? OthersRate, double? Difference, double? FisherP);

/// <summary>A group's review-language figures; every figure is null when the group is suppressed.</summary>
public sealed record ReviewTextGroup
{
    /// <summary>Gets the attribute values of the group (empty for <see cref="ReviewTextReport.Overall"/>).</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>Gets why the group is suppressed, or <see cref="Audit.SuppressionReason.None"/>.</summary>
    public Audit.SuppressionReason Suppression { get; init; }

    /// <summary>Gets a value indicating whether the group's figures are withheld.</summary>
    public bool Suppressed => Suppression != Audit.SuppressionReason.None;

    /// <summary>Gets the number of distinct people the group's comments are about.</summary>
    public long? Subjects { get; init; }

    /// <summary>Gets the number of comments.</summary>
    public long? Comments { get; init; }

    /// <summary>Gets the comments with a gender-coded-words finding (FR301).</summary>
    public ReviewTextRate? GenderCoded { get; init; }

    /// <summary>Gets the comments with a personality finding (FR302).</summary>
    public ReviewTextRate? Personality { get; init; }

    /// <summary>Gets the comments with a vague-feedback finding (FR303).</summary>
    public ReviewTextRate? Vague { get; init; }

    /// <summary>Gets the comments with any FR301–FR303 finding.</summary>
    public ReviewTextRate? AnyFinding { get; init; }

    /// <summary>Gets the personality words reported (FR302) per 1,000 words of comment.</summary>
    public double? PersonalityWordsPerThousand { get; init; }

    /// <summary>Gets the gender-coded words reported (FR301) per 1,000 words of comment.</summary>
    public double? GenderCodedWordsPerThousand { get; init; }

    /// <summary>Gets the mean comment length in words.</summary>
    public double? MeanWords { get; init; }

    /// <summary>Gets the standard deviation (n − 1) of comment length in words.</summary>
    public double? WordsStandardDeviation { get; init; }

    /// <summary>Gets the mean comment length of the other reported groups.</summary>
    public double? OthersMeanWords { get; init; }

    /// <summary>Gets Hedges' g of comment length against the other reported groups (negative: shorter).</summary>
    public double? LengthHedgesG { get; init; }

    /// <summary>Gets the two-sided p-value of the length difference (Welch's statistic with the normal approximation).</summary>
    public double? LengthP { get; init; }
}

/// <summary>An FR304 finding: a group whose comments have more findings of one kind, or are shorter, than the other groups'.</summary>
/// <param name="Id">The finding id, <c>FR304</c>.</param>
/// <param name="Severity">The severity: the configured FR304 severity when the difference is statistically significant, info otherwise.</param>
/// <param name="Attributes">The analysis' attributes.</param>
/// <param name="Values">The group's values.</param>
/// <param name="Measure">What differs: <c>FR301</c>, <c>FR302</c> or <c>FR303</c> (a rate of findings) or <c>length</c>.</param>
/// <param name="Message">What was found and what to do, with the group named only by its label.</param>
public sealed record ReviewTextGroupFinding(string Id, DiagnosticSeverity Severity, IReadOnlyList<string> Attributes, IReadOnlyList<string> Values, string Measure, string Message);
