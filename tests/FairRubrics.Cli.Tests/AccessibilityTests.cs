using System.Diagnostics;
using System.Text.Json;

namespace FairRubrics.Cli.Tests;

/// <summary>
/// The pages for the people assessed and the audit, compare and demo reports pass axe-core's WCAG 2.2 A and AA rules
/// with zero violations in Debian's headless Chromium; none of them scrolls sideways at 320 px or 1280 px (wide tables
/// scroll inside their own focusable regions) nor runs off an A4 page when printed (tests/accessibility/axe-check.mjs:
/// puppeteer-core and axe-core from npm, installed by .ci/run). Where Chromium, node or the npm packages are missing the tests skip with
/// the reason, and with CI=true they fail instead.
/// </summary>
[Collection("cli")]
public sealed class AccessibilityTests : IDisposable
{
    private static readonly string ToolDirectory = Path.Combine(CliRunner.RepositoryRoot, "tests", "accessibility");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-a11y-");

    public void Dispose() => _dir.Delete(recursive: true);

    [SkippableFact]
    public void RenderAndStatementPages_HaveNoWcag22AOrAAViolationsAndReflowAt320Pixels()
    {
        var (chromium, node) = RequireTools();
        var pages = new List<string>();
        foreach (var rubric in Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "rubrics"), "*.yaml").Order(StringComparer.Ordinal).Append(Path.Combine(CliRunner.RepositoryRoot, "samples", "legacy-networking.yaml")))
        {
            var page = Path.Combine(_dir.FullName, "render-" + Path.GetFileNameWithoutExtension(rubric) + ".html");
            CliRunner.Run("render", "--rubric", rubric, "--out", page).ExitCode.Should().Be(0);
            pages.Add(page);
            var german = Path.Combine(_dir.FullName, "render-" + Path.GetFileNameWithoutExtension(rubric) + ".de.html");
            CliRunner.Run("render", "--rubric", rubric, "--locale", "de", "--out", german).ExitCode.Should().Be(0);
            pages.Add(german);
        }

        foreach (var subject in new[] { "E0001", "E0002", "NOBODY" })
        {
            var page = Path.Combine(_dir.FullName, "statement-" + subject + ".html");
            CliRunner.Run("statement", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", "samples/org/evidence.csv", "--as-of", "2026-06-30", "--subject", subject, "--out", page).ExitCode.Should().Be(0);
            pages.Add(page);
        }

        var legacy = Path.Combine(_dir.FullName, "statement-legacy.html");
        CliRunner.Run("statement", "--rubric", "samples/legacy-networking.yaml", "--evidence", "samples/org/evidence.csv", "--as-of", "2026-06-30", "--subject", "E0003", "--out", legacy).ExitCode.Should().Be(0);
        pages.Add(legacy);

        using var report = RunAxe(chromium, node, pages);

        ShouldPass(report, pages.Count);
    }

    [SkippableFact]
    public void AuditCompareAndDemoReports_HaveNoWcag22AOrAAViolationsAndNeverScrollSideways()
    {
        var (chromium, node) = RequireTools();
        var folder = Path.Combine(_dir.FullName, "demo");
        CliRunner.Run("demo", "--out", folder).ExitCode.Should().Be(0);
        var audit = Path.Combine(_dir.FullName, "audit.html");
        CliRunner.Run("audit", "--scores", Path.Combine(folder, "scores-alternative-paths.jsonl"), "--attributes", Path.Combine(folder, "attributes.csv"), "--by", "gender,ethnicity", "--intersect", "--rubric", "rubrics/professional-relationships.yaml", "--format", "html", "--out", audit).ExitCode.Should().Be(0);
        var legacy = Path.Combine(_dir.FullName, "audit-legacy.html");
        CliRunner.Run("audit", "--scores", Path.Combine(folder, "scores-legacy.jsonl"), "--attributes", Path.Combine(folder, "attributes.csv"), "--rubric", "samples/legacy-networking.yaml", "--format", "html", "--out", legacy).ExitCode.Should().Be(1, "the legacy rubric's audit has adverse-impact findings");
        var compare = Path.Combine(_dir.FullName, "compare.html");
        CliRunner.Run("compare", "--from", "samples/legacy-networking.yaml", "--to", "rubrics/professional-relationships.yaml", "--evidence", Path.Combine(folder, "evidence.csv"), "--as-of", "2026-06-30", "--attributes", Path.Combine(folder, "attributes.csv"), "--by", "gender", "--format", "html", "--out", compare).ExitCode.Should().Be(0);
        var auditGerman = Path.Combine(_dir.FullName, "audit-de.html");
        CliRunner.Run("audit", "--scores", Path.Combine(folder, "scores-legacy.jsonl"), "--attributes", Path.Combine(folder, "attributes.csv"), "--by", "gender,ethnicity", "--rubric", "samples/legacy-networking.yaml", "--format", "html", "--locale", "de", "--out", auditGerman).ExitCode.Should().Be(1);
        var compareGerman = Path.Combine(_dir.FullName, "compare-de.html");
        CliRunner.Run("compare", "--from", "samples/legacy-networking.yaml", "--to", "rubrics/professional-relationships.yaml", "--evidence", Path.Combine(folder, "evidence.csv"), "--as-of", "2026-06-30", "--attributes", Path.Combine(folder, "attributes.csv"), "--by", "gender", "--format", "html", "--locale", "de", "--out", compareGerman).ExitCode.Should().Be(0);
        string[] pages = [audit, legacy, compare, auditGerman, compareGerman, Path.Combine(folder, "report.html")];
        File.ReadAllText(auditGerman).Should().Contain("<html lang=\"de\">").And.Contain("<h2>Befunde</h2>");
        File.ReadAllText(audit).Should().Contain("role=\"region\"", "the audit's wide tables scroll inside labelled regions");

        using var report = RunAxe(chromium, node, pages);

        ShouldPass(report, pages.Length);
    }

    [SkippableFact]
    public void AxeCheck_FindsTheViolationsOfAKnownBadPage()
    {
        var (chromium, node) = RequireTools();
        var bad = Path.Combine(_dir.FullName, "bad.html");
        File.WriteAllText(bad, """
            <!DOCTYPE html><html><head><title>Bad</title></head><body>
            <p style="color:#bbb;background:#fff">Low contrast text</p><img src="x.png">
            <div style="width:900px">Too wide for a phone</div>
            <div style="overflow-x:auto" role="region" aria-label="Wide table" tabindex="0"><table id="scrolls"><tr><td style="min-width:2000px">Wide but scrolls in its region</td></tr></table></div>
            </body></html>
            """);
        var wide = Path.Combine(_dir.FullName, "wide.html");
        File.WriteAllText(wide, """
            <!DOCTYPE html><html lang="en"><head><title>Wide</title></head><body><main>
            <table id="toowide"><tr><td style="min-width:1500px">A table that makes the page scroll sideways at 1280 px</td></tr></table>
            </main></body></html>
            """);

        using var report = RunAxe(chromium, node, [bad, wide]);

        var result = report.RootElement.GetProperty("pages")[0];
        result.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("id").GetString())
            .Should().Contain(["html-has-lang", "image-alt", "color-contrast"], "the check must catch what it is there to catch");
        var overflow = result.GetProperty("overflow").EnumerateArray().Select(o => o.GetString()!).ToList();
        overflow.Should().Contain(o => o.StartsWith("at 320 px: div (", StringComparison.Ordinal));
        overflow.Where(o => !o.StartsWith("in print", StringComparison.Ordinal)).Should().NotContain(o => o.Contains("#scrolls", StringComparison.Ordinal), "a table that scrolls inside its own region does not make the page scroll");
        overflow.Should().Contain(o => o.StartsWith("in print: table#scrolls", StringComparison.Ordinal), "on paper nothing scrolls");
        var tooWide = report.RootElement.GetProperty("pages")[1].GetProperty("overflow").EnumerateArray().Select(o => o.GetString()).ToList();
        tooWide.Should().Contain(o => o!.StartsWith("at 1280 px: the page", StringComparison.Ordinal), "a page wider than 1280 px hides columns at that width");
        tooWide.Should().Contain(o => o!.StartsWith("at 1280 px: table#toowide", StringComparison.Ordinal));
        report.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Contain(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]);
    }

    private static void ShouldPass(JsonDocument report, int count)
    {
        var results = report.RootElement.GetProperty("pages").EnumerateArray().ToList();
        results.Should().HaveCount(count);
        foreach (var result in results)
        {
            var file = Path.GetFileName(result.GetProperty("file").GetString());
            result.GetProperty("violations").EnumerateArray().Select(v => $"{v.GetProperty("id").GetString()} at {v.GetProperty("width").GetInt32()} px: {v.GetProperty("help").GetString()} ({string.Join("; ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))})")
                .Should().BeEmpty("{0} must pass axe-core's WCAG 2.2 A and AA rules", file);
            result.GetProperty("overflow").EnumerateArray().Select(o => o.GetString()).Should().BeEmpty("{0} must reflow at 320 px and fit 1280 px without scrolling sideways (wide tables scroll in their own regions), and fit A4 when printed", file);
            result.GetProperty("widths").GetProperty("320").GetInt32().Should().BeLessThanOrEqualTo(320, file);
            result.GetProperty("widths").GetProperty("1280").GetInt32().Should().BeLessThanOrEqualTo(1280, file);
        }
    }

    private static (string Chromium, string Node) RequireTools()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        var node = new[] { "/usr/bin/node", "/usr/local/bin/node" }.FirstOrDefault(File.Exists);
        var packages = Directory.Exists(Path.Combine(ToolDirectory, "node_modules", "axe-core")) && Directory.Exists(Path.Combine(ToolDirectory, "node_modules", "puppeteer-core"));
        var missing = chromium is null ? "Chromium is not installed (apt-get install chromium)"
            : node is null ? "node is not installed (apt-get install nodejs npm)"
            : !packages ? "axe-core and puppeteer-core are not installed (cd tests/accessibility && npm ci)"
            : null;
        if (missing is not null)
        {
            ci.Should().BeFalse($"CI installs what the accessibility tests need (.ci/run); {missing}");
            Skip.If(true, missing + "; the accessibility tests run in CI");
        }

        return (chromium!, node!);
    }

    private static JsonDocument RunAxe(string chromium, string node, IReadOnlyList<string> pages)
    {
        var info = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ToolDirectory };
        info.ArgumentList.Add(Path.Combine(ToolDirectory, "axe-check.mjs"));
        info.ArgumentList.Add("--chromium");
        info.ArgumentList.Add(chromium);
        foreach (var page in pages)
        {
            info.ArgumentList.Add(page);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("axe-check.mjs did not finish within 180 s");
        }

        process.ExitCode.Should().Be(0, stderr.Result);
        return JsonDocument.Parse(stdout.Result);
    }
}
