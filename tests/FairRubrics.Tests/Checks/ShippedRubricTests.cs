using FairRubrics.Checks;
using FairRubrics.Loading;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Checks;

public sealed class ShippedRubricTests
{
    private static readonly RubricLinter Linter = new(BuiltInChecks.Create());

    public static TheoryData<string> ShippedRubrics()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestRubrics.RepositoryRoot, "rubrics"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedRubrics))]
    public void Check_ShippedRubric_HasNoFindings(string name)
    {
        var rubric = new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", name)).GetRubricOrThrow();

        Linter.Lint(rubric).Should().BeEmpty();
    }

    [Fact]
    public void Check_LegacyNetworkingSample_ExplainsEveryProblemLineByLine()
    {
        var rubric = new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "samples", "legacy-networking.yaml")).GetRubricOrThrow();

        var findings = Linter.Lint(rubric);

        findings.Select(f => $"{f.Id}@{f.Location.Line}").Should().Equal(
            "FR101@31",  // networking: one path
            "FR107@35",  // weight 4 of 5
            "FR102@39",  // title "Number of contacts and networking activity"
            "FR102@41", "FR102@42", "FR102@43", "FR102@44", // anchors 1-4
            "FR104@44",  // "naturally confident", "outgoing"
            "FR102@45",  // anchor 5
            "FR102@48",  // of: [new-contact, linkedin-connection, ...]
            "FR108@65"); // delivery rated by the manager only
        findings.Should().OnlyContain(f => f.Severity == DiagnosticSeverity.Warning);
        findings.Single(f => f.Id == "FR102" && f.Location.Line == 48).Message.Should()
            .Contain("marks down people who build relationships by helping others succeed or sharing what they know")
            .And.Contain("instead");
    }
}
