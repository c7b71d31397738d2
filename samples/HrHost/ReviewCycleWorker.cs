using FairRubrics.Audit;
using FairRubrics.Catalog;
using FairRubrics.Checks;
using FairRubrics.Evidence;
using FairRubrics.Scoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Acme.HrHost;

/// <summary>
/// Runs one review cycle the way an HR product would: checks the rubric's design, scores everyone's evidence,
/// then audits the outcomes by group. Logs counts, rubric ids and group-level findings only — never an
/// attribute value next to a subject id. With <c>Watch</c> it keeps running and runs again when a rubric changes.
/// </summary>
internal sealed partial class ReviewCycleWorker(
    IRubricCatalog catalog,
    IRubricLinter linter,
    IRubricScorer scorer,
    IBiasAuditor auditor,
    IOptions<ReviewCycleOptions> options,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<ReviewCycleWorker> logger) : BackgroundService
{
    private readonly ReviewCycleOptions _options = options.Value;
    private readonly SemaphoreSlim _changed = new(0);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            catalog.Changed += OnCatalogChanged;
            var ok = RunCycle();
            if (!_options.Watch)
            {
                Environment.ExitCode = ok ? 0 : 1;
                lifetime.StopApplication();
                return;
            }

            LogWatching(logger);
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                RunCycle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is FairRubrics.FairRubricsException or IOException)
        {
            LogCycleFailed(logger, ex.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        finally
        {
            catalog.Changed -= OnCatalogChanged;
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    private void OnCatalogChanged(object? sender, EventArgs e) => _changed.Release();

    private bool RunCycle()
    {
        foreach (var problem in catalog.Diagnostics)
        {
            var text = problem.ToString();
            LogRubricProblem(logger, text);   // a broken edit keeps the last valid version
        }

        var rubric = catalog.GetRubric(_options.Rubric);
        var findings = linter.Lint(rubric);
        foreach (var finding in findings)
        {
            var text = finding.ToString();
            LogDesignFinding(logger, text);
        }

        var version = rubric.Version.ToString();
        LogRubricLoaded(logger, rubric.Id, version, rubric.ContentHash[..12], findings.Count);

        // Scoring: the evidence file has no attribute columns, and scoring would not read them if it had.
        var evidence = new List<EvidenceItem>();
        long rejected = 0;
        foreach (var row in EvidenceReader.ReadFile(Path.Combine(environment.ContentRootPath, _options.Evidence), rubric: rubric))
        {
            if (row.IsValid)
            {
                evidence.Add(row.Item.Value);
            }
            else
            {
                rejected++;
                LogEvidenceRejected(logger, row.Row, row.Error);   // the row number and the field, never a value
            }
        }

        var scores = scorer.ScoreAll(rubric, evidence, new ScoringOptions { AsOf = _options.AsOf });
        var bands = scores.GroupBy(s => s.Band ?? "(insufficient evidence)").OrderBy(g => g.Key, StringComparer.Ordinal);
        var bandCounts = string.Join(", ", bands.Select(b => $"{b.Key} {b.Count()}"));
        LogScored(logger, scores.Count, evidence.Count, rejected, bandCounts);

        // Audit: attributes are joined with the results only here, and only groups come out.
        AttributeTable table;
        using (var stream = File.OpenRead(Path.Combine(environment.ContentRootPath, _options.Attributes)))
        {
            table = AuditInputReader.ReadAttributes(stream);
        }

        var auditOptions = new AuditOptions { MinGroupSize = _options.MinGroupSize };
        foreach (var band in rubric.Favourable)
        {
            auditOptions.FavourableBands.Add(band);
        }

        var columns = Enumerable.Range(0, table.Columns.Count).ToArray();
        var accumulator = new AuditAccumulator(table.Columns, intersect: false);
        var values = new string?[columns.Length];
        foreach (var score in scores)
        {
            if (!table.TryGetValues(score.Subject, columns, values))
            {
                Array.Clear(values);   // no attributes row: every attribute unknown
            }

            accumulator.Add(AuditSubject.From(score), values);
        }

        var report = auditor.Report(accumulator, auditOptions);
        var attributeNames = string.Join(", ", table.Columns);
        LogAudited(logger, report.Subjects, attributeNames, report.Findings.Count);
        foreach (var finding in report.Findings)
        {
            var severity = finding.Severity.ToString();
            LogAuditFinding(logger, severity, finding.Id, finding.Message);   // about a group, never a person
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rubric problem: {Problem}")]
    private static partial void LogRubricProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Design check: {Finding}")]
    private static partial void LogDesignFinding(ILogger logger, string finding);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rubric {RubricId} {Version} (sha256 {Hash}) loaded; {FindingCount} design finding(s)")]
    private static partial void LogRubricLoaded(ILogger logger, string rubricId, string version, string hash, int findingCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence row {Row} rejected: {Reason}")]
    private static partial void LogEvidenceRejected(ILogger logger, long row, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {SubjectCount} subject(s) from {ItemCount} evidence item(s), {Rejected} row(s) rejected; bands: {Bands}")]
    private static partial void LogScored(ILogger logger, int subjectCount, int itemCount, long rejected, string bands);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audited {SubjectCount} result(s) by {Attributes}: {FindingCount} finding(s)")]
    private static partial void LogAudited(ILogger logger, long subjectCount, string attributes, int findingCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit {Severity} {Id}: {Message}")]
    private static partial void LogAuditFinding(ILogger logger, string severity, string id, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the rubrics folder; edit a rubric to run the cycle again (Ctrl+C to stop)")]
    private static partial void LogWatching(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Review cycle failed: {Reason}")]
    private static partial void LogCycleFailed(ILogger logger, string reason);
}
