using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FairRubrics.Checks;
using FairRubrics.Language;
using FairRubrics.Tests.TestSupport;
using Xunit.Abstractions;

namespace FairRubrics.Tests.Checks;

/// <summary>
/// Measures the word-list checks on realistic anchors (Checks/Data/clean-anchors.txt: none should be flagged)
/// and on biased ones (biased-anchors.txt: each must be flagged by its check), end to end through the linter,
/// and compares with naive prefix matching of the same lists. The numbers are quoted in docs/checks/word-lists.md.
/// </summary>
public sealed class FalsePositiveMeasurementTests(ITestOutputHelper output)
{
    private static readonly string DataDirectory = Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Checks", "Data");

    private static List<string> ReadLines(string name) =>
        [.. File.ReadAllLines(Path.Combine(DataDirectory, name)).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>Puts every anchor in a count path of one rubric (so FR102, FR104 and FR105 all look at it) and lints it.</summary>
    private static Dictionary<string, HashSet<string>> LintAnchors(List<string> anchors)
    {
        var yaml = new StringBuilder("""
            fairrubrics: 1
            id: measurement
            version: 1.0.0
            title: Measurement
            scale: { 1: One, 2: Two, 3: Three, 4: Four, 5: Five }
            window: { months: 12 }
            competencies:
              - id: work
                title: Work
                paths:

            """);
        var lineOfAnchor = new Dictionary<int, string>();
        var line = 11;
        for (var i = 0; i < anchors.Count; i += 5)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"      - id: p{i}\n        title: Path {i}\n        anchors:\n");
            line += 3;
            for (var level = 1; level <= 5 && i + level - 1 < anchors.Count; level++)
            {
                var text = anchors[i + level - 1];
                yaml.Append(CultureInfo.InvariantCulture, $"          {level}: \"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n");
                lineOfAnchor[line++] = text;
            }

            yaml.Append("        score: { rule: count, of: [doc], thresholds: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 } }\n");
            line++;
        }

        var findings = Lint.Run(yaml.ToString());
        var result = anchors.ToDictionary(a => a, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (lineOfAnchor.TryGetValue(finding.Location.Line, out var anchor))
            {
                result[anchor].Add(finding.Id);
            }
        }

        return result;
    }

    [Fact]
    public void WordListChecks_RealisticAnchors_AreNotFlagged()
    {
        var anchors = ReadLines("clean-anchors.txt");

        var flagged = LintAnchors(anchors).Where(p => p.Value.Count > 0).Select(p => $"{string.Join(",", p.Value)}: {p.Key}").ToList();
        var naive = anchors.Where(NaiveGaucherPrefixMatch).ToList();
        output.WriteLine($"clean anchors: {anchors.Count}; flagged by FR102/FR104/FR105: {flagged.Count}; flagged by naive prefix matching of the Gaucher lists: {naive.Count}");
        flagged.ForEach(f => output.WriteLine("  flagged: " + f));
        foreach (var anchor in naive)
        {
            output.WriteLine("  naive: " + anchor);
        }

        anchors.Should().HaveCountGreaterThanOrEqualTo(120);
        flagged.Should().BeEmpty();
        naive.Count.Should().BeGreaterThan(anchors.Count / 4, "the measurement shows what the match rules avoid");
    }

    [Fact]
    public void WordListChecks_BiasedAnchors_AreAllFlaggedByTheirCheck()
    {
        var cases = ReadLines("biased-anchors.txt").Select(l => l.Split(" | ", 2)).Select(p => (Id: p[0], Anchor: p[1])).ToList();

        var found = LintAnchors([.. cases.Select(c => c.Anchor)]);
        var missed = cases.Where(c => !found[c.Anchor].Contains(c.Id)).Select(c => $"{c.Id}: {c.Anchor}").ToList();
        output.WriteLine($"biased anchors: {cases.Count}; flagged by the expected check: {cases.Count - missed.Count}");

        missed.Should().BeEmpty();
    }

    /// <summary>What a naive scan does: every Gaucher et al. word or stem as a prefix of any word, no exceptions, no trait filter.</summary>
    private static bool NaiveGaucherPrefixMatch(string text)
    {
        var stems = WordListLoader.BuiltIn.Where(l => l.Id is "masculine-coded" or "feminine-coded").SelectMany(l => l.Entries).Select(e => Regex.Escape(e.Term.ToLowerInvariant()));
        return Regex.IsMatch(text.ToLowerInvariant(), $@"\b({string.Join("|", stems)})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
