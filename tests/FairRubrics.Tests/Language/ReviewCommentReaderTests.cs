using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Language;

namespace FairRubrics.Tests.Language;

public sealed class ReviewCommentReaderTests
{
    private static List<ReviewCommentRow> Csv(string text, List<string>? ignored = null) =>
        [.. ReviewCommentReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), ignored is null ? null : ignored.Add)];

    private static List<ReviewCommentRow> JsonLines(string text) =>
        [.. ReviewCommentReader.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)))];

    [Fact]
    public void ReadCsv_ColumnsInAnyOrder_QuotedCommasAndLineBreaks_EveryRowAccountedFor()
    {
        var ignored = new List<string>();
        var rows = Csv("""
            reviewer,comment,gender,subject
            r1,"She is abrasive, and ""too"" emotional",f,e1
            r2,"Shipped the API
            in March.",m,e2
            r3,broken,"x
            r4,,,e4
            """, ignored);

        rows.Select(r => (r.Row, r.Line, r.Subject, r.Reviewer, r.Comment)).Should().StartWith([
            (1, 2, "e1", "r1", "She is abrasive, and \"too\" emotional"),
            (2, 3, "e2", "r2", "Shipped the API\nin March.")]);
        rows.Should().HaveCount(3);
        rows[2].IsValid.Should().BeFalse();
        rows[2].Row.Should().Be(3);
        rows[2].Error.Should().Contain("never closed");
        ignored.Should().Equal("gender");
    }

    [Fact]
    public void ReadCsv_EmptyComment_IsAValidRowWithAnEmptyComment()
    {
        var rows = Csv("subject,comment\ne1,\ne2,Great job\n");

        rows.Select(r => r.Comment).Should().Equal(string.Empty, "Great job");
    }

    [Fact]
    public void ReadCsv_FieldCountMismatch_IsRejectedWithItsRow()
    {
        var rows = Csv("subject,reviewer,comment\ne1,r1,Fine\ne2,r2,Great, really great\n");

        rows.Should().HaveCount(2);
        rows[1].Should().Be(new ReviewCommentRow(2, 3, null, null, null, "the row has a different number of fields than the header; quote a comment that contains commas"));
    }

    [Fact]
    public void ReadCsv_NoCommentColumn_CannotBeRead()
    {
        var act = () => Csv("subject,text\ne1,Great\n");

        act.Should().Throw<EvidenceFormatException>().WithMessage("*'comment' column*");
    }

    [Fact]
    public void ReadJsonLines_ReadsObjectsAndRejectsBadLines()
    {
        var rows = JsonLines("""
            {"subject": "e1", "reviewer": "r1", "comment": "Great job"}

            {"subject": 42, "comment": "Shipped it in March."}
            {"subject": "e3"}
            not json
            {"comment": 5}
            """);

        rows.Select(r => (r.Row, r.Subject, r.Comment, r.Error)).Should().Equal(
            (1L, "e1", "Great job", null),
            (3L, "42", "Shipped it in March.", null),
            (4L, null, null, "no 'comment' property"),
            (5L, null, null, "the line is not valid JSON"),
            (6L, null, null, "the 'comment' property must be a string"));
    }

    [Fact]
    public void ReadFile_UnknownExtension_CannotBeRead()
    {
        var act = () => ReviewCommentReader.ReadFile("comments.xlsx").ToList();

        act.Should().Throw<EvidenceFormatException>().WithMessage("*'.xlsx'*");
    }
}
