using System.Text;
using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Language;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Language;

/// <summary>IReviewTextRunner, the engine of <c>fairrubrics review-text</c>, used as a host does: comments in a stream or file, findings and aggregates out.</summary>
public sealed class ReviewTextRunnerTests
{
    private const string Comments = """
        subject,reviewer,comment
        e1,r1,She is very emotional and aggressive in meetings.
        e2,r1,Cut the release checklist from nine steps to five and trained two colleagues on it.
        e3,r2,Helped,but unquoted
        e4,r2,Great job.

        """;

    private static string Sample(string file) => Path.Combine(TestRubrics.RepositoryRoot, "samples", "review-text", file);

    [Fact]
    public async Task RunAsync_CsvStream_ChecksEveryCommentAndRejectsTheMalformedRowWithItsLine()
    {
        var result = await Runner().RunAsync(new ReviewTextRequest { Comments = Stream(Comments) });

        result.Read.Should().Be(4);
        result.RejectedRows.Should().ContainSingle().Which.Line.Should().Be(4, "the row with an unquoted comma starts on the file's fourth line");
        result.Checked.Should().Be(3);
        result.WithFindings.Should().Be(2, "the personality words and the vague praise; the concrete comment is clean");
        result.Findings.Select(f => f.Line).Distinct().Should().Equal(2, 5);
        result.Findings.Where(f => f.Line == 2).Select(f => f.Finding.Id).Should().Contain("FR302");
        result.Findings.Where(f => f.Line == 5).Select(f => f.Finding.Id).Should().Equal("FR303");
        result.FindingIds.Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();
        (result.Errors + result.Warnings + result.Infos).Should().Be(result.Findings.Count);
        result.Report.Should().BeNull();
        result.Population.Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_FindingCallback_GetsTheFindingsInFileOrderAndTheResultKeepsNone()
    {
        var told = new List<ReviewTextRowFinding>();
        var kept = await Runner().RunAsync(new ReviewTextRequest { Comments = Stream(Comments) });

        var streamed = await Runner().RunAsync(new ReviewTextRequest { Comments = Stream(Comments), Finding = told.Add });

        told.Should().BeEquivalentTo(kept.Findings, o => o.WithStrictOrdering());
        streamed.Findings.Should().BeEmpty();
        (streamed.Errors, streamed.Warnings, streamed.Infos).Should().Be((kept.Errors, kept.Warnings, kept.Infos));
    }

    [Fact]
    public async Task RunAsync_SampleWithAttributes_ComparesGroupsAndAccountsForEveryone()
    {
        AttributeTable? read = null;
        var result = await Runner().RunAsync(new ReviewTextRequest { CommentsPath = Sample("comments.csv"), AttributesPath = Sample("attributes.csv"), By = ["GENDER"], AttributesRead = t => read = t });

        read.Should().NotBeNull("the table is handed over before the comments are read");
        result.Report.Should().NotBeNull();
        result.Report!.Analyses.Should().ContainSingle().Which.Attributes.Should().Equal("gender");
        var attributeRows = File.ReadAllLines(Sample("attributes.csv")).Count(l => l.Length > 0) - 1;
        result.Population!.SubjectRows.Should().Be(attributeRows);
        result.Population.WithoutComment.Should().BeInRange(0, attributeRows);
        result.Population.CommentsWithoutSubject.Should().Be(0, "every sample comment names its subject");
    }

    [Fact]
    public async Task RunAsync_ByNamesAColumnTheTableDoesNotHave_ThrowsNamingItAndTheColumns()
    {
        var act = () => Runner().RunAsync(new ReviewTextRequest { Comments = Stream(Comments), Attributes = Stream("subject,gender\ne1,woman\n"), By = ["tenure"] });

        var thrown = (await act.Should().ThrowAsync<AttributeSelectionException>()).Which;
        thrown.Attribute.Should().Be("tenure");
        thrown.Columns.Should().Equal("gender");
        thrown.Twice.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_CommentsThatAreNotCsv_ThrowsAFormatErrorNamingTheFile()
    {
        var act = () => Runner().RunAsync(new ReviewTextRequest { Comments = Stream("subject,reviewer\ne1,r1\n") });

        (await act.Should().ThrowAsync<EvidenceFormatException>()).Which.Message.Should().StartWith("comments: ");
    }

    [Fact]
    public async Task RunAsync_JsonLinesStream_ReadsTheSameComments()
    {
        const string jsonl = """
            {"subject":"e1","comment":"Great job."}
            {"subject":"e2","comment":"Cut the release checklist from nine steps to five and trained two colleagues on it."}

            """;

        var result = await Runner().RunAsync(new ReviewTextRequest { Comments = Stream(jsonl), CommentsFormat = EvidenceFormat.JsonLines });

        result.Read.Should().Be(2);
        result.Findings.Should().ContainSingle().Which.Finding.Id.Should().Be("FR303");
    }

    [Fact]
    public async Task RunAsync_MinGroupSizeBelowThree_IsRefused()
    {
        var act = () => Runner().RunAsync(new ReviewTextRequest { Comments = Stream(Comments), MinGroupSize = 2 });

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => Runner().RunAsync(new ReviewTextRequest { Comments = Stream(Comments) }, cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static IReviewTextRunner Runner() => new ServiceCollection().AddFairRubrics().Services.BuildServiceProvider().GetRequiredService<IReviewTextRunner>();
}
