using System.Globalization;
using System.Text;

namespace FairRubrics.Cli.Tests;

/// <summary>score streams sorted evidence subject by subject and falls back for unsorted evidence: the outputs are the same bytes either way.</summary>
[Collection("cli")]
public sealed class ScoreStreamingTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fairrubrics-stream-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Score_SortedAndShuffledEvidence_WriteTheSameBytes(bool toFile)
    {
        var random = new Random(3);
        var rows = new List<string>();
        string[] types = ["mentoring", "talk", "doc", "answered-question", "unknown-type"];
        for (var s = 0; s < 60; s++)
        {
            var subject = "p" + s.ToString("D3", CultureInfo.InvariantCulture);
            for (var i = 0; i < random.Next(0, 8); i++)
            {
                var date = new DateOnly(2026, 6, 1).AddDays(-random.Next(400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                rows.Add(random.Next(3) == 0
                    ? $"{subject},rating,delivery,outcomes,{random.Next(0, 7)},manager,{date},r{s}-{i}"
                    : $"{subject},{types[random.Next(types.Length)]},,,,,{date},e{s}-{i}");
            }
        }

        const string header = "subject,type,competency,path,value,source,date,id\n";
        var sorted = Write("sorted.csv", header + string.Join('\n', rows) + "\n");
        // Interleaved: the subjects' rows mixed, each subject's own rows still in their order (explanations list them so).
        var queues = rows.GroupBy(r => r.Split(',')[0]).ToDictionary(g => g.Key, g => new Queue<string>(g));
        var mixed = rows.Select(r => r.Split(',')[0]).OrderBy(_ => random.Next()).Select(subject => queues[subject].Dequeue());
        var shuffled = Write("shuffled.csv", header + string.Join('\n', mixed) + "\n");

        var a = Score(sorted, toFile, "a");
        var b = Score(shuffled, toFile, "b");

        a.Code.Should().Be(b.Code);
        a.Output.Should().NotBeEmpty().And.Be(b.Output);
        a.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(rows.Select(r => r.Split(',')[0]).Distinct().Count());
        a.Summary.Should().Be(b.Summary.Replace("shuffled.csv", "sorted.csv", StringComparison.Ordinal));
        a.Rejected.Split('\n').Length.Should().BeGreaterThan(1).And.Be(b.Rejected.Split('\n').Length);
    }

    private (int Code, string Output, string Summary, string Rejected) Score(string evidence, bool toFile, string name)
    {
        var rejected = Path.Combine(_dir.FullName, name + ".rejected.jsonl");
        var outFile = Path.Combine(_dir.FullName, name + ".jsonl");
        string[] args = ["score", "--rubric", "rubrics/professional-relationships.yaml", "--evidence", evidence, "--as-of", "2026-06-30", "--explain", "--rejected", rejected];
        var (code, stdout, stderr) = CliRunner.Run(toFile ? [.. args, "--out", outFile] : args);
        var summary = stderr.Split('\n').Last(l => l.Contains("row(s) read", StringComparison.Ordinal));
        return (code, toFile ? File.ReadAllText(outFile, Encoding.UTF8) : stdout, summary, File.ReadAllText(rejected, Encoding.UTF8));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
