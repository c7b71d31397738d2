namespace FairRubrics;

/// <summary>How serious a diagnostic or finding is. Ordered from least to most serious.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; never fails a run.</summary>
    Info = 0,

    /// <summary>Should be looked at; fails a run only with "warnings as errors".</summary>
    Warning = 1,

    /// <summary>Must be fixed; fails a run (exit code 1 at the command line).</summary>
    Error = 2,
}
