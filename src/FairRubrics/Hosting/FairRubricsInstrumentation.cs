namespace FairRubrics.Hosting;

/// <summary>
/// The names under which FairRubrics publishes telemetry, for OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>.
/// Instruments and activities exist only for services registered through <c>AddFairRubrics()</c>.
/// </summary>
public static class FairRubricsInstrumentation
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>FairRubrics</c>.</summary>
    public const string MeterName = "FairRubrics";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>FairRubrics</c>.</summary>
    public const string ActivitySourceName = "FairRubrics";

    /// <summary>Counter of subjects scored (<c>{subject}</c>), tagged with <c>fairrubrics.rubric.id</c>.</summary>
    public const string SubjectsScored = "fairrubrics.subjects.scored";

    /// <summary>Counter of evidence items the scorer rejected (<c>{item}</c>), tagged with <c>fairrubrics.rubric.id</c>.</summary>
    public const string EvidenceRejected = "fairrubrics.evidence.rejected";

    /// <summary>Counter of catalog reloads after the first load (<c>{reload}</c>), tagged with <c>fairrubrics.outcome</c>: <c>ok</c> or <c>errors</c>.</summary>
    public const string RubricReloads = "fairrubrics.rubric.reloads";

    /// <summary>Histogram of the duration of audits, in seconds (<c>s</c>).</summary>
    public const string AuditDuration = "fairrubrics.audit.duration";
}
