using System.Diagnostics;
using System.Diagnostics.Metrics;
using FairRubrics.Audit;
using FairRubrics.Catalog;
using FairRubrics.Evidence;
using FairRubrics.Hosting;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace FairRubrics.Tests.Hosting;

public sealed class LoggingAndTelemetryTests : IDisposable
{
    private const string SecretSubject = "SUBJ-7f3a-secret";
    private const string SecretRater = "RATER-9c1e-secret";
    private const string SecretItemId = "ITEM-4b2d-secret";
    private const string SecretType = "TYPE-8e5f-secret";
    private const string SecretValue = "4.71828";
    private const string SecretAttribute = "ATTR-2a6c-secret";

    private readonly string _root = TempFolder.Create();

    public LoggingAndTelemetryTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "rubrics"));
        File.Copy(Path.Combine(TestRubrics.RepositoryRoot, "docs", "snippets", "QuickStart", "rubrics", "teamwork.yaml"), Path.Combine(_root, "rubrics", "teamwork.yaml"));
        File.WriteAllText(Path.Combine(_root, "rubrics", "broken.yaml"), "fairrubrics: 1\nid: broken\nversion: 1.0.0\ntitle: Broken\nscale: { 1: Low, 2: High }\ncompetencies: nope\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void HostileRun_LogsCountsAndPositions_NeverAnIdEvidenceValueOrAttributeValue()
    {
        var capture = new CapturingLoggerProvider();
        using var provider = Services(capture);
        var catalog = provider.GetRequiredService<IRubricCatalog>();
        var rubric = catalog.GetRubric("teamwork");
        var scorer = provider.GetRequiredService<IRubricScorer>();

        var evidence = HostileEvidence().ToList();
        var scores = scorer.ScoreAll(rubric, evidence, new ScoringOptions { AsOf = new DateOnly(2026, 11, 27) });
        scorer.Score(rubric, SecretSubject + "-0", evidence.Where(e => e.Subject == SecretSubject + "-0").ToArray().AsSpan());
        var attributes = scores.ToDictionary(s => s.Subject, s => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["group"] = SecretAttribute + (s.Subject.EndsWith('1') ? "a" : "b") });
        var options = new AuditOptions { MinGroupSize = 3 };
        options.FavourableBands.Add("Strong");
        provider.GetRequiredService<IBiasAuditor>().Audit(scores.Select(AuditSubject.From), attributes, options);

        var lines = capture.Lines.ToList();
        lines.Select(l => l.EventId.Id).Should().Contain([FairRubricsLogEvents.RubricsLoaded, FairRubricsLogEvents.RubricFileRejected, FairRubricsLogEvents.SubjectsScored, FairRubricsLogEvents.SubjectScored, FairRubricsLogEvents.AuditCompleted]);
        var rejected = lines.Single(l => l.EventId.Id == FairRubricsLogEvents.RubricFileRejected);
        rejected.Level.Should().Be(LogLevel.Error);
        rejected.Message.Should().StartWith($"Rubric file {Path.Combine(_root, "rubrics", "broken.yaml")} rejected at line 6, column ").And.Contain(": FR0");
        lines.Single(l => l.EventId.Id == FairRubricsLogEvents.SubjectsScored).Message.Should().Be("Scored 12 subject(s) with rubric teamwork 1.0.0: 48 evidence item(s), 12 rejected");
        foreach (var line in lines)
        {
            foreach (var secret in new[] { SecretSubject, SecretRater, SecretItemId, SecretType, SecretValue, SecretAttribute, "2a6c", "7f3a" })
            {
                line.Message.Should().NotContain(secret, $"log line {line.EventId} must carry no id or value");
                line.Values.Should().NotContain(secret, $"the structured values of {line.EventId} must carry no id or value");
            }
        }
    }

    [Fact]
    public void MeterAndActivitySource_NamedFairRubrics_CountSubjectsRejectionsReloadsAndAuditDuration()
    {
        using var provider = Services(capture: null);
        var telemetry = provider.GetRequiredService<FairRubricsTelemetry>();
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => { lock (measured) { measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value; } });
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => { lock (measured) { measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + 1; } });
        meters.Start();
        var activities = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, telemetry.ActivitySource),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(activityListener);

        var catalog = provider.GetRequiredService<IRubricCatalog>();
        var rubric = catalog.GetRubric("teamwork");
        var scores = provider.GetRequiredService<IRubricScorer>().ScoreAll(rubric, HostileEvidence(), new ScoringOptions { AsOf = new DateOnly(2026, 11, 27) });
        catalog.Reload();
        var options = new AuditOptions { MinGroupSize = 3 };
        options.FavourableBands.Add("Strong");
        var attributes = scores.ToDictionary(s => s.Subject, s => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["group"] = "g" });
        provider.GetRequiredService<IBiasAuditor>().Audit(scores.Select(AuditSubject.From), attributes, options);

        telemetry.Meter.Name.Should().Be("FairRubrics");
        telemetry.ActivitySource.Name.Should().Be("FairRubrics");
        measured.Should().Contain(FairRubricsInstrumentation.SubjectsScored, 12)
            .And.Contain(FairRubricsInstrumentation.EvidenceRejected, 12)
            .And.Contain(FairRubricsInstrumentation.RubricReloads, 1)
            .And.Contain(FairRubricsInstrumentation.AuditDuration, 1);
        activities.Select(a => a.OperationName).Should().Contain(["FairRubrics.ScoreAll", "FairRubrics.ReloadRubrics", "FairRubrics.Audit"]);
        activities.Single(a => a.OperationName == "FairRubrics.ScoreAll").GetTagItem("fairrubrics.subjects").Should().Be(12);
    }

    [Fact]
    public async Task HealthCheck_ARubricFailedToLoad_IsUnhealthyWithTheDiagnosticsInItsData()
    {
        using var provider = Services(capture: null, health: true);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["fairrubrics"];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("broken.yaml");
        entry.Data["rubrics"].Should().Be(1);
        ((string[])entry.Data["diagnostics"]).Should().ContainSingle().Which.Should().StartWith(Path.Combine(_root, "rubrics", "broken.yaml") + ":6:").And.Contain("error FR0");
    }

    [Fact]
    public async Task HealthCheck_EveryRubricLoaded_IsHealthy()
    {
        File.Delete(Path.Combine(_root, "rubrics", "broken.yaml"));
        using var provider = Services(capture: null, health: true);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries["fairrubrics"].Status.Should().Be(HealthStatus.Healthy);
        report.Entries["fairrubrics"].Description.Should().Be("1 rubric(s) loaded");
    }

    [Fact]
    public async Task HealthCheck_ABrokenEditKeptOut_IsDegraded()
    {
        var path = Path.Combine(_root, "rubrics", "broken.yaml");
        File.WriteAllText(path, TestRubrics.Minimal());
        using var provider = Services(capture: null, health: true);
        var catalog = provider.GetRequiredService<IRubricCatalog>();
        File.WriteAllText(path, "fairrubrics: 1\nid: minimal\ncompetencies: nope\n");
        catalog.Reload();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries["fairrubrics"].Status.Should().Be(HealthStatus.Degraded);
        catalog.Find("minimal").Should().NotBeNull();
    }

    [Fact]
    public async Task HealthCheck_RegisteredWithoutTheHealthChecksPackage_ReportsTheSameAsTheExtension()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFairRubrics().AddRubricsFromDirectory(Path.Combine(_root, "rubrics"));
        services.AddHealthChecks().AddCheck<FairRubrics.Hosting.RubricCatalogHealthCheck>("rubrics", HealthStatus.Degraded);
        using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries["rubrics"].Status.Should().Be(HealthStatus.Degraded, "the registration's failure status applies when a rubric failed to load");
        report.Entries["rubrics"].Description.Should().Contain("broken.yaml");
    }

    /// <summary>12 subjects, 4 items each: 3 counted, 1 rejected (no date); every id and value distinctive.</summary>
    private static IEnumerable<EvidenceItem> HostileEvidence()
    {
        for (var i = 0; i < 12; i++)
        {
            var subject = $"{SecretSubject}-{i}";
            var date = new DateOnly(2026, 10, 1);
            yield return new EvidenceItem(subject, EvidenceItem.RatingType, "delivery", "outcomes", 4, RaterSource.Manager, SecretRater, date, SecretItemId + i);
            yield return new EvidenceItem(subject, EvidenceItem.RatingType, "delivery", "outcomes", 4.71828, RaterSource.Peer, SecretRater, date, SecretItemId);
            yield return new EvidenceItem(subject, "talk", Value: i, Date: date, Id: SecretItemId);
            yield return new EvidenceItem(subject, SecretType, Value: 4.71828, Id: SecretItemId);   // no date, but a window: rejected
        }
    }

    private ServiceProvider Services(CapturingLoggerProvider? capture, bool health = false)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (capture is not null)
            {
                logging.AddProvider(capture);
            }
        });
        services.AddFairRubrics().AddRubricsFromDirectory(Path.Combine(_root, "rubrics"));
        if (health)
        {
            services.AddHealthChecks().AddFairRubricsHealthCheck();
        }

        return services.BuildServiceProvider();
    }
}
