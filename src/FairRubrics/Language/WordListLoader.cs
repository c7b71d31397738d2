using System.Reflection;
using FairRubrics.Loading;

namespace FairRubrics.Language;

/// <summary>
/// Loads word lists from YAML (<c>fairrubrics-words: 1</c>), with the same safety limits and compiler-style
/// diagnostics as rubrics, and gives the built-in lists shipped with the package. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// fairrubrics-words: 1
/// id: acme-house-words
/// title: Words our works council asked us to avoid
/// source: "Acme works council agreement 2024-03"
/// checks: [FR104]
/// role: flag            # or concrete-marker: words that make a review comment concrete (FR303)
/// allow: [assertive]
/// entries:
///   - rockstar
///   - { term: ninja, match: exact, instead: "name the skill, e.g. 'debugs production incidents'" }
/// </code>
/// </example>
public static class WordListLoader
{
    private const string ResourcePrefix = "FairRubrics.Language.Data.";
    private static readonly string[] TopKeys = ["fairrubrics-words", "id", "title", "description", "source", "checks", "role", "instead", "allow", "entries"];
    private static readonly string[] EntryKeys = ["term", "match", "except", "source", "instead", "checks"];
    private static readonly IReadOnlyDictionary<string, WordMatch> Matches = new Dictionary<string, WordMatch>(StringComparer.Ordinal)
    {
        ["inflected"] = WordMatch.Inflected,
        ["exact"] = WordMatch.Exact,
        ["stem"] = WordMatch.Stem,
    };

    private static readonly IReadOnlyDictionary<string, WordListRole> Roles = new Dictionary<string, WordListRole>(StringComparer.Ordinal)
    {
        ["flag"] = WordListRole.Flag,
        ["concrete-marker"] = WordListRole.ConcreteMarker,
    };

    private static readonly Lazy<IReadOnlyList<WordList>> BuiltInLists = new(() => LoadBuiltIn(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Gets the word lists shipped with the package (embedded resources, also packed under <c>language/</c>):
    /// masculine- and feminine-coded words (Gaucher, Friesen and Kay 2011), personality words, contact and
    /// networking terms, visibility and self-promotion terms, and vague evaluative words. Each entry cites its source.
    /// </summary>
    public static IReadOnlyList<WordList> BuiltIn => BuiltInLists.Value;

    /// <summary>Loads a word list from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name used in diagnostics (e.g. the file name).</param>
    /// <returns>The list, or the diagnostics that say what is wrong and where.</returns>
    public static WordListLoadResult LoadString(string yaml, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new DiagnosticBag();
        if (yaml.Length > 0 && yaml[0] == '\uFEFF')
        {
            yaml = yaml[1..];
        }

        var options = new RubricLoaderOptions();
        WordList? list = null;
        if (System.Text.Encoding.UTF8.GetByteCount(yaml) > options.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticIds.TooLarge, new SourceLocation(sourceName, 1, 1), $"the word list is larger than {options.MaxFileBytes} bytes; split it into several lists");
        }
        else if (SourceText.CheckText(yaml, sourceName, diagnostics)
            && YamlTreeReader.Read(yaml, sourceName, options, diagnostics) is RubricMappingNode root)
        {
            list = Build(root, new NodeReader(diagnostics), sourceName);
        }

        var ordered = diagnostics.Items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new WordListLoadResult(sourceName, diagnostics.HasErrors ? null : list, ordered);
    }

    /// <summary>Loads a word-list file (UTF-8).</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <returns>The list, or the diagnostics (<c>FR030</c> when the file cannot be read).</returns>
    public static WordListLoadResult LoadFile(string path)
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
            var diagnostic = new Diagnostic(DiagnosticIds.Unreadable, DiagnosticSeverity.Error, $"the word-list file cannot be read: {reason}", new SourceLocation(path, 0, 0));
            return new WordListLoadResult(path, null, [diagnostic]);
        }
    }

    private static List<WordList> LoadBuiltIn()
    {
        var assembly = typeof(WordListLoader).Assembly;
        var lists = new List<WordList>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            var result = LoadString(reader.ReadToEnd(), "language/" + name[ResourcePrefix.Length..]);
            lists.Add(result.GetListOrThrow());
        }

        return lists;
    }

    private static WordList? Build(RubricMappingNode root, NodeReader r, string sourceName)
    {
        r.CheckKeys(root, "the word list", TopKeys);
        if (r.Get(root, "fairrubrics-words", "the word list", required: true) is { } formatNode
            && r.Text(formatNode, "'fairrubrics-words'") is { } format && format != "1")
        {
            r.Error(DiagnosticIds.FormatVersion, formatNode, $"word-list format version '{format}' is not supported; write 'fairrubrics-words: 1'");
        }

        var id = r.Get(root, "id", "the word list", required: true) is { } idNode ? r.Identifier(idNode, "the word-list 'id'") : null;
        var title = r.Get(root, "title", "the word list", required: true) is { } titleNode ? r.Text(titleNode, "the word-list 'title'") : null;
        var description = r.Get(root, "description", "the word list", required: false) is { } d ? r.OptionalText(d, "'description'") : null;
        var source = r.Get(root, "source", "the word list", required: true) is { } sourceNode ? r.Text(sourceNode, "the word-list 'source' (the citation of the research the words come from)") : null;
        var instead = r.Get(root, "instead", "the word list", required: false) is { } i ? r.OptionalText(i, "'instead'") : null;
        var checks = r.Get(root, "checks", "the word list", required: true) is { } checksNode ? ReadCheckIds(checksNode, r) : null;
        var allow = r.Get(root, "allow", "the word list", required: false) is { } allowNode ? ReadWords(allowNode, r, "'allow'") : [];
        var role = r.Get(root, "role", "the word list", required: false) is { } roleNode ? r.Enum(roleNode, "'role'", Roles) ?? WordListRole.Flag : WordListRole.Flag;

        List<WordListEntry>? entries = null;
        if (r.Get(root, "entries", "the word list", required: true) is { } entriesNode && r.Sequence(entriesNode, "'entries'") is { } sequence)
        {
            entries = [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in sequence.Items)
            {
                if (ReadEntry(item, r, source ?? "?", sourceName) is { } entry)
                {
                    var key = WordTokenizer.Normalize(entry.Term) + "|" + entry.Match.ToString();
                    if (!seen.Add(key))
                    {
                        r.Error(DiagnosticIds.DuplicateId, item, $"'{entry.Term}' is listed twice; keep one entry");
                        continue;
                    }

                    entries.Add(entry);
                }
            }
        }

        if (r.Diagnostics.HasErrors || id is null || title is null || source is null || checks is null || allow is null || entries is null)
        {
            return null;
        }

        return new WordList(id, title, checks, entries, allow, description, instead, sourceName, role);
    }

    private static WordListEntry? ReadEntry(RubricNode node, NodeReader r, string listSource, string sourceName)
    {
        if (node is RubricScalarNode)
        {
            var text = r.Text(node, "the entry");
            return text is null ? null : CheckTerm(text, node, r) ? new WordListEntry(text, listSource, location: node.Location) : null;
        }

        var mapping = r.Mapping(node, "an entry (a word, or a mapping with 'term')");
        if (mapping is null)
        {
            return null;
        }

        r.CheckKeys(mapping, "an entry", EntryKeys);
        var termNode = r.Get(mapping, "term", "this entry", required: true);
        var term = termNode is null ? null : r.Text(termNode, "the entry 'term'");
        var match = WordMatch.Inflected;
        if (r.Get(mapping, "match", "this entry", required: false) is { } matchNode)
        {
            match = r.Enum(matchNode, "'match'", Matches) ?? match;
        }

        var except = r.Get(mapping, "except", "this entry", required: false) is { } exceptNode ? ReadWords(exceptNode, r, "'except'") : [];
        var source = r.Get(mapping, "source", "this entry", required: false) is { } s ? r.Text(s, "the entry 'source'") : listSource;
        var instead = r.Get(mapping, "instead", "this entry", required: false) is { } i ? r.OptionalText(i, "'instead'") : null;
        var checks = r.Get(mapping, "checks", "this entry", required: false) is { } c ? ReadCheckIds(c, r, allowEmpty: true) : null;
        if (term is null || source is null || except is null || !CheckTerm(term, termNode!, r))
        {
            return null;
        }

        return new WordListEntry(term, source, match, except, instead, checks, mapping.FirstKeyLocation);
    }

    private static bool CheckTerm(string term, RubricNode node, NodeReader r)
    {
        if (WordTokenizer.Normalize(term).Length == 0)
        {
            r.Error(DiagnosticIds.EmptyText, node, $"the term '{term}' has no letters or digits; write a word or a phrase");
            return false;
        }

        return true;
    }

    private static List<string>? ReadWords(RubricNode node, NodeReader r, string what)
    {
        if (r.Sequence(node, what) is not { } sequence)
        {
            return null;
        }

        var words = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (r.Text(item, $"a word in {what}") is { } word)
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static List<string>? ReadCheckIds(RubricNode node, NodeReader r, bool allowEmpty = false)
    {
        if (r.Sequence(node, "'checks'") is not { } sequence)
        {
            return null;
        }

        if (sequence.Items.Count == 0 && !allowEmpty)
        {
            r.Error(DiagnosticIds.EmptyList, node, "'checks' is empty; name the checks that use the list, e.g. [FR104]");
            return null;
        }

        var ids = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (r.Text(item, "a check id") is not { } id)
            {
                continue;
            }

            if (!CheckIds.IsValid(id))
            {
                r.Error(DiagnosticIds.InvalidCheckSettings, item, $"'{id}' is not a check id; check ids look like FR104 (or an integrator's prefix, e.g. ACME001)");
                continue;
            }

            ids.Add(id);
        }

        return ids;
    }
}

/// <summary>The outcome of loading one word list: the list when it is valid, and every diagnostic found.</summary>
public sealed class WordListLoadResult
{
    internal WordListLoadResult(string source, WordList? list, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        List = list;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the file or source name.</summary>
    public string Source { get; }

    /// <summary>Gets the list, or null when the file has errors.</summary>
    public WordList? List { get; }

    /// <summary>Gets every diagnostic, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether the list loaded.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(List))]
    public bool Succeeded => List is not null;

    /// <summary>Returns the list, or throws with every error when it did not load.</summary>
    /// <returns>The list.</returns>
    /// <exception cref="FairRubricsConfigurationException">The word list has errors.</exception>
    public WordList GetListOrThrow() =>
        List ?? throw FairRubricsConfigurationException.LoadFailed($"The word list '{Source}'", Diagnostics);
}
