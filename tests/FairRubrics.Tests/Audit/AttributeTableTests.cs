using System.Globalization;
using System.Text;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

public sealed class AttributeTableTests
{
    [Fact]
    public void ReadAttributes_ValuesAndIdsWithWhiteSpace_AreTrimmedAndInterned()
    {
        var table = Read("subject,gender,team\n e1 ,female , a\ne2,  female,\"b, c\"\ne3,,a\n\"e4\u00A0\",male,a\n");

        Values(table, "e1").Should().Equal("female", "a");
        Values(table, "e2").Should().Equal("female", "b, c");
        Values(table, "e3").Should().Equal(null, "a");
        Values(table, "e4").Should().Equal("male", "a");
        table.ValuesOf(0).Should().Equal("female", "male");
        table.Contains(" e1 ").Should().BeFalse();
    }

    [Fact]
    public void ReadAttributes_ColumnWithMoreThan65535Values_KeepsEveryValue()
    {
        var csv = new StringBuilder("subject,id,gender\n");
        for (var i = 0; i < 70_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"s{i},v{i},{(i % 2 == 0 ? "female" : "male")}\n");
        }

        var table = Read(csv.ToString());

        table.Count.Should().Be(70_000);
        Values(table, "s0").Should().Equal("v0", "female");
        Values(table, "s69999").Should().Equal("v69999", "male");
        Values(table, "s65536").Should().Equal("v65536", "female");
    }

    [Fact]
    public void ReadAttributes_RepeatedSubjectsAfterSkippedRowsAndMultiLineRecords_NameTheirRowAndLine()
    {
        var table = Read("subject,gender,team\ne1,female,a\ne2,male,\"b\nc\"\ne1,male,a\ne3,female\n,female,a\ne4,male,a\ne2,female,a\ne4,female,a\ne5,male,\"x\n\ny\"\ne5,male,a\n");

        table.Count.Should().Be(4);   // e3's row has too few fields
        Values(table, "e1").Should().Equal("female", "a");
        Values(table, "e2").Should().Equal("male", "b\nc");
        Values(table, "e4").Should().Equal("male", "a");
        table.Problems.Should().Equal(
            "row 3 (line 5): a second row for a subject already listed; only the first is used",
            "row 4 (line 6): a different number of fields than the header; the row is not used",
            "row 5 (line 7): the 'subject' cell is empty; the row is not used",
            "row 7 (line 9): a second row for a subject already listed; only the first is used",
            "row 8 (line 10): a second row for a subject already listed; only the first is used",
            "row 10 (line 14): a second row for a subject already listed; only the first is used");
    }

    [Fact]
    public void ReadAttributes_StreamThatCannotSeek_ReadsEveryRowAndReportsProblems()
    {
        var csv = new StringBuilder("subject,gender\n");
        for (var i = 0; i < 5_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"s{i},g{i % 3}\n");
        }

        csv.Append("s7,other\n,female\n");
        using var stream = new ForwardOnlyStream(Encoding.UTF8.GetBytes(csv.ToString()));

        var table = AuditInputReader.ReadAttributes(stream);

        table.Count.Should().Be(5_000);
        Values(table, "s7").Should().Equal("g1");
        table.Problems.Should().Equal(
            "row 5001 (line 5002): a second row for a subject already listed; only the first is used",
            "row 5002 (line 5003): the 'subject' cell is empty; the row is not used");
    }

    private static AttributeTable Read(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return AuditInputReader.ReadAttributes(stream);
    }

    private static string?[] Values(AttributeTable table, string subject)
    {
        var values = new string?[table.Columns.Count];
        table.TryGetValues(subject, [.. Enumerable.Range(0, table.Columns.Count)], values).Should().BeTrue(subject);
        return values;
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
