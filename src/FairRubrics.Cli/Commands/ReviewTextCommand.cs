using System.CommandLine;
using System.Globalization;
using FairRubrics.Audit;
using FairRubrics.Cli.Output;
using FairRubrics.Language;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics review-text --comments FILE [--attributes FILE] [--by a,b] [--intersect] [--min-group-size N]
/// [--format text|json|sarif] [--word-list FILE]... [--allow WORD]... [--warnaserror] [--help-base-uri URI]</c>:
/// FR301–FR303 on every comment, FR304 by group when an attributes file is given (<see cref="IReviewTextRunner"/>).
/// Every row is accounted for; subject ids are never printed, and attribute values only as group labels in aggregate output.
/// </summary>
internal static class ReviewTextCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var comments = new Option<string>("--comments") { Description = "Comments: CSV with a 'comment' column and optional 'subject' and 'reviewer' columns (any order), or JSON Lines with the same properties.", Required = true };
        var attributes = new Option<string?>("--attributes") { Description = "Attributes CSV ('subject' and one column per attribute): adds FR304, the comparison of groups (aggregates only)." };
        var by = new Option<string?>("--by") { Description = "Attributes to analyse, comma-separated (default: every attribute column)." };
        var intersect = new Option<bool>("--intersect") { Description = "Also analyse the intersection of the attributes (e.g. gender x ethnicity)." };
        var minGroupSize = new Option<int>("--min-group-size") { Description = "Smallest reported group, in people reviewed (default 5, at least 3).", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var wordLists = new Option<string[]>("--word-list") { Description = "A word-list file (fairrubrics-words: 1) to use besides the built-in lists; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
        var allow = new Option<string[]>("--allow") { Description = "A word or phrase FR301-FR303 never report; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors (exit code 1 when any warning is reported)." };
        var rejectedOption = RejectionReport.Option();
        var quiet = new Option<bool>("--quiet") { Description = "Show no progress on the terminal (nothing is shown when standard error is redirected anyway)." };
        var helpBase = HelpBaseUriOption.Create();
        var command = new Command("review-text", "Check reviewers' comments for gender-coded words (FR301), personality rather than behaviour (FR302) and vague feedback (FR303); with --attributes, compare groups (FR304). Findings are printed as file:line: severity FR30n: message (the file line where the comment's row starts).")
        {
            comments, attributes, by, intersect, minGroupSize, format, wordLists, allow, warnAsError, helpBase, rejectedOption, quiet,
        };
        command.SetAction(parse => Run(
            new Options(parse.GetValue(comments)!, parse.GetValue(attributes), parse.GetValue(by), parse.GetValue(intersect), parse.GetValue(minGroupSize), parse.GetValue(format)!, parse.GetValue(wordLists) ?? [], parse.GetValue(allow) ?? [], parse.GetValue(warnAsError), parse.GetValue(helpBase), parse.GetValue(rejectedOption), parse.GetValue(quiet)),
            stdout,
            stderr));
        return command;
    }

    private sealed record Options(string Comments, string? Attributes, string? By, bool Intersect, int MinGroupSize, string Format, string[] WordLists, string[] Allow, bool WarnAsError, string? HelpBaseUri, string? Rejected, bool Quiet);

    private static int Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        Require(File.Exists(o.Comments), $"no such comments file: {o.Comments}");
        Require(o.Attributes is null || File.Exists(o.Attributes), $"no such attributes file: {o.Attributes}");
        Require(o.MinGroupSize >= 3, "--min-group-size must be at least 3 (smaller groups could identify people)");
        var helpBaseUri = HelpBaseUriOption.Parse(o.HelpBaseUri);
        var lists = WordListFiles.Load(o.WordLists, stderr);
        using var services = CliServices.Create(options =>
        {
            lists.ForEach(options.ReviewText.WordLists.Add);
            Array.ForEach(o.Allow, word => options.ReviewText.AllowedWords.Add(word));
        });
        using var rejectedFile = o.Rejected is null ? null : AtomicFile.Create(o.Rejected);
        var progress = ProgressReporter.For(stderr, o.Quiet, ProgressReporter.SizeOf(o.Comments), o.Comments);
        var request = new ReviewTextRequest
        {
            CommentsPath = o.Comments, AttributesPath = o.Attributes, By = o.By is null ? null : ByOption.Split(o.By), Intersect = o.Intersect, MinGroupSize = o.MinGroupSize,
            KeepAllRejections = rejectedFile is not null, Progress = progress.AsProgress(),
            Finding = o.Format == "text" ? f => stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{o.Comments}:{f.Line}: {f.Finding}")) : null,
            IgnoredColumn = name => stderr.WriteLine($"{o.Comments}: the column '{name}' is not read"),
            AttributesRead = table => RejectionReport.WriteAttributeProblems(stderr, o.Attributes!, table),
        };
        ReviewTextRunResult result;
        try
        {
            result = services.GetRequiredService<IReviewTextRunner>().RunAsync(request).GetAwaiter().GetResult();
        }
        catch (AttributeSelectionException ex)
        {
            throw ByOption.Error(ex, o.Attributes);
        }

        progress.Done();
        if (rejectedFile is not null)
        {
            RejectionReport.WriteJsonLines(rejectedFile, result.Rejections);
        }

        RejectionReport.Write(stderr, o.Comments, result.Rejections, o.Rejected);
        switch (o.Format)
        {
            case "json":
                stdout.WriteLine(ReviewTextJson.Write(o.Comments, result, helpBaseUri));
                break;
            case "sarif":
                stdout.WriteLine(SarifWriter.Write(ReviewTextSarif.Diagnostics(o.Comments, result), result.Descriptors, Directory.GetCurrentDirectory(), helpBaseUri));
                stderr.WriteLine(ReviewTextLines.SummaryLine(o.Comments, result));
                break;
            default:
                ReviewTextLines.Write(stdout, o.Comments, result, helpBaseUri);
                break;
        }

        if (result.Population is { } population)
        {
            stderr.WriteLine(ReviewTextLines.AccountingLine(o.Attributes!, population));
        }

        return result.Errors > 0 || (o.WarnAsError && result.Warnings > 0) ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new CliUsageException(message);
        }
    }
}
