using FairRubrics.Checks;

namespace FairRubrics.Comparison;

/// <summary>
/// Matches the design findings of two rubrics by check id and the node they concern (its dotted path, e.g.
/// <c>competencies.networking.paths.contacts</c>), as multisets: a finding the proposed rubric has more often at a node
/// is introduced, one it has less often is fixed. Line numbers play no part, so moving text does not count as a change.
/// </summary>
internal static class DesignDiffer
{
    public static DesignDiff Diff(IReadOnlyList<RubricFinding> from, IReadOnlyList<RubricFinding> to) =>
        new(Only(to, from), Only(from, to));

    private static List<DesignChange> Only(IReadOnlyList<RubricFinding> these, IReadOnlyList<RubricFinding> others)
    {
        var remaining = others.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<DesignChange>();
        foreach (var finding in these)
        {
            var key = Key(finding);
            if (remaining.TryGetValue(key, out var left) && left > 0)
            {
                remaining[key] = left - 1;
                continue;
            }

            var d = finding.Diagnostic;
            result.Add(new DesignChange(d.Id, d.Severity, finding.At, d.Message, d.Location));
        }

        return result;
    }

    private static string Key(RubricFinding f) => f.Diagnostic.Id + "\u001F" + (f.At ?? string.Empty);
}
