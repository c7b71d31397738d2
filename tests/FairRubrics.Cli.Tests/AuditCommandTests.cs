using System.Text.Json;

namespace FairRubrics.Cli.Tests;

[Collection("cli")]
public sealed class AuditCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-audit-");

    private static string Case => Path.Combine(CliRunner.RepositoryRoot, "tests", "FairRubrics.Tests", "Audit", "Reference", "cases", "basic");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Audit_FolderOfPartitions_ReportsWhatTheSingleFileReports()
    {
        var lines = File.ReadAllLines(Path.Combine(Case, "scores.jsonl"));
        var parts = Directory.CreateDirectory(Path.Combine(_dir.FullName, "parts"));
        File.WriteAllLines(Path.Combine(parts.FullName, "unit-a.jsonl"), lines.Take(150));
        File.WriteAllLines(Path.Combine(parts.FullName, "unit-b.jsonl"), lines.Skip(150).Append("{broken"));
        string[] common = ["--attributes", Path.Combine(Case, "attributes.csv"), "--by", "gender,ethnicity", "--intersect", "--favourable", "Exceptional,Strong"];

        var single = CliRunner.Run(["audit", "--scores", Path.Combine(Case, "scores.jsonl"), .. common]);
        var folder = CliRunner.Run(["audit", "--scores", parts.FullName, .. common]);

        folder.ExitCode.Should().Be(single.ExitCode);
        folder.Stderr.Should().Contain($"{Path.Combine(parts.FullName, "unit-b.jsonl")}:{lines.Length - 150 + 1}: rejected: not valid JSON");
        folder.Stderr.Should().Contain($"{lines.Length} result(s) audited").And.Contain("1 rejected");
        using var a = JsonDocument.Parse(single.Stdout);
        using var b = JsonDocument.Parse(folder.Stdout);
        Groups(b).Should().Equal(Groups(a));
    }

    [Fact]
    public void Audit_NoSuchScoresFileOrFolder_IsAUsageError()
    {
        var result = CliRunner.Run("audit", "--scores", Path.Combine(_dir.FullName, "missing"), "--attributes", Path.Combine(Case, "attributes.csv"), "--favourable", "Strong");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("no such score results file or folder");
    }

    /// <summary>Every group's counts and rates, rounded to 12 digits (a folder merges moments in another order).</summary>
    private static IEnumerable<string> Groups(JsonDocument report) =>
        report.RootElement.GetProperty("analyses").EnumerateArray().SelectMany(a => a.GetProperty("groups").EnumerateArray().Select(g =>
            string.Join(
                " ",
                g.GetProperty("values").GetRawText(),
                g.GetProperty("n").GetRawText(),
                g.GetProperty("favourable").GetRawText(),
                Round(g.GetProperty("selectionRate")),
                Round(g.GetProperty("fisherP")),
                Round(g.GetProperty("meanScore")),
                Round(g.GetProperty("hedgesG")))));

    private static string Round(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("G12", System.Globalization.CultureInfo.InvariantCulture) : "null";
}
