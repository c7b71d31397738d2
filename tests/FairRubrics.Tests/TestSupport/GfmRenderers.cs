using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FairRubrics.Tests.TestSupport;

/// <summary>
/// Real GitHub Flavored Markdown renderers, run as a reader's tools would run them: GitHub's cmark-gfm (Debian's
/// <c>cmark-gfm</c>, with the autolink, table, strikethrough and tagfilter extensions) and, through node, markdown-it
/// with linkify, micromark with micromark-extension-gfm, and the mdast route of remark-gfm (tests/gfm, installed by
/// .ci/run). A test skips with the reason when a renderer is missing, and fails when CI=true.
/// </summary>
internal static partial class GfmRenderers
{
    public static readonly string[] Names = ["cmark-gfm", "markdown-it", "micromark", "remark"];

    private static readonly string Root = FindRoot();

    // One node run renders with all three of its renderers; the tests ask for them one at a time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> NodeOutputs = new(StringComparer.Ordinal);

    /// <summary>Renders with one renderer; skips (or fails in CI) when it is not installed.</summary>
    public static string Render(string renderer, string markdown)
    {
        if (renderer == "cmark-gfm")
        {
            var cmark = new[] { "/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm" }.FirstOrDefault(File.Exists);
            Require(cmark is not null, "cmark-gfm is not installed (apt-get install cmark-gfm)");
            return Run(cmark!, ["--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "tagfilter"], markdown);
        }

        var node = new[] { "/usr/bin/node", "/usr/local/bin/node" }.FirstOrDefault(File.Exists);
        Require(node is not null, "node is not installed (apt-get install nodejs)");
        var script = Path.Combine(Root, "tests", "gfm", "render.mjs");
        Require(Directory.Exists(Path.Combine(Root, "tests", "gfm", "node_modules")), "the GFM renderers are not installed (cd tests/gfm && npm ci)");
        var json = NodeOutputs.GetOrAdd(markdown, m => Run(node!, [script], m));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(renderer).GetString()!;
    }

    /// <summary>The text a reader sees: the HTML without tags, entities decoded, white space collapsed.</summary>
    public static string VisibleText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    /// <summary>Text with its white space collapsed, as <see cref="VisibleText"/> leaves it.</summary>
    public static string Collapse(string text) => Spaces().Replace(text, " ");

    /// <summary>The targets of every link in the HTML.</summary>
    public static IReadOnlyList<string> Links(string html) =>
        [.. Anchors().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value))];

    private static void Require(bool present, string reason)
    {
        if (present)
        {
            return;
        }

        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        ci.Should().BeFalse($"CI installs the GFM renderers (.ci/run, the gfm block): {reason}");
        Skip.If(true, reason + "; the GFM rendering tests run in CI");
    }

    private static string Run(string file, string[] arguments, string input)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue($"{file} renders in time");
        process.ExitCode.Should().Be(0, stderr.GetAwaiter().GetResult());
        return output;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FairRubrics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FairRubrics.sln not found");
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<a\\s[^>]*href=\"(?<href>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Anchors();
}
