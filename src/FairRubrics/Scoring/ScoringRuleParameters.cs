using FairRubrics.Loading;

namespace FairRubrics.Scoring;

/// <summary>The parameters of a path's <c>score</c> mapping: every key except <c>rule</c>, as written, with positions.</summary>
public sealed class ScoringRuleParameters
{
    internal ScoringRuleParameters(RubricMappingNode score, SourceLocation ruleLocation)
    {
        Node = score;
        RuleLocation = ruleLocation;
    }

    /// <summary>Gets the whole <c>score</c> mapping (including <c>rule</c>).</summary>
    public RubricMappingNode Node { get; }

    /// <summary>Gets where the <c>rule</c> value is written.</summary>
    public SourceLocation RuleLocation { get; }

    /// <summary>Gets the parameter names in source order (without <c>rule</c>).</summary>
    public IEnumerable<string> Names => Node.Entries.Where(e => e.Key.Value != "rule").Select(e => e.Key.Value);

    /// <summary>Finds a parameter.</summary>
    /// <param name="name">The parameter name, e.g. <c>thresholds</c>.</param>
    /// <param name="value">Its node when present.</param>
    /// <returns><see langword="true"/> when the parameter is written.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RubricNode? value)
    {
        if (name == "rule")
        {
            value = null;
            return false;
        }

        return Node.TryGetValue(name, out value);
    }
}
