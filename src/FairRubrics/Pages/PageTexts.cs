using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FairRubrics.Loading;

namespace FairRubrics.Pages;

/// <summary>
/// The built-in texts of the pages for the people assessed, in one language. Data, not code: each language is a
/// YAML file (<c>fairrubrics-page-texts: 1</c>, shipped under <c>pages/</c> in the package as
/// <c>page-texts.&lt;locale&gt;.yaml</c>); a language is added by a file with the same keys, and a key it lacks falls
/// back to English. Immutable and thread-safe.
/// </summary>
public sealed partial class PageTexts
{
    /// <summary>The locale of the default texts, which every other language falls back to.</summary>
    public const string DefaultLocale = "en";

    private const string ResourcePrefix = "FairRubrics.Pages.Data.page-texts.";
    private static readonly string[] TopKeys = ["fairrubrics-page-texts", "locale", "language", "texts"];
    private static readonly string[] PluralKeys = ["one", "other"];
    private static readonly Lazy<PageTexts> EnglishTexts = new(() => LoadBuiltIn(DefaultLocale, null), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<FrozenDictionary<string, PageTexts>> BuiltInTexts = new(LoadAllBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    // The locales from the resource names alone: every command line's --locale help lists them, and parsing every
    // built-in file for that cost each start of the CLI a tenth of a second or more.
    private static readonly Lazy<string[]> BuiltInLocaleNames = new(
        () => [.. ResourceLocales().Select(l => l.Key).Append(DefaultLocale).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Entry> _texts;

    private PageTexts(string locale, string language, FrozenDictionary<string, Entry> texts, IReadOnlyList<string> missingKeys)
    {
        Locale = locale;
        Language = language;
        _texts = texts;
        MissingKeys = missingKeys;
    }

    /// <summary>Gets the English texts shipped with the package (the default).</summary>
    public static PageTexts English => EnglishTexts.Value;

    /// <summary>Gets the locales of the texts shipped with the package, sorted (at least <c>en</c>).</summary>
    public static IReadOnlyList<string> BuiltInLocales => [.. BuiltInLocaleNames.Value];

    /// <summary>Gets the locale the texts are written in, e.g. <c>en</c> or <c>de</c> (the page's language).</summary>
    public string Locale { get; }

    /// <summary>Gets the language's name in that language, e.g. "English" or "Deutsch".</summary>
    public string Language { get; }

    /// <summary>Gets the keys this language's file does not translate, sorted; their English texts are used.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>Gets the keys of every text, sorted.</summary>
    public IReadOnlyList<string> Keys => [.. _texts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Finds the shipped texts for a locale: the locale itself (<c>de-AT</c>), else its language (<c>de</c>).
    /// </summary>
    /// <param name="locale">A BCP 47 locale such as <c>en</c>, <c>de</c> or <c>de-AT</c> (case-insensitive).</param>
    /// <param name="texts">The texts when there are any.</param>
    /// <returns><see langword="true"/> when the package has texts for the locale or its language.</returns>
    public static bool TryGetBuiltIn(string locale, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PageTexts? texts)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var all = BuiltInTexts.Value;
        var normalised = locale.Trim().Replace('_', '-').ToLowerInvariant();
        if (all.TryGetValue(normalised, out texts))
        {
            return true;
        }

        var dash = normalised.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? all.TryGetValue(normalised[..dash], out texts) : (texts = null) is not null;
    }

    /// <summary>Gets the shipped texts for a locale (see <see cref="TryGetBuiltIn"/>), or <see cref="English"/> when there are none or no locale is given.</summary>
    /// <param name="locale">The locale, or null for English.</param>
    /// <returns>The texts; compare <see cref="Locale"/> with the locale asked for to tell that it fell back.</returns>
    public static PageTexts ForLocale(string? locale) =>
        locale is not null && TryGetBuiltIn(locale, out var texts) ? texts : English;

    /// <summary>Loads texts from YAML (a host's own language or wording); keys it lacks fall back to <see cref="English"/>.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name used in diagnostics (e.g. the file name).</param>
    /// <returns>The texts, or the diagnostics that say what is wrong and where.</returns>
    public static PageTextsLoadResult LoadString(string yaml, string sourceName = "<string>") => Load(yaml, sourceName, English);

    /// <summary>Loads a texts file (UTF-8); keys it lacks fall back to <see cref="English"/>.</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <returns>The texts, or the diagnostics (<c>FR030</c> when the file cannot be read).</returns>
    public static PageTextsLoadResult LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return LoadString(File.ReadAllText(path, Encoding.UTF8), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = ex switch
            {
                FileNotFoundException => "the file does not exist",
                DirectoryNotFoundException => "its folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => ex.Message,
            };
            var diagnostic = new Diagnostic(DiagnosticIds.Unreadable, DiagnosticSeverity.Error, $"the page texts file cannot be read: {reason}", new SourceLocation(path, 0, 0));
            return new PageTextsLoadResult(path, null, [diagnostic]);
        }
    }

    /// <summary>Gets a text with its placeholders filled in.</summary>
    /// <param name="key">The key, e.g. <c>rubric.scale.heading</c>.</param>
    /// <param name="values">Placeholder names and values, e.g. <c>("count", 5)</c>; numbers are written culture-invariantly.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">No text has that key.</exception>
    public string Format(string key, params (string Name, object Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        if (!_texts.TryGetValue(key, out var entry))
        {
            throw new KeyNotFoundException($"The page texts have no key '{key}'.");
        }

        var count = values.FirstOrDefault(v => v.Name is "count" or "n").Value;
        var template = count is int n && n == 1 ? entry.One : entry.Other;
        return Placeholder().Replace(template, m =>
        {
            var name = m.Groups["name"].Value;
            foreach (var (candidate, value) in values)
            {
                if (string.Equals(candidate, name, StringComparison.Ordinal))
                {
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                }
            }

            return m.Value;
        });
    }

    internal static IReadOnlyCollection<string> PlaceholdersOf(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    private static PageTexts LoadBuiltIn(string locale, PageTexts? fallback)
    {
        var resource = ResourcePrefix + locale + ".yaml";
        using var stream = typeof(PageTexts).Assembly.GetManifestResourceStream(resource)
            ?? throw new FairRubricsException($"The embedded resource {resource} is missing; the package is damaged.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var result = Load(reader.ReadToEnd(), $"pages/page-texts.{locale}.yaml", fallback);
        return result.GetTextsOrThrow();
    }

    private static FrozenDictionary<string, PageTexts> LoadAllBuiltIn()
    {
        var all = new Dictionary<string, PageTexts>(StringComparer.Ordinal) { [DefaultLocale] = English };
        foreach (var (key, locale) in ResourceLocales())
        {
            if (locale != DefaultLocale)
            {
                all[key] = LoadBuiltIn(locale, English);
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The built-in page-texts resources: each one's key (the locale in lower case) and locale as named.</summary>
    private static IEnumerable<(string Key, string Locale)> ResourceLocales() =>
        typeof(PageTexts).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..^".yaml".Length])
            .Select(locale => (locale.ToLowerInvariant(), locale));

    private static PageTextsLoadResult Load(string yaml, string sourceName, PageTexts? fallback)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new DiagnosticBag();
        if (yaml.Length > 0 && yaml[0] == '\uFEFF')
        {
            yaml = yaml[1..];
        }

        var options = new RubricLoaderOptions();
        PageTexts? texts = null;
        if (Encoding.UTF8.GetByteCount(yaml) > options.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticIds.TooLarge, new SourceLocation(sourceName, 1, 1), $"the page texts file is larger than {options.MaxFileBytes} bytes");
        }
        else if (SourceText.CheckText(yaml, sourceName, diagnostics)
            && YamlTreeReader.Read(yaml, sourceName, options, diagnostics) is RubricMappingNode root)
        {
            texts = Build(root, new NodeReader(diagnostics), fallback);
        }

        var ordered = diagnostics.Items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new PageTextsLoadResult(sourceName, diagnostics.HasErrors ? null : texts, ordered);
    }

    private static PageTexts? Build(RubricMappingNode root, NodeReader r, PageTexts? fallback)
    {
        r.CheckKeys(root, "the page texts file", TopKeys);
        if (r.Get(root, "fairrubrics-page-texts", "the page texts file", required: true) is { } formatNode
            && r.Text(formatNode, "'fairrubrics-page-texts'") is { } format && format != "1")
        {
            r.Error(DiagnosticIds.FormatVersion, formatNode, $"page texts format version '{format}' is not supported; write 'fairrubrics-page-texts: 1'");
        }

        string? locale = null;
        if (r.Get(root, "locale", "the page texts file", required: true) is { } localeNode && r.Text(localeNode, "'locale'") is { } localeText)
        {
            if (LocalePattern().IsMatch(localeText))
            {
                locale = localeText.ToLowerInvariant();
            }
            else
            {
                r.Error(DiagnosticIds.InvalidIdentifier, localeNode, $"'{localeText}' is not a locale; write a language code such as 'en', 'de' or 'de-AT'");
            }
        }

        var language = r.Get(root, "language", "the page texts file", required: true) is { } languageNode ? r.Text(languageNode, "'language'") : null;
        if (r.Get(root, "texts", "the page texts file", required: true) is not { } textsNode || r.Mapping(textsNode, "'texts'") is not { } mapping)
        {
            return null;
        }

        var known = fallback?._texts;
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (known is not null && !known.ContainsKey(key.Value))
            {
                r.Error(DiagnosticIds.UnknownKey, key, $"unknown text key '{key.Value}'{Suggestions.Hint(key.Value, known.Keys)}");
                r.Diagnostics.Poison(value);
                continue;
            }

            if (ReadEntry(value, key.Value, r) is not { } entry)
            {
                continue;
            }

            if (known is not null && known.TryGetValue(key.Value, out var english))
            {
                var allowed = PlaceholdersOf(english.One).Concat(PlaceholdersOf(english.Other)).ToHashSet(StringComparer.Ordinal);
                var unknown = PlaceholdersOf(entry.One).Concat(PlaceholdersOf(entry.Other)).FirstOrDefault(p => !allowed.Contains(p));
                if (unknown is not null)
                {
                    r.Error(DiagnosticIds.UnknownKey, value, $"'{key.Value}' uses {{{unknown}}}, which this text does not fill in; use only {string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(a => "{" + a + "}"))}");
                    continue;
                }
            }

            entries[key.Value] = entry;
        }

        if (r.Diagnostics.HasErrors || locale is null || language is null)
        {
            return null;
        }

        var missing = new List<string>();
        if (known is not null)
        {
            foreach (var (key, english) in known)
            {
                if (!entries.ContainsKey(key))
                {
                    missing.Add(key);
                    entries[key] = english;
                }
            }
        }

        missing.Sort(StringComparer.Ordinal);
        return new PageTexts(locale, language, entries.ToFrozenDictionary(StringComparer.Ordinal), missing.AsReadOnly());
    }

    private static Entry? ReadEntry(RubricNode value, string key, NodeReader r)
    {
        if (value is RubricMappingNode plural)
        {
            r.CheckKeys(plural, $"the text '{key}'", PluralKeys);
            var one = r.Get(plural, "one", $"the text '{key}'", required: true) is { } oneNode ? r.Text(oneNode, "'one'") : null;
            var other = r.Get(plural, "other", $"the text '{key}'", required: true) is { } otherNode ? r.Text(otherNode, "'other'") : null;
            return one is null || other is null ? null : new Entry(one, other);
        }

        return r.Text(value, $"the text '{key}'") is { } text ? new Entry(text, text) : null;
    }

    [GeneratedRegex(@"\{(?<name>[a-z][a-z0-9-]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();

    /// <summary>A text, with its form for one (the same as for others when it has no plural forms).</summary>
    private sealed record Entry(string One, string Other);
}

/// <summary>The outcome of loading a page texts file: the texts when it is valid, and every diagnostic found.</summary>
public sealed class PageTextsLoadResult
{
    internal PageTextsLoadResult(string source, PageTexts? texts, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Texts = texts;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the file or source name.</summary>
    public string Source { get; }

    /// <summary>Gets the texts, or null when the file has errors.</summary>
    public PageTexts? Texts { get; }

    /// <summary>Gets every diagnostic, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether the file loaded.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Texts))]
    public bool Succeeded => Texts is not null;

    /// <summary>Returns the texts, or throws with every error when they did not load.</summary>
    /// <returns>The texts.</returns>
    /// <exception cref="FairRubricsConfigurationException">The file has errors.</exception>
    public PageTexts GetTextsOrThrow() =>
        Texts ?? throw FairRubricsConfigurationException.LoadFailed($"The page texts file '{Source}'", Diagnostics);
}
