using System.Text.RegularExpressions;
using FairRubrics.Language;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Language;

/// <summary>Every review-language check has a help page; for FR301–FR303 the failing example triggers it and the fixed example has no finding.</summary>
public sealed partial class ReviewTextHelpPageTests
{
    private static readonly IReviewTextChecker Checker = ReviewTextChecker.Create();

    public static TheoryData<string> Ids() => ["FR301", "FR302", "FR303", "FR304"];

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReviewText_HelpPage_HasTitleSectionsAndExamplesThatBehave(string id)
    {
        var descriptor = Checker.Descriptors.Single(d => d.Id == id);
        var path = Path.Combine(TestRubrics.RepositoryRoot, descriptor.HelpUri!);
        File.Exists(path).Should().BeTrue($"{descriptor.HelpUri} is the help page of {id}");
        var page = File.ReadAllText(path);

        page.Should().StartWith($"# {id}: {descriptor.Title}\n").And.Contain("## Why it matters").And.Contain("## Suppressing it");
        if (id == "FR304")
        {
            return;
        }

        Checker.Check(Example(page, "## Failing example")).Has(id).Should().BeTrue($"the failing example of {id} must trigger it");
        Checker.Check(Example(page, "## Fixed example")).Findings.Should().BeEmpty($"the fixed example of {id} must have no finding");
    }

    private static string Example(string page, string heading)
    {
        var start = page.IndexOf(heading, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the page needs a '{heading}' section");
        var match = TextBlock().Match(page, start);
        match.Success.Should().BeTrue();
        return match.Groups["text"].Value.Trim();
    }

    [GeneratedRegex("```text\n(?<text>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TextBlock();
}
