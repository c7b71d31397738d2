using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Evidence;

/// <summary>The rows not used, summarised instead of one line each (#23 items 3 and 5).</summary>
public sealed class RejectionSummaryTests
{
    [Fact]
    public void Summary_CountsRowsPerReason_AndKeepsTheFirstTwentyInLineOrder()
    {
        var summary = new RejectionSummary();
        for (var line = 1000; line >= 2; line--)
        {
            summary.Add(new RowRejection(null, line, line - 1, line % 3 == 0 ? RejectionKind.NotCounted : RejectionKind.Rejected, line % 3 == 0 ? "b" : "a"));
        }

        summary.Count.Should().Be(999);
        summary.NotCounted.Should().Be(333);
        summary.Rejected.Should().Be(666);
        summary.Reasons.Select(r => (r.Kind, r.Reason, r.Count, r.FirstLine)).Should().Equal(
            (RejectionKind.Rejected, "a", 666L, 2L),
            (RejectionKind.NotCounted, "b", 333L, 3L));
        summary.Examples.Select(e => e.Line).Should().Equal(Enumerable.Range(2, 20).Select(i => (long)i));
        summary.KeepsAll.Should().BeFalse();
        summary.Invoking(s => s.All).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Observe_RowWithSeveralProblems_IsOneRowWithEveryProblemAtItsLine()
    {
        const string csv = "subject,type,value,source,date\n,,abc,boss,2026-13-01\ne1,talk,,,2026-01-01\n";
        var summary = new RejectionSummary(keepAll: true);
        foreach (var row in EvidenceReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv))))
        {
            summary.Observe(row);
        }

        summary.Count.Should().Be(1);
        summary.Problems.Should().Be(5);
        summary.All.Should().OnlyContain(r => r.Line == 2 && r.Row == 1 && r.Kind == RejectionKind.Rejected);
        summary.All.Select(r => r.Reason).Should().Equal(
            "the 'subject' field is empty; every row needs the id of the person assessed",
            "the 'type' field is empty; write 'rating' or an occurrence type such as 'talk'",
            "the 'value' field is not a finite number written with '.' (e.g. 3 or 3.5)",
            "the 'source' field must be one of self, manager, peer, report, system",
            "the 'date' field is not an ISO 8601 date (YYYY-MM-DD)");
        string.Concat(summary.All.Select(r => r.Reason)).Should().NotContain("abc").And.NotContain("boss").And.NotContain("2026-13-01");
    }

    [Fact]
    public void ScorerIssues_AreReportedAtTheirFileLine_InLineOrder_WithoutValues()
    {
        // Row 2 spans lines 3-5 (a quoted line break), so rows after it are two lines further down.
        const string csv = "subject,type,competency,path,value,source,date,id\n" +
            "e2,secret-type-xyz,,,,,2026-03-01,a\n" +
            "e1,talk,,,,,\"2026\n\n-03-01\",b\n" +
            "e1,rating,delivery,outcomes,9,manager,2026-06-01,c\n" +
            "e3,rating,no-such-competency,outcomes,3,manager,2026-06-01,d\n";
        var rubric = new RubricLoader().LoadFile(Path.Combine(TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow();
        var summary = new RejectionSummary(keepAll: true);
        var items = new List<EvidenceItem>();
        foreach (var row in EvidenceReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), rubric: rubric))
        {
            summary.Observe(row);
            if (row.IsValid)
            {
                items.Add(row.Item.Value);
            }
        }

        // Scored in subject order (e1, e2, e3): the issues arrive out of line order.
        foreach (var score in new RubricScorer().ScoreAll(rubric, items, new ScoringOptions { AsOf = new DateOnly(2026, 6, 30) }))
        {
            foreach (var issue in score.Issues)
            {
                summary.Add(issue);
            }
        }

        summary.All.Select(r => (r.Line, r.Row, r.Kind)).Should().Equal(
            (2L, 1L, RejectionKind.NotCounted),
            (3L, 2L, RejectionKind.Rejected),
            (6L, 3L, RejectionKind.Rejected),
            (7L, 4L, RejectionKind.Rejected));
        summary.Examples.Should().Equal(summary.All);
        string.Concat(summary.All.Select(r => r.Reason)).Should().NotContain("secret-type-xyz").And.NotContain("no-such-competency");
        summary.LineOf(4).Should().Be(7);
    }
}
