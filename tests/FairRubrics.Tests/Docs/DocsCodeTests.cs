using System.Text;
using System.Text.RegularExpressions;
using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Docs;

/// <summary>
/// Every C# block in the guides compiles, because it is a copy of compiled code: a block is preceded by
/// <c>&lt;!-- snippet: FILE --&gt;</c> (the whole file) or <c>&lt;!-- snippet: NAME --&gt;</c> (the lines between
/// <c>// begin-snippet: NAME</c> and <c>// end-snippet</c> in a file under docs/snippets), and must equal it.
/// docs/snippets/ is built with the solution and run by eng/consumer-test.sh against the packed package.
/// After changing a snippet, run the docs tests with FAIRRUBRICS_UPDATE_SNIPPETS=1 to copy it into the Markdown.
/// Rubric blocks (<c>fairrubrics: 1</c>) must load, so that authors can copy them.
/// </summary>
public sealed partial class DocsCodeTests
{
    private static readonly string Root = TestRubrics.RepositoryRoot;
    private static readonly string SnippetsDirectory = Path.Combine(Root, "docs", "snippets");

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllMarkdown())
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void CSharpBlocks_AreCopiesOfCompiledSnippets(string file)
    {
        var path = Path.Combine(Root, file);
        var regions = Regions();
        var lines = File.ReadAllLines(path);
        var problems = new List<string>();
        var updated = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            updated.Add(lines[i]);
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var language = fence.Groups["lang"].Value;
            var end = FindClosingFence(lines, i, fence.Groups["fence"].Value);
            var body = lines[(i + 1)..end];
            var marker = PreviousMarker(lines, i);
            if (marker is null)
            {
                if (language is "csharp" or "cs" or "c#")
                {
                    problems.Add($"{file}:{i + 1}: a C# block without '<!-- snippet: NAME -->' above it; put the code in docs/snippets and quote it");
                }

                updated.AddRange(body);
                updated.Add(lines[end]);
                i = end;
                continue;
            }

            string[] expected;
            var markerFile = Path.Combine(Root, marker);
            if (File.Exists(markerFile))
            {
                expected = File.ReadAllText(markerFile).TrimEnd('\n', '\r').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            }
            else if (regions.TryGetValue(marker, out var region))
            {
                expected = region;
            }
            else
            {
                problems.Add($"{file}:{i + 1}: no snippet named '{marker}' (no file of that path, no '// begin-snippet: {marker}' in docs/snippets)");
                expected = body;
            }

            if (!expected.SequenceEqual(body))
            {
                problems.Add($"{file}:{i + 1}: the block differs from snippet '{marker}'; run the docs tests with FAIRRUBRICS_UPDATE_SNIPPETS=1\n--- expected ---\n{string.Join('\n', expected)}\n--- found ---\n{string.Join('\n', body)}");
            }

            updated.AddRange(expected);
            updated.Add(lines[end]);
            i = end;
        }

        if (problems.Count > 0 && Environment.GetEnvironmentVariable("FAIRRUBRICS_UPDATE_SNIPPETS") == "1")
        {
            File.WriteAllText(path, string.Join('\n', updated) + "\n", new UTF8Encoding(false));
            problems.RemoveAll(p => p.Contains("differs from snippet", StringComparison.Ordinal));
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void EverySnippetRegion_IsQuotedSomewhere()
    {
        var quoted = AllMarkdown().SelectMany(File.ReadAllLines).Select(l => Marker().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Regions().Keys.Where(name => !quoted.Contains(name)).Should().BeEmpty("a snippet that no page quotes is dead code in the docs");
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void RubricBlocks_Load(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, file));
        var loader = new RubricLoader(new RubricLoaderOptions(), new FairRubrics.Scoring.ScoringRuleSet([new Acme.Rubrics.SustainedContributionRule(), new Acme.Scoring.RecentCountRule()]));
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var end = FindClosingFence(lines, i, fence.Groups["fence"].Value);
            var body = string.Join('\n', lines[(i + 1)..end]);
            if (fence.Groups["lang"].Value is "yaml" or "yml" && body.Contains("fairrubrics: 1", StringComparison.Ordinal) && !PreviousLines(lines, i).Any(l => l.Contains("<!-- invalid", StringComparison.Ordinal)))
            {
                var result = loader.LoadString(body, $"{file}:{i + 2}");
                result.Diagnostics.Where(d => d.IsError).Should().BeEmpty($"the rubric at {file}:{i + 2} is meant to be copied (mark a deliberately broken one with '<!-- invalid -->')");
            }

            i = end;
        }
    }

    private static IEnumerable<string> AllMarkdown() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "samples"), "*.md", SearchOption.AllDirectories))
            .Concat([Path.Combine(Root, "README.md"), Path.Combine(Root, "src", "FairRubrics.Cli", "README.md")])
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static Dictionary<string, string[]> Regions()
    {
        var regions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SnippetsDirectory, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var begin = Begin().Match(lines[i]);
                if (!begin.Success)
                {
                    continue;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "// end-snippet");
                end.Should().BePositive($"'// begin-snippet: {begin.Groups["name"].Value}' in {file} has no '// end-snippet'");
                var body = lines[(i + 1)..end];
                var indent = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
                regions.Add(begin.Groups["name"].Value, body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()).ToArray());
                i = end;
            }
        }

        return regions;
    }

    private static int FindClosingFence(string[] lines, int open, string fence)
    {
        var end = Array.FindIndex(lines, open + 1, l => l.TrimEnd() == fence);
        end.Should().BePositive($"the code block opened at line {open + 1} is not closed");
        return end;
    }

    private static string? PreviousMarker(string[] lines, int fenceLine)
    {
        foreach (var line in PreviousLines(lines, fenceLine))
        {
            var m = Marker().Match(line);
            return m.Success ? m.Groups["name"].Value : null;
        }

        return null;
    }

    private static IEnumerable<string> PreviousLines(string[] lines, int fenceLine)
    {
        for (var j = fenceLine - 1; j >= 0 && j >= fenceLine - 1; j--)
        {
            if (lines[j].Trim().Length > 0)
            {
                yield return lines[j];
            }
        }
    }

    [GeneratedRegex(@"^(?<fence>```+)(?<lang>[A-Za-z#]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"<!--\s*snippet:\s*(?<name>\S+)\s*-->")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*// begin-snippet: (?<name>\S+)\s*$")]
    private static partial Regex Begin();
}
