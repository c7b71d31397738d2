using System.Globalization;

namespace FairRubrics;

/// <summary>
/// A problem found in a rubric or in input data: a stable id (<c>FR003</c>), a severity, a message that says
/// how to fix it, and where it is. Rubric load errors use ids <c>FR001</c>–<c>FR099</c>; design checks use
/// <c>FR1xx</c>.
/// </summary>
public sealed class Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="id">Stable id such as <c>FR003</c>.</param>
    /// <param name="severity">How serious it is.</param>
    /// <param name="message">What is wrong and how to fix it; never contains protected attribute values.</param>
    /// <param name="location">Where it is.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="message"/> is empty.</exception>
    public Diagnostic(string id, DiagnosticSeverity severity, string message, SourceLocation location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Id = id;
        Severity = severity;
        Message = message;
        Location = location;
    }

    /// <summary>Gets the stable id, e.g. <c>FR003</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>Gets the message: what is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Gets where the problem is.</summary>
    public SourceLocation Location { get; }

    /// <summary>Gets a value indicating whether this is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Returns a copy with another severity (used when a host configures severities per id).</summary>
    /// <param name="severity">The new severity.</param>
    /// <returns>The copy.</returns>
    public Diagnostic WithSeverity(DiagnosticSeverity severity) => new(Id, severity, Message, Location);

    /// <summary>Formats the diagnostic like compiler output: <c>path:line:col: error FR003: message</c>.</summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString()
    {
        var where = Location.ToString();
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return where.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{severity} {Id}: {Message}")
            : string.Create(CultureInfo.InvariantCulture, $"{where}: {severity} {Id}: {Message}");
    }
}
