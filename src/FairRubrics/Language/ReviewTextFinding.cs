namespace FairRubrics.Language;

/// <summary>A word or phrase of a comment that a finding is about, for highlighting it while the reviewer types.</summary>
/// <param name="Start">Index of its first character in the comment (UTF-16 code units).</param>
/// <param name="Length">Its length in UTF-16 code units.</param>
/// <param name="Text">The text as written in the comment.</param>
/// <param name="Term">The word-list entry it matched, e.g. <c>emotiona</c> (a stem) or <c>culture fit</c>.</param>
/// <param name="List">The id of the word list, e.g. <c>personality</c>.</param>
/// <param name="Source">The citation of the research or editorial decision behind the entry.</param>
public sealed record ReviewTextWord(int Start, int Length, string Text, string Term, string List, string Source);

/// <summary>A finding of FR301–FR303 on one comment: what was found, the words it is about, and what to write instead.</summary>
/// <param name="Id">The check id, e.g. <c>FR302</c>.</param>
/// <param name="Severity">The severity (the check's default unless configured).</param>
/// <param name="Message">What was found, why it matters and what to write instead, in one sentence.</param>
/// <param name="Suggestion">What to write instead: a behavioural alternative or an example of concrete feedback.</param>
/// <param name="Words">The words the finding is about, in text order; empty for a comment that is vague as a whole and evaluates nothing.</param>
public sealed record ReviewTextFinding(string Id, DiagnosticSeverity Severity, string Message, string Suggestion, IReadOnlyList<ReviewTextWord> Words)
{
    /// <summary>Formats the finding like compiler output without a location: <c>warning FR302: message</c>.</summary>
    /// <returns>The formatted finding.</returns>
    public override string ToString() => $"{ReviewTextText.Severity(Severity)} {Id}: {Message}";
}

/// <summary>The result of checking one comment: the findings, and the counts that population analyses (FR304) accumulate.</summary>
/// <param name="Findings">The findings, in id order; an empty shared list when the comment is fine.</param>
/// <param name="WordCount">The number of words in the comment.</param>
/// <param name="GenderCodedWordCount">The number of gender-coded words reported (FR301).</param>
/// <param name="PersonalityWordCount">The number of personality words reported (FR302).</param>
public readonly record struct ReviewTextResult(IReadOnlyList<ReviewTextFinding> Findings, int WordCount, int GenderCodedWordCount, int PersonalityWordCount)
{
    /// <summary>Gets a value indicating whether the comment has no finding.</summary>
    public bool IsClean => Findings is null || Findings.Count == 0;

    /// <summary>Gets a value indicating whether the comment has a finding of a check.</summary>
    /// <param name="checkId">The check id, e.g. <c>FR303</c>.</param>
    /// <returns><see langword="true"/> when a finding with that id was reported.</returns>
    public bool Has(string checkId)
    {
        if (Findings is null)
        {
            return false;
        }

        foreach (var finding in Findings)
        {
            if (string.Equals(finding.Id, checkId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Small text helpers shared by the review-language code.</summary>
internal static class ReviewTextText
{
    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>'a', 'a' and 'b', 'a', 'b' and 'c'.</summary>
    public static string QuoteList(IEnumerable<string> words)
    {
        var list = words.Select(w => $"'{w}'").ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    /// <summary>
    /// A short citation of a word-list source, e.g. <c>Snyder 2014</c>, <c>Gaucher et al. 2011</c>: the surnames
    /// before the first "(year", or null for a source without a year (an editorial list).
    /// </summary>
    public static string? ShortCitation(string source)
    {
        for (var i = 0; i + 5 <= source.Length; i++)
        {
            if (source[i] == '(' && char.IsAsciiDigit(source[i + 1]) && char.IsAsciiDigit(source[i + 2]) && char.IsAsciiDigit(source[i + 3]) && char.IsAsciiDigit(source[i + 4]))
            {
                var year = source.Substring(i + 1, 4);
                var surnames = source[..i]
                    .Split([',', '&'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Where(p => p.Length > 1 && !p.EndsWith('.') && char.IsUpper(p[0]) && !p.Contains(' ', StringComparison.Ordinal))
                    .ToList();
                return surnames.Count switch
                {
                    0 => null,
                    1 => $"{surnames[0]} {year}",
                    2 => $"{surnames[0]} & {surnames[1]} {year}",
                    _ => $"{surnames[0]} et al. {year}",
                };
            }
        }

        return null;
    }
}
