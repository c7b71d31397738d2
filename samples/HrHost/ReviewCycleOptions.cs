namespace Acme.HrHost;

/// <summary>The review cycle the worker runs, bound from the <c>ReviewCycle</c> section of appsettings.json.</summary>
public sealed class ReviewCycleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ReviewCycle";

    /// <summary>Gets or sets the id of the rubric to score with.</summary>
    public string Rubric { get; set; } = "engineering";

    /// <summary>Gets or sets the evidence file (CSV or JSON Lines), relative to the content root.</summary>
    public string Evidence { get; set; } = "data/evidence.csv";

    /// <summary>Gets or sets the attributes file (CSV with a <c>subject</c> column), relative to the content root.</summary>
    public string Attributes { get; set; } = "data/attributes.csv";

    /// <summary>Gets or sets the scoring date; null for today.</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>Gets or sets the smallest group the audit reports. Default 5.</summary>
    public int MinGroupSize { get; set; } = 5;

    /// <summary>Gets or sets a value indicating whether to keep running and rescore when a rubric file changes.</summary>
    public bool Watch { get; set; }
}
