using FairRubrics.Language;

namespace FairRubrics.Cli.Output;

/// <summary>The findings of <c>review-text --format sarif</c> as diagnostics: a comment's at the file line where its row starts; FR304 on the file.</summary>
internal static class ReviewTextSarif
{
    public static List<Diagnostic> Diagnostics(string file, ReviewTextRunResult result)
    {
        var diagnostics = result.Findings.Select(f => new Diagnostic(f.Finding.Id, f.Finding.Severity, f.Finding.Message, new SourceLocation(file, checked((int)f.Line), 1))).ToList();
        diagnostics.AddRange((result.Report?.Findings ?? []).Select(f => new Diagnostic(f.Id, f.Severity, f.Message, new SourceLocation(file, 0, 0))));
        return diagnostics;
    }
}
