using FairRubrics.Language;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Language;

public sealed class WordMatcherTests
{
    private static WordList List(params WordListEntry[] entries) => new("test-words", "Test words", ["FR104"], entries);

    private static WordListEntry Entry(string term, WordMatch match = WordMatch.Inflected, string[]? except = null) =>
        new(term, "test source", match, except);

    private static string[] Find(WordMatcher matcher, string text) => [.. matcher.Find(text).Select(h => h.Text)];

    [Theory]
    [InlineData("Adds new contacts every month", "contacts")]
    [InlineData("Contacted five people", "Contacted")]
    [InlineData("The customer's contact", "contact")]
    [InlineData("CONTACTS", "CONTACTS")]
    public void Match_Inflected_FindsInflectedFormsInAnyCase(string text, string expected)
    {
        var matcher = new WordMatcher([List(Entry("contact"))]);

        Find(matcher, text).Should().Equal(expected);
    }

    [Theory]
    [InlineData("Uses contactless payment")]
    [InlineData("Recontacts nobody")]
    [InlineData("contacting-free zone is not a word list entry")]
    public void Match_Inflected_DoesNotMatchOtherWordsThatStartTheSame(string text)
    {
        var matcher = new WordMatcher([List(Entry("contact", WordMatch.Exact))]);

        Find(matcher, text).Should().BeEmpty();
    }

    [Fact]
    public void Match_Inflected_HandlesSpellingRules()
    {
        var matcher = new WordMatcher([List(Entry("share"), Entry("fit"), Entry("bossy"), Entry("gentle"))]);

        Find(matcher, "sharing shared shares fitting fits bossiness gently").Should().Equal("sharing", "shared", "shares", "fitting", "fits", "bossiness", "gently");
        Find(matcher, "shareholder SharePoint sharp fitness").Should().BeEmpty();
    }

    [Fact]
    public void Match_Stem_MatchesPrefixesButNotExceptions()
    {
        var matcher = new WordMatcher([List(Entry("lead", WordMatch.Stem, ["leadership"]), Entry("compet", WordMatch.Stem, ["competency", "competencies", "competent"]))]);

        Find(matcher, "leads, leader, leading; leadership").Should().Equal("leads", "leader", "leading");
        Find(matcher, "competitive competition; competency competencies competent").Should().Equal("competitive", "competition");
        Find(matcher, "mislead, complete").Should().BeEmpty();
    }

    [Fact]
    public void Match_Exact_MatchesTheWordOnly()
    {
        var matcher = new WordMatcher([List(Entry("shy", WordMatch.Exact))]);

        Find(matcher, "Shy, shyly, shyness, Shy's").Should().Equal("Shy", "Shy's");
    }

    [Fact]
    public void Match_Phrase_MatchesAcrossSpacesAndHyphensAndInflectsEveryWord()
    {
        var matcher = new WordMatcher([List(Entry("meet senior leader"), Entry("self-nominat", WordMatch.Stem))]);

        Find(matcher, "regularly meets senior leaders").Should().Equal("meets senior leaders");
        Find(matcher, "self-nominated, self nomination").Should().Equal("self-nominated", "self nomination");
        Find(matcher, "meets. Senior leaders").Should().BeEmpty("a phrase does not match across punctuation");
        Find(matcher, "selfish nomination").Should().BeEmpty();
    }

    [Fact]
    public void Match_HyphenatedEvidenceTypes_AreSplitIntoWords()
    {
        var matcher = new WordMatcher([List(Entry("contact"), Entry("networking event"))]);

        Find(matcher, "new-contact").Should().Equal("contact");
        Find(matcher, "networking-event-attended").Should().Equal("networking-event");
    }

    [Fact]
    public void Match_WordInsideALongerMatch_IsReportedOnce()
    {
        var matcher = new WordMatcher([List(Entry("confident"), Entry("naturally confident"))]);

        var hits = matcher.Find("Is naturally confident and confident.");

        hits.Select(h => h.Text).Should().Equal("naturally confident", "confident");
    }

    [Fact]
    public void Match_ExceptPhrase_CoversTheWordInContext()
    {
        var matcher = new WordMatcher([List(Entry("contact", except: ["first contact resolution", "point of contact"]))]);

        Find(matcher, "Improves first contact resolution and is the point of contact; adds contacts").Should().Equal("contacts");
    }

    [Fact]
    public void Match_AllowList_SuppressesWordsAndPhrases()
    {
        var lists = new[] { List(Entry("assert", WordMatch.Stem), Entry("culture fit"), Entry("contact")) };

        var matcher = new WordMatcher(lists, allowed: ["assertive", "culture fit", "customer contact"]);

        Find(matcher, "assertive, assertion, culture fit, customer contact, contacts").Should().Equal("assertion", "contacts");
    }

    [Fact]
    public void Match_ListAllowWords_AreHonoured()
    {
        var list = new WordList("test-words", "Test", ["FR104"], [Entry("warm", WordMatch.Stem)], allow: ["warm-up", "warmup"]);

        Find(new WordMatcher([list]), "warm, warmly, warm-up, warmup").Should().Equal("warm", "warmly");
    }

    [Fact]
    public void Match_CheckId_SelectsTheEntriesThatCheckUses()
    {
        var list = new WordList("test-words", "Test", ["FR301"], [Entry("analy", WordMatch.Stem), new WordListEntry("assertive", "s", checks: ["FR104", "FR301"])]);

        Find(new WordMatcher([list], "FR104"), "analyses, assertive").Should().Equal("assertive");
        Find(new WordMatcher([list], "FR301"), "analyses, assertive").Should().Equal("analyses", "assertive");
    }

    [Fact]
    public void Match_Tags_LeaveOutZeroTaggedEntriesAndTravelWithTheHits()
    {
        var list = List(Entry("lead", WordMatch.Stem, ["leadership"]), Entry("abrasive"), Entry("migration"));
        var matcher = new WordMatcher([list], (_, entry) => entry.Term switch { "abrasive" => 2, "migration" => 4, _ => 0 });
        const string comment = "Leads the migration; abrasive in leadership meetings";
        using var text = TokenizedText.Create(comment);
        var hits = new PooledList<RawWordHit>(0);
        try
        {
            matcher.Scan(text, ref hits);

            hits.Items.ToArray().Select(h => (comment[h.Start..h.End], h.Tag)).Should().Equal(("migration", 4), ("abrasive", 2));
        }
        finally
        {
            hits.Dispose();
        }
    }

    [Fact]
    public void Match_StemsOfDifferentLengths_AreAllFound()
    {
        var matcher = new WordMatcher([List(Entry("nurtur", WordMatch.Stem), Entry("emotiona", WordMatch.Stem), Entry("brag", WordMatch.Stem))]);

        Find(matcher, "nurturing, emotionally, bragged, brave, nurse, emotive").Should().Equal("nurturing", "emotionally", "bragged");
    }

    [Fact]
    public void Match_UnicodeAndApostrophes_AreWords()
    {
        var matcher = new WordMatcher([List(Entry("naïve"), Entry("don't"))]);

        Find(matcher, "Naïve claims; DON’T do it").Should().Equal("Naïve", "DON’T");
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("az-Latn-AZ")]
    [InlineData("en-US")]
    public void Match_IsCultureInvariant(string culture)
    {
        using var scope = new CultureScope(culture);
        var matcher = new WordMatcher([List(Entry("initiative"), Entry("INSIGHT"))]);

        Find(matcher, "INITIATIVE and Insight and İNİTİATİVE").Should().Equal("INITIATIVE", "Insight");
    }

    [Fact]
    public void Match_IsThreadSafe()
    {
        var matcher = new WordMatcher(WordListLoader.BuiltIn, "FR104");
        var text = "Is naturally confident, outgoing and assertive; a team player who fits the culture.";
        var expected = Find(matcher, text);

        var results = new string[64][];
        Parallel.For(0, results.Length, i => results[i] = Find(matcher, text));

        expected.Should().HaveCount(5);
        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }

    [Fact]
    public void Tokenizer_KeepsApostrophesAndSplitsHyphens()
    {
        var tokens = new List<WordToken>();
        const string text = "The customer's self-nominated 'award' -- 12 times";

        WordTokenizer.Tokenize(text, tokens);

        tokens.Select(t => text.Substring(t.Start, t.Length)).Should().Equal("The", "customer's", "self", "nominated", "award", "12", "times");
        tokens.Select(t => t.HyphenBefore).Should().Equal(false, false, false, true, false, false, false);
    }
}
