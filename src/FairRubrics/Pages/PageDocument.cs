namespace FairRubrics.Pages;

/// <summary>
/// A page for the people assessed, before it is written as HTML or Markdown: what it says is decided once (by
/// <see cref="RubricPageBuilder"/> and <see cref="StatementPageBuilder"/>), and each writer only formats it. Every
/// string is plain text; writers escape it.
/// </summary>
/// <param name="Lang">The language of the page's built-in texts (<c>lang</c> of the HTML page).</param>
/// <param name="Title">The page title (the only level-1 heading).</param>
/// <param name="Blocks">The content in reading order.</param>
/// <param name="Footer">Small print under the content (the rubric's version and reference).</param>
internal sealed record PageDocument(string Lang, string Title, IReadOnlyList<PageBlock> Blocks, string Footer);

/// <summary>A block of a page.</summary>
internal abstract record PageBlock;

/// <summary>A paragraph; <paramref name="Lead"/>, when given, is emphasised before the text (e.g. "Band:").</summary>
internal sealed record PageParagraph(string Text, string? Lead = null) : PageBlock;

/// <summary>A list; ordered lists are for the scale only (levels are ordered; ways to show a competency never are).</summary>
internal sealed record PageList(IReadOnlyList<PageListItem> Items, bool Ordered = false) : PageBlock;

/// <summary>A list item: an optional emphasised lead ("Level 3: Proficient"), the text, and an optional note under it.</summary>
internal sealed record PageListItem(string Text, string? Lead = null, string? Note = null);

/// <summary>A section with a heading (levels 2 to 4) and its blocks.</summary>
internal sealed record PageSection(string Heading, int Level, IReadOnlyList<PageBlock> Blocks) : PageBlock;

/// <summary>
/// Alternatives of equal standing (the ways to show a competency): written as one unordered list of sections that
/// all look the same, in the rubric's order, never numbered or ranked.
/// </summary>
internal sealed record PageEqualGroup(string Label, IReadOnlyList<PageSection> Members) : PageBlock;
