using FairRubrics;
using FairRubrics.Language;
using Microsoft.Extensions.DependencyInjection;

namespace Snippets;

/// <summary>The code quoted in docs/checks/review-language.md, "In a host".</summary>
public static class ReviewLanguage
{
    public static ReviewTextReport Host(IServiceCollection services, string draft, IEnumerable<ReviewComment> comments, Action<int, int> highlight, Action<string, string> showHint)
    {
        // begin-snippet: review-language-host
        services.AddFairRubrics(o =>
        {
            o.ReviewText.AllowedWords.Add("assertive");   // defined in our review guide
            o.ReviewText.WordLists.Add(WordListLoader.LoadFile("acme-products.yaml").GetListOrThrow());   // role: concrete-marker
            o.ReviewText.Severities["FR303"] = DiagnosticSeverity.Warning;
        });

        using var provider = services.BuildServiceProvider();   // in a host: the host's services
        var checker = provider.GetRequiredService<IReviewTextChecker>();   // or ReviewTextChecker.Create(options)

        // As the reviewer types: thread-safe, no allocation for a comment without findings.
        var result = checker.Check(draft);
        foreach (var finding in result.Findings)
        {
            foreach (var word in finding.Words)
            {
                highlight(word.Start, word.Length);
            }

            showHint(finding.Id, finding.Suggestion);
        }

        // Across a review cycle: accumulate (per partition, then Merge), then report.
        var accumulator = new ReviewTextAccumulator(["gender", "ethnicity"], intersect: true);
        foreach (var comment in comments)
        {
            accumulator.Add(comment.SubjectId, checker.Check(comment.Text), [comment.Gender, comment.Ethnicity]);
        }

        var report = checker.Report(accumulator, new ReviewTextAuditOptions { MinGroupSize = 10 });
        // end-snippet
        return report;
    }
}

/// <summary>A review comment as a host stores it.</summary>
public sealed record ReviewComment(string SubjectId, string Text, string? Gender, string? Ethnicity);
