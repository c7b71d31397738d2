using System.CommandLine;

namespace FairRubrics.Cli.Commands;

/// <summary>The options of <c>fairrubrics compare</c>: declared and read into <see cref="Values"/>.</summary>
internal static class CompareCommandOptions
{
    public static Command Create(Func<Values, int> run)
    {
        var from = new Option<string>("--from") { Description = "The rubric in use (YAML).", Required = true };
        var to = new Option<string>("--to") { Description = "The proposed rubric (YAML).", Required = true };
        var evidence = new Option<string>("--evidence") { Description = "Evidence file (CSV or JSON Lines), scored with both rubrics.", Required = true };
        var asOf = new Option<string>("--as-of") { Description = "Scoring date (yyyy-MM-dd); evidence windows end here.", Required = true };
        var attributes = new Option<string?>("--attributes") { Description = "Attributes CSV ('subject' and one column per attribute) for the outcomes by group." };
        var by = new Option<string?>("--by") { Description = "Attributes to analyse, comma-separated (default with --attributes: every column)." };
        var intersect = new Option<bool>("--intersect") { Description = "Also analyse the intersection of the attributes." };
        var favourable = new Option<string?>("--favourable") { Description = "Favourable bands for both rubrics, comma-separated (default: each rubric's own)." };
        var minGroupSize = new Option<int>("--min-group-size") { Description = "Smallest reported group (default 5, at least 3).", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "md", "html");
        var output = new Option<string?>("--out") { Description = "Write the report here instead of standard output." };
        var people = new Option<string?>("--people") { Description = "Also write one JSON line per person whose band changes (subject, bands, overall scores and changed competencies; never an attribute)." };
        var locale = PageCommandSupport.ReportLocaleOption();
        var command = new Command("compare", "What a rubric change does before rollout: who moves between bands, whether any group loses out (exact McNemar test), and which design findings it fixes or introduces.")
        {
            from, to, evidence, asOf, attributes, by, intersect, favourable, minGroupSize, format, output, people, locale,
        };
        command.SetAction(parse => run(
            new Values(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(evidence)!, parse.GetValue(asOf)!, parse.GetValue(attributes), parse.GetValue(by), parse.GetValue(intersect), parse.GetValue(favourable), parse.GetValue(minGroupSize), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(people), parse.GetValue(locale))));
        return command;
    }

    internal sealed record Values(string From, string To, string Evidence, string AsOf, string? Attributes, string? By, bool Intersect, string? Favourable, int MinGroupSize, string Format, string? Output, string? People, string? Locale);
}
