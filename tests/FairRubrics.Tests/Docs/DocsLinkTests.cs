using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Docs;

/// <summary>
/// Every relative link of the README and of the Markdown under docs/ (and the other Markdown the repository ships)
/// resolves to a file or folder inside the repository, and a <c>#fragment</c> to a heading of the page it names
/// (GitHub's heading ids): a clone has nothing else, so a link such as <c>../shared/seed</c> is broken (#23 item 5).
/// Links are read by a CommonMark parser (Markdig), so code spans and code blocks are not mistaken for links.
/// </summary>
public sealed class DocsLinkTests
{
    private static readonly string Root = Path.GetFullPath(TestRubrics.RepositoryRoot);
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).UsePipeTables().Build();
    private static readonly string[] Skipped = ["node_modules", "bin", "obj", ".git", "TestResults", "artifacts", "BenchmarkDotNet.Artifacts", "fairrubrics-demo"];

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in AllMarkdown())
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void TheReadmeAndTheDocsAreChecked()
    {
        var files = AllMarkdown().Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).ToList();

        files.Should().Contain("README.md").And.Contain("docs/README.md").And.Contain("docs/checks/FR101.md");
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void RelativeLinks_ResolveInsideTheRepository(string relativePath)
    {
        var file = Path.Combine(Root, relativePath);
        var broken = new List<string>();
        foreach (var (target, line) in Links(File.ReadAllText(file)))
        {
            if (Problem(file, target) is { } problem)
            {
                broken.Add($"{relativePath}:{line}: ({target}) {problem}");
            }
        }

        broken.Should().BeEmpty("every relative link must resolve in a clone of the repository");
    }

    [Fact]
    public void LinkCheck_FindsLinksOutsideTheRepositoryMissingFilesAndMissingHeadings()
    {
        var readme = Path.Combine(Root, "README.md");

        Problem(readme, "../shared/seed").Should().Contain("outside the repository");
        Problem(readme, "docs/no-such-page.md").Should().Contain("does not exist");
        Problem(readme, "docs/audit.md#no-such-heading").Should().Contain("no heading");
        Problem(readme, "docs/checks/FR101.md").Should().BeNull();
        Problem(readme, "https://example.org/x").Should().BeNull();
        Links("Text `[not](a-link.md)` and\n\n```\n[nor](this.md)\n```\n[but](this.md)").Select(l => l.Target).Should().Equal("this.md");
    }

    private static IEnumerable<string> AllMarkdown()
    {
        var pending = new Stack<string>([Root]);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            found.AddRange(Directory.EnumerateFiles(dir, "*.md"));
            foreach (var sub in Directory.EnumerateDirectories(dir).Where(d => !Skipped.Contains(Path.GetFileName(d), StringComparer.Ordinal) && new DirectoryInfo(d).LinkTarget is null))
            {
                pending.Push(sub);
            }
        }

        return found.Order(StringComparer.Ordinal);
    }

    private static List<(string Target, int Line)> Links(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var links = document.Descendants<LinkInline>().Select(l => (l.Url ?? string.Empty, l.Line + 1))
            .Concat(document.Descendants<LinkReferenceDefinition>().Select(d => (d.Url ?? string.Empty, d.Line + 1)));
        return [.. links.Where(l => l.Item1.Length > 0)];
    }

    private static string? Problem(string file, string target)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && !absolute.IsFile && !target.StartsWith('/'))
        {
            return null; // http(s), mailto: not checked here (no network)
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var fragment = hash < 0 ? null : target[(hash + 1)..];
        var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path.Replace('/', Path.DirectorySeparatorChar)));
        if (path.StartsWith('/') || !(resolved == Root || resolved.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return "points outside the repository, which a clone does not have";
        }

        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return "does not exist in the repository";
        }

        if (fragment is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && File.Exists(resolved))
        {
            var ids = Markdown.Parse(File.ReadAllText(resolved), Pipeline).Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).ToHashSet(StringComparer.Ordinal);
            if (!ids.Contains(fragment))
            {
                return $"names no heading of {Path.GetFileName(resolved)} (headings: {string.Join(", ", ids.Order(StringComparer.Ordinal).Take(12))})";
            }
        }

        return null;
    }
}
