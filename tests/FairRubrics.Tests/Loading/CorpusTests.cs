using System.Text.RegularExpressions;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Loading;

/// <summary>
/// The hand-written corpus under Loading/Corpus: each invalid file lists the exact diagnostics (id, line,
/// column) the loader must produce; each valid file must load without any diagnostic.
/// </summary>
public sealed partial class CorpusTests
{
    public static TheoryData<string> ValidFiles() => Files("valid");

    public static TheoryData<string> InvalidFiles() => Files("invalid");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Loader_ValidCorpusFile_LoadsWithoutDiagnostics(string name)
    {
        var result = TestRubrics.LoaderWithCustomRule().LoadFile(Path.Combine(TestRubrics.CorpusDirectory, "valid", name));

        result.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Loader_InvalidCorpusFile_ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var path = Path.Combine(TestRubrics.CorpusDirectory, "invalid", name);
        var expected = ReadExpectations(path);

        var result = TestRubrics.LoaderWithCustomRule().LoadFile(path);

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().OnlyContain(d => d.IsError);
        var actual = result.Diagnostics.Select(d => (d.Id, d.Location.Line, d.Location.Column)).ToList();
        var unmatched = actual.ToList();
        foreach (var (id, line, column) in expected)
        {
            var match = unmatched.FindIndex(a => a.Id == id && (line == 0 || (a.Line == line && a.Column == column)));
            match.Should().BeGreaterThanOrEqualTo(0, $"{name} should report {id} at {line}:{column}; it reported:\n{string.Join("\n", result.Diagnostics)}");
            unmatched.RemoveAt(match);
        }

        unmatched.Should().BeEmpty($"{name} reported more than expected:\n{string.Join("\n", result.Diagnostics)}");
    }

    [Fact]
    public void Loader_EveryDiagnosticInTheCorpus_NamesTheFileAndAPosition()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestRubrics.CorpusDirectory, "invalid")))
        {
            var result = TestRubrics.LoaderWithCustomRule().LoadFile(file);
            foreach (var diagnostic in result.Diagnostics)
            {
                diagnostic.Location.File.Should().Be(file);
                diagnostic.Location.HasPosition.Should().BeTrue($"{diagnostic} should have a position");
                diagnostic.Message.Should().NotBeNullOrWhiteSpace();
            }
        }
    }

    internal static List<(string Id, int Line, int Column)> ReadExpectations(string path)
    {
        var name = Path.GetFileName(path);
        if (name == "empty.yaml")
        {
            return [("FR028", 1, 1)];
        }

        var expected = new List<(string, int, int)>();
        foreach (var line in File.ReadLines(path))
        {
            var match = ExpectLine().Match(line);
            if (!match.Success)
            {
                if (!line.StartsWith('#'))
                {
                    break;
                }

                continue;
            }

            var hasPosition = match.Groups["line"].Success;
            expected.Add((
                match.Groups["id"].Value,
                hasPosition ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                hasPosition ? int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0));
        }

        expected.Should().NotBeEmpty($"{name} must list its expected diagnostics");
        return expected;
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestRubrics.CorpusDirectory, folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [GeneratedRegex(@"^# expect: (?<id>FR[0-9]{3})( (?<line>[0-9]+):(?<col>[0-9]+))?\s*$")]
    private static partial Regex ExpectLine();
}
