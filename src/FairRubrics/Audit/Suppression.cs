namespace FairRubrics.Audit;

/// <summary>
/// Decides which groups' figures are withheld, so that no suppressed figure can be worked out by subtraction
/// from what the report publishes — within one analysis or across the single-attribute and intersectional ones.
/// </summary>
/// <remarks>
/// 1. Primary: a group with fewer than k scored subjects is suppressed, and so is every group the earlier report
///    the audit is consistent with suppressed (<see cref="AuditOptions.ConsistentWith"/>), whatever its size now.
/// 2. Within an analysis with suppressed groups, the unknown count is withheld and only the total of subjects
///    not in a reported group (suppressed plus unknown) is published; while that total is below k, the next
///    smallest reported group is suppressed too (complementary suppression).
/// 3. Across analyses: a reported single-attribute group publishes the total of its slice of the intersection;
///    when that slice has suppressed cells and the slice's unreported subjects (its total minus its reported
///    cells) are fewer than k, the slice's next smallest reported cell is suppressed too.
/// In rules 2 and 3 a set with a single suppressed group and nobody else unreported is not protected either
/// (its one hidden figure is the difference), so a second group is suppressed.
/// Rules 2 and 3 repeat until nothing changes. Then, when an intersection is analysed:
/// 4. Every figure the report would publish (the scored total, each reported group's n, each analysis' unknown
///    or unreported count) is an equation over the finest cells (one value or unknown per attribute). When a
///    small group's size is a linear combination of them (in a table with several attributes, rules 2 and 3 do
///    not see every chain of subtractions), the smallest reported cell that shares a value with it is suppressed
///    too, and rules 2 to 4 run again.
/// Large groups are suppressed only when that is the only way to protect a small one, and the smallest are
/// chosen first, so the groups an audit exists for stay reported. Favourable counts are published only for
/// reported groups, over the same cells, so a small group's favourable count is derivable only if its size is.
/// </remarks>
internal static partial class Suppression
{
    public static AnalysisDecision[] Decide(AuditAccumulator acc, int k, bool complementary = true, Outcomes? outcomes = null, PublishedAudit? earlier = null)
    {
        var decisions = new AnalysisDecision[acc.Analyses.Count];
        for (var a = 0; a < decisions.Length; a++)
        {
            var d = new AnalysisDecision();
            // A group withheld by the earlier report stays withheld, whatever its size now: its reason then says
            // nothing of its size, and differencing the two reports finds nothing to subtract from.
            var then = earlier?.Find([.. acc.Analyses[a].Select(i => acc.Attributes[i])]);
            foreach (var g in Listed(acc, a))
            {
                if (then?.Find(g.Values)?.Suppressed == true)
                {
                    d.Suppressed[BiasAuditor.Key(g)] = SuppressionReason.EarlierReport;
                }
                else if (g.Scored < k)
                {
                    d.Suppressed[BiasAuditor.Key(g)] = SuppressionReason.SmallGroup;
                }
            }

            decisions[a] = d;
        }

        if (complementary && acc.UnknownPatterns is not null)
        {
            // Without complementary suppression (a report for a trusted analyst) every cell is listed. The cells of
            // a group withheld as in the earlier report are not listed either (listed or not, they would tell
            // whether it is small), and are withheld with it.
            var intersection = decisions.Length - 1;
            foreach (var g in Listed(acc, intersection).Where(g => InsideSmallSingle(acc, decisions, g.Values)))
            {
                decisions[intersection].Unlisted.Add(BiasAuditor.Key(g));
                decisions[intersection].Suppressed.TryAdd(BiasAuditor.Key(g), SuppressionReason.EarlierReport);
            }
        }

        do
        {
            ApplyRules(acc, decisions, k, complementary);
        }
        while (complementary && acc.UnknownPatterns is not null && SuppressOneNextToDerivable(acc, decisions));

        if (complementary)
        {
            var settled = new HashSet<(int, string)>();
            while (ProtectIntervals(acc, decisions, k, outcomes ?? Outcomes.None, settled))
            {
                do
                {
                    ApplyRules(acc, decisions, k, complementary);
                }
                while (acc.UnknownPatterns is not null && SuppressOneNextToDerivable(acc, decisions));
            }
        }

        for (var a = 0; a < decisions.Length; a++)
        {
            var d = decisions[a];
            d.WithholdUnknown = complementary && d.Suppressed.Count > 0;
            d.Unreported = d.WithholdUnknown
                ? acc.Scored - Listed(acc, a).Where(g => !d.Suppressed.ContainsKey(BiasAuditor.Key(g))).Sum(g => g.Scored)
                : null;
        }

        return decisions;
    }

    /// <summary>Rules 2 and 3, repeated until nothing changes.</summary>
    private static void ApplyRules(AuditAccumulator acc, AnalysisDecision[] decisions, int k, bool complementary)
    {
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

                    foreach (var margin in Listed(acc, single))
                    {
                        if (decisions[single].Suppressed.ContainsKey(BiasAuditor.Key(margin)))
                        {
                            continue;   // the slice total is not published
                        }

                        var slice = Listed(acc, a).Where(g => g.Values[position] == margin.Values[0]).ToList();
                        changed |= Protect(slice, margin.Scored, decisions[a], k);
                    }
                }
            }
        }
    }

    private static bool ProtectAnalysis(AuditAccumulator acc, int a, AnalysisDecision decision, int k) =>
        Protect([.. Listed(acc, a)], acc.Scored, decision, k);

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
            var outsideCells = unreported - suppressed.Sum(c => c.Scored);
            if (unreported >= k && (suppressed.Count >= 2 || outsideCells > 0))
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

    /// <summary>
    /// Rule 4: writes every figure the report would publish as an equation over the finest cells (one value or
    /// unknown per attribute) and checks whether a small group's size is a linear combination of them. If one is,
    /// suppresses the smallest reported group next to it and returns true.
    /// </summary>
    private static bool SuppressOneNextToDerivable(AuditAccumulator acc, AnalysisDecision[] decisions)
    {
        var small = new List<(int Analysis, AuditAccumulator.GroupStats Group)>();
        for (var a = 0; a < decisions.Length; a++)
        {
            small.AddRange(Listed(acc, a)
                .Where(g => IsProtected(decisions[a].Suppressed.GetValueOrDefault(BiasAuditor.Key(g))))
                .OrderBy(g => BiasAuditor.Key(g), StringComparer.Ordinal)
                .Select(g => (a, g)));
        }

        if (small.Count == 0)
        {
            return false;
        }

        // Unknowns: cells with scored subjects. Treating every other cell as known to be empty only helps the
        // attacker, so the check errs on the safe side.
        // A reported cell of the intersection is published as it is, so it is no unknown either (leaving it out keeps
        // the equations few: the singles' groups, the unknown or unreported counts and the total).
        var intersection = acc.Analyses.Count - 1;
        var cells = acc.Groups[intersection]
            .Where(g => decisions[intersection].Suppressed.ContainsKey(g.Key))
            .Select(g => new AuditAccumulator.PatternStats(g.Value.Values) { Subjects = g.Value.Subjects, Scored = g.Value.Scored })
            .Concat(acc.UnknownPatterns!.Values)
            .Where(p => p.Scored > 0)
            .ToList();
        var basis = new Basis(cells.Count);
        basis.Add(Row(cells, _ => true));
        for (var a = 0; a < decisions.Length; a++)
        {
            var d = decisions[a];
            var reported = Listed(acc, a).Where(g => !d.Suppressed.ContainsKey(BiasAuditor.Key(g))).ToList();
            foreach (var g in reported)
            {
                basis.Add(Row(cells, p => Contains(acc, a, g, p)));
            }

            // Without suppressed groups the unknown count is published; with them, the unreported rest.
            var analysis = acc.Analyses[a];
            basis.Add(d.Suppressed.Count == 0
                ? Row(cells, p => analysis.Any(i => p.Values[i] is null))
                : Row(cells, p => !reported.Any(g => Contains(acc, a, g, p))));
        }

        foreach (var (a, group) in small)
        {
            if (!basis.Spans(Row(cells, p => Contains(acc, a, group, p))))
            {
                continue;
            }

            // The smallest reported cell of the intersection that shares a value with the group, else the smallest
            // reported group of the group's own analysis, else of any analysis.
            var positions = acc.Analyses[a];
            var candidates = Reported(acc, decisions, intersection)
                .Where(c => positions.Where((p, i) => string.Equals(c.Group.Values[p], group.Values[i], StringComparison.Ordinal)).Any())
                .ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. Reported(acc, decisions, a)];
            }

            if (candidates.Count == 0)
            {
                candidates = [.. Enumerable.Range(0, decisions.Length).SelectMany(x => Reported(acc, decisions, x))];
            }

            if (candidates.Count == 0)
            {
                return false;
            }

            var next = candidates.OrderBy(c => c.Group.Scored).ThenBy(c => c.Analysis).ThenBy(c => BiasAuditor.Key(c.Group), StringComparer.Ordinal).First();
            decisions[next.Analysis].Suppressed[BiasAuditor.Key(next.Group)] = SuppressionReason.Complementary;
            return true;
        }

        return false;
    }

    private static IEnumerable<(int Analysis, AuditAccumulator.GroupStats Group)> Reported(AuditAccumulator acc, AnalysisDecision[] decisions, int a) =>
        Listed(acc, a).Where(g => !decisions[a].Suppressed.ContainsKey(BiasAuditor.Key(g))).Select(g => (a, g));

    /// <summary>Whether a group is one that suppression exists to protect: small, or withheld as in the earlier report.</summary>
    private static bool IsProtected(SuppressionReason reason) => reason is SuppressionReason.SmallGroup or SuppressionReason.EarlierReport;

    /// <summary>Whether a combination of values over every attribute has a value whose single-attribute group is small (or withheld as in the earlier report).</summary>
    private static bool InsideSmallSingle(AuditAccumulator acc, AnalysisDecision[] decisions, string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var single = FindSingle(acc, i);
            if (values[i] is { } v && single >= 0
                && IsProtected(decisions[single].Suppressed.GetValueOrDefault(AuditAccumulator.KeyOf([v]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The groups of an analysis that the report lists: those with a scored member (a combination whose members all lack evidence is not listed at all).</summary>
    private static IEnumerable<AuditAccumulator.GroupStats> Listed(AuditAccumulator acc, int a) =>
        acc.Groups[a].Values.Where(g => g.Scored > 0);

    /// <summary>Whether the subjects with a combination of values over all attributes belong to a group of an analysis.</summary>
    private static bool Contains(AuditAccumulator acc, int analysis, AuditAccumulator.GroupStats group, AuditAccumulator.PatternStats pattern)
    {
        var positions = acc.Analyses[analysis];
        for (var i = 0; i < positions.Length; i++)
        {
            if (!string.Equals(pattern.Values[positions[i]], group.Values[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static ulong[] Row(List<AuditAccumulator.PatternStats> cells, Func<AuditAccumulator.PatternStats, bool> included)
    {
        var row = new ulong[cells.Count];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = included(cells[i]) ? 1UL : 0UL;
        }

        return row;
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

    /// <summary>
    /// Rows in echelon form modulo the prime 2⁶¹ − 1, to test whether a row is a linear combination of others. A row
    /// that is a rational combination is one modulo the prime too (unless the prime divides a denominator, which
    /// for sums of 0/1 rows does not happen in practice); the converse can fail only by suppressing more than needed.
    /// </summary>
    private sealed class Basis(int width)
    {
        private const ulong Prime = (1UL << 61) - 1;
        private readonly ulong[]?[] _rows = new ulong[width][];

        public void Add(ulong[] row)
        {
            var reduced = Reduce(row);
            var pivot = Array.FindIndex(reduced, x => x != 0);
            if (pivot < 0)
            {
                return;
            }

            var inverse = Power(reduced[pivot], Prime - 2);
            for (var c = pivot; c < reduced.Length; c++)
            {
                reduced[c] = Multiply(reduced[c], inverse);
            }

            _rows[pivot] = reduced;
        }

        public bool Spans(ulong[] row) => Array.TrueForAll(Reduce(row), x => x == 0);

        private static ulong Multiply(ulong a, ulong b)
        {
            var product = (UInt128)a * b;
            var sum = ((ulong)product & Prime) + (ulong)(product >> 61);
            return sum >= Prime ? sum - Prime : sum;
        }

        private static ulong Power(ulong x, ulong e)
        {
            ulong result = 1;
            while (e > 0)
            {
                if ((e & 1) == 1)
                {
                    result = Multiply(result, x);
                }

                x = Multiply(x, x);
                e >>= 1;
            }

            return result;
        }

        private ulong[] Reduce(ulong[] row)
        {
            var v = (ulong[])row.Clone();
            for (var c = 0; c < v.Length; c++)
            {
                if (v[c] == 0 || _rows[c] is not { } b)
                {
                    continue;
                }

                var factor = Prime - v[c];
                for (var j = c; j < v.Length; j++)
                {
                    if (b[j] != 0)
                    {
                        var x = v[j] + Multiply(factor, b[j]);
                        v[j] = x >= Prime ? x - Prime : x;
                    }
                }
            }

            return v;
        }
    }

    internal sealed class AnalysisDecision
    {
        public Dictionary<string, SuppressionReason> Suppressed { get; } = new(StringComparer.Ordinal);

        public bool WithholdUnknown { get; set; }

        public long? Unreported { get; set; }

        /// <summary>
        /// Gets the keys of the suppressed cells of the intersection that are not listed at all: those inside a small
        /// single-attribute group. Listed, each would say it has at least one member, and together they would
        /// narrow the small group's size (three listed cells inside it: at least 3) and each other's.
        /// </summary>
        public HashSet<string> Unlisted { get; } = new(StringComparer.Ordinal);
    }
}
