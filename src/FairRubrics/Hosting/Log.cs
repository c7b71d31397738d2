using Microsoft.Extensions.Logging;

namespace FairRubrics.Hosting;

/// <summary>
/// Source-generated log events. Every parameter is a rubric id or version, a file position, a diagnostic, an
/// exception type or a count: no subject id, evidence value or attribute value can be passed here.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = FairRubricsLogEvents.RubricsLoaded, EventName = nameof(FairRubricsLogEvents.RubricsLoaded), Level = LogLevel.Information,
        Message = "Loaded {RubricCount} rubric(s) from {SourceCount} source(s) with {ErrorCount} error(s)")]
    public static partial void RubricsLoaded(ILogger logger, int rubricCount, int sourceCount, int errorCount);

    [LoggerMessage(EventId = FairRubricsLogEvents.RubricsReloaded, EventName = nameof(FairRubricsLogEvents.RubricsReloaded), Level = LogLevel.Information,
        Message = "Reloaded rubrics: {RubricCount} rubric(s) with {ErrorCount} error(s)")]
    public static partial void RubricsReloaded(ILogger logger, int rubricCount, int errorCount);

    [LoggerMessage(EventId = FairRubricsLogEvents.RubricFileRejected, EventName = nameof(FairRubricsLogEvents.RubricFileRejected), Level = LogLevel.Error,
        Message = "Rubric file {File} rejected at line {Line}, column {Column}: {Code} {Reason}")]
    public static partial void RubricFileRejected(ILogger logger, string file, int line, int column, string code, string reason);

    [LoggerMessage(EventId = FairRubricsLogEvents.RubricEditKeptOut, EventName = nameof(FairRubricsLogEvents.RubricEditKeptOut), Level = LogLevel.Warning,
        Message = "The edit of rubric file {File} does not load; rubric {RubricId} version {Version} stays in use")]
    public static partial void RubricEditKeptOut(ILogger logger, string file, string rubricId, string version);

    [LoggerMessage(EventId = FairRubricsLogEvents.RubricReloadFailed, EventName = nameof(FairRubricsLogEvents.RubricReloadFailed), Level = LogLevel.Error,
        Message = "Reloading rubrics failed ({ExceptionType}: {Reason}); the previous rubrics stay in use")]
    public static partial void RubricReloadFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = FairRubricsLogEvents.SubjectsScored, EventName = nameof(FairRubricsLogEvents.SubjectsScored), Level = LogLevel.Information,
        Message = "Scored {SubjectCount} subject(s) with rubric {RubricId} {RubricVersion}: {ItemCount} evidence item(s), {RejectedCount} rejected")]
    public static partial void SubjectsScored(ILogger logger, int subjectCount, string rubricId, string rubricVersion, long itemCount, long rejectedCount);

    [LoggerMessage(EventId = FairRubricsLogEvents.SubjectScored, EventName = nameof(FairRubricsLogEvents.SubjectScored), Level = LogLevel.Debug,
        Message = "Scored 1 subject with rubric {RubricId} {RubricVersion}: {ItemCount} evidence item(s), {RejectedCount} rejected")]
    public static partial void SubjectScored(ILogger logger, string rubricId, string rubricVersion, int itemCount, int rejectedCount);

    [LoggerMessage(EventId = FairRubricsLogEvents.AuditCompleted, EventName = nameof(FairRubricsLogEvents.AuditCompleted), Level = LogLevel.Information,
        Message = "Audited {SubjectCount} result(s) by {AttributeCount} attribute(s): {FindingCount} finding(s) in {ElapsedMilliseconds} ms")]
    public static partial void AuditCompleted(ILogger logger, long subjectCount, int attributeCount, int findingCount, long elapsedMilliseconds);
}
