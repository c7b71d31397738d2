namespace FairRubrics.Language;

/// <summary>
/// The regular English inflections of a word, for <see cref="WordMatch.Inflected"/>: plural and third person
/// (-s, -es, -ies), past (-ed, -d, -ied), gerund (-ing, dropping a final e), comparative and agent (-er, -ers,
/// -est), adverb (-ly, -ily, -ally) and noun (-ness, -iness), with the final consonant doubled after a short
/// vowel ("fit" → "fitting"). Over-generating a form that is not a real word is harmless: it never occurs.
/// </summary>
internal static class Inflections
{
    private static readonly string[] Suffixes = ["s", "es", "ed", "ing", "er", "ers", "est", "ly", "ness"];

    public static IReadOnlyCollection<string> Of(string word)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        if (word.Length < 2 || !char.IsAsciiLetterLower(word[^1]))
        {
            return forms;
        }

        foreach (var suffix in Suffixes)
        {
            // Short words take no derivational suffix: "fit" must not match "fitness".
            if (word.Length > 3 || suffix is not ("ly" or "ness"))
            {
                forms.Add(word + suffix);
            }
        }

        var last = word[^1];
        var before = word[^2];
        if (last == 'e')
        {
            var stem = word[..^1];
            foreach (var suffix in new[] { "d", "r", "rs", "st" })
            {
                forms.Add(word + suffix);
            }

            forms.Add(stem + "ing");
            if (before == 'l')
            {
                forms.Add(stem + "y"); // gentle → gently
            }
        }
        else if (last == 'y' && !IsVowel(before))
        {
            var stem = word[..^1];
            foreach (var suffix in new[] { "ies", "ied", "ier", "iers", "iest", "ily", "iness" })
            {
                forms.Add(stem + suffix);
            }
        }
        else if (last == 'c' && before == 'i')
        {
            forms.Add(word + "ally"); // strategic → strategically
        }
        else if (word.Length >= 3 && !IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(before) && !IsVowel(word[^3]))
        {
            foreach (var suffix in new[] { "ed", "ing", "er", "ers", "est" })
            {
                forms.Add(word + last + suffix);
            }
        }

        return forms;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
