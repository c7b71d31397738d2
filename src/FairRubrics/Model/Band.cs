namespace FairRubrics.Model;

/// <summary>A label for the overall result: the first band, in descending <see cref="Min"/>, whose minimum the overall score reaches.</summary>
/// <param name="Label">The band's label, e.g. "Strong".</param>
/// <param name="Min">The lowest overall score (inclusive) that gets this band; at least 0.</param>
/// <param name="Location">Where the band is written.</param>
public sealed record Band(string Label, double Min, SourceLocation Location);
