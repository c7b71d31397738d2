using System.Diagnostics;
using System.Text.Json;

namespace FairRubrics.Cli.Tests.Sarif;

/// <summary>
/// Validates SARIF logs against the official SARIF 2.1.0 schema (<c>sarif-2.1.0-rtm.5.json</c>, JSON Schema draft-04
/// with formats) with Ajv run by node (<c>Sarif/validator</c>: <c>npm ci</c> installs ajv, ajv-draft-04, ajv-formats
/// and the schema's package). Where node or the packages are missing the test is skipped with the reason, except
/// under <c>CI=true</c> (.ci/run installs them), where that is a failure.
/// </summary>
internal static class OfficialSarifSchema
{
    public static string ValidatorDirectory { get; } = Path.Combine(CliRunner.RepositoryRoot, "tests", "FairRubrics.Cli.Tests", "Sarif", "validator");

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) when the validator cannot run here.</summary>
    public static void RequireValidator()
    {
        string? reason = null;
        if (FindNode() is null)
        {
            reason = "node is not installed (apt-get install nodejs npm; then npm ci in tests/FairRubrics.Cli.Tests/Sarif/validator): the official SARIF schema check runs in CI";
        }
        else if (!File.Exists(Path.Combine(ValidatorDirectory, "node_modules", "ajv-draft-04", "package.json"))
            || !File.Exists(Path.Combine(ValidatorDirectory, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json")))
        {
            reason = "the validator's npm packages are not installed (run npm ci in tests/FairRubrics.Cli.Tests/Sarif/validator): the official SARIF schema check runs in CI";
        }

        if (reason is not null)
        {
            InCi.Should().BeFalse($"CI installs node and the validator (.ci/run); here: {reason}");
            Skip.If(true, reason);
        }
    }

    /// <summary>Validates one SARIF text; returns the schema's errors (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(string sarif)
    {
        RequireValidator();
        var file = Path.Combine(Path.GetTempPath(), "fairrubrics-sarif-" + Guid.NewGuid().ToString("N") + ".sarif");
        File.WriteAllText(file, sarif);
        try
        {
            var start = new ProcessStartInfo(FindNode()!, [Path.Combine(ValidatorDirectory, "validate.js"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = ValidatorDirectory,
            };
            using var node = Process.Start(start)!;
            var stderrTask = node.StandardError.ReadToEndAsync();
            var stdout = node.StandardOutput.ReadToEnd();
            node.WaitForExit(60_000).Should().BeTrue("the validator ends");
            var stderr = stderrTask.Result;
            stdout.Should().NotBeNullOrWhiteSpace($"the validator prints its verdict (stderr: {stderr})");
            using var verdict = JsonDocument.Parse(stdout.Trim().Split('\n')[0]);
            verdict.RootElement.GetProperty("schema").GetString().Should().Contain("SARIF").And.Contain("2.1.0-rtm.5");
            var errors = verdict.RootElement.GetProperty("errors").EnumerateArray()
                .Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}")
                .ToList();
            verdict.RootElement.GetProperty("valid").GetBoolean().Should().Be(errors.Count == 0);
            node.ExitCode.Should().Be(errors.Count == 0 ? 0 : 1, stderr);
            return errors;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? FindNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node", "nodejs"])
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
