namespace FairRubrics.Language;

/// <summary>How a word-list entry matches the words of a text. Matching is always case-insensitive (invariant culture) and on whole words.</summary>
public enum WordMatch
{
    /// <summary>
    /// The word and its regular English inflections: <c>-s</c>, <c>-es</c>, <c>-ed</c>, <c>-ing</c>, <c>-er</c>,
    /// <c>-est</c>, <c>-ly</c>, <c>-ness</c> (with the usual spelling changes). "contact" matches "contacts"
    /// and "contacted", not "contactless". The default.
    /// </summary>
    Inflected = 0,

    /// <summary>The word exactly as written (a possessive <c>'s</c> is ignored).</summary>
    Exact,

    /// <summary>
    /// Any word that starts with the stem ("compet" matches "competitive", "competition"), except the words in
    /// <see cref="WordListEntry.Except"/>. Use with care: stems flag more than their author thinks.
    /// </summary>
    Stem,
}

/// <summary>What the words of a <see cref="WordList"/> are for.</summary>
public enum WordListRole
{
    /// <summary>The checks report these words where they occur (e.g. "abrasive"). The default.</summary>
    Flag = 0,

    /// <summary>
    /// The words show that a review comment is concrete — a deliverable, a number or date, a situation — so the
    /// vague-feedback check (FR303) does not report a comment that has one. They are never reported themselves.
    /// </summary>
    ConcreteMarker,
}

/// <summary>One word or phrase of a <see cref="WordList"/>, with the rule it matches by and the research it comes from.</summary>
public sealed class WordListEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="term">The word or phrase (words separated by spaces or hyphens), e.g. <c>abrasive</c> or <c>culture fit</c>.</param>
    /// <param name="source">The citation of the research or editorial decision the entry comes from.</param>
    /// <param name="match">How the entry matches; for a phrase, it applies to the phrase's last word (the others match exactly).</param>
    /// <param name="except">Words (or phrases) the entry must not match, e.g. <c>leadership</c> for the stem <c>lead</c>.</param>
    /// <param name="instead">What to write instead, shown in findings; null to use the list's advice.</param>
    /// <param name="checks">The check ids that use this entry; null to use the list's <see cref="WordList.Checks"/>.</param>
    /// <param name="location">Where the entry is written, or <see cref="SourceLocation.None"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="term"/> or <paramref name="source"/> has no words.</exception>
    public WordListEntry(
        string term,
        string source,
        WordMatch match = WordMatch.Inflected,
        IReadOnlyList<string>? except = null,
        string? instead = null,
        IReadOnlyList<string>? checks = null,
        SourceLocation location = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(term);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (WordTokenizer.Normalize(term).Length == 0)
        {
            throw new ArgumentException($"The term '{term}' has no letters or digits.", nameof(term));
        }

        Term = term.Trim();
        Source = source.Trim();
        Match = match;
        Except = except is null ? [] : [.. except];
        Instead = string.IsNullOrWhiteSpace(instead) ? null : instead.Trim();
        Checks = checks is null ? null : [.. checks];
        Location = location.File is null ? SourceLocation.None : location;
    }

    /// <summary>Gets the word or phrase as written.</summary>
    public string Term { get; }

    /// <summary>Gets the citation of the research (or editorial decision) behind the entry.</summary>
    public string Source { get; }

    /// <summary>Gets how the entry matches.</summary>
    public WordMatch Match { get; }

    /// <summary>Gets the words the entry must not match.</summary>
    public IReadOnlyList<string> Except { get; }

    /// <summary>Gets what to write instead, or null to use the list's advice.</summary>
    public string? Instead { get; }

    /// <summary>Gets the check ids that use this entry, or null when the list's <see cref="WordList.Checks"/> apply.</summary>
    public IReadOnlyList<string>? Checks { get; }

    /// <summary>Gets where the entry is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>Returns the term.</summary>
    /// <returns>The term.</returns>
    public override string ToString() => Term;
}

/// <summary>
/// A named list of words that design checks (and review-language checks) look for, e.g. the masculine-coded
/// words of Gaucher, Friesen and Kay (2011). Lists are data: the built-in ones ship as YAML files
/// (<see cref="WordListLoader.BuiltIn"/>); hosts and rubric authors add their own. Immutable.
/// </summary>
public sealed class WordList
{
    /// <summary>Creates a list.</summary>
    /// <param name="id">The list id, lower-case kebab-case, e.g. <c>personality</c>; findings name the list by its title. A host list is used besides the built-in lists, whatever its id.</param>
    /// <param name="title">A short title, e.g. "Personality words".</param>
    /// <param name="checks">The check ids that use the list, e.g. <c>FR104</c>.</param>
    /// <param name="entries">The words and phrases.</param>
    /// <param name="allow">Words the checks never flag, even when an entry matches them.</param>
    /// <param name="description">What the list is for, or null.</param>
    /// <param name="instead">Default advice on what to write instead, or null.</param>
    /// <param name="sourceName">The file or resource the list was loaded from, or null.</param>
    /// <param name="role">What the words are for: reported where they occur (the default), or markers of concrete feedback (FR303).</param>
    /// <exception cref="ArgumentException">The id is not lower-case kebab-case, or the title is empty.</exception>
    public WordList(
        string id,
        string title,
        IReadOnlyList<string> checks,
        IReadOnlyList<WordListEntry> entries,
        IReadOnlyList<string>? allow = null,
        string? description = null,
        string? instead = null,
        string? sourceName = null,
        WordListRole role = WordListRole.Flag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(entries);
        if (!Loading.NodeReader.IsIdentifier(id))
        {
            throw new ArgumentException($"The word-list id '{id}' is not lower-case kebab-case.", nameof(id));
        }

        Id = id;
        Title = title.Trim();
        Checks = [.. checks];
        Entries = [.. entries];
        Allow = allow is null ? [] : [.. allow];
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Instead = string.IsNullOrWhiteSpace(instead) ? null : instead.Trim();
        SourceName = sourceName;
        Role = role;
    }

    /// <summary>Gets the list id.</summary>
    public string Id { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets what the list is for, or null.</summary>
    public string? Description { get; }

    /// <summary>Gets the check ids that use the list's entries (an entry may narrow this with its own <see cref="WordListEntry.Checks"/>).</summary>
    public IReadOnlyList<string> Checks { get; }

    /// <summary>Gets the entries in the order written.</summary>
    public IReadOnlyList<WordListEntry> Entries { get; }

    /// <summary>Gets the words the checks never flag.</summary>
    public IReadOnlyList<string> Allow { get; }

    /// <summary>Gets the default advice on what to write instead, or null.</summary>
    public string? Instead { get; }

    /// <summary>Gets the file or resource the list came from, or null.</summary>
    public string? SourceName { get; }

    /// <summary>Gets what the words are for: reported where they occur, or markers of concrete feedback.</summary>
    public WordListRole Role { get; }

    /// <summary>Gets a value indicating whether an entry of this list is used by a check.</summary>
    /// <param name="entry">An entry of this list.</param>
    /// <param name="checkId">The check id, e.g. <c>FR104</c>.</param>
    /// <returns><see langword="true"/> when the entry's own checks, or else the list's, include <paramref name="checkId"/>.</returns>
    public bool IsUsedBy(WordListEntry entry, string checkId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (entry.Checks ?? Checks).Contains(checkId, StringComparer.Ordinal);
    }

    /// <summary>Returns the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}
