using System.Text.RegularExpressions;
using FairRubrics.Model;

namespace FairRubrics.Loading;

/// <summary>
/// Finds <c># fairrubrics-disable-next-line FR104[, FR105] -- reason</c> comments and the line each applies to
/// (the next line that is neither blank nor a comment). A comment without a reason, or without valid check
/// ids, is reported as <c>FR022</c>, like a <c>checks.suppress</c> entry without a reason.
/// </summary>
internal static partial class LineSuppressionScanner
{
    private const string Keyword = "fairrubrics-disable-next-line";

    public static IReadOnlyList<LineSuppression> Scan(string text, string file, DiagnosticBag diagnostics)
    {
        if (!text.Contains(Keyword, StringComparison.Ordinal))
        {
            return [];
        }

        var lines = text.Split('\n');
        var result = new List<LineSuppression>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var comment = Comment().Match(line);
            if (!comment.Success)
            {
                continue;
            }

            var location = new SourceLocation(file, i + 1, comment.Index + 1);
            var match = Directive().Match(line, comment.Index);
            if (!match.Success)
            {
                diagnostics.Error(DiagnosticIds.InvalidCheckSettings, location, "this disable comment cannot be read; write the check ids, then '--' and the reason: '# fairrubrics-disable-next-line FR104 -- reason'");
                continue;
            }

            var ids = match.Groups["ids"].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : string.Empty;
            if (reason.Length == 0)
            {
                diagnostics.Error(DiagnosticIds.InvalidCheckSettings, location, $"this disable comment has no reason; say why the finding does not apply after '--', e.g. '# {Keyword} {string.Join(", ", ids)} -- agreed with the works council'");
                continue;
            }

            // The next line that is neither blank nor a comment.
            var target = i + 1;
            while (target < lines.Length && (string.IsNullOrWhiteSpace(lines[target]) || lines[target].TrimStart().StartsWith('#')))
            {
                target++;
            }

            result.Add(new LineSuppression(ids, target + 1, reason, location));
        }

        return result;
    }

    [GeneratedRegex(@"#\s*fairrubrics-disable-next-line\b", RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\G#\s*fairrubrics-disable-next-line\s+(?<ids>[A-Z]{2,12}[0-9]{3,4}(\s*,\s*[A-Z]{2,12}[0-9]{3,4}|\s+[A-Z]{2,12}[0-9]{3,4})*)(\s*--\s*(?<reason>.*?))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
