namespace FairRubrics.Audit;

/// <summary>
/// Decides which groups' figures are withheld, so that no suppressed figure can be worked out by subtraction
/// from what the report publishes — within one analysis or across the single-attribute and intersectional ones.
/// </summary>
/// <remarks>
/// 1. Primary: a group with fewer than k scored subjects is suppressed.
/// 2. Within an analysis with suppressed groups, the unknown count is withheld and only the total of subjects
///    not in a reported group (suppressed plus unknown) is published; while that total is below k, the next
///    smallest reported group is suppressed too (complementary suppression).
/// 3. Across analyses: a reported single-attribute group publishes the total of its slice of the intersection;
///    when that slice has suppressed cells and the slice's unreported subjects (its total minus its reported
///    cells) are fewer than k, the slice's next smallest reported cell is suppressed too.
/// Rules 2 and 3 repeat until nothing changes. Large groups are suppressed only when that is the only way to
/// protect a small one, and the smallest are chosen first, so the groups an audit exists for stay reported.
/// </remarks>
internal static class CellSuppression
{
    public static AnalysisDecision[] Decide(AuditAccumulator acc, int k, bool complementary = true) =>
        Decide(
            acc.Analyses,
            [.. acc.Groups.Select(groups => (IReadOnlyList<Cell>)[.. groups.Values.Select(g => new Cell(BiasAuditor.Key(g), g.Values, g.Scored))])],
            acc.Scored,
            k,
            complementary);

    /// <summary>
    /// Decides suppression for any set of analyses: <paramref name="cells"/> holds, per analysis, each group's key,
    /// attribute values and size (the people it describes); <paramref name="total"/> is the number of people in
    /// the population, known or not. Used by the outcome audit and by the review-language audit (FR304).
    /// </summary>
    public static AnalysisDecision[] Decide(IReadOnlyList<int[]> analyses, IReadOnlyList<IReadOnlyList<Cell>> cells, long total, int k, bool complementary = true)
    {
        var decisions = new AnalysisDecision[analyses.Count];
        for (var a = 0; a < decisions.Length; a++)
        {
            var d = new AnalysisDecision();
            foreach (var g in cells[a])
            {
                if (g.Size < k)
                {
                    d.Suppressed[g.Key] = SuppressionReason.SmallGroup;
                }
            }

            decisions[a] = d;
        }

        var changed = complementary;
        while (changed)
        {
            changed = false;
            for (var a = 0; a < decisions.Length; a++)
            {
                changed |= Protect([.. cells[a]], total, decisions[a], k);
            }

            for (var a = 0; a < decisions.Length; a++)
            {
                var analysis = analyses[a];
                if (analysis.Length < 2)
                {
                    continue;
                }

                // Each attribute of the intersection, with its single-attribute analysis.
                for (var position = 0; position < analysis.Length; position++)
                {
                    var single = FindSingle(analyses, analysis[position]);
                    if (single < 0)
                    {
                        continue;
                    }

                    foreach (var margin in cells[single])
                    {
                        if (decisions[single].Suppressed.ContainsKey(margin.Key))
                        {
                            continue;   // the slice total is not published
                        }

                        var slice = cells[a].Where(g => g.Values[position] == margin.Values[0]).ToList();
                        changed |= Protect(slice, margin.Size, decisions[a], k);
                    }
                }
            }
        }

        for (var a = 0; a < decisions.Length; a++)
        {
            var d = decisions[a];
            d.WithholdUnknown = complementary && d.Suppressed.Count > 0;
            d.Unreported = d.WithholdUnknown
                ? total - cells[a].Where(g => !d.Suppressed.ContainsKey(g.Key)).Sum(g => g.Size)
                : null;
        }

        return decisions;
    }

    /// <summary>Within a set of cells whose total is published: while suppressed cells exist and the unreported rest is below k, suppress the smallest reported cell.</summary>
    private static bool Protect(List<Cell> cells, long publishedTotal, AnalysisDecision decision, int k)
    {
        var changed = false;
        while (true)
        {
            var suppressed = cells.Where(c => decision.Suppressed.ContainsKey(c.Key)).ToList();
            if (suppressed.Count == 0)
            {
                return changed;
            }

            var reportedTotal = cells.Where(c => !decision.Suppressed.ContainsKey(c.Key)).Sum(c => c.Size);
            var unreported = publishedTotal - reportedTotal;
            if (unreported >= k || unreported == 0)
            {
                return changed;
            }

            var next = cells
                .Where(c => !decision.Suppressed.ContainsKey(c.Key))
                .OrderBy(c => c.Size)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            if (next is null)
            {
                return changed;
            }

            decision.Suppressed[next.Key] = SuppressionReason.Complementary;
            changed = true;
        }
    }

    private static int FindSingle(IReadOnlyList<int[]> analyses, int attribute)
    {
        for (var a = 0; a < analyses.Count; a++)
        {
            if (analyses[a].Length == 1 && analyses[a][0] == attribute)
            {
                return a;
            }
        }

        return -1;
    }

    /// <summary>One group of one analysis, as suppression sees it.</summary>
    /// <param name="Key">The group's key (its values joined by U+001F).</param>
    /// <param name="Values">The group's attribute values.</param>
    /// <param name="Size">The number of people in the group.</param>
    internal sealed record Cell(string Key, IReadOnlyList<string> Values, long Size);

    internal sealed class AnalysisDecision
    {
        public Dictionary<string, SuppressionReason> Suppressed { get; } = new(StringComparer.Ordinal);

        public bool WithholdUnknown { get; set; }

        public long? Unreported { get; set; }
    }
}
