using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Checks;
using FairRubrics.Cli.Demo;
using FairRubrics.Comparison;
using FairRubrics.Cli.Output;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Pages;
using FairRubrics.Reporting;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics demo [--out DIR]</c>: on the shipped synthetic organisation, lints, scores and audits the legacy
/// contact-counting rubric and the alternative-path rubric, and writes one report that shows them side by side.
/// The inputs are embedded, so the demo runs anywhere.
/// </summary>
internal static class DemoCommand
{
    private static readonly string[] PageLocales = ["en", "de"];

    internal const string LegacyName = "samples/legacy-networking.yaml";
    internal const string FairName = "rubrics/professional-relationships.yaml";
    internal static readonly string[] AuditAttributes = ["gender"];

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
        var loader = services.GetRequiredService<RubricLoader>();
        var linter = services.GetRequiredService<IRubricLinter>();

        progress.WriteLine("fairrubrics demo: linting the two rubrics…");
        var legacy = Load(loader, LegacyName);
        var fair = Load(loader, FairName);
        var legacyFindings = linter.Lint(legacy);
        var fairFindings = linter.Lint(fair);

        progress.WriteLine("fairrubrics demo: scoring the synthetic organisation…");
        var evidence = ReadEvidence(out var rows);
        var legacyRun = Score(services, legacy, evidence, Path.Combine(outDir, "scores-legacy.jsonl"));
        var fairRun = Score(services, fair, evidence, Path.Combine(outDir, "scores-alternative-paths.jsonl"));

        progress.WriteLine("fairrubrics demo: auditing outcomes by gender…");
        AttributeTable table;
        using (var stream = Resource("samples/org/attributes.csv"))
        {
            table = AuditInputReader.ReadAttributes(stream);
        }

        var legacyAudit = Audit(services, legacy, legacyRun.Scores, table);
        var fairAudit = Audit(services, fair, fairRun.Scores, table);
        WriteJson(Path.Combine(outDir, "audit-legacy.json"), legacyAudit);
        WriteJson(Path.Combine(outDir, "audit-alternative-paths.json"), fairAudit);

        // What moving from the legacy rubric to the alternative-path one does: one call of the comparer.
        var compareOptions = new ComparisonOptions { AsOf = SampleOrganisation.AsOf };
        foreach (var a in AuditAttributes)
        {
            compareOptions.Attributes.Add(a);
        }

        var comparison = services.GetRequiredService<IRubricComparer>().Compare(legacy, fair, evidence, compareOptions, table);
        AtomicFile.Write(Path.Combine(outDir, "compare.json"), file =>
        {
            using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            ComparisonJson.Write(writer, comparison);
        });
        AtomicFile.WriteAllText(Path.Combine(outDir, "attributes.csv"), ReadText("samples/org/attributes.csv"));
        AtomicFile.WriteAllText(Path.Combine(outDir, "evidence.csv"), ReadText("samples/org/evidence.csv"));

        // The report links each finding to its help page: bring the pages along so the links work offline.
        var help = Path.Combine(outDir, "docs", "checks");
        Directory.CreateDirectory(help);
        const string prefix = "FairRubrics.Cli.Demo.docs.checks.";
        foreach (var name in typeof(DemoCommand).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var page = typeof(DemoCommand).Assembly.GetManifestResourceStream(name)!;
            AtomicFile.Write(Path.Combine(help, name[prefix.Length..]), page.CopyTo);
        }

        // Each rubric's page for the people it assesses, in English and, where the rubric is written in it, German.
        var pages = new List<(string Rubric, string Locale, string Language, string File)>();
        Directory.CreateDirectory(Path.Combine(outDir, "pages"));
        var renderer = services.GetRequiredService<IEmployeePageRenderer>();
        foreach (var rubric in (Rubric[])[legacy, fair])
        {
            foreach (var locale in PageLocales.Where(l => l == "en" || rubric.Locales.Contains(l)))
            {
                var file = $"pages/{rubric.Id}.{locale}.html";
                AtomicFile.WriteAllText(Path.Combine(outDir, file), renderer.RenderRubric(rubric, new PageOptions { Texts = PageTexts.ForLocale(locale), Locale = locale }));
                pages.Add((rubric.Id, locale, PageTexts.ForLocale(locale).Language, file));
            }
        }

        var report = Path.Combine(outDir, "report.html");
        AtomicFile.WriteAllText(report, DemoReport.Render(legacy, fair, legacyFindings, fairFindings, legacyRun, fairRun, legacyAudit, fairAudit, comparison, rows, pages, new Uri(Path.GetFullPath(Path.Combine(outDir, "docs")) + Path.DirectorySeparatorChar)));

        var femaleLegacy = Group(legacyAudit, "gender", "female");
        var femaleFair = Group(fairAudit, "gender", "female");
        stdout.WriteLine("FairRubrics demo — synthetic data: a contact-counting rubric against an alternative-path rubric");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  legacy-networking:          {legacyFindings.Count} design finding(s); women's impact ratio {Ratio(femaleLegacy)}; {legacyAudit.Findings.Count(f => f.Id == "FR201")} adverse-impact finding(s)"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  professional-relationships: {fairFindings.Count} design finding(s); women's impact ratio {Ratio(femaleFair)}; {fairAudit.Findings.Count(f => f.Id == "FR201")} adverse-impact finding(s)"));
        stdout.WriteLine($"Report: {Path.GetFullPath(report)}");
        return CliApp.ExitOk;
    }

    internal static Stream Resource(string name) =>
        typeof(DemoCommand).Assembly.GetManifestResourceStream("FairRubrics.Cli.Demo." + name.Replace('/', '.'))
        ?? throw new FairRubricsException($"the demo resource {name} is missing from the tool; reinstall it");

    private static string ReadText(string name)
    {
        using var reader = new StreamReader(Resource(name));
        return reader.ReadToEnd();
    }

    private static Rubric Load(RubricLoader loader, string name)
    {
        using var stream = Resource(name);
        return loader.LoadStream(stream, name).GetRubricOrThrow();
    }

    private static List<EvidenceItem> ReadEvidence(out long rows)
    {
        using var stream = Resource("samples/org/evidence.csv");
        var items = new List<EvidenceItem>();
        rows = 0;
        foreach (var row in EvidenceReader.ReadCsv(stream))
        {
            rows++;
            if (row.Item is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static ScoreRun Score(ServiceProvider services, Rubric rubric, List<EvidenceItem> evidence, string path)
    {
        var scorer = services.GetRequiredService<IRubricScorer>();
        var results = scorer.ScoreAll(rubric, evidence, new ScoringOptions { AsOf = SampleOrganisation.AsOf });
        long used = 0, rejected = 0, unmatched = 0;
        AtomicFile.Write(path, file =>
        {
            using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var score in results)
            {
                ScoreJson.Write(writer, score);
                writer.Flush();
                writer.Reset();
                file.WriteByte((byte)'\n');
                used += score.UsedItems;
                rejected += score.Issues.Count(i => i.Rejected);
                unmatched += score.Issues.Count(i => !i.Rejected);
            }
        });

        return new ScoreRun(results, used, rejected, unmatched);
    }

    private static AuditReport Audit(ServiceProvider services, Rubric rubric, IReadOnlyList<SubjectScore> scores, AttributeTable table)
    {
        var options = new AuditOptions();
        foreach (var band in rubric.Favourable)
        {
            options.FavourableBands.Add(band);
        }

        var indexes = AuditAttributes.Select(a => table.Columns.ToList().IndexOf(a)).ToArray();
        foreach (var a in AuditAttributes)
        {
            options.Attributes.Add(a);
        }

        var accumulator = new AuditAccumulator(AuditAttributes, intersect: false);
        var values = new string?[indexes.Length];
        foreach (var score in scores)
        {
            table.TryGetValues(score.Subject, indexes, values);
            accumulator.Add(AuditSubject.From(score), values);
        }

        return services.GetRequiredService<IBiasAuditor>().Report(accumulator, options);
    }

    private static void WriteJson(string path, AuditReport report)
    {
        AtomicFile.Write(path, file =>
        {
            using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            AuditJson.Write(writer, report);
        });
    }

    internal static GroupResult? Group(AuditReport report, string attribute, string value) =>
        report.Analyses.First(a => a.Attributes.Count == 1 && a.Attributes[0] == attribute).Groups.FirstOrDefault(g => g.Values[0] == value);

    internal static string Ratio(GroupResult? g) =>
        g?.ImpactRatio is { } r ? Math.Round(r, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    internal sealed record ScoreRun(IReadOnlyList<SubjectScore> Scores, long Used, long Rejected, long Unmatched);

    /// <summary>The side-by-side HTML report.</summary>
    private static class DemoReport
    {
        public static string Render(Rubric legacy, Rubric fair, IReadOnlyList<Diagnostic> legacyFindings, IReadOnlyList<Diagnostic> fairFindings, ScoreRun legacyRun, ScoreRun fairRun, AuditReport legacyAudit, AuditReport fairAudit, RubricComparison comparison, long rows, IReadOnlyList<(string Rubric, string Locale, string Language, string File)> pages, Uri docs)
        {
            var sb = new StringBuilder();
            sb.Append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
                <title>FairRubrics demo: counting contacts vs alternative paths</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:90rem;color:#1b1f24;line-height:1.45;padding:0 1rem}
                h1{font-size:1.7rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}h3{font-size:1.1rem}
                table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:right}
                th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:600;margin-bottom:.3rem}
                .note{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .8rem}.cols{display:grid;grid-template-columns:minmax(0,1fr);gap:2rem}
                .col{min-width:0}.finding{border-left:4px solid #bf8700;padding:.4rem .8rem;margin:.5rem 0;background:#fff8c5}
                .finding.error{border-color:#cf222e;background:#ffebe9}.finding.info{border-color:#0969da;background:#ddf4ff}
                .muted{color:#57606a}.pair{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}svg text{font-size:11px;fill:#1b1f24}
                code{background:#f6f8fa;padding:.1rem .3rem}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f8fa;padding:.5rem}
                .finding,code{overflow-wrap:anywhere}
                @media (min-width:120rem){body{max-width:none;margin:2rem}.cols{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
                @media print{body{margin:0;max-width:none}.cols{display:block}.pair{display:block}}
                """ + HtmlTables.Style + """
                </style></head><body>
                <h1>Counting contacts vs alternative paths</h1>
                <p class="note"><strong>The data in this report is synthetic.</strong> It was generated by <code>fairrubrics sample</code> and describes no real person. In it, men more often build relationships by collecting contacts and attending events, and women more often by helping others succeed and sharing knowledge; ability to deliver is the same for everyone.</p>
                """);
            sb.Append("<h2>At a glance</h2>");
            var tables = new HtmlTables("demo-");
            HtmlTables.CloseCaption(tables.Open(sb).Append("Favourable outcomes (Strong or Exceptional) by gender under each rubric")).Append("<thead><tr><th>gender</th><th>legacy: selection rate</th><th>legacy: impact ratio</th><th>alternative paths: selection rate</th><th>alternative paths: impact ratio</th></tr></thead><tbody>");
            foreach (var value in legacyAudit.Analyses.First(a => a.Attributes.Count == 1 && a.Attributes[0] == "gender").Groups.Select(g => g.Values[0]))
            {
                var l = Group(legacyAudit, "gender", value);
                var f = Group(fairAudit, "gender", value);
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(value)}</td><td>{Pct(l?.SelectionRate)}</td><td>{Ratio(l)}{Flag(l)}</td><td>{Pct(f?.SelectionRate)}</td><td>{Ratio(f)}{Flag(f)}</td></tr>");
            }

            HtmlTables.Close(sb.Append("</tbody>"));
            sb.Append(CultureInfo.InvariantCulture, $"<p>Design findings: <strong>{legacyFindings.Count}</strong> for the legacy rubric, <strong>{fairFindings.Count}</strong> for the alternative-path rubric. Adverse-impact findings (FR201): <strong>{legacyAudit.Findings.Count(x => x.Id == "FR201")}</strong> against <strong>{fairAudit.Findings.Count(x => x.Id == "FR201")}</strong>. The same {rows} evidence rows were scored with both rubrics; the legacy rubric used {legacyRun.Used} of them, the alternative-path rubric {fairRun.Used} — it also counts mentoring, help across teams and shared knowledge.</p>");

            sb.Append("<h2>Why the legacy rubric marks people down: its design findings</h2>");
            foreach (var d in legacyFindings)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<div class=\"finding {d.Severity.ToString().ToLowerInvariant()}\"><strong>{E(d.Id)}</strong> line {d.Location.Line}: {E(d.Message)} <a href=\"docs/checks/{E(d.Id)}.md\">help</a></div>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<p>The alternative-path rubric <code>{E(fair.Id)}</code> has {(fairFindings.Count == 0 ? "no design findings" : fairFindings.Count + " design finding(s)")}.</p>");
            sb.Append("<h2>Outcomes side by side</h2><div class=\"cols\">");
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"col\"><h3>Legacy: <code>{E(legacy.Id)}</code> (counts contacts)</h3>{AuditHtml.Body(legacyAudit, docs, "legacy-")}</div>");
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"col\"><h3>Alternative paths: <code>{E(fair.Id)}</code></h3>{AuditHtml.Body(fairAudit, docs, "alternative-")}</div>");
            sb.Append("</div>");
            sb.Append("<h2>What the change does: the same people under both rubrics</h2><p>Everyone scored with both rubrics on the same evidence (<code>fairrubrics compare</code>); here a person with insufficient evidence counts as not favourable, so both columns rate the same people.</p>");
            sb.Append(ComparisonHtml.Body(comparison).Replace("<h2>", "<h3>", StringComparison.Ordinal).Replace("</h2>", "</h3>", StringComparison.Ordinal));
            sb.Append("<h2>What the people assessed read</h2><p>Each rubric explained to the people it assesses, in plain words (<code>fairrubrics render</code>):</p><ul>");
            foreach (var page in pages)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(page.File)}\" hreflang=\"{E(page.Locale)}\"><code>{E(page.Rubric)}</code> (<span lang=\"{E(page.Locale)}\">{E(page.Language)}</span>)</a></li>");
            }

            sb.Append("</ul>");
            sb.Append("<h2>Reproduce</h2><p>The folder of this report holds the inputs and the results. The same numbers come from the command line:</p>");
            sb.Append(CultureInfo.InvariantCulture, $"<pre><code>fairrubrics score --rubric {E(FairName)} --evidence evidence.csv --as-of {SampleOrganisation.AsOf:yyyy-MM-dd} --out scores.jsonl\nfairrubrics audit --scores scores.jsonl --attributes attributes.csv --by gender --rubric {E(FairName)} --format json\nfairrubrics compare --from {E(LegacyName)} --to {E(FairName)} --evidence evidence.csv --as-of {SampleOrganisation.AsOf:yyyy-MM-dd} --attributes attributes.csv --by gender --format html --out compare.html</code></pre>");
            sb.Append("</body></html>\n");
            return sb.ToString();
        }

        private static string Flag(GroupResult? g) => g?.BelowFourFifths == true ? " ⚠" : string.Empty;

        private static string Pct(double? value) => value is { } v ? Math.Round(v * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
