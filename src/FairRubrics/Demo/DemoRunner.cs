using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Checks;
using FairRubrics.Comparison;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Pages;
using FairRubrics.Scoring;

namespace FairRubrics.Demo;

/// <summary>The <see cref="IDemoRunner"/> registered by <c>AddFairRubrics()</c>: the engine of <c>fairrubrics demo</c>.</summary>
public sealed class DemoRunner : IDemoRunner
{
    private static readonly string[] AuditAttributes = ["gender"];
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly RubricLoader _loader;
    private readonly IRubricLinter _linter;
    private readonly IRubricScorer _scorer;
    private readonly IBiasAuditor _auditor;
    private readonly IRubricComparer _comparer;
    private readonly IEmployeePageRenderer _pages;

    /// <summary>Creates the runner.</summary>
    /// <param name="loader">Loads the rubrics.</param>
    /// <param name="linter">Runs the design checks.</param>
    /// <param name="scorer">Scores everyone.</param>
    /// <param name="auditor">Audits the outcomes.</param>
    /// <param name="comparer">Compares the rubrics on the same people.</param>
    /// <param name="pages">Renders each rubric's page for the people assessed.</param>
    public DemoRunner(RubricLoader loader, IRubricLinter linter, IRubricScorer scorer, IBiasAuditor auditor, IRubricComparer comparer, IEmployeePageRenderer pages)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(linter);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(auditor);
        ArgumentNullException.ThrowIfNull(comparer);
        ArgumentNullException.ThrowIfNull(pages);
        (_loader, _linter, _scorer, _auditor, _comparer, _pages) = (loader, linter, scorer, auditor, comparer, pages);
    }

    /// <inheritdoc />
    public async Task<DemoRunResult> RunAsync(DemoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var legacy = _loader.LoadStream(request.LegacyRubric, request.LegacyRubricName).GetRubricOrThrow();
        var fair = _loader.LoadStream(request.Rubric, request.RubricName).GetRubricOrThrow();
        var evidenceCsv = await ReadAllAsync(request.Evidence, cancellationToken).ConfigureAwait(false);
        var attributesCsv = await ReadAllAsync(request.Attributes, cancellationToken).ConfigureAwait(false);
        var (evidence, rows) = ReadEvidence(evidenceCsv);
        AttributeTable table;
        using (var stream = new MemoryStream(attributesCsv, writable: false))
        {
            table = AuditInputReader.ReadAttributes(stream);
        }

        var files = new List<DemoFile>();
        cancellationToken.ThrowIfCancellationRequested();
        var legacyRun = Run(legacy, evidence, table, request.AsOf, "legacy", files);
        cancellationToken.ThrowIfCancellationRequested();
        var fairRun = Run(fair, evidence, table, request.AsOf, "alternative-paths", files);
        cancellationToken.ThrowIfCancellationRequested();

        // What moving from the legacy rubric to the alternative-path one does: one call of the comparer.
        var compareOptions = new ComparisonOptions { AsOf = request.AsOf };
        foreach (var a in AuditAttributes)
        {
            compareOptions.Attributes.Add(a);
        }

        var comparison = _comparer.Compare(legacy, fair, evidence, compareOptions, table);
        files.Add(new DemoFile("compare.json", Json(w => ComparisonJson.Write(w, comparison), indented: true)));
        files.Add(new DemoFile("attributes.csv", Text(attributesCsv)));
        files.Add(new DemoFile("evidence.csv", Text(evidenceCsv)));

        // Each rubric's page for the people it assesses, in English and, where the rubric is written in it, the other locales.
        var pages = new List<(string Rubric, string Locale, string Language, string File)>();
        foreach (var rubric in (Rubric[])[legacy, fair])
        {
            foreach (var locale in request.PageLocales.Prepend("en").Distinct(StringComparer.Ordinal).Where(l => l == "en" || rubric.Locales.Contains(l)))
            {
                var file = $"pages/{rubric.Id}.{locale}.html";
                files.Add(new DemoFile(file, Utf8.GetBytes(_pages.RenderRubric(rubric, new PageOptions { Texts = PageTexts.ForLocale(locale), Locale = locale }))));
                pages.Add((rubric.Id, locale, PageTexts.ForLocale(locale).Language, file));
            }
        }

        files.Add(new DemoFile(DemoRunResult.ReportPath, Utf8.GetBytes(DemoReport.Render(request, legacyRun, fairRun, comparison, rows, pages))));
        return new DemoRunResult(legacyRun, fairRun, comparison, rows, files);
    }

    private DemoRubricRun Run(Rubric rubric, List<EvidenceItem> evidence, AttributeTable table, DateOnly asOf, string name, List<DemoFile> files)
    {
        var findings = _linter.Lint(rubric);
        var scores = _scorer.ScoreAll(rubric, evidence, new ScoringOptions { AsOf = asOf });
        long used = 0, rejected = 0, unmatched = 0;
        using var lines = new MemoryStream();
        using (var writer = new Utf8JsonWriter(lines, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            foreach (var score in scores)
            {
                ScoreJson.Write(writer, score);
                writer.Flush();
                writer.Reset();
                lines.WriteByte((byte)'\n');
                used += score.UsedItems;
                rejected += score.Issues.Count(i => i.Rejected);
                unmatched += score.Issues.Count(i => !i.Rejected);
            }
        }

        var audit = Audit(rubric, scores, table);
        files.Add(new DemoFile($"scores-{name}.jsonl", lines.ToArray()));
        files.Add(new DemoFile($"audit-{name}.json", Json(w => AuditJson.Write(w, audit), indented: true)));
        return new DemoRubricRun(rubric, findings, scores, used, rejected, unmatched, audit);
    }

    private AuditReport Audit(Rubric rubric, IReadOnlyList<SubjectScore> scores, AttributeTable table)
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

        return _auditor.Report(accumulator, options);
    }

    private static (List<EvidenceItem> Items, long Rows) ReadEvidence(byte[] csv)
    {
        using var stream = new MemoryStream(csv, writable: false);
        var items = new List<EvidenceItem>();
        long rows = 0;
        foreach (var row in EvidenceReader.ReadCsv(stream))
        {
            rows++;
            if (row.Item is { } item)
            {
                items.Add(item);
            }
        }

        return (items, rows);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    /// <summary>An input copied as text: decoded (a byte-order mark dropped) and written as UTF-8 without one.</summary>
    private static byte[] Text(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false));
        return Utf8.GetBytes(reader.ReadToEnd());
    }

    private static byte[] Json(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
