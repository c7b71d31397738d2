using System.Text.RegularExpressions;

namespace FairRubrics.Model;

/// <summary>BCP 47 language tags as rubrics and text files write them: <c>en</c>, <c>de</c>, <c>de-AT</c>, compared case-insensitively.</summary>
internal static partial class LocaleTag
{
    /// <summary>The locale of a rubric that does not say.</summary>
    public const string Default = "en";

    /// <summary>Gets a value indicating whether the text is a language tag: a 2–3 letter language, then subtags of 2–8 letters or digits.</summary>
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    /// <summary>The tag in lower case with '-' between subtags (<c>de_AT</c> and <c>DE-at</c> are <c>de-at</c>).</summary>
    public static string Normalize(string tag) => tag.Trim().Replace('_', '-').ToLowerInvariant();

    /// <summary>The tags to try for a wanted locale, most specific first: <c>de-at</c>, then <c>de</c>.</summary>
    public static IEnumerable<string> Candidates(string locale)
    {
        var normalised = Normalize(locale);
        yield return normalised;
        for (var dash = normalised.LastIndexOf('-'); dash > 0; dash = normalised.LastIndexOf('-'))
        {
            normalised = normalised[..dash];
            yield return normalised;
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
