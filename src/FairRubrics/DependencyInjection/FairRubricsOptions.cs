using FairRubrics.Checks;
using FairRubrics.Language;
using FairRubrics.Loading;

namespace FairRubrics.DependencyInjection;

/// <summary>
/// Options of FairRubrics in a host, set through <c>AddFairRubrics(o => …)</c> or bound by property name from a
/// configuration section with <c>AddFairRubrics(configuration.GetSection("FairRubrics"))</c>.
/// </summary>
public sealed class FairRubricsOptions
{
    /// <summary>
    /// Gets the rubric folders to load (configuration: <c>Rubrics:0:Directory</c>, <c>Rubrics:0:Watch</c>). A relative
    /// folder resolves against the host's content root (<c>IHostEnvironment.ContentRootPath</c>) when there is one,
    /// otherwise against the working directory when the catalog is created.
    /// </summary>
    public IList<RubricFolderOptions> Rubrics { get; } = [];

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
