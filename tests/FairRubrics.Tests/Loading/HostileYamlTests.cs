using System.Text;
using FairRubrics.Guidance;
using FairRubrics.Language;
using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Loading;

/// <summary>
/// Issue #24 items 7 and 8 in rubric, phrase and word-list files: escapes that are not characters are FR001 at
/// file:line:col (never FR030 without a position), NUL written as an escape is rejected, the format version
/// written as text gets a clear message, and the largest and smallest finite numbers are numbers.
/// </summary>
public sealed class HostileYamlTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fairrubrics-hostile-yaml-" + Guid.NewGuid().ToString("N"));

    public HostileYamlTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string WithTitle(string title) => TestRubrics.Minimal().Replace("title: Minimal", "title: " + title, StringComparison.Ordinal);

    private static string WithWeight(string weight) =>
        TestRubrics.Minimal("  - id: delivery\n    title: Delivers\n    weight: " + weight + "\n    paths:\n      - id: manager\n        title: Manager view\n        score: { rule: rating, sources: [manager, peer] }");

    [Theory]
    [InlineData("\\UFFFFFFFF")]
    [InlineData("\\U80000000")]
    [InlineData("\\uD800\\U0010FFFF")]
    [InlineData("\\uD800\\uD800")]
    [InlineData("\\uDC00\\uD800")]
    public void Rubric_EscapeThatIsNotACharacter_IsFR001AtItsPosition_FromAFileAndFromAString(string escape)
    {
        var yaml = WithTitle("\"Min " + escape + "\"");
        var file = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(file, yaml);

        var fromFile = new RubricLoader().LoadFile(file);
        var fromString = new RubricLoader().LoadString(yaml, "bad.yaml");

        foreach (var result in new[] { fromFile, fromString })
        {
            var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
            diagnostic.Id.Should().Be("FR001");
            (diagnostic.Location.Line, diagnostic.Location.Column).Should().Be((4, 13));
            diagnostic.Message.Should().Contain($"the escape '{escape}'").And.Contain("not a Unicode character");
        }

        fromFile.Diagnostics[0].ToString().Should().StartWith(file + ":4:13: error FR001");
    }

    [Theory]
    [InlineData("\\uD83D\\uDE00")]
    [InlineData("\\U0001F600")]
    [InlineData("\\uD800\\U0000DC00")]
    [InlineData("\\U0010FFFF")]
    public void Rubric_EscapesThatAreCharacters_StillLoad(string escape)
    {
        new RubricLoader().LoadString(WithTitle("\"Min " + escape + "\"")).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Rubric_BadEscapeInAKeyInAFlowList_IsFR001AtTheEscape()
    {
        var yaml = TestRubrics.Minimal(extra: "bands: [{ \"min\\UFFFFFFFF\": 1 }]");

        var diagnostic = new RubricLoader().LoadString(yaml).Diagnostics.Should().ContainSingle(d => d.Id == "FR001").Which;

        diagnostic.Location.Line.Should().Be(13);
        diagnostic.Location.Column.Should().Be(15);
    }

    [Fact]
    public void PhraseAndWordListFiles_EscapeThatIsNotACharacter_IsFR001AtItsPosition()
    {
        var phrases = Path.Combine(_dir, "phrases.yaml");
        File.WriteAllText(phrases, "fairrubrics-phrases: 1\nphrases:\n  talk:\n    one: \"give \\UFFFFFFFF talk\"\n    other: give {n} talks\n");
        var words = Path.Combine(_dir, "words.yaml");
        File.WriteAllText(words, "fairrubrics-words: 1\nid: ours\ntitle: Ours\nentries:\n  - { term: \"x\\uD800\\U0010FFFF\" }\n");

        var phraseDiagnostic = EvidencePhrases.LoadFile(phrases).Diagnostics.Should().ContainSingle().Which;
        var wordDiagnostic = WordListLoader.LoadFile(words).Diagnostics.Should().ContainSingle().Which;

        phraseDiagnostic.ToString().Should().StartWith(phrases + ":4:16: error FR001");
        wordDiagnostic.ToString().Should().StartWith(words + ":5:15: error FR001");
    }

    [Theory]
    [InlineData("\\x00")]
    [InlineData("\\0")]
    [InlineData("a\\u0000b")]
    [InlineData("\\U00000000")]
    public void NulWrittenAsAnEscape_IsRejectedAtTheValue_InRubricsPhrasesAndWordLists(string escape)
    {
        var rubric = new RubricLoader().LoadString(WithTitle("\"Min" + escape + "\""));
        var phrases = EvidencePhrases.LoadString("fairrubrics-phrases: 1\nphrases:\n  talk:\n    one: \"give " + escape + "\"\n    other: give {n} talks\n");
        var words = WordListLoader.LoadString("fairrubrics-words: 1\nid: ours\ntitle: \"Ours" + escape + "\"\nentries:\n  - { term: x }\n");

        rubric.Succeeded.Should().BeFalse();
        var diagnostic = rubric.Diagnostics.Should().ContainSingle().Which;
        (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column).Should().Be(("FR027", 4, 8));
        diagnostic.Message.Should().Contain("NUL");
        phrases.Diagnostics.Should().Contain(d => d.Id == "FR027" && d.Location.Line == 4);
        words.Diagnostics.Should().Contain(d => d.Id == "FR027" && d.Location.Line == 3);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("'1'")]
    public void FormatVersionWrittenAsText_SaysToRemoveTheQuotes(string version)
    {
        var yaml = TestRubrics.Minimal().Replace("fairrubrics: 1", "fairrubrics: " + version, StringComparison.Ordinal);

        var diagnostic = new RubricLoader().LoadString(yaml).Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR002");
        diagnostic.Message.Should().Be("the format version is the number 1, not the text \"1\": remove the quotes and write 'fairrubrics: 1'");
    }

    [Theory]
    [InlineData("5e-324")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("2.2250738585072014E-308")]
    [InlineData("1.5e3")]
    public void NumbersWithAnExponent_AreToldToBeWrittenAsPlainDecimals_NotThatTheyAreNotFinite(string weight)
    {
        var diagnostic = new RubricLoader().LoadString(WithWeight(weight)).Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR009");
        diagnostic.Message.Should().Be($"the 'weight' of competency 'delivery' must be written as a plain decimal with '.', without an exponent, e.g. 1500 or 0.0015; got '{weight}'");
    }

    [Fact]
    public void SmallestFiniteDouble_WrittenOut_IsAWeight()
    {
        var rubric = new RubricLoader().LoadString(WithWeight("0." + new string('0', 323) + "5")).GetRubricOrThrow();

        rubric.Competencies[0].Weight.Should().Be(double.Epsilon);
    }

    [Fact]
    public void LargestFiniteWeight_IsANumber_ButWeightsTooLargeToComputeWithAreOutOfRange_NotNotFinite()
    {
        var weight = "17976931348623157" + new string('0', 292) + ".0";
        var diagnostic = new RubricLoader().LoadString(WithWeight(weight)).Diagnostics.Should().ContainSingle().Which;

        diagnostic.Id.Should().Be("FR011");
        diagnostic.Message.Should().Contain("add up to more than FairRubrics can compute with").And.NotContain("finite");
        (diagnostic.Location.Line, diagnostic.Location.Column).Should().Be((9, 13));
    }

    [Fact]
    public void Bands_LargestFiniteNumber_IsAccepted()
    {
        var yaml = TestRubrics.Minimal(extra: "bands:\n  - { min: 17976931348623157" + new string('0', 292) + ", label: Never }\n  - { min: 0, label: Any }");

        new RubricLoader().LoadString(yaml).Diagnostics.Should().NotContain(d => d.Message.Contains("finite", StringComparison.Ordinal));
    }

    [Fact]
    public void EscapeCheck_IsNotFooledByEscapesInSingleQuotesOrComments()
    {
        var yaml = WithTitle("'Min \\UFFFFFFFF' # \"\\UFFFFFFFF\"");

        new RubricLoader().LoadString(yaml).Succeeded.Should().BeTrue();
        Encoding.UTF8.GetByteCount(yaml).Should().BePositive();
    }
}
