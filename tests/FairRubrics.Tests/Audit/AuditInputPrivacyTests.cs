using System.Text;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

public sealed class AuditInputPrivacyTests
{
    /// <summary>Attribute values and subject ids that must never appear in a problem.</summary>
    internal static readonly string[] Secrets = ["zq-subject-1", "zq-subject-2", "zq-subject-3", "zq-subject-4", "val-secret-a", "val-secret-b", "val-secret-c", "val-secret-d"];

    /// <summary>Line 3 has too many fields, line 4 an empty subject, line 5 repeats a subject, line 6 too few fields.</summary>
    internal const string MalformedAttributes =
        "subject,gender,team\n" +
        "zq-subject-1,val-secret-a,val-secret-b\n" +
        "zq-subject-2,val-secret-a,val-secret-c,val-secret-d\n" +
        ",val-secret-c,val-secret-b\n" +
        "zq-subject-1,val-secret-d,val-secret-c\n" +
        "zq-subject-3,val-secret-b\n" +
        "zq-subject-4,val-secret-c,val-secret-a\n";

    [Fact]
    public void Audit_AttributeProblems_NameRowAndLineButNoValueOrSubject()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(MalformedAttributes));

        var table = AuditInputReader.ReadAttributes(stream);

        table.Count.Should().Be(2, "zq-subject-1 and zq-subject-4 are usable");
        table.Problems.Should().HaveCount(4);
        table.Problems.Should().Contain(p => p.Contains("(line 3)", StringComparison.Ordinal) && p.Contains("number of fields", StringComparison.Ordinal));
        table.Problems.Should().Contain(p => p.Contains("(line 4)", StringComparison.Ordinal) && p.Contains("'subject' cell is empty", StringComparison.Ordinal));
        table.Problems.Should().Contain(p => p.Contains("(line 5)", StringComparison.Ordinal) && p.Contains("second row", StringComparison.Ordinal));
        table.Problems.Should().Contain(p => p.Contains("(line 6)", StringComparison.Ordinal) && p.Contains("number of fields", StringComparison.Ordinal));
        table.Problems.Should().OnlyContain(p => p.StartsWith("row ", StringComparison.Ordinal));
        foreach (var secret in Secrets)
        {
            table.Problems.Should().NotContain(p => p.Contains(secret, StringComparison.Ordinal), secret);
        }
    }

    [Theory]
    [InlineData("{\"subject\":\"a\",\"status\":5}", "'status' must be")]
    [InlineData("{\"subject\":\"a\",\"status\":[\"scored\"]}", "'status' must be")]
    [InlineData("{\"subject\":\"a\",\"status\":\"scored\",\"overall\":1e400}", "'overall' is not a finite number")]
    [InlineData("{\"subject\":\"a\",\"status\":\"scored\",\"overall\":3,\"competencies\":[{\"id\":\"c\",\"level\":-1e999}]}", "'level' is not a finite number")]
    public void Audit_ScoreLineOfWrongType_IsRejectedNotThrown(string text, string reason)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text + "\n"));

        var line = AuditInputReader.ReadScores(stream).Single();

        line.Subject.Should().BeNull();
        line.Error.Should().Contain(reason);
    }

    [Fact]
    public void Audit_ScoreLineProblems_NameNoSubject()
    {
        var text = "{\"subject\":\"zq-subject-1\",\"status\":\"maybe\"}\n{\"subject\":\"zq-subject-2\",\"status\":\"scored\"}\nnot json zq-subject-3\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var lines = AuditInputReader.ReadScores(stream).ToList();

        lines.Select(l => l.Line).Should().Equal(1, 2, 3);
        lines.Should().OnlyContain(l => l.Subject == null && l.Error != null);
        lines.Should().NotContain(l => l.Error!.Contains("zq-", StringComparison.Ordinal));
    }
}
