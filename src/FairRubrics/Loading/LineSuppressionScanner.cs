using System.Text.RegularExpressions;
using FairRubrics.Model;

namespace FairRubrics.Loading;

/// <summary>Finds <c># fairrubrics-disable-next-line FR104[, FR105] -- reason</c> comments and the line each applies to.</summary>
internal static partial class LineSuppressionScanner
{
    public static IReadOnlyList<LineSuppression> Scan(string text, string file)
    {
        if (!text.Contains("fairrubrics-disable-next-line", StringComparison.Ordinal))
        {
            return [];
        }

        var lines = text.Split('\n');
        var result = new List<LineSuppression>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Directive().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var ids = match.Groups["ids"].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : string.Empty;

            // The next line that is neither blank nor a comment.
            var target = i + 1;
            while (target < lines.Length && (string.IsNullOrWhiteSpace(lines[target]) || lines[target].TrimStart().StartsWith('#')))
            {
                target++;
            }

            var column = match.Index + 1;
            result.Add(new LineSuppression(ids, target + 1, reason, new SourceLocation(file, i + 1, column)));
        }

        return result;
    }

    [GeneratedRegex(@"#\s*fairrubrics-disable-next-line\s+(?<ids>[A-Z]{2,10}[0-9]{3,4}(\s*,\s*[A-Z]{2,10}[0-9]{3,4}|\s+[A-Z]{2,10}[0-9]{3,4})*)(\s*--\s*(?<reason>.*))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
