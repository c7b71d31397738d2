using FairRubrics.Loading;

namespace FairRubrics.Tests.Loading;

/// <summary>YAML syntax errors at the character that is wrong, in our words (#23 item 5).</summary>
public sealed class YamlSyntaxErrorTests
{
    private const string Head = "fairrubrics: 1\nid: x\nversion: 1.0.0\ntitle: T\nscale: { 1: a, 2: b }\n";

    private static readonly string[] ParserWords = ["while scanning", "while parsing", "violate", "found", "plain scalar", "block mapping", "hexdecimal", "stream"];

    public static TheoryData<string, string, int, int, string> Cases() => new()
    {
        // name, YAML, line, column, words the message must contain
        { "tab indenting a key under a list item", Head + "competencies:\n  - id: c\n\ttitle: C\n", 8, 1, "tab character is used for indentation" },
        { "tab indenting a top-level key", "fairrubrics: 1\nid: x\n\tversion: 1.0.0\n", 3, 1, "replace the tab with spaces" },
        { "': ' inside an unquoted title", "fairrubrics: 1\nid: x\ntitle: Ratio: 3 to 1\n", 3, 13, "put the whole value in quotes" },
        { "key indented deeper than its siblings", Head + "competencies:\n  - id: c\n     title: C\n", 8, 11, "indent it like the keys beside it" },
        { "a key without its ':'", Head + "competencies:\n  - id: c\n    title C\n    paths: []\n", 8, 5, "a ':' is missing after its key" },
        { "a quote never closed", "fairrubrics: 1\nid: x\ntitle: \"Never closed\n", 3, 8, "quote" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SyntaxError_IsReportedAtTheOffendingCharacterInOurWords(string name, string yaml, int line, int column, string words)
    {
        var result = new RubricLoader().LoadString(yaml, "r.yaml");

        var error = result.Diagnostics.Should().ContainSingle(name).Which;
        error.Id.Should().Be(DiagnosticIds.YamlSyntax, name);
        (error.Location.Line, error.Location.Column).Should().Be((line, column), name);
        error.Message.Should().StartWith("invalid YAML: ").And.Contain(words, name);
        foreach (var parserWord in ParserWords)
        {
            error.Message.Should().NotContainEquivalentOf(parserWord, $"{name}: the message is ours, not the YAML parser's");
        }
    }
}
