namespace FairRubrics.Checks;

/// <summary>What <see cref="ILintRunner.RunAsync"/> lints: rubric files (<c>*.yaml</c>, <c>*.yml</c>) and folders, walked recursively.</summary>
/// <param name="Paths">The files and folders, in the order given; a file reached twice is loaded once.</param>
public sealed record LintRequest(IReadOnlyList<string> Paths);
