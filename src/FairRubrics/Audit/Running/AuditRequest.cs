namespace FairRubrics.Audit;

/// <summary>
/// What <see cref="IAuditRunner.RunAsync"/> audits: score results (JSON Lines from <c>fairrubrics score</c>, or a folder
/// of such partitions) joined with an attributes CSV, and the options of <c>fairrubrics audit</c>.
/// </summary>
/// <param name="Scores">The score results file, or a folder of partition files.</param>
/// <param name="Attributes">The attributes CSV: a <c>subject</c> column and one column per attribute.</param>
public sealed record AuditRequest(string Scores, string Attributes)
{
    /// <summary>Gets the attributes analysed, matched to the table's columns ignoring case; null (default): every column.</summary>
    public IReadOnlyList<string>? By { get; init; }

    /// <summary>Gets a value indicating whether the intersection of the attributes is analysed too.</summary>
    public bool Intersect { get; init; }

    /// <summary>Gets the favourable bands; when empty (default) those of <see cref="Rubric"/>.</summary>
    public IReadOnlyList<string> FavourableBands { get; init; } = [];

    /// <summary>Gets the rubric file whose <c>favourable</c> bands are used when <see cref="FavourableBands"/> is empty, or null.</summary>
    public string? Rubric { get; init; }

    /// <summary>Gets the smallest group reported (<see cref="AuditOptions.MinGroupSize"/>). Default 5.</summary>
    public int MinGroupSize { get; init; } = 5;

    /// <summary>Gets how the p-values are adjusted (<see cref="AuditOptions.PValueAdjustment"/>). Default Holm.</summary>
    public PValueAdjustment PValueAdjustment { get; init; } = PValueAdjustment.Holm;

    /// <summary>Gets the share below which a category is left out of impact ratios (<see cref="AuditOptions.ExcludeCategoriesBelowShare"/>), or null.</summary>
    public double? ExcludeCategoriesBelowShare { get; init; }

    /// <summary>Gets the rule for an analysis without a named reference (<see cref="AuditOptions.ReferenceRule"/>).</summary>
    public ReferenceRule ReferenceRule { get; init; } = ReferenceRule.Highest;

    /// <summary>Gets the named reference groups as attribute (matched to the analysed attributes ignoring case) and value, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ReferenceGroups { get; init; } = [];

    /// <summary>Gets an earlier cycle's JSON report to compare with (<see cref="AuditOptions.Baseline"/>), or null.</summary>
    public string? Baseline { get; init; }

    /// <summary>Gets an earlier JSON report whose suppressed groups stay suppressed (<see cref="AuditOptions.ConsistentWith"/>), or null; may be <see cref="Baseline"/>.</summary>
    public string? ConsistentWith { get; init; }

    /// <summary>Gets an evidence file (CSV or JSON Lines) whose ratings feed the rater-effect check FR206, or null.</summary>
    public string? Evidence { get; init; }

    /// <summary>Gets a value indicating whether every rejected line is kept in <see cref="AuditRunResult.Rejections"/>, not only the first examples.</summary>
    public bool KeepAllRejections { get; init; }

    /// <summary>Gets a callback told the bytes of score results read so far (from worker threads, one at a time), or null.</summary>
    public Action<long>? ByteProgress { get; init; }

    /// <summary>
    /// Gets a callback given, for large inputs and on a spare processor while the files are read, the report of a
    /// made-up population of 48 subjects, to be rendered and thrown away: so that rendering code is compiled before
    /// the real report is made. Null (default): only the audit's own code is prepared.
    /// </summary>
    public Action<AuditReport>? Prepare { get; init; }
}
