using System.Text;
using System.Text.RegularExpressions;
using FairRubrics.Checks;

namespace FairRubrics.Cli.Output;

/// <summary>
/// The help of a rule as SARIF embeds it (<c>help.markdown</c> and <c>help.text</c>): the check's help page from
/// <c>docs/checks/</c> (embedded in the tool), the row of <c>docs/diagnostics.md</c> for a load diagnostic, or the
/// descriptor's own description for an integrator's check. Relative links in a page are made absolute against the
/// docs base URI when one is given; without one they become plain text, so no link is broken.
/// </summary>
internal static partial class SarifHelp
{
    /// <summary>Gets the help of a rule.</summary>
    public static (string Text, string Markdown) For(CheckDescriptor rule, Uri? docsBaseUri, LanguageServer.HelpPages pages)
    {
        var link = HelpLinks.Resolve(rule.HelpUri, docsBaseUri);
        string markdown;
        if (rule.HelpUri is { } page && Read(page) is { } content)
        {
            markdown = page.EndsWith("/diagnostics.md", StringComparison.Ordinal) || page == "docs/diagnostics.md"
                ? LoadDiagnostic(rule, pages.LoadError(rule.Id), link)
                : Relink(content, page, docsBaseUri).TrimEnd() + "\n";
        }
        else
        {
            markdown = (rule.Description ?? rule.Title) + (link is null ? string.Empty : $"\n\nSee [{rule.Id}]({link.AbsoluteUri}).") + "\n";
        }

        var text = PlainText(markdown);
        if (link is not null)
        {
            text += $"\n\nSee {link.AbsoluteUri}";
        }

        return (text, markdown);
    }

    /// <summary>The Markdown as plain text (CommonMark parsed by Markdig, no markup kept).</summary>
    internal static string PlainText(string markdown)
    {
        var text = Markdig.Markdown.ToPlainText(markdown).ReplaceLineEndings("\n");
        var lines = text.Split('\n').Select(l => l.TrimEnd());
        var sb = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                sb.Append(line).Append('\n');
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>Rewrites the page's relative links: absolute against the docs base, or plain text without one.</summary>
    internal static string Relink(string markdown, string pageHelpUri, Uri? docsBaseUri)
    {
        var inFence = false;
        var sb = new StringBuilder(markdown.Length);
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            sb.Append(inFence ? line : InlineLink().Replace(line, m =>
            {
                var target = m.Groups["target"].Value;
                var resolved = HelpLinks.ResolveFromPage(pageHelpUri, target, docsBaseUri);
                return resolved is null ? m.Groups["text"].Value : $"[{m.Groups["text"].Value}]({resolved.AbsoluteUri})";
            })).Append('\n');
        }

        return sb.ToString();
    }

    private static string LoadDiagnostic(CheckDescriptor rule, (string Meaning, string Fix)? row, Uri? link)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(rule.Id).Append(": ").Append(rule.Title).Append("**\n\n");
        if (row is var (meaning, fix))
        {
            sb.Append("The rubric file does not follow the `fairrubrics: 1` format: ").Append(meaning).Append(". The rubric is not loaded until it is fixed.\n\n");
            sb.Append("**How to fix:** ").Append(fix).Append('\n');
        }
        else
        {
            sb.Append(rule.Description ?? rule.Title).Append('\n');
        }

        sb.Append("\nDiagnostics name the file and the 1-based line and column of the offending YAML node; every problem of a file is reported at once.\n");
        if (link is not null)
        {
            sb.Append("\nSee [Rubric loading diagnostics](").Append(link.AbsoluteUri).Append(").\n");
        }

        return sb.ToString();
    }

    private static string? Read(string helpUri)
    {
        var relative = helpUri.Replace('\\', '/');
        return relative.StartsWith("docs/", StringComparison.Ordinal) && relative.EndsWith(".md", StringComparison.Ordinal)
            ? LanguageServer.HelpPages.Read(relative["docs/".Length..].Replace('/', '.'))
            : null;
    }

    [GeneratedRegex(@"(?<!!)\[(?<text>[^\]\n]+)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex InlineLink();
}
