using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Tests.Evidence;

public sealed class EvidenceReaderTests
{
    private static List<EvidenceRow> Csv(string text, List<string>? ignored = null, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }

        return [.. EvidenceReader.ReadCsv(new MemoryStream(bytes), name => ignored?.Add(name))];
    }

    private static List<EvidenceRow> Jsonl(string text, List<string>? ignored = null) =>
        [.. EvidenceReader.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), name => ignored?.Add(name))];

    [Fact]
    public void Csv_QuotesEmbeddedCommasAndLineBreaks_AreRead()
    {
        var rows = Csv("subject,type,id\r\ne1,talk,\"a, b\"\r\ne2,doc,\"line1\nline2\"\r\ne3,doc,\"say \"\"hi\"\"\"\r\n");

        rows.Select(r => r.Item!.Value.Id).Should().Equal("a, b", "line1\nline2", "say \"hi\"");
        rows.Select(r => r.Row).Should().Equal(1, 2, 3);
        rows.Select(r => r.Line).Should().Equal(2, 3, 5);
    }

    [Fact]
    public void Csv_AnyColumnOrderAndByteOrderMark_AreAccepted()
    {
        var rows = Csv("value,Path,COMPETENCY,source,type,subject,date,rater\n3.5,network,relationships,peer,rating,e1,2026-01-31,r9\n", bom: true);

        var item = rows.Single().Item!.Value;
        item.Should().Be(new EvidenceItem("e1", "rating", "relationships", "network", 3.5, RaterSource.Peer, "r9", new DateOnly(2026, 1, 31), null, 1));
    }

    [Fact]
    public void Csv_ColumnsThatAreNotEvidenceFields_AreNeverReadAndReportedByNameOnly()
    {
        var ignored = new List<string>();

        var rows = Csv("subject,type,gender,ethnicity\ne1,talk,female,x\n", ignored);

        ignored.Should().Equal("gender", "ethnicity");
        rows.Single().Item!.Value.ToString().Should().NotContain("female");
    }

    [Fact]
    public void Csv_WrongFieldCountAndUnterminatedQuote_AreRejectedWithRowAndLine_AndOtherRowsKept()
    {
        var rows = Csv("subject,type,id\ne1,talk,a\ne2,talk\ne3,talk,c,extra\ne4,talk,d\ne5,talk,\"never closed\ne6,talk,f\n");

        rows.Should().HaveCount(5);
        rows.Where(r => r.IsValid).Select(r => r.Item!.Value.Subject).Should().Equal("e1", "e4");
        var bad = rows.Where(r => !r.IsValid).ToList();
        bad.Select(r => (r.Row, r.Line)).Should().Equal((2, 3), (3, 4), (5, 6));
        bad[0].Error.Should().Contain("different number of fields");
        bad[2].Error.Should().Contain("never closed");
    }

    [Theory]
    [InlineData("e1,rating,c,p,abc", "not a finite number")]
    [InlineData("e1,rating,c,p,NaN", "not a finite number")]
    [InlineData("e1,rating,c,p,1e400", "not a finite number")]
    [InlineData("e1,rating,c,p,\"3,5\"", "not a finite number")]
    [InlineData("e1,rating,c,,3", "needs the 'competency' and 'path'")]
    [InlineData("e1,rating,c,p,", "needs a 'value'")]
    [InlineData("e1,talk,,,-1", "positive quantity")]
    [InlineData(",talk,,,", "'subject' field is empty")]
    [InlineData("e1,,,,", "'type' field is empty")]
    public void Csv_InvalidFields_AreRejectedWithAReasonThatNamesTheField(string line, string reason)
    {
        var row = Csv("subject,type,competency,path,value\n" + line + "\n").Single();

        row.IsValid.Should().BeFalse();
        row.Error.Should().Contain(reason);
        row.Row.Should().Be(1);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("31/01/2026")]
    [InlineData("yesterday")]
    public void Csv_BadDate_IsRejected(string date)
    {
        Csv("subject,type,date\ne1,talk," + date + "\n").Single().Error.Should().Contain("ISO 8601");
    }

    [Fact]
    public void Csv_TimestampDates_UseTheDateAsWritten()
    {
        Csv("subject,type,date\ne1,talk,2026-03-04T23:30:00-05:00\n").Single().Item!.Value.Date.Should().Be(new DateOnly(2026, 3, 4));
    }

    [Fact]
    public void Csv_MissingRequiredColumns_IsAFormatError()
    {
        var act = () => Csv("who,what\ne1,talk\n");

        act.Should().Throw<EvidenceFormatException>().WithMessage("*'subject' and 'type'*");
    }

    [Fact]
    public void Csv_UnderOtherCultures_ParsesNumbersTheSame()
    {
        using var scope = new TestSupport.CultureScope("de-DE");

        Csv("subject,type,competency,path,value\ne1,rating,c,p,3.5\n").Single().Item!.Value.Value.Should().Be(3.5);
    }

    [Fact]
    public void JsonLines_ValidLines_AreReadWithLineNumbersAndBlankLinesSkipped()
    {
        var rows = Jsonl("{\"subject\":\"e1\",\"type\":\"rating\",\"competency\":\"c\",\"path\":\"p\",\"value\":4,\"source\":\"manager\"}\n\n{\"subject\":\"e2\",\"type\":\"talk\",\"value\":\"2\",\"id\":\"t1\"}\n");

        rows.Select(r => r.Row).Should().Equal(1, 3);
        rows[0].Item!.Value.Value.Should().Be(4);
        rows[1].Item!.Value.Quantity.Should().Be(2);
    }

    [Theory]
    [InlineData("{\"subject\":\"e1\",\"type\":\"talk\",\"type\":\"doc\"}", "appears twice")]
    [InlineData("{\"subject\":\"e1\",\"type\":\"rating\",\"competency\":\"c\",\"path\":\"p\",\"value\":NaN}", "not valid JSON")]
    [InlineData("{\"subject\":\"e1\",\"type\":\"rating\",\"competency\":\"c\",\"path\":\"p\",\"value\":1e400}", "not finite")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"subject\":\"e1\",\"type\":{\"a\":1}}", "string or a number")]
    [InlineData("{\"subject\":\"e1\",\"type\":\"talk\"} {}", "not valid JSON")]
    [InlineData("{\"subject\":\"e1\"", "not valid JSON")]
    public void JsonLines_BadLines_AreRejectedWithLineAndColumn(string line, string reason)
    {
        var rows = Jsonl("{\"subject\":\"ok\",\"type\":\"talk\"}\n" + line + "\n{\"subject\":\"ok2\",\"type\":\"talk\"}\n");

        rows.Should().HaveCount(3);
        rows[1].IsValid.Should().BeFalse();
        rows[1].Row.Should().Be(2);
        rows[1].Error.Should().StartWith("column ").And.Contain(reason);
        rows[2].IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("{\"subject\":\"\\uD800\",\"type\":\"talk\"}", 12)]
    [InlineData("{\"subject\":\"e1\",\"type\":\"t\\uDC00\"}", 24)]
    [InlineData("{\"\\uD83D\":1,\"subject\":\"e1\",\"type\":\"talk\"}", 2)]
    public void JsonLines_EscapedLoneSurrogate_IsRejectedAsInvalidJsonAtTheString(string line, int column)
    {
        // Found by fuzzing (fuzz/regressions/evidence-jsonl): System.Text.Json throws InvalidOperationException for it.
        var row = Jsonl(line).Single();

        row.IsValid.Should().BeFalse();
        row.Error.Should().StartWith($"column {column}: the line is not valid JSON").And.Contain("surrogate");
    }

    [Fact]
    public void JsonLines_Nesting1000Deep_IsRejectedWithoutCrashing()
    {
        var deep = "{\"subject\":\"e1\",\"type\":\"talk\",\"x\":" + new string('[', 1000) + new string(']', 1000) + "}";

        var row = Jsonl(deep).Single();

        row.IsValid.Should().BeFalse();
        row.Error.Should().Contain("nested too deeply");
    }

    [Fact]
    public void JsonLines_UnknownProperties_AreIgnoredAndReportedOnceByName()
    {
        var ignored = new List<string>();

        Jsonl("{\"subject\":\"e1\",\"type\":\"talk\",\"gender\":\"f\"}\n{\"subject\":\"e2\",\"type\":\"talk\",\"gender\":\"m\"}\n", ignored);

        ignored.Should().Equal("gender");
    }

    [Fact]
    public void ReadFile_UnknownExtension_IsAFormatError()
    {
        var act = () => EvidenceReader.ReadFile("evidence.xlsx").ToList();

        act.Should().Throw<EvidenceFormatException>().WithMessage("*.xlsx*");
    }
}
