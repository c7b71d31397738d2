using FairRubrics.Guidance;

namespace FairRubrics.Tests.Guidance;

public sealed class EvidencePhraseNamesTests
{
    [Fact]
    public void BuiltIn_NamesEveryTypeItHasAPhraseFor()
    {
        foreach (var type in EvidencePhrases.BuiltIn.Types)
        {
            EvidencePhrases.BuiltIn.TryGetPhrase(type, out var phrase).Should().BeTrue();
            phrase!.Item.Should().NotBeNullOrWhiteSpace(type);
            phrase.Items.Should().NotBeNullOrWhiteSpace(type);
        }

        EvidencePhrases.BuiltIn.NameOf("talk", plural: false).Should().Be("talk given");
        EvidencePhrases.BuiltIn.NameOf("talk", plural: true).Should().Be("talks given");
    }

    [Fact]
    public void NameOf_ATypeWithoutANameIsShownWithSpacesForHyphens()
    {
        EvidencePhrases.BuiltIn.NameOf("linkedin-connection", plural: true).Should().Be("linkedin connection");
        EvidencePhrases.Create([new("x-y", new EvidencePhrase("do 1 more", "do {n} more"))]).NameOf("x-y", plural: false).Should().Be("x y");
    }

    [Fact]
    public void LoadString_ItemNamesComeInPairs()
    {
        var result = EvidencePhrases.LoadString("""
            fairrubrics-phrases: 1
            phrases:
              demo:
                one: give 1 more demo
                other: give {n} more demos
                item: demo given
            """, "p.yaml");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Single().ToString().Should().StartWith("p.yaml:6:11: error FR005").And.Contain("give both, or neither");
    }

    [Fact]
    public void Constructor_RejectsOnlyOneName()
    {
        var act = () => new EvidencePhrase("give 1 more demo", "give {n} more demos", "demo given", null);

        act.Should().Throw<ArgumentException>().WithMessage("*both*");
    }
}
