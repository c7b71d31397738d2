using FairRubrics.Pages;

namespace FairRubrics.Reporting;

/// <summary>
/// How an audit or comparison report is written for people (HTML and Markdown): its language, title, notes and help
/// links. The labels come from the <c>report.*</c>, <c>audit.*</c> and <c>compare.*</c> keys of the
/// <see cref="PageTexts"/>; JSON and CSV are machine formats and are never translated.
/// </summary>
public sealed record ReportOptions
{
    /// <summary>
    /// Gets the locale the labels are wanted in, e.g. <c>de</c> or <c>de-AT</c>, when <see cref="Texts"/> is not given
    /// (null: English). A locale without shipped texts gives English labels and a note in the report saying so.
    /// </summary>
    public string? Locale { get; init; }

    /// <summary>Gets the texts to write the labels in (e.g. a host's own file, <see cref="PageTexts.LoadFile"/>); null: the shipped texts of <see cref="Locale"/>.</summary>
    public PageTexts? Texts { get; init; }

    /// <summary>Gets the title of the report; null for the default title in the report's language.</summary>
    public string? Title { get; init; }

    /// <summary>Gets paragraphs shown under the title (e.g. "The data is synthetic"); encoded. HTML audit reports only.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Gets where the FairRubrics <c>docs/</c> folder is published (see <see cref="Checks.HelpLinks"/>); findings link their help page there. Without it no help links are written.</summary>
    public Uri? HelpBaseUri { get; init; }
}
