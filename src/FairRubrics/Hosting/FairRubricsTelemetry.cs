using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FairRubrics.Hosting;

/// <summary>
/// The meter and activity source of one container: from the host's <see cref="IMeterFactory"/> when it has one
/// (the factory owns the meter), otherwise created and disposed here. No static state.
/// </summary>
internal sealed class FairRubricsTelemetry : IDisposable
{
    private readonly Meter? _ownedMeter;

    public FairRubricsTelemetry(IMeterFactory? meterFactory)
    {
        Meter = meterFactory?.Create(new MeterOptions(FairRubricsInstrumentation.MeterName)) ?? (_ownedMeter = new Meter(FairRubricsInstrumentation.MeterName));
        ActivitySource = new ActivitySource(FairRubricsInstrumentation.ActivitySourceName);
        SubjectsScored = Meter.CreateCounter<long>(FairRubricsInstrumentation.SubjectsScored, "{subject}", "Subjects scored.");
        EvidenceRejected = Meter.CreateCounter<long>(FairRubricsInstrumentation.EvidenceRejected, "{item}", "Evidence items the scorer rejected (not counted towards any level).");
        RubricReloads = Meter.CreateCounter<long>(FairRubricsInstrumentation.RubricReloads, "{reload}", "Rubric catalog reloads after the first load.");
        AuditDuration = Meter.CreateHistogram<double>(FairRubricsInstrumentation.AuditDuration, "s", "Duration of bias audits.");
    }

    public Meter Meter { get; }

    public ActivitySource ActivitySource { get; }

    public Counter<long> SubjectsScored { get; }

    public Counter<long> EvidenceRejected { get; }

    public Counter<long> RubricReloads { get; }

    public Histogram<double> AuditDuration { get; }

    public void Dispose()
    {
        ActivitySource.Dispose();
        _ownedMeter?.Dispose();
    }
}
