namespace FairRubrics;

/// <summary>
/// The stable ids of rubric load diagnostics (<c>FR001</c>–<c>FR099</c>). Each id keeps its meaning across
/// releases; <c>docs/diagnostics.md</c> explains each one and how to fix it.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>YAML syntax error.</summary>
    public const string YamlSyntax = "FR001";

    /// <summary>The <c>fairrubrics:</c> format version is missing or not supported.</summary>
    public const string FormatVersion = "FR002";

    /// <summary>A key that the format does not know.</summary>
    public const string UnknownKey = "FR003";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "FR004";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "FR005";

    /// <summary>A value of the wrong kind (a list where a mapping is expected, …).</summary>
    public const string WrongNodeType = "FR006";

    /// <summary>A value that is not one of the allowed words.</summary>
    public const string InvalidEnumValue = "FR007";

    /// <summary>An identifier that is not lower-case kebab-case.</summary>
    public const string InvalidIdentifier = "FR008";

    /// <summary>Not a finite number written with '.'.</summary>
    public const string InvalidNumber = "FR009";

    /// <summary>Not a whole number.</summary>
    public const string InvalidInteger = "FR010";

    /// <summary>A number outside its allowed range.</summary>
    public const string OutOfRange = "FR011";

    /// <summary>A version that is not a semantic version.</summary>
    public const string InvalidVersion = "FR012";

    /// <summary>Scale levels that are not 1..N without gaps, or N outside 2..10.</summary>
    public const string InvalidScale = "FR013";

    /// <summary>Two competencies, paths or bands with the same id or label.</summary>
    public const string DuplicateId = "FR014";

    /// <summary>A level that is not on the rubric's scale.</summary>
    public const string LevelNotOnScale = "FR015";

    /// <summary>Count thresholds that decrease as levels rise.</summary>
    public const string DecreasingThresholds = "FR016";

    /// <summary>A scoring rule name that no registered rule has.</summary>
    public const string UnknownRule = "FR017";

    /// <summary>A scoring rule parameter that the rule rejects.</summary>
    public const string InvalidRuleParameter = "FR018";

    /// <summary><c>favourable</c> names a band that does not exist.</summary>
    public const string UnknownBand = "FR019";

    /// <summary>Problems with <c>bands</c> (duplicate <c>min</c>, <c>favourable</c> without bands).</summary>
    public const string InvalidBands = "FR020";

    /// <summary>An invalid <c>window</c>.</summary>
    public const string InvalidWindow = "FR021";

    /// <summary>Invalid <c>checks</c> settings (suppression without a reason, bad check id).</summary>
    public const string InvalidCheckSettings = "FR022";

    /// <summary>A YAML tag, which rubrics do not allow.</summary>
    public const string TagNotAllowed = "FR023";

    /// <summary>A YAML anchor, alias or merge key, which rubrics do not allow.</summary>
    public const string AliasNotAllowed = "FR024";

    /// <summary>Nesting deeper than the configured limit.</summary>
    public const string TooDeep = "FR025";

    /// <summary>A file, scalar or document larger than the configured limit.</summary>
    public const string TooLarge = "FR026";

    /// <summary>Text that is not valid UTF-8/UTF-16, or contains a NUL character.</summary>
    public const string InvalidEncoding = "FR027";

    /// <summary>Not a single YAML mapping (empty file, a plain scalar, several documents).</summary>
    public const string NotARubricDocument = "FR028";

    /// <summary>Two files define the same rubric id and version.</summary>
    public const string DuplicateRubric = "FR029";

    /// <summary>A file that cannot be read.</summary>
    public const string Unreadable = "FR030";

    /// <summary>Empty text where some is required.</summary>
    public const string EmptyText = "FR031";

    /// <summary>A list that must not be empty is empty.</summary>
    public const string EmptyList = "FR032";

    /// <summary>A folder entry skipped by the folder walk: not a regular file (a FIFO, device, socket), a link to a folder already walked, or past the walk's limits.</summary>
    public const string SkippedEntry = "FR033";

    /// <summary>A text written as a map of locale to text that is malformed: a key that is not a language tag, a value that is not text, two texts for one locale, or no text in the rubric's <c>locale</c>; or a <c>locale</c> that is not a language tag.</summary>
    public const string InvalidTranslation = "FR034";
}
