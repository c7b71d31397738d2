using FairRubrics.Checks;

namespace FairRubrics.Tests.Checks;

public sealed class HelpLinksTests
{
    private static readonly Uri Docs = new("https://example.org/fairrubrics/docs/");

    [Theory]
    [InlineData("docs/checks/FR101.md", "https://example.org/fairrubrics/docs/checks/FR101.md")]
    [InlineData("docs/diagnostics.md", "https://example.org/fairrubrics/docs/diagnostics.md")]
    [InlineData("checks/FR101.md", "https://example.org/fairrubrics/docs/checks/FR101.md")]
    [InlineData("https://acme.example/rules/ACME001", "https://acme.example/rules/ACME001")]
    public void Resolve_RelativePages_AreUnderTheDocsFolderNeverDocsDocs(string helpUri, string expected)
    {
        HelpLinks.Resolve(helpUri, Docs)!.AbsoluteUri.Should().Be(expected);
        HelpLinks.Resolve(helpUri, new Uri("https://example.org/fairrubrics/docs"))!.AbsoluteUri.Should().Be(expected, "a base without a trailing slash is the same folder");
    }

    [Fact]
    public void Resolve_WithoutABase_GivesNoLinkForRelativePagesAndKeepsAbsoluteOnes()
    {
        HelpLinks.Resolve("docs/checks/FR101.md", null).Should().BeNull();
        HelpLinks.Resolve(null, Docs).Should().BeNull();
        HelpLinks.Resolve("https://acme.example/rules/ACME001", null)!.AbsoluteUri.Should().Be("https://acme.example/rules/ACME001");
    }

    [Fact]
    public void ResolveFromPage_ResolvesALinkWrittenInAPage()
    {
        HelpLinks.ResolveFromPage("docs/checks/FR104.md", "word-lists.md", Docs)!.AbsoluteUri.Should().Be("https://example.org/fairrubrics/docs/checks/word-lists.md");
        HelpLinks.ResolveFromPage("docs/checks/FR201.md", "../audit.md#the-reference-group", Docs)!.AbsoluteUri.Should().Be("https://example.org/fairrubrics/docs/audit.md#the-reference-group");
        HelpLinks.ResolveFromPage("docs/checks/FR104.md", "word-lists.md", null).Should().BeNull();
    }
}
