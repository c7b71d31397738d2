namespace FairRubrics.Audit;

// The choice of an analysis' reference group (AuditOptions.ReferenceRule and ReferenceGroups).
public sealed partial class BiasAuditor
{
    /// <summary>
    /// Chooses the reference among the candidates (reported groups not left out of impact ratios): the named group when
    /// every attribute of the analysis is named and that group is a candidate, otherwise by the configured rule.
    /// </summary>
    /// <returns>The reference (null without candidates), the rule that chose it, and the named values when they were asked for but could not be used.</returns>
    private static (AuditAccumulator.GroupStats? Group, ReferenceRule Rule, IReadOnlyList<string>? Unavailable) ChooseReference(
        IReadOnlyList<string> attributes, List<AuditAccumulator.GroupStats> candidates, AuditOptions options, Func<AuditAccumulator.GroupStats, long> favourable)
    {
        IReadOnlyList<string>? unavailable = null;
        if (NamedReference(attributes, options) is { } named)
        {
            var group = candidates.FirstOrDefault(g => g.Values.AsSpan().SequenceEqual(named));
            if (group is not null)
            {
                return (group, ReferenceRule.Named, null);
            }

            unavailable = named;
        }

        var rate = RateComparer.For(favourable);
        var chosen = options.ReferenceRule == ReferenceRule.Largest
            ? candidates
                .OrderByDescending(g => g.Scored)
                .ThenByDescending(g => g, rate)
                .ThenBy(g => g.Values, ValuesComparer.Instance)
                .FirstOrDefault()
            : candidates
                .OrderByDescending(g => g, rate)
                .ThenByDescending(g => g.Scored)
                .ThenBy(g => g.Values, ValuesComparer.Instance)
                .FirstOrDefault();
        return (chosen, options.ReferenceRule, unavailable);
    }

    /// <summary>The named reference values of an analysis, when every one of its attributes is named; otherwise null.</summary>
    private static string[]? NamedReference(IReadOnlyList<string> attributes, AuditOptions options)
    {
        if (options.ReferenceGroups.Count == 0)
        {
            return null;
        }

        var values = new string[attributes.Count];
        for (var i = 0; i < attributes.Count; i++)
        {
            if (!options.ReferenceGroups.TryGetValue(attributes[i], out var value))
            {
                return null;
            }

            values[i] = value;
        }

        return values;
    }
}
