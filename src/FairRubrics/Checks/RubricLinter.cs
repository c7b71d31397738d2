using FairRubrics.Checks.BuiltIn;
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
    /// <exception cref="FairRubricsConfigurationException">Two checks describe the same finding id, or the options name an id no check reports.</exception>
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
        var unknown = _severities.Keys.Concat(_suppressed).Where(id => !descriptors.ContainsKey(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new FairRubricsConfigurationException(
                $"The linter options name check ids that no registered check reports: {string.Join(", ", unknown)}; the registered ids are {string.Join(", ", descriptors.Keys.Order(StringComparer.Ordinal))}.");
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, CheckDescriptor> Descriptors { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Diagnostic> Lint(Rubric rubric) => [.. LintFindings(rubric).Select(f => f.Diagnostic)];

    /// <summary>Like <see cref="Lint"/>, keeping the dotted path of the node each finding concerns (to match findings across rubrics).</summary>
    internal IReadOnlyList<RubricFinding> LintFindings(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var context = new RubricCheckContext(Descriptors);
        foreach (var check in _checks)
        {
            check.Check(rubric, context);
        }

        var result = new List<RubricFinding>();
        var nodeStarts = rubric.Checks.LineSuppressions.Count == 0 ? null : NodeStarts(rubric);
        foreach (var finding in context.Findings)
        {
            var diagnostic = finding.Diagnostic;
            if (_suppressed.Contains(diagnostic.Id) || IsSuppressed(rubric.Checks, finding, nodeStarts))
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

            result.Add(finding with { Diagnostic = severity == diagnostic.Severity ? diagnostic : diagnostic.WithSeverity(severity.Value) });
        }

        return [.. result.OrderBy(f => f.Diagnostic.Location.Line).ThenBy(f => f.Diagnostic.Location.Column).ThenBy(f => f.Diagnostic.Id, StringComparer.Ordinal)];
    }

    private static bool IsSuppressed(CheckSettings settings, RubricFinding finding, Dictionary<int, List<string>>? nodeStarts)
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
            if (!line.Ids.Contains(diagnostic.Id, StringComparer.Ordinal))
            {
                continue;
            }

            // The comment covers findings on the next line, and findings inside a node that starts there
            // (a comment above "- id: broad-network" covers every finding of that path).
            if (line.Line == diagnostic.Location.Line
                || (finding.At is { } at && nodeStarts is not null && nodeStarts.TryGetValue(line.Line, out var nodes)
                    && nodes.Any(n => string.Equals(at, n, StringComparison.Ordinal) || at.StartsWith(n + ".", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Maps each line on which a competency, path, title, score or anchor starts to the dotted paths of the nodes starting there.</summary>
    private static Dictionary<int, List<string>> NodeStarts(Rubric rubric)
    {
        var map = new Dictionary<int, List<string>>();
        void Add(SourceLocation location, string at)
        {
            if (!location.HasPosition)
            {
                return;
            }

            if (!map.TryGetValue(location.Line, out var list))
            {
                map[location.Line] = list = [];
            }

            list.Add(at);
        }

        foreach (var competency in rubric.Competencies)
        {
            var c = RubricFacts.At(competency);
            Add(competency.Location, c);
            Add(competency.TitleLocation, c + ".title");
            Add(competency.WeightLocation, c + ".weight");
            foreach (var path in competency.Paths)
            {
                var p = RubricFacts.At(competency, path);
                Add(path.Location, p);
                Add(path.TitleLocation, p + ".title");
                Add(path.Score.Location, p + ".score");
                foreach (var anchor in path.Anchors)
                {
                    Add(anchor.Location, RubricFacts.At(competency, path, anchor));
                }
            }
        }

        return map;
    }
}
