namespace FairRubrics.DependencyInjection;

/// <summary>A rubric folder named in the options, e.g. <c>{ "Directory": "rubrics", "Watch": true }</c>.</summary>
public sealed class RubricFolderOptions
{
    /// <summary>Gets or sets the folder; relative to the host's content root when relative. Required.</summary>
    public string? Directory { get; set; }

    /// <summary>Gets or sets a value indicating whether to reload when files change (a broken edit keeps the last valid version).</summary>
    public bool Watch { get; set; }
}
