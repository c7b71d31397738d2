using System.CommandLine;
using FairRubrics.Audit;
using FairRubrics.Cli.Output;

namespace FairRubrics.Cli.Commands;

/// <summary>The options of <c>fairrubrics audit</c>: declared, read into <see cref="Values"/>, turned into an <see cref="AuditRequest"/>, and the runner's request problems worded as the options are.</summary>
internal static class AuditCommandOptions
{
    public static Command Create(Func<Values, Uri?, int> run)
    {
        var scores = new Option<string>("--scores") { Description = "Score results (JSON Lines from 'fairrubrics score'), or a folder of such partitions (*.jsonl, or part-*.json as Spark writes them), audited in parallel and merged.", Required = true };
        var attributes = new Option<string>("--attributes") { Description = "Attributes CSV: a 'subject' column and one column per attribute; empty cells are unknown.", Required = true };
        var by = new Option<string?>("--by") { Description = "Attributes to analyse, comma-separated (default: every attribute column)." };
        var intersect = new Option<bool>("--intersect") { Description = "Also analyse the intersection of the attributes (e.g. gender x ethnicity)." };
        var rubric = new Option<string?>("--rubric") { Description = "The rubric file: its 'favourable' bands are used unless --favourable is given." };
        var favourable = new Option<string?>("--favourable") { Description = "Favourable bands, comma-separated (overrides the rubric's)." };
        var minGroupSize = new Option<int>("--min-group-size") { Description = "Smallest reported group (default 5, at least 3).", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "md", "html", "csv");
        var output = new Option<string?>("--out") { Description = "Write the report here instead of standard output." };
        var evidence = new Option<string?>("--evidence") { Description = "Evidence file (CSV or JSON Lines) for the rater-effect check FR206 (optional)." };
        var excludeSmall = new Option<bool>("--exclude-small-categories") { Description = "Leave categories under 2% of the scored subjects out of impact ratios (as Local Law 144 allows)." };
        var reference = new Option<string>("--reference") { Description = "Reference group: 'highest' selection rate (default, as Local Law 144), 'largest' group, or named groups ATTR=VALUE[,ATTR=VALUE...] (analyses without a named group use the highest rate).", DefaultValueFactory = _ => "highest" };
        var adjust = new Option<string>("--adjust") { Description = "Adjust the Fisher and z p-values within each analysis for testing several groups: holm (default), bh (Benjamini-Hochberg) or none; FR201's significance uses the adjusted p.", DefaultValueFactory = _ => "holm" };
        adjust.AcceptOnlyFromAmong("holm", "bh", "none");
        var baseline = new Option<string?>("--baseline") { Description = "An earlier cycle's JSON audit report of the same rubric: each group reported in both gains its earlier figures and the change (with a test), and FR207 flags impact ratios that fell." };
        var consistentWith = new Option<string?>("--consistent-with") { Description = "An earlier published JSON audit report of the same rubric and cycle over an overlapping population: every group suppressed there stays suppressed, with the complementary suppression that protects it, so that the two reports cannot be differenced. May be the --baseline file." };
        var rejected = RejectionReport.Option();
        var locale = PageCommandSupport.ReportLocaleOption();
        var quiet = new Option<bool>("--quiet") { Description = "Show no progress on the terminal (nothing is shown when standard error is redirected anyway)." };
        var helpBase = HelpBaseUriOption.Create();
        var command = new Command("audit", "Outcome audit: selection rates, four-fifths rule, Fisher exact and z tests, scoring rates, effect sizes and path equivalence by group.")
        {
            scores, attributes, by, intersect, rubric, favourable, minGroupSize, format, output, evidence, excludeSmall, reference, adjust, baseline, consistentWith, helpBase, rejected, quiet, locale,
        };
        command.SetAction(parse => run(
            new Values(parse.GetValue(scores)!, parse.GetValue(attributes)!, parse.GetValue(by), parse.GetValue(intersect), parse.GetValue(rubric), parse.GetValue(favourable), parse.GetValue(minGroupSize), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(evidence), parse.GetValue(excludeSmall), parse.GetValue(reference)!, parse.GetValue(adjust)!, parse.GetValue(rejected), parse.GetValue(quiet), parse.GetValue(baseline), parse.GetValue(consistentWith), parse.GetValue(locale)),
            HelpBaseUriOption.Parse(parse.GetValue(helpBase))));
        return command;
    }

    /// <summary>The request the options describe (<c>--reference</c> read here: its rules, and its groups checked by the runner).</summary>
    public static AuditRequest Request(Values o)
    {
        var rule = ReferenceRule.Highest;
        var rules = 0;
        var groups = new List<KeyValuePair<string, string>>();
        foreach (var item in o.Reference.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                groups.Add(new(item[..equals].Trim(), item[(equals + 1)..]));
                continue;
            }

            rule = item.Trim() switch
            {
                "highest" => ReferenceRule.Highest,
                "largest" => ReferenceRule.Largest,
                _ => throw new CliUsageException($"--reference: '{item.Trim()}' is neither 'highest', 'largest' nor ATTR=VALUE"),
            };
            if (++rules > 1)
            {
                throw new CliUsageException("--reference names more than one rule (highest or largest)");
            }
        }

        return new AuditRequest(o.Scores, o.Attributes)
        {
            By = o.By?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Intersect = o.Intersect,
            FavourableBands = o.Favourable?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            Rubric = o.Rubric,
            MinGroupSize = o.MinGroupSize,
            PValueAdjustment = o.Adjust switch { "none" => PValueAdjustment.None, "bh" => PValueAdjustment.BenjaminiHochberg, _ => PValueAdjustment.Holm },
            ExcludeCategoriesBelowShare = o.ExcludeSmall ? 0.02 : null,
            ReferenceRule = rule,
            ReferenceGroups = groups,
            Baseline = o.Baseline,
            ConsistentWith = o.ConsistentWith,
            Evidence = o.Evidence,
        };
    }

    /// <summary>A request problem in the words of the options that caused it.</summary>
    public static string Message(AuditRequestException ex, Values o) => ex.Problem switch
    {
        AuditRequestProblem.NotAColumn => $"--by names '{ex.Name}', which is not a column of {o.Attributes} (columns: {string.Join(", ", ex.Choices)})",
        AuditRequestProblem.NamedTwice => $"--by names '{ex.Name}' twice",
        AuditRequestProblem.ReferenceNotAnalysed => $"--reference names the attribute '{ex.Name}', which is not analysed (attributes: {string.Join(", ", ex.Choices)})",
        AuditRequestProblem.ReferenceWithoutValue => $"--reference: no value for the attribute '{ex.Name}' (write {ex.Name}=VALUE)",
        AuditRequestProblem.ReferenceTwice => $"--reference names the attribute '{ex.Name}' twice",
        AuditRequestProblem.NoFavourableBands => "no favourable bands: pass --favourable BAND,... or --rubric FILE (its 'favourable' list)",
        AuditRequestProblem.RubricWithoutFavourableBands => $"the rubric {ex.Name} names no 'favourable' bands; pass --favourable BAND,...",
        AuditRequestProblem.NoSuchFile when ex.Field == nameof(AuditRequest.Baseline) => $"--baseline: no such audit report: {ex.Name}",
        AuditRequestProblem.NoSuchFile when ex.Field == nameof(AuditRequest.ConsistentWith) => $"--consistent-with: no such audit report: {ex.Name}",
        _ => ex.Message,
    };

    internal sealed record Values(string Scores, string Attributes, string? By, bool Intersect, string? Rubric, string? Favourable, int MinGroupSize, string Format, string? Out, string? Evidence, bool ExcludeSmall, string Reference, string Adjust, string? Rejected, bool Quiet, string? Baseline, string? ConsistentWith, string? Locale);
}
