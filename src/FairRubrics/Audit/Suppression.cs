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
internal static class Suppression
{
    public static AnalysisDecision[] Decide(AuditAccumulator acc, int k, bool complementary = true)
    {
        var decisions = new AnalysisDecision[acc.Analyses.Count];
        for (var a = 0; a < decisions.Length; a++)
        {
            var d = new AnalysisDecision();
            foreach (var g in acc.Groups[a].Values)
            {
                if (g.Scored < k)
                {
                    d.Suppressed[BiasAuditor.Key(g)] = SuppressionReason.SmallGroup;
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
                changed |= ProtectAnalysis(acc, a, decisions[a], k);
            }

            for (var a = 0; a < decisions.Length; a++)
            {
                var analysis = acc.Analyses[a];
                if (analysis.Length < 2)
                {
                    continue;
                }

                // Each attribute of the intersection, with its single-attribute analysis.
                for (var position = 0; position < analysis.Length; position++)
                {
                    var single = FindSingle(acc, analysis[position]);
                    if (single < 0)
                    {
                        continue;
                    }

                    foreach (var margin in acc.Groups[single].Values)
                    {
                        if (decisions[single].Suppressed.ContainsKey(BiasAuditor.Key(margin)))
                        {
                            continue;   // the slice total is not published
                        }

                        var slice = acc.Groups[a].Values.Where(g => g.Values[position] == margin.Values[0]).ToList();
                        changed |= Protect(slice, margin.Scored, decisions[a], k);
                    }
                }
            }
        }

        for (var a = 0; a < decisions.Length; a++)
        {
            var d = decisions[a];
            d.WithholdUnknown = complementary && d.Suppressed.Count > 0;
            d.Unreported = d.WithholdUnknown
                ? acc.Scored - acc.Groups[a].Values.Where(g => !d.Suppressed.ContainsKey(BiasAuditor.Key(g))).Sum(g => g.Scored)
                : null;
        }

        return decisions;
    }

    private static bool ProtectAnalysis(AuditAccumulator acc, int a, AnalysisDecision decision, int k) =>
        Protect([.. acc.Groups[a].Values], acc.Scored, decision, k);

    /// <summary>Within a set of cells whose total is published: while suppressed cells exist and the unreported rest is below k, suppress the smallest reported cell.</summary>
    private static bool Protect(List<AuditAccumulator.GroupStats> cells, long publishedTotal, AnalysisDecision decision, int k)
    {
        var changed = false;
        while (true)
        {
            var suppressed = cells.Where(c => decision.Suppressed.ContainsKey(BiasAuditor.Key(c))).ToList();
            if (suppressed.Count == 0)
            {
                return changed;
            }

            var reportedTotal = cells.Where(c => !decision.Suppressed.ContainsKey(BiasAuditor.Key(c))).Sum(c => c.Scored);
            var unreported = publishedTotal - reportedTotal;
            if (unreported >= k || unreported == 0)
            {
                return changed;
            }

            var next = cells
                .Where(c => !decision.Suppressed.ContainsKey(BiasAuditor.Key(c)))
                .OrderBy(c => c.Scored)
                .ThenBy(c => BiasAuditor.Key(c), StringComparer.Ordinal)
                .FirstOrDefault();
            if (next is null)
            {
                return changed;
            }

            decision.Suppressed[BiasAuditor.Key(next)] = SuppressionReason.Complementary;
            changed = true;
        }
    }

    private static int FindSingle(AuditAccumulator acc, int attribute)
    {
        for (var a = 0; a < acc.Analyses.Count; a++)
        {
            if (acc.Analyses[a].Length == 1 && acc.Analyses[a][0] == attribute)
            {
                return a;
            }
        }

        return -1;
    }

    internal sealed class AnalysisDecision
    {
        public Dictionary<string, SuppressionReason> Suppressed { get; } = new(StringComparer.Ordinal);

        public bool WithholdUnknown { get; set; }

        public long? Unreported { get; set; }
    }
}
