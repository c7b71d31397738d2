using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Comparison;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics compare --from OLD.yaml --to NEW.yaml --evidence FILE --as-of DATE [--attributes FILE --by a,b
/// [--intersect]] [--favourable BANDS] [--min-group-size N] [--format json|md|html] [--out FILE] [--people FILE]</c>:
/// what a rubric change does before it is rolled out (docs/compare.md). Exit 1 when the new rubric introduces an
/// error-level design finding or adverse impact, or evidence rows are rejected; 2 for usage errors.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
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
        var command = new Command("compare", "What a rubric change does before rollout: who moves between bands, whether any group loses out (exact McNemar test), and which design findings it fixes or introduces.")
        {
            from, to, evidence, asOf, attributes, by, intersect, favourable, minGroupSize, format, output, people,
        };
        command.SetAction(parse => Run(
            new Request(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(evidence)!, parse.GetValue(asOf)!, parse.GetValue(attributes), parse.GetValue(by), parse.GetValue(intersect), parse.GetValue(favourable), parse.GetValue(minGroupSize), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(people)),
            stdout,
            stderr));
        return command;
    }

    private static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        if (!DateOnly.TryParseExact(request.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            throw new CliUsageException($"--as-of must be a date written yyyy-MM-dd, e.g. 2026-06-30; got '{request.AsOf}'");
        }

        foreach (var (path, what) in new[] { (request.From, "rubric file"), (request.To, "rubric file"), (request.Evidence, "evidence file") })
        {
            if (!File.Exists(path))
            {
                throw new CliUsageException($"no such {what}: {path}");
            }
        }

        if (request.MinGroupSize < 3)
        {
            throw new CliUsageException("--min-group-size must be at least 3 (smaller groups could identify people)");
        }

        if (request.Attributes is null && (request.By is not null || request.Intersect))
        {
            throw new CliUsageException("--by and --intersect need --attributes FILE");
        }

        using var services = CliServices.Create();
        var before = PageCommandSupport.LoadRubric(services, request.From, stderr);
        var after = PageCommandSupport.LoadRubric(services, request.To, stderr);
        if (before is null || after is null)
        {
            return CliApp.ExitUsage;
        }

        if (request.Attributes is not null && !File.Exists(request.Attributes))
        {
            throw new CliUsageException($"no such attributes file: {request.Attributes}");
        }

        var run = new CompareRequest(before, after)
        {
            EvidencePath = request.Evidence, AttributesPath = request.Attributes, By = request.By is null ? null : ByOption.Split(request.By), Intersect = request.Intersect,
            FavourableBands = ByOption.Split(request.Favourable), MinGroupSize = request.MinGroupSize, AsOf = asOf, IncludePeople = request.People is not null,
            IgnoredField = name => stderr.WriteLine($"{request.Evidence}: note: the field '{name}' is not an evidence field and is not read"),
            RowRejected = row => stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{request.Evidence}:{row.Row}: rejected: {row.Error}")),
            AttributesRead = table => table.Problems.ToList().ForEach(problem => stderr.WriteLine($"{request.Attributes}: {problem}")),
        };
        CompareRunResult result;
        try
        {
            result = services.GetRequiredService<ICompareRunner>().RunAsync(run).GetAwaiter().GetResult();
        }
        catch (AttributeSelectionException ex)
        {
            throw ByOption.Error(ex, request.Attributes);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException(ex.ParamName == nameof(CompareRequest.Intersect) ? "--intersect needs at least two attributes in --by" : ex.Message);
        }

        var (comparison, rejected) = (result.Comparison, result.Rejected);
        var report = request.Format switch
        {
            "md" => ComparisonMarkdown.Render(comparison),
            "html" => ComparisonHtml.Render(comparison),
            _ => Json(w => ComparisonJson.Write(w, comparison), indented: true),
        };
        Write(request.Output, report, stdout);
        if (request.People is { } peoplePath)
        {
            var lines = new StringBuilder();
            foreach (var person in comparison.People)
            {
                lines.Append(Json(w => ComparisonJson.WritePerson(w, person), indented: false)).Append('\n');
            }

            Write(peoplePath, lines.ToString(), stdout);
        }

        foreach (var note in comparison.Notes)
        {
            stderr.WriteLine($"fairrubrics: note: {note}");
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{comparison.Subjects} subject(s) scored with {before.Id} {before.Version} and {after.Id} {after.Version}: {comparison.Changed} change band; {comparison.Design.Introduced.Count} design finding(s) introduced, {comparison.Design.Fixed.Count} fixed; {comparison.IntroducedAdverseImpact.Count} adverse-impact finding(s) introduced; {rejected} evidence row(s) rejected"));
        return comparison.IntroducesErrors || rejected > 0 ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    private static string Json(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(string? path, string text, TextWriter stdout)
    {
        if (path is null)
        {
            stdout.Write(text.EndsWith('\n') ? text : text + "\n");
            return;
        }

        File.WriteAllText(path, text.EndsWith('\n') || text.Length == 0 ? text : text + "\n", new UTF8Encoding(false));
    }

    private sealed record Request(string From, string To, string Evidence, string AsOf, string? Attributes, string? By, bool Intersect, string? Favourable, int MinGroupSize, string Format, string? Output, string? People);
}
