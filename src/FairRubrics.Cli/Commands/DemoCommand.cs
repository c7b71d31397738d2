using System.CommandLine;
using System.Globalization;
using FairRubrics.Cli.Demo;
using FairRubrics.Cli.Output;
using FairRubrics.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics demo [--out DIR]</c>: on the shipped synthetic organisation, lints, scores and audits the legacy
/// contact-counting rubric and the alternative-path rubric, and writes one report that shows them side by side
/// (<see cref="IDemoRunner"/>). The inputs are embedded, so the demo runs anywhere.
/// </summary>
internal static class DemoCommand
{
    internal const string LegacyName = "samples/legacy-networking.yaml";
    internal const string FairName = "rubrics/professional-relationships.yaml";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out") { Description = "Folder for the report and its data.", DefaultValueFactory = _ => "fairrubrics-demo" };
        var command = new Command("demo", "Run lint, score and audit end to end on the shipped sample organisation and write a report comparing a contact-counting rubric with an alternative-path rubric.") { output };
        command.SetAction(parse => Run(parse.GetValue(output)!, stdout, stderr));
        return command;
    }

    private static int Run(string outDir, TextWriter stdout, TextWriter stderr)
    {
        var progress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : TextWriter.Null;
        Directory.CreateDirectory(outDir);
        using var services = CliServices.Create();
        progress.WriteLine("fairrubrics demo: linting, scoring and auditing the two rubrics on the synthetic organisation…");
        using var legacy = Resource(LegacyName);
        using var fair = Resource(FairName);
        using var evidence = Resource("samples/org/evidence.csv");
        using var attributes = Resource("samples/org/attributes.csv");
        var request = new DemoRequest
        {
            LegacyRubric = legacy, LegacyRubricName = LegacyName, Rubric = fair, RubricName = FairName, Evidence = evidence, Attributes = attributes,
            AsOf = SampleOrganisation.AsOf, HelpBaseUri = new Uri(Path.GetFullPath(Path.Combine(outDir, "docs")) + Path.DirectorySeparatorChar),
        };
        var result = services.GetRequiredService<IDemoRunner>().RunAsync(request).GetAwaiter().GetResult();
        foreach (var file in result.Files.Where(f => f.Path != DemoRunResult.ReportPath))
        {
            Write(outDir, file);
        }

        // The report links each finding to its help page: bring the pages along so the links work offline.
        var help = Path.Combine(outDir, "docs", "checks");
        Directory.CreateDirectory(help);
        const string prefix = "FairRubrics.Cli.Demo.docs.checks.";
        foreach (var name in typeof(DemoCommand).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var page = typeof(DemoCommand).Assembly.GetManifestResourceStream(name)!;
            AtomicFile.Write(Path.Combine(help, name[prefix.Length..]), page.CopyTo);
        }

        Write(outDir, result.Files.Single(f => f.Path == DemoRunResult.ReportPath));
        stdout.WriteLine("FairRubrics demo — synthetic data: a contact-counting rubric against an alternative-path rubric");
        foreach (var (label, run) in new[] { ("legacy-networking:         ", result.Legacy), ("professional-relationships:", result.Rubric) })
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label} {run.Findings.Count} design finding(s); women's impact ratio {DemoReport.Ratio(run.ImpactRatio("gender", "female"))}; {run.Audit.Findings.Count(f => f.Id == "FR201")} adverse-impact finding(s)"));
        }

        stdout.WriteLine($"Report: {Path.GetFullPath(Path.Combine(outDir, DemoRunResult.ReportPath))}");
        return CliApp.ExitOk;
    }

    internal static Stream Resource(string name) =>
        typeof(DemoCommand).Assembly.GetManifestResourceStream("FairRubrics.Cli.Demo." + name.Replace('/', '.'))
        ?? throw new FairRubricsException($"the demo resource {name} is missing from the tool; reinstall it");

    private static void Write(string outDir, DemoFile file)
    {
        var path = Path.Combine(outDir, file.Path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, s => s.Write(file.Content.Span));
    }
}
