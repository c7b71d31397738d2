using System.Buffers;

namespace FairRubrics.Loading;

/// <summary>
/// A cheap, linear pass over the raw YAML text, run before YamlDotNet sees it, that finds the two things an
/// untrusted file can use to make the parser work hard: a scalar longer than
/// <see cref="RubricLoaderOptions.MaxScalarLength"/> (YamlDotNet would buffer all of it before the loader could
/// look at its length) and brackets nested deeper than <see cref="RubricLoaderOptions.MaxDepth"/> (YamlDotNet looks
/// up to 1024 characters ahead for a possible key at every open bracket, which is quadratic in the depth).
/// </summary>
/// <remarks>
/// <para>
/// The pass follows YamlDotNet's own scanner (token starts, indentation, simple keys, the ends of plain, quoted and
/// block scalars) without building tokens or strings. For every scalar it computes a lower bound of the length of
/// the value YamlDotNet would produce: characters that are certainly part of the value (folded line breaks count
/// once, indentation and escapes are not counted as written). A scalar is reported only when that lower bound is
/// above the limit, so a file whose every scalar is within the limit is never rejected, however long its lines:
/// a long flow list such as <c>[a, b, c, ...]</c> on one line is many short scalars.
/// </para>
/// <para>
/// Depth is only a hint: <see cref="YamlTreeReader"/> then parses the text up to the bracket found here, and it is
/// that parse which reports the error (at the same place as a full parse would), so a miscount can cost time but
/// never a wrong rejection. Where the text is not valid YAML the pass stops and leaves the error to the parser.
/// </para>
/// </remarks>
internal static partial class YamlPreScan
{
    private const int MaxSimpleKeyLength = 1024; // YamlDotNet's default, Scanner(TextReader, bool)

    private static readonly SearchValues<char> Breaks = SearchValues.Create("\r\n\u0085\u2028\u2029");
    private static readonly SearchValues<char> PlainStopsBlock = SearchValues.Create(" \t\r\n\u0085\u2028\u2029:");
    private static readonly SearchValues<char> PlainStopsFlow = SearchValues.Create(" \t\r\n\u0085\u2028\u2029:,[]{}");
    private static readonly SearchValues<char> SingleQuotedStops = SearchValues.Create(" \t\r\n\u0085\u2028\u2029'");
    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create(" \t\r\n\u0085\u2028\u2029\"\\");

    /// <summary>What the pass found first.</summary>
    internal enum FindingKind
    {
        /// <summary>Nothing: the text may go to the parser.</summary>
        None,

        /// <summary>A scalar whose value is longer than the limit.</summary>
        ScalarTooLong,

        /// <summary>Collections (flow brackets and block indentation) open deeper than the limit.</summary>
        TooDeep,
    }

    /// <summary>Scans the text.</summary>
    /// <param name="text">The YAML text (without a byte-order mark).</param>
    /// <param name="maxScalarLength">The longest scalar accepted, in UTF-16 characters.</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    /// <param name="onScalar">Called with the start index and length lower bound of every scalar (tests).</param>
    /// <returns>The first finding.</returns>
    public static Result Scan(string text, int maxScalarLength, int maxDepth, Action<int, long>? onScalar = null)
    {
        var scanner = new State(text, maxScalarLength, maxDepth, onScalar);
        scanner.Run();
        return scanner.Finding with { BadEscape = scanner.BadEscape };
    }

    /// <summary>Computes the line and column (1-based) of an index the way YamlDotNet counts them.</summary>
    /// <param name="text">The text.</param>
    /// <param name="index">The index.</param>
    /// <returns>The line and column.</returns>
    public static (int Line, int Column) Position(string text, int index)
    {
        var span = text.AsSpan(0, Math.Min(index, text.Length));
        var line = 1;
        var lineStart = 0;
        var i = 0;
        while (i < span.Length)
        {
            var next = span[i..].IndexOfAny(Breaks);
            if (next < 0)
            {
                break;
            }

            i += next;
            i += span[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            line++;
            lineStart = i;
        }

        return (line, Math.Max(0, index - lineStart) + 1);
    }

    /// <summary>The first finding: its kind, where the scalar or the offending token starts, and the length lower bound.</summary>
    /// <param name="Kind">What was found.</param>
    /// <param name="Index">The scalar's first character, or the index just after the token that went too deep.</param>
    /// <param name="Length">For a scalar, the lower bound of its value's length.</param>
    /// <param name="BadEscape">
    /// The index of the first escape in a double-quoted scalar that is well-formed but is not a Unicode character
    /// (<c>"\UFFFFFFFF"</c>, <c>"\uD800\U0010FFFF"</c>), or -1. YamlDotNet throws a bare ArgumentException without a
    /// position for these; the reader then reports the escape here. Found wherever it is, without stopping the pass.
    /// </param>
    internal readonly record struct Result(FindingKind Kind, int Index, long Length, int BadEscape = -1);
}
