using System.Diagnostics;
using System.Text.Json;

namespace FairRubrics.Cli.Tests;

[Collection("cli")]
public sealed class DemoCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-demo-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Demo_WritesAReportWhoseNumbersMatchTheAuditCommand()
    {
        var output = Path.Combine(_dir.FullName, "demo");

        var (code, stdout, _) = CliRunner.Run("demo", "--out", output);

        code.Should().Be(0);
        stdout.Should().Contain("synthetic").And.Contain("Report: ");
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        html.Should().Contain("The data in this report is synthetic").And.Contain("<svg").And.Contain("FR101").And.Contain("FR102");
        File.Exists(Path.Combine(output, "docs", "checks", "FR101.md")).Should().BeTrue("the report's help links must work offline");

        // The same scores through 'fairrubrics audit --format json' give the demo's numbers.
        var auditJson = Path.Combine(_dir.FullName, "audit.json");
        var (auditCode, _, _) = CliRunner.Run(
            "audit", "--scores", Path.Combine(output, "scores-legacy.jsonl"), "--attributes", Path.Combine(output, "attributes.csv"),
            "--by", "gender", "--favourable", "Exceptional,Strong", "--out", auditJson);
        auditCode.Should().Be(1, "the legacy rubric has adverse-impact errors");
        using var fromCli = JsonDocument.Parse(File.ReadAllText(auditJson));
        using var fromDemo = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "audit-legacy.json")));
        fromCli.RootElement.GetProperty("analyses").GetRawText().Should().Be(fromDemo.RootElement.GetProperty("analyses").GetRawText());
        fromCli.RootElement.GetProperty("findings").GetRawText().Should().Be(fromDemo.RootElement.GetProperty("findings").GetRawText());
    }

    [Fact]
    public void Demo_WritesAndLinksEachRubricsPageInEnglishAndGerman()
    {
        var output = Path.Combine(_dir.FullName, "demo");

        CliRunner.Run("demo", "--out", output).ExitCode.Should().Be(0);

        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        html.Should().Contain("href=\"pages/professional-relationships.en.html\"").And.Contain("href=\"pages/professional-relationships.de.html\"").And.Contain("href=\"pages/legacy-networking.en.html\"");
        var german = File.ReadAllText(Path.Combine(output, "pages", "professional-relationships.de.html"));
        german.Should().Contain("<html lang=\"de\"").And.Contain("Berufliche Beziehungen: So wird Ihre Arbeit beurteilt").And.Contain("Hilft anderen, erfolgreich zu sein");
        File.ReadAllText(Path.Combine(output, "pages", "legacy-networking.en.html")).Should().Contain("<html lang=\"en\"");
    }

    [Fact]
    public void Demo_LegacyRubricShowsAdverseImpactThatTheAlternativePathRubricRemoves()
    {
        var output = Path.Combine(_dir.FullName, "demo");

        CliRunner.Run("demo", "--out", output).ExitCode.Should().Be(0);

        using var legacy = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "audit-legacy.json")));
        using var fair = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "audit-alternative-paths.json")));
        Findings(legacy, "FR201").Should().Contain("female");
        Findings(fair, "FR201").Should().BeEmpty();
    }

    [SkippableFact]
    public void Demo_ReportRendersInARealBrowserWithChartsAndNoConsoleErrors()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (chromium is null)
        {
            ci.Should().BeFalse("CI installs Debian's chromium (.ci/run); the browser test must run there");
            Skip.If(true, "Chromium is not installed (apt-get install chromium); the browser test runs in CI");
        }

        var output = Path.Combine(_dir.FullName, "demo");
        CliRunner.Run("demo", "--out", output).ExitCode.Should().Be(0);
        var screenshots = Path.Combine(CliRunner.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        var screenshot = Path.Combine(screenshots, "demo-report.png");
        File.Delete(screenshot);
        var url = new Uri(Path.Combine(output, "report.html")).AbsoluteUri;

        var (shotCode, shotErr) = RunChromium(chromium!, $"--window-size=1400,2400 --screenshot={screenshot} {url}");
        var (domCode, dom) = RunChromium(chromium!, $"--dump-dom {url}", captureStdout: true);

        shotCode.Should().Be(0, shotErr);
        new FileInfo(screenshot).Length.Should().BeGreaterThan(50_000, "a rendered report is not a blank page");
        domCode.Should().Be(0);
        dom.Should().Contain("<svg").And.Contain("Counting contacts vs alternative paths");
        var consoleErrors = shotErr.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && (l.Contains("ERROR", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal))).ToList();
        consoleErrors.Should().BeEmpty();
    }

    internal static (int Code, string Output) RunChromium(string chromium, string arguments, bool captureStdout = false)
    {
        var profile = Directory.CreateTempSubdirectory("fairrubrics-chromium-");
        try
        {
            var info = new ProcessStartInfo(chromium, $"--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --enable-logging=stderr --v=0 --user-data-dir={profile.FullName} {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "chromium timed out");
            }

            return (process.ExitCode, captureStdout ? stdout.Result : stderr.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static List<string> Findings(JsonDocument report, string id) =>
        [.. report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("id").GetString() == id)
            .Select(f => f.GetProperty("values")[0].GetString()!)];
}
