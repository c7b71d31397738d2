using FairRubrics.Checks;
using FairRubrics.Language;
using FairRubrics.Loading;

namespace FairRubrics.DependencyInjection;

/// <summary>Options of FairRubrics in a host, set through <c>AddFairRubrics(o => …)</c>.</summary>
public sealed class FairRubricsOptions
{
    /// <summary>Gets the rubric loading limits (file size, nesting, nodes, scalar length).</summary>
    public RubricLoaderOptions Loader { get; } = new();

    /// <summary>Gets the linter's severities and suppressions configured in code.</summary>
    public RubricLinterOptions Linter { get; } = new();

    /// <summary>Gets the thresholds and word lists of the built-in design checks (FR101–FR111).</summary>
    public DesignCheckOptions DesignChecks { get; } = new();

    /// <summary>Gets the options of development guidance (<see cref="Guidance.IGuidanceAdvisor"/>): how evidence types are worded.</summary>
    public Guidance.GuidanceOptions Guidance { get; } = new();

    /// <summary>Gets the word lists, allowed words and severities of the review-language checks (FR301–FR304).</summary>
    public ReviewTextOptions ReviewText { get; } = new();
}
