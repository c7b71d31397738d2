using FairRubrics.Model;

namespace FairRubrics.Checks;

/// <summary>Describes one finding id a check can report: the id, a title, its default severity and its help page.</summary>
/// <param name="Id">Stable id, e.g. <c>FR101</c> (integrators: use their own prefix, e.g. <c>ACME001</c>).</param>
/// <param name="Title">A short title, e.g. "Interpersonal competency with a single evidence path".</param>
/// <param name="DefaultSeverity">Severity unless configured otherwise.</param>
/// <param name="HelpUri">Where the help page is (e.g. <c>docs/checks/FR101.md</c>), or null.</param>
public sealed record CheckDescriptor(string Id, string Title, DiagnosticSeverity DefaultSeverity, string? HelpUri)
{
    /// <summary>Gets a PascalCase name for tools (SARIF <c>rule.name</c>), e.g. <c>SinglePathInterpersonalCompetency</c>; null to derive one from <see cref="Title"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets a longer description of what the check finds and why it matters (SARIF <c>fullDescription</c>); null to use <see cref="Title"/>.</summary>
    public string? Description { get; init; }
}

/// <summary>
/// A rubric design check: looks at a loaded rubric and reports findings. The built-in checks implement this
/// interface and are registered exactly as integrators' checks are. Implementations must be thread-safe.
/// </summary>
public interface IRubricCheck
{
    /// <summary>Gets the finding ids this check reports.</summary>
    IReadOnlyList<CheckDescriptor> Descriptors { get; }

    /// <summary>Examines a rubric and reports findings through <paramref name="context"/>.</summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="context">Where findings are reported.</param>
    void Check(Rubric rubric, RubricCheckContext context);
}
