using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Pages;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Tests.Pages;

/// <summary>IStatementRunner, the engine of <c>fairrubrics statement</c>: one person's rows out of everyone's evidence.</summary>
public sealed class StatementRunnerTests
{
    private const string Csv =
        "subject,type,competency,path,value,source,rater,date,id\n" +
        "alice,mentoring,,,,,,2026-03-01,A-1\n" +
        "bob,mentoring,,,,,,2026-03-01,BOB-SECRET-1\n" +
        "alice,talk,,,3,,,2026-05-02,A-4\n" +
        "alice,mentoring,,,,,,not-a-date,A-X\n" +
        "alice,rating,delivery,outcomes,4,manager,M-77,2026-02-10,A-5\n" +
        "bob,rating,delivery,outcomes,1,manager,R-BOB,2026-03-01,BOB-SECRET-2\n";

    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public async Task RunAsync_EveryonesEvidence_ScoresOnlyTheSubjectsReadableRowsAndCountsTheUnreadable()
    {
        var services = new ServiceCollection();
        services.AddFairRubrics();
        using var provider = services.BuildServiceProvider();
        var rubric = RubricPageTests.Load("professional-relationships.yaml");
        using var evidence = new MemoryStream(Encoding.UTF8.GetBytes(Csv));

        var result = await provider.GetRequiredService<IStatementRunner>().RunAsync(new StatementRequest(rubric, "alice") { Evidence = evidence, AsOf = AsOf });

        result.SubjectRows.Should().Be(3, "alice has four rows, one of them with a date that is not a date");
        result.UnreadableRows.Should().Be(1);
        var direct = provider.GetRequiredService<IRubricScorer>().Score(rubric, "alice",
        [
            new("alice", "mentoring", Date: new(2026, 3, 1), Id: "A-1"),
            new("alice", "talk", Value: 3, Date: new(2026, 5, 2), Id: "A-4"),
            new("alice", "rating", "delivery", "outcomes", 4, RaterSource.Manager, "M-77", new(2026, 2, 10), "A-5"),
        ], new ScoringOptions { AsOf = AsOf });
        result.Score.Overall.Should().Be(direct.Overall);
        result.Score.Band.Should().Be(direct.Band);
        result.Page.Should().StartWith("<!DOCTYPE html>").And.Contain("A-1").And.Contain("A-5")
            .And.NotContain("BOB-SECRET").And.NotContain("bob").And.NotContain("M-77", "a rater is never shown");
    }

    [Fact]
    public async Task RunAsync_JsonLinesAndMarkdown_WritesTheSubjectsPageInTheRequestedFormatAndLanguage()
    {
        var runner = new StatementRunner(new RubricScorer(), new EmployeePageRenderer());
        var rubric = RubricPageTests.Load("professional-relationships.yaml");
        PageTexts.TryGetBuiltIn("de", out var german).Should().BeTrue();
        var jsonl = "{\"subject\":\"bob\",\"type\":\"mentoring\",\"date\":\"2026-03-01\",\"id\":\"B-1\"}\n{\"subject\":\"carol\",\"type\":\"mentoring\",\"date\":\"2026-03-02\",\"id\":\"C-1\"}\n";
        using var evidence = new MemoryStream(Encoding.UTF8.GetBytes(jsonl));

        var result = await runner.RunAsync(new StatementRequest(rubric, "carol")
        {
            Evidence = evidence, Format = EvidenceFormat.JsonLines, AsOf = AsOf, Page = new PageOptions { Format = PageFormat.Markdown, Texts = german, Locale = "de" },
        });

        result.SubjectRows.Should().Be(1);
        result.UnreadableRows.Should().Be(0);
        result.Page.Should().StartWith("# Ihre Beurteilung").And.Contain("C\\-1", "Markdown escapes the id as written").And.NotContain("B\\-1").And.NotContain("<html");
        result.Page.Should().Be(new EmployeePageRenderer().RenderStatement(result.Score, new PageOptions { Format = PageFormat.Markdown, Texts = german, Locale = "de" }));
    }

    [Fact]
    public async Task RunAsync_SubjectWithoutEvidence_GivesAnInsufficientEvidenceStatement()
    {
        var runner = new StatementRunner(new RubricScorer(), new EmployeePageRenderer());
        using var evidence = new MemoryStream(Encoding.UTF8.GetBytes(Csv));

        var result = await runner.RunAsync(new StatementRequest(RubricPageTests.Load("professional-relationships.yaml"), "nobody") { Evidence = evidence, AsOf = AsOf });

        result.SubjectRows.Should().Be(0);
        result.Score.Status.Should().Be(ScoreStatus.InsufficientEvidence);
    }

    [Fact]
    public async Task RunAsync_EmptySubjectOrNoEvidence_IsRefusedBeforeAnythingIsRead()
    {
        var runner = new StatementRunner(new RubricScorer(), new EmployeePageRenderer());
        var rubric = RubricPageTests.Load("professional-relationships.yaml");

        await runner.Invoking(r => r.RunAsync(new StatementRequest(rubric, " ") { EvidencePath = "no-such-file.csv" })).Should().ThrowAsync<ArgumentException>().WithMessage("*subject is empty*");
        await runner.Invoking(r => r.RunAsync(new StatementRequest(rubric, "alice"))).Should().ThrowAsync<ArgumentException>().WithMessage("*neither an evidence stream nor an evidence path*");
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWithoutAPage()
    {
        var runner = new StatementRunner(new RubricScorer(), new EmployeePageRenderer());
        using var evidence = new MemoryStream(Encoding.UTF8.GetBytes(Csv));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await runner.Invoking(r => r.RunAsync(new StatementRequest(RubricPageTests.Load("professional-relationships.yaml"), "alice") { Evidence = evidence }, cancelled.Token))
            .Should().ThrowAsync<OperationCanceledException>();
    }
}
