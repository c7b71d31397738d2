using System.Collections.Frozen;
using System.Globalization;
using FairRubrics.Loading;

namespace FairRubrics.Guidance;

/// <summary>How guidance words "n more" of one evidence type: a phrase for one item and one for any other number.</summary>
public sealed class EvidencePhrase
{
    /// <summary>The placeholder for the number in <see cref="Other"/> (and optionally <see cref="One"/>).</summary>
    public const string NumberPlaceholder = "{n}";

    /// <summary>Creates a phrase.</summary>
    /// <param name="one">For one item, e.g. "give 1 more talk".</param>
    /// <param name="other">For any other number, with <c>{n}</c> where the number goes, e.g. "give {n} more talks".</param>
    /// <exception cref="ArgumentException">A phrase is empty, or <paramref name="other"/> has no <c>{n}</c>.</exception>
    public EvidencePhrase(string one, string other)
        : this(one, other, null, null)
    {
    }

    /// <summary>Creates a phrase with the names of the items, used where pages list what counts ("talks given").</summary>
    /// <param name="one">For one item, e.g. "give 1 more talk".</param>
    /// <param name="other">For any other number, with <c>{n}</c> where the number goes, e.g. "give {n} more talks".</param>
    /// <param name="item">What one item is called, e.g. "talk given"; null for none.</param>
    /// <param name="items">What several items are called, e.g. "talks given"; null for none. Give both names or neither.</param>
    /// <exception cref="ArgumentException">A phrase is empty, <paramref name="other"/> has no <c>{n}</c>, or only one name is given.</exception>
    public EvidencePhrase(string one, string other, string? item, string? items)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(one);
        ArgumentException.ThrowIfNullOrWhiteSpace(other);
        if (!other.Contains(NumberPlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The phrase for several items needs '{NumberPlaceholder}' where the number goes, e.g. 'give {{n}} more talks'.", nameof(other));
        }

        if ((item is null) != (items is null) || (item is not null && (string.IsNullOrWhiteSpace(item) || string.IsNullOrWhiteSpace(items))))
        {
            throw new ArgumentException("Give both names of the items ('item' and 'items'), or neither.", item is null ? nameof(item) : nameof(items));
        }

        One = one;
        Other = other;
        Item = item;
        Items = items;
    }

    /// <summary>Gets the phrase for one item.</summary>
    public string One { get; }

    /// <summary>Gets the phrase for any other number, with <c>{n}</c> where the number goes.</summary>
    public string Other { get; }

    /// <summary>Gets what one item is called, e.g. "talk given", or null.</summary>
    public string? Item { get; }

    /// <summary>Gets what several items are called, e.g. "talks given", or null.</summary>
    public string? Items { get; }

    /// <summary>Words a number of items, e.g. "give 3 more talks".</summary>
    /// <param name="count">How many more items (at least 1).</param>
    /// <returns>The phrase with the number filled in (culture-invariant).</returns>
    public string Format(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (count == 1 ? One : Other).Replace(NumberPlaceholder, count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

/// <summary>
/// Plain-language phrases for evidence types, so guidance can say "hold 2 more mentoring sessions" rather than
/// "2 more 'mentoring' items". Data, not code: the built-in phrases are an embedded YAML file
/// (<c>fairrubrics-phrases: 1</c>, also packed under <c>guidance/</c>), and hosts load their own in the same format
/// and combine them with <see cref="With"/>. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// fairrubrics-phrases: 1
/// description: Acme's evidence types
/// phrases:
///   help-article:
///     one: write 1 more help article
///     other: write {n} more help articles
/// </code>
/// </example>
public sealed class EvidencePhrases
{
    private const string BuiltInResource = "FairRubrics.Guidance.Data.evidence-phrases.yaml";
    private static readonly string[] TopKeys = ["fairrubrics-phrases", "description", "phrases"];
    private static readonly string[] PhraseKeys = ["one", "other", "item", "items"];
    private const string LocaleResourcePrefix = "FairRubrics.Guidance.Data.evidence-phrases.";
    private static readonly Lazy<EvidencePhrases> BuiltInPhrases = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<FrozenDictionary<string, EvidencePhrases>> LocalePhrases = new(LoadLocales, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, EvidencePhrase> _phrases;

    private EvidencePhrases(IEnumerable<KeyValuePair<string, EvidencePhrase>> phrases) =>
        _phrases = phrases.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the phrases shipped with the package, for the evidence types of the shipped rubrics.</summary>
    public static EvidencePhrases BuiltIn => BuiltInPhrases.Value;

    /// <summary>
    /// Gets the phrases shipped for a locale: <c>evidence-phrases.&lt;locale&gt;.yaml</c> (e.g. <c>de</c>; <c>de-AT</c> uses
    /// <c>de</c>) over <see cref="BuiltIn"/>, so a type that file does not word keeps its English phrase. English, or a
    /// locale without a file, gives <see cref="BuiltIn"/>. A host's own phrases go on top with <see cref="With"/>.
    /// </summary>
    /// <param name="locale">A BCP 47 locale (case-insensitive), or null for English.</param>
    /// <returns>The phrases.</returns>
    public static EvidencePhrases ForLocale(string? locale)
    {
        if (locale is null)
        {
            return BuiltIn;
        }

        var all = LocalePhrases.Value;
        var normalised = locale.Trim().Replace('_', '-').ToLowerInvariant();
        var dash = normalised.IndexOf('-', StringComparison.Ordinal);
        return all.TryGetValue(normalised, out var phrases) || (dash > 0 && all.TryGetValue(normalised[..dash], out phrases)) ? phrases : BuiltIn;
    }

    /// <summary>Gets a set without phrases: every type is worded as "2 more 'type' items".</summary>
    public static EvidencePhrases Empty { get; } = new([]);

    /// <summary>Gets the evidence types that have a phrase, sorted.</summary>
    public IReadOnlyList<string> Types => [.. _phrases.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Creates a set from phrases in code.</summary>
    /// <param name="phrases">Phrases by evidence type; a type given twice keeps the last.</param>
    /// <returns>The set.</returns>
    public static EvidencePhrases Create(IEnumerable<KeyValuePair<string, EvidencePhrase>> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var map = new Dictionary<string, EvidencePhrase>(StringComparer.Ordinal);
        foreach (var (type, phrase) in phrases)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(type, nameof(phrases));
            ArgumentNullException.ThrowIfNull(phrase, nameof(phrases));
            map[type] = phrase;
        }

        return new EvidencePhrases(map);
    }

    /// <summary>Gets the phrase of a type.</summary>
    /// <param name="type">The evidence type.</param>
    /// <param name="phrase">The phrase when there is one.</param>
    /// <returns><see langword="true"/> when the type has a phrase.</returns>
    public bool TryGetPhrase(string type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EvidencePhrase? phrase) => _phrases.TryGetValue(type, out phrase);

    /// <summary>Words "n more" of a type: its phrase, or "2 more 'type' items" without one.</summary>
    /// <param name="type">The evidence type.</param>
    /// <param name="count">How many more items (at least 1).</param>
    /// <returns>The text (culture-invariant).</returns>
    public string Describe(string type, int count)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return _phrases.TryGetValue(type, out var phrase)
            ? phrase.Format(count)
            : string.Create(CultureInfo.InvariantCulture, $"{count} more '{type}' {(count == 1 ? "item" : "items")}");
    }

    /// <summary>
    /// Names items of a type for a reader: the phrase's <see cref="EvidencePhrase.Item"/> or <see cref="EvidencePhrase.Items"/>,
    /// or, without them, the type with its hyphens as spaces ("kb article published").
    /// </summary>
    /// <param name="type">The evidence type.</param>
    /// <param name="plural">Whether to name several items.</param>
    /// <returns>The name.</returns>
    public string NameOf(string type, bool plural)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _phrases.TryGetValue(type, out var phrase) && phrase.Item is not null
            ? (plural ? phrase.Items! : phrase.Item)
            : type.Replace('-', ' ');
    }

    /// <summary>Combines two sets; where both have a phrase for a type, <paramref name="overrides"/> wins.</summary>
    /// <param name="overrides">The phrases to add (e.g. a host's own file).</param>
    /// <returns>A new set.</returns>
    public EvidencePhrases With(EvidencePhrases overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var map = new Dictionary<string, EvidencePhrase>(_phrases, StringComparer.Ordinal);
        foreach (var (type, phrase) in overrides._phrases)
        {
            map[type] = phrase;
        }

        return new EvidencePhrases(map);
    }

    /// <summary>Loads phrases from YAML text, with the same safety limits and compiler-style diagnostics as rubrics.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name used in diagnostics (e.g. the file name).</param>
    /// <returns>The phrases, or the diagnostics that say what is wrong and where.</returns>
    public static EvidencePhrasesLoadResult LoadString(string yaml, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new DiagnosticBag();
        if (yaml.Length > 0 && yaml[0] == '\uFEFF')
        {
            yaml = yaml[1..];
        }

        var options = new RubricLoaderOptions();
        EvidencePhrases? phrases = null;
        if (System.Text.Encoding.UTF8.GetByteCount(yaml) > options.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticIds.TooLarge, new SourceLocation(sourceName, 1, 1), $"the phrase file is larger than {options.MaxFileBytes} bytes; split it into several files");
        }
        else if (SourceText.CheckText(yaml, sourceName, diagnostics)
            && YamlTreeReader.Read(yaml, sourceName, options, diagnostics) is RubricMappingNode root)
        {
            phrases = Build(root, new NodeReader(diagnostics));
        }

        var ordered = diagnostics.Items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new EvidencePhrasesLoadResult(sourceName, diagnostics.HasErrors ? null : phrases, ordered);
    }

    /// <summary>Loads a phrase file (UTF-8).</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <returns>The phrases, or the diagnostics (<c>FR030</c> when the file cannot be read).</returns>
    public static EvidencePhrasesLoadResult LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return LoadString(File.ReadAllText(path, System.Text.Encoding.UTF8), path);
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
            var diagnostic = new Diagnostic(DiagnosticIds.Unreadable, DiagnosticSeverity.Error, $"the phrase file cannot be read: {reason}", new SourceLocation(path, 0, 0));
            return new EvidencePhrasesLoadResult(path, null, [diagnostic]);
        }
    }

    private static EvidencePhrases LoadBuiltIn()
    {
        using var stream = typeof(EvidencePhrases).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new FairRubricsException($"The embedded resource {BuiltInResource} is missing; the package is damaged.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return LoadString(reader.ReadToEnd(), "guidance/evidence-phrases.yaml").GetPhrasesOrThrow();
    }

    private static FrozenDictionary<string, EvidencePhrases> LoadLocales()
    {
        var all = new Dictionary<string, EvidencePhrases>(StringComparer.Ordinal);
        var assembly = typeof(EvidencePhrases).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(LocaleResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal)
                && name.Length > LocaleResourcePrefix.Length + ".yaml".Length)
            {
                var locale = name[LocaleResourcePrefix.Length..^".yaml".Length];
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
                all[locale.ToLowerInvariant()] = BuiltIn.With(LoadString(reader.ReadToEnd(), $"guidance/evidence-phrases.{locale}.yaml").GetPhrasesOrThrow());
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static EvidencePhrases? Build(RubricMappingNode root, NodeReader r)
    {
        r.CheckKeys(root, "the phrase file", TopKeys);
        if (r.Get(root, "fairrubrics-phrases", "the phrase file", required: true) is { } formatNode
            && r.Text(formatNode, "'fairrubrics-phrases'") is { } format && format != "1")
        {
            r.Error(DiagnosticIds.FormatVersion, formatNode, $"phrase-file format version '{format}' is not supported; write 'fairrubrics-phrases: 1'");
        }

        if (r.Get(root, "description", "the phrase file", required: false) is { } description)
        {
            r.OptionalText(description, "'description'");
        }

        if (r.Get(root, "phrases", "the phrase file", required: true) is not { } phrasesNode || r.Mapping(phrasesNode, "'phrases'") is not { } mapping)
        {
            return null;
        }

        var phrases = new Dictionary<string, EvidencePhrase>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            var type = r.Identifier(key, "an evidence type");
            if (type == Evidence.EvidenceItem.RatingType)
            {
                r.Error(DiagnosticIds.InvalidIdentifier, key, "'rating' is not an occurrence type: guidance words ratings itself; remove this entry");
                continue;
            }

            if (r.Mapping(value, $"the phrases of '{key.Value}'") is not { } entry)
            {
                continue;
            }

            r.CheckKeys(entry, $"the phrases of '{key.Value}'", PhraseKeys);
            var one = r.Get(entry, "one", $"the phrases of '{key.Value}'", required: true) is { } oneNode ? r.Text(oneNode, "'one'") : null;
            var otherNode = r.Get(entry, "other", $"the phrases of '{key.Value}'", required: true);
            var other = otherNode is null ? null : r.Text(otherNode, "'other'");
            if (other is not null && !other.Contains(EvidencePhrase.NumberPlaceholder, StringComparison.Ordinal))
            {
                r.Error(DiagnosticIds.EmptyText, otherNode!, $"'other' has no '{EvidencePhrase.NumberPlaceholder}' where the number goes; write e.g. 'give {{n}} more talks'");
                other = null;
            }

            var itemNode = r.Get(entry, "item", $"the phrases of '{key.Value}'", required: false);
            var itemsNode = r.Get(entry, "items", $"the phrases of '{key.Value}'", required: false);
            var item = itemNode is null ? null : r.Text(itemNode, "'item'");
            var items = itemsNode is null ? null : r.Text(itemsNode, "'items'");
            if ((itemNode is null) != (itemsNode is null))
            {
                r.Error(DiagnosticIds.MissingKey, itemNode ?? itemsNode!, $"the phrases of '{key.Value}' name one item ('item') and several ('items'): give both, or neither");
                continue;
            }

            if (type is not null && one is not null && other is not null && (itemNode is null || (item is not null && items is not null)))
            {
                phrases[type] = new EvidencePhrase(one, other, item, items);
            }
        }

        return r.Diagnostics.HasErrors ? null : new EvidencePhrases(phrases);
    }
}

/// <summary>The outcome of loading a phrase file: the phrases when it is valid, and every diagnostic found.</summary>
public sealed class EvidencePhrasesLoadResult
{
    internal EvidencePhrasesLoadResult(string source, EvidencePhrases? phrases, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Phrases = phrases;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the file or source name.</summary>
    public string Source { get; }

    /// <summary>Gets the phrases, or null when the file has errors.</summary>
    public EvidencePhrases? Phrases { get; }

    /// <summary>Gets every diagnostic, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether the file loaded.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Phrases))]
    public bool Succeeded => Phrases is not null;

    /// <summary>Returns the phrases, or throws with every error when they did not load.</summary>
    /// <returns>The phrases.</returns>
    /// <exception cref="FairRubricsConfigurationException">The file has errors.</exception>
    public EvidencePhrases GetPhrasesOrThrow() =>
        Phrases ?? throw FairRubricsConfigurationException.LoadFailed($"The phrase file '{Source}'", Diagnostics);
}
