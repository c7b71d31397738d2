namespace FairRubrics.Demo;

/// <summary>
/// The inputs of <see cref="IDemoRunner.RunAsync"/>: two rubrics, evidence (CSV) and an attributes table (CSV) with a
/// <c>gender</c> column, as streams read from their current position and left open.
/// </summary>
public sealed record DemoRequest
{
    /// <summary>The contact-counting rubric in use (YAML).</summary>
    public required Stream LegacyRubric { get; init; }

    /// <summary>The name of <see cref="LegacyRubric"/> in diagnostics and in the report, e.g. <c>samples/legacy-networking.yaml</c>.</summary>
    public required string LegacyRubricName { get; init; }

    /// <summary>The alternative-path rubric (YAML).</summary>
    public required Stream Rubric { get; init; }

    /// <summary>The name of <see cref="Rubric"/> in diagnostics and in the report, e.g. <c>rubrics/professional-relationships.yaml</c>.</summary>
    public required string RubricName { get; init; }

    /// <summary>The evidence (CSV), scored with both rubrics; copied into the report's files as <c>evidence.csv</c>.</summary>
    public required Stream Evidence { get; init; }

    /// <summary>The attributes table (CSV, with a <c>gender</c> column); copied into the report's files as <c>attributes.csv</c>.</summary>
    public required Stream Attributes { get; init; }

    /// <summary>The scoring date: evidence windows end here.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>The locales of the rubrics' pages besides English, each where the rubric is written in it. Default: <c>de</c>.</summary>
    public IReadOnlyList<string> PageLocales { get; init; } = ["de"];

    /// <summary>The folder the report's help links point into (the FairRubrics <c>docs/</c> folder as the caller publishes it), or null for none.</summary>
    public Uri? HelpBaseUri { get; init; }
}
