namespace FairRubrics.Hosting;

/// <summary>
/// The stable <see cref="Microsoft.Extensions.Logging.EventId"/>s of FairRubrics' log events (docs/hosting.md lists
/// them with their levels and fields). Log lines carry rubric ids, file positions, diagnostic codes and counts —
/// never a subject id, an evidence value or an attribute value.
/// </summary>
public static class FairRubricsLogEvents
{
    /// <summary>The catalog loaded its sources for the first time (Information; rubric, source and error counts).</summary>
    public const int RubricsLoaded = 1001;

    /// <summary>The catalog reloaded after a change or a call to <c>Reload()</c> (Information; rubric and error counts).</summary>
    public const int RubricsReloaded = 1002;

    /// <summary>A rubric file, or a configured folder, failed to load (Error; FR code, file, line, column, reason).</summary>
    public const int RubricFileRejected = 1003;

    /// <summary>An edit of a rubric file does not load and the previous version stays in use (Warning; file, rubric id, version).</summary>
    public const int RubricEditKeptOut = 1004;

    /// <summary>A reload of watched folders failed unexpectedly; the previous rubrics stay in use (Error; exception type and message).</summary>
    public const int RubricReloadFailed = 1005;

    /// <summary>A population was scored (Information; rubric id and version, subject, item and rejected-item counts).</summary>
    public const int SubjectsScored = 2001;

    /// <summary>One subject was scored (Debug; rubric id and version, item and rejected-item counts).</summary>
    public const int SubjectScored = 2002;

    /// <summary>An audit finished (Information; subject, attribute and finding counts, duration).</summary>
    public const int AuditCompleted = 3001;
}
