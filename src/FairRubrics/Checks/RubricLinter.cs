using FairRubrics.Model;

namespace FairRubrics.Checks;

/// <summary>Runs design checks on a rubric.</summary>
public interface IRubricLinter
{
    /// <summary>Gets the descriptors of every registered check's findings, by id.</summary>
    IReadOnlyDictionary<string, CheckDescriptor> Descriptors { get; }

    /// <summary>Runs every registered check, applies configured severities and suppressions, and returns the findings in source order.</summary>
    /// <param name="rubric">The rubric.</param>
    /// <returns>The findings that remain.</returns>
    IReadOnlyList<Diagnostic> Lint(Rubric rubric);
}

/// <summary>Options of the linter.</summary>
public sealed class RubricLinterOptions
{
    /// <summary>Gets severities configured in code per finding id; null switches a check off. Rubric settings (<c>checks.severity</c>) win over these.</summary>
    public IDictionary<string, DiagnosticSeverity?> Severities { get; } = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);

    /// <summary>Gets finding ids suppressed everywhere, in code.</summary>
    public ISet<string> Suppressed { get; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>The linter: runs the registered <see cref="IRubricCheck"/>s. Thread-safe.</summary>
public sealed class RubricLinter : IRubricLinter
{
    private readonly IReadOnlyList<IRubricCheck> _checks;
    private readonly Dictionary<string, DiagnosticSeverity?> _severities;
    private readonly HashSet<string> _suppressed;

    /// <summary>Creates a linter.</summary>
    /// <param name="checks">The checks to run.</param>
    /// <param name="options">Severities and suppressions configured in code (copied), or null.</param>
    /// <exception cref="FairRubricsConfigurationException">Two checks describe the same finding id.</exception>
    public RubricLinter(IEnumerable<IRubricCheck> checks, RubricLinterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(checks);
        _checks = [.. checks.DistinctBy(c => c.GetType())];
        var descriptors = new Dictionary<string, CheckDescriptor>(StringComparer.Ordinal);
        foreach (var check in _checks)
        {
            foreach (var descriptor in check.Descriptors)
            {
                if (!descriptors.TryAdd(descriptor.Id, descriptor))
                {
                    throw new FairRubricsConfigurationException($"Two registered checks report the finding id '{descriptor.Id}'; each id belongs to one check.");
                }
            }
        }

        Descriptors = descriptors;
        _severities = new Dictionary<string, DiagnosticSeverity?>(options?.Severities ?? new Dictionary<string, DiagnosticSeverity?>(), StringComparer.Ordinal);
        _suppressed = new HashSet<string>(options?.Suppressed ?? new HashSet<string>(), StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, CheckDescriptor> Descriptors { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Diagnostic> Lint(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var context = new RubricCheckContext(Descriptors);
        foreach (var check in _checks)
        {
            check.Check(rubric, context);
        }

        var result = new List<Diagnostic>();
        foreach (var finding in context.Findings)
        {
            var diagnostic = finding.Diagnostic;
            if (_suppressed.Contains(diagnostic.Id) || IsSuppressed(rubric.Checks, finding))
            {
                continue;
            }

            DiagnosticSeverity? severity = diagnostic.Severity;
            if (rubric.Checks.Severities.TryGetValue(diagnostic.Id, out var fromRubric))
            {
                severity = fromRubric;
            }
            else if (_severities.TryGetValue(diagnostic.Id, out var fromOptions))
            {
                severity = fromOptions;
            }

            if (severity is null)
            {
                continue;
            }

            result.Add(severity == diagnostic.Severity ? diagnostic : diagnostic.WithSeverity(severity.Value));
        }

        return [.. result.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    private static bool IsSuppressed(CheckSettings settings, RubricFinding finding)
    {
        var diagnostic = finding.Diagnostic;
        foreach (var suppression in settings.Suppressions)
        {
            if (!string.Equals(suppression.Id, diagnostic.Id, StringComparison.Ordinal))
            {
                continue;
            }

            if (suppression.At is null
                || (finding.At is not null && (string.Equals(finding.At, suppression.At, StringComparison.Ordinal) || finding.At.StartsWith(suppression.At + ".", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        foreach (var line in settings.LineSuppressions)
        {
            if (line.Line == diagnostic.Location.Line && line.Ids.Contains(diagnostic.Id, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
