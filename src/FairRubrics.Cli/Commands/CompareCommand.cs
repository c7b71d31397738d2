using System.CommandLine;
using System.Globalization;
using System.Text;
using FairRubrics.Audit;
using FairRubrics.Cli.Output;
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
    public static Command Create(TextWriter stdout, TextWriter stderr) => CompareCommandOptions.Create(request => Run(request, stdout, stderr));

    private static int Run(CompareCommandOptions.Values request, TextWriter stdout, TextWriter stderr)
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
            "md" => ComparisonMarkdown.Render(comparison, new Reporting.ReportOptions { Locale = request.Locale }),
            "html" => ComparisonHtml.Render(comparison, new Reporting.ReportOptions { Locale = request.Locale }),
            _ => ReportText.Json(w => ComparisonJson.Write(w, comparison)),
        };
        ReportText.Write(request.Output, report, stdout);
        if (request.People is { } peoplePath)
        {
            var lines = new StringBuilder();
            foreach (var person in comparison.People)
            {
                lines.Append(ReportText.Json(w => ComparisonJson.WritePerson(w, person), indented: false)).Append('\n');
            }

            ReportText.Write(peoplePath, lines.ToString(), stdout);
        }

        foreach (var note in comparison.Notes)
        {
            stderr.WriteLine($"fairrubrics: note: {note}");
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{comparison.Subjects} subject(s) scored with {before.Id} {before.Version} and {after.Id} {after.Version}: {comparison.Changed} change band; {comparison.Design.Introduced.Count} design finding(s) introduced, {comparison.Design.Fixed.Count} fixed; {comparison.IntroducedAdverseImpact.Count} adverse-impact finding(s) introduced; {rejected} evidence row(s) rejected"));
        return comparison.IntroducesErrors || rejected > 0 ? CliApp.ExitFindings : CliApp.ExitOk;
    }
}
