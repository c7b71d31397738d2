namespace FairRubrics.Scoring;

/// <summary>
/// The scoring rules a loader knows, by name: the built-in <c>rating</c>, <c>count</c> and <c>presence</c>
/// plus any the host registers. Names are unique; a clash is a configuration error at construction.
/// </summary>
public sealed class ScoringRuleSet
{
    private readonly Dictionary<string, ScoringRule> _rules;

    /// <summary>Creates a set from rules; the built-in rules are added unless already present.</summary>
    /// <param name="rules">The host's rules (may include the built-ins, which are then not added twice).</param>
    /// <exception cref="FairRubricsConfigurationException">A name is malformed, or two different rules share one.</exception>
    public ScoringRuleSet(IEnumerable<ScoringRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = new Dictionary<string, ScoringRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            Add(rule);
        }

        foreach (var builtIn in BuiltIns())
        {
            if (!_rules.Values.Any(r => r.GetType() == builtIn.GetType()))
            {
                Add(builtIn);
            }
        }
    }

    /// <summary>Gets a set with only the built-in rules.</summary>
    public static ScoringRuleSet BuiltInOnly { get; } = new([]);

    /// <summary>Gets the registered rule names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _rules.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Finds a rule by name (ordinal).</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="rule">The rule when found.</param>
    /// <returns><see langword="true"/> when a rule has that name.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScoringRule? rule) => _rules.TryGetValue(name, out rule);

    internal static IEnumerable<ScoringRule> BuiltIns() => [new RatingRule(), new CountRule(), new PresenceRule()];

    private void Add(ScoringRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var name = rule.Name;
        if (!ScoringRule.IsValidName(name))
        {
            throw new FairRubricsConfigurationException($"The scoring rule {rule.GetType().FullName} has the name '{name}', which is not valid: use lower-case kebab-case with an optional namespace, e.g. 'acme/tenure-weighted'.");
        }

        if (_rules.TryGetValue(name, out var existing))
        {
            if (existing.GetType() == rule.GetType())
            {
                return;
            }

            throw new FairRubricsConfigurationException($"Two scoring rules are registered with the name '{name}': {existing.GetType().FullName} and {rule.GetType().FullName}. Give one of them another name (e.g. with a namespace such as 'acme/{name}').");
        }

        _rules.Add(name, rule);
    }
}
