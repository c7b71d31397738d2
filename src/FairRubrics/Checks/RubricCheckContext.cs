namespace FairRubrics.Checks;

/// <summary>Collects the findings of design checks on one rubric.</summary>
public sealed class RubricCheckContext
{
    private readonly List<RubricFinding> _findings = [];
    private readonly IReadOnlyDictionary<string, CheckDescriptor> _descriptors;

    internal RubricCheckContext(IReadOnlyDictionary<string, CheckDescriptor> descriptors) => _descriptors = descriptors;

    internal IReadOnlyList<RubricFinding> Findings => _findings;

    /// <summary>Reports a finding.</summary>
    /// <param name="id">The finding id; must be one of the reporting check's <see cref="IRubricCheck.Descriptors"/>.</param>
    /// <param name="location">The node it is about.</param>
    /// <param name="message">What is wrong and what to write instead.</param>
    /// <param name="at">The dotted path of the node (e.g. <c>competencies.relationships.paths.broad-network</c>), used by <c>checks.suppress</c>; null for the whole rubric.</param>
    /// <exception cref="ArgumentException">The id is not described by any registered check.</exception>
    public void Report(string id, SourceLocation location, string message, string? at = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!_descriptors.TryGetValue(id, out var descriptor))
        {
            throw new ArgumentException($"The finding id '{id}' is not in any registered check's Descriptors; add a CheckDescriptor for it.", nameof(id));
        }

        _findings.Add(new RubricFinding(new Diagnostic(id, descriptor.DefaultSeverity, message, location), at));
    }
}

/// <summary>A design-check finding: the diagnostic plus the dotted path of the node it is about.</summary>
/// <param name="Diagnostic">The diagnostic (id, severity, message, location).</param>
/// <param name="At">The dotted path of the node, or null.</param>
public sealed record RubricFinding(Diagnostic Diagnostic, string? At);
