using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

public sealed class AuditCsvTests
{
    [Fact]
    public void AuditCsv_FormulaLikeTextIsNeutralisedAndNumbersStayNumbers()
    {
        var subjects = new List<AuditSubject>();
        var attributes = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        for (var i = 0; i < 20; i++)
        {
            var id = $"s{i}";
            subjects.Add(new AuditSubject(id, true, i % 4, i % 2 == 0 ? "Strong" : "Solid", [new AuditCompetency("c", i % 4, "p")], "r"));
            attributes[id] = new Dictionary<string, string?> { ["team"] = i < 10 ? "=HYPERLINK(\"http://x\")" : "-sales" };
        }

        var options = new AuditOptions();
        options.FavourableBands.Add("Strong");
        options.Attributes.Add("team");
        var report = new BiasAuditor().Audit(subjects, attributes, options);
        using var writer = new StringWriter();

        AuditCsv.Write(writer, report);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("\"attributes\",\"values\",\"n\"");
        lines.Should().Contain(l => l.StartsWith("\"team\",\"'=HYPERLINK(\"\"http://x\"\")\",10,", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("\"team\",\"'-sales\",10,", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains(",-", StringComparison.Ordinal) || l.Contains(",0.", StringComparison.Ordinal), "numbers, negative ones included, are written as numbers");
        lines.Should().NotContain(l => l.Contains("'-0", StringComparison.Ordinal) || l.Contains("'0", StringComparison.Ordinal));
    }
}
