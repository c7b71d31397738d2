using FairRubrics.Scoring;

namespace FairRubrics.Pages;

/// <summary>The outcome of a <see cref="IStatementRunner.RunAsync"/> run: the person's score, their page and what was read.</summary>
/// <param name="Score">The person's score, with explanation; insufficient evidence when none of their rows counted.</param>
/// <param name="Page">The statement page (HTML or Markdown as the request's <see cref="PageOptions"/> say).</param>
/// <param name="SubjectRows">The person's readable evidence rows (0: the statement says that there is none).</param>
/// <param name="UnreadableRows">Rows of the evidence that could not be read (anyone's: they are on nobody's statement).</param>
public sealed record StatementRunResult(SubjectScore Score, string Page, int SubjectRows, long UnreadableRows);
