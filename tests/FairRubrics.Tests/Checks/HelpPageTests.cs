using System.Text.RegularExpressions;
using FairRubrics.Checks;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Checks;

/// <summary>Every built-in check has a help page whose failing example triggers it and whose fixed example is lint-clean.</summary>
public sealed partial class HelpPageTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in BuiltInChecks.Create().SelectMany(c => c.Descriptors).Select(d => d.Id))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpPage_FailingExampleTriggersAndFixedExampleIsClean(string id)
    {
        var descriptor = BuiltInChecks.Create().SelectMany(c => c.Descriptors).Single(d => d.Id == id);
        var path = Path.Combine(TestRubrics.RepositoryRoot, descriptor.HelpUri!);
        File.Exists(path).Should().BeTrue($"{descriptor.HelpUri} is the help page of {id}");
        var page = File.ReadAllText(path);

        page.Should().StartWith($"# {id}: {descriptor.Title}\n").And.Contain("## Why it matters").And.Contain("## Suppressing it").And.Contain("reason");
        Lint.Only(id, Example(page, "## Failing example")).Should().NotBeEmpty($"the failing example of {id} must trigger it");
        Lint.Run(Example(page, "## Fixed example")).Should().BeEmpty($"the fixed example of {id} must be lint-clean");
    }

    private static string Example(string page, string heading)
    {
        var start = page.IndexOf(heading, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the page needs a '{heading}' section");
        var match = YamlBlock().Match(page, start);
        match.Success.Should().BeTrue();
        return match.Groups["yaml"].Value;
    }

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlBlock();
}
