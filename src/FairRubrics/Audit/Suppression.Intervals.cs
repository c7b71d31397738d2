using GroupStats = FairRubrics.Audit.AuditAccumulator.GroupStats;

namespace FairRubrics.Audit;

// Step 5: protection intervals. Whatever a reader combines from the published counts, knowing that counts are
// whole and not negative, that a listed small group has 1 to k-1 scored members, that a complementary one has
// at least k and that one withheld as in the earlier report has at least 1, every small group's size must still be
// any of 1 … k-1 (and one withheld as in the earlier report any of s-(k-2) … s+(k-2)).
internal static partial class Suppression
{
    /// <summary>Search nodes for a witness with only the non-empty cells free, then with every cell a reader cannot rule out.</summary>
    private const int FirstNodeLimit = 400;
    private const int SecondNodeLimit = 1_500;

    /// <summary>Unknown patterns with nobody in them are added to the second search only up to this many.</summary>
    private const int MaxEmptyPatterns = 4_096;

    /// <summary>How many candidates (smallest first) are tried for one unprotected group before the smallest is taken anyway.</summary>
    private const int TrialCandidates = 4;

    /// <summary>
    /// Step 5: for every small group not yet shown safe, looks for two whole-number populations that agree with
    /// every figure the report would publish and with everything a reader knows — one where the group has 1 scored
    /// member, one where it has k − 1. Two such populations prove that no reasoning over the report narrows the
    /// group's size below [1, k − 1]. When one cannot be found, suppresses the smallest reported group whose
    /// suppression gives it (of the few smallest that touch the group; else the smallest of them) and returns true,
    /// so that steps 2 to 4 run again. Suppressing more only loosens what is published, so a group once shown safe
    /// stays safe (<paramref name="settled"/>).
    /// </summary>
    private static bool ProtectIntervals(AuditAccumulator acc, AnalysisDecision[] decisions, int k, Outcomes outcomes, HashSet<(int, string)> settled)
    {
        var systems = new Systems(acc, decisions, k, outcomes);
        foreach (var (a, group) in SmallGroupsOf(acc, decisions))
        {
            var key = (a, BiasAuditor.Key(group));
            if (settled.Contains(key))
            {
                continue;
            }

            if (Holds(systems, a, group, k, decisions[a].Suppressed[BiasAuditor.Key(group)]))
            {
                settled.Add(key);
                continue;
            }

            var candidates = Candidates(acc, decisions, a, group);
            if (candidates.Count == 0)
            {
                settled.Add(key);   // everything that could be withheld is: only the scored total is left
                continue;
            }

            foreach (var (ca, candidate) in candidates.Take(TrialCandidates))
            {
                decisions[ca].Suppressed[BiasAuditor.Key(candidate)] = SuppressionReason.Complementary;
                if (Holds(new Systems(acc, decisions, k, outcomes), a, group, k, decisions[a].Suppressed[BiasAuditor.Key(group)]))
                {
                    settled.Add(key);
                    return true;
                }

                decisions[ca].Suppressed.Remove(BiasAuditor.Key(candidate));
            }

            var (fa, first) = candidates[0];
            decisions[fa].Suppressed[BiasAuditor.Key(first)] = SuppressionReason.Complementary;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether the group's size can be 1 and can be k − 1 in populations that publish the same report. A group
    /// withheld as in the earlier report, of size s now, must be able to be anything from s − (k − 2) (at least 1)
    /// to s + (k − 2): whichever of 1 … k − 1 it had then, and whoever joined or left since, its size then stays
    /// anywhere in [1, k − 1] for a reader who subtracts the two reports.
    /// </summary>
    private static bool Holds(Systems systems, int a, GroupStats group, int k, SuppressionReason reason)
    {
        var targets = reason == SuppressionReason.EarlierReport
            ? new[] { Math.Max(1, group.Scored - (k - 2)), group.Scored + (k - 2) }
            : new long[] { 1, k - 1 };
        foreach (var target in targets)
        {
            if (group.Scored == target)
            {
                continue;   // the true population is the witness
            }

            if (!systems.Get(a, withEmptyPatterns: false).Allows(a, group, target, FirstNodeLimit)
                && !systems.Get(a, withEmptyPatterns: true).Allows(a, group, target, SecondNodeLimit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The published systems under one set of decisions, built when first needed (one per analysis without an intersection).</summary>
    private sealed class Systems(AuditAccumulator acc, AnalysisDecision[] decisions, int k, Outcomes outcomes)
    {
        private readonly Dictionary<(int, bool), PublishedSystem> _built = [];

        public PublishedSystem Get(int a, bool withEmptyPatterns)
        {
            var key = (acc.UnknownPatterns is null ? a : -1, withEmptyPatterns);
            if (!_built.TryGetValue(key, out var system))
            {
                _built[key] = system = PublishedSystem.Build(acc, decisions, k, outcomes, a, withEmptyPatterns);
            }

            return system;
        }
    }

    private static List<(int Analysis, GroupStats Group)> SmallGroupsOf(AuditAccumulator acc, AnalysisDecision[] decisions)
    {
        var small = new List<(int Analysis, GroupStats Group)>();
        for (var a = 0; a < decisions.Length; a++)
        {
            small.AddRange(Listed(acc, a)
                .Where(g => IsProtected(decisions[a].Suppressed.GetValueOrDefault(BiasAuditor.Key(g))) && !decisions[a].Unlisted.Contains(BiasAuditor.Key(g)))
                .OrderBy(g => g.Scored)
                .ThenBy(g => BiasAuditor.Key(g), StringComparer.Ordinal)
                .Select(g => (a, g)));
        }

        return small;
    }

    /// <summary>
    /// The reported groups whose suppression can loosen what bounds the group, smallest first: those of its own
    /// analysis (they share its unreported figure), those that share subjects with it (its single-attribute groups,
    /// or the cells inside it) and the intersection's cells that share a value with it. Else any reported group.
    /// </summary>
    private static List<(int Analysis, GroupStats Group)> Candidates(AuditAccumulator acc, AnalysisDecision[] decisions, int a, GroupStats group)
    {
        var positions = acc.Analyses[a];
        var intersection = acc.UnknownPatterns is null ? -1 : acc.Analyses.Count - 1;
        bool Touches(int b, GroupStats g)
        {
            if (b == a)
            {
                return true;
            }

            var other = acc.Analyses[b];
            int shared = 0, equal = 0;
            for (var i = 0; i < other.Length; i++)
            {
                var at = Array.IndexOf(positions, other[i]);
                if (at >= 0)
                {
                    shared++;
                    equal += string.Equals(g.Values[i], group.Values[at], StringComparison.Ordinal) ? 1 : 0;
                }
            }

            return (shared > 0 && equal == shared) || (b == intersection && equal > 0);
        }

        var all = Enumerable.Range(0, decisions.Length).SelectMany(b => Reported(acc, decisions, b)).ToList();
        var candidates = all.Where(c => Touches(c.Analysis, c.Group)).ToList();
        if (candidates.Count == 0)
        {
            candidates = all;
        }

        return [.. candidates.OrderBy(c => c.Group.Scored).ThenBy(c => c.Analysis).ThenBy(c => BiasAuditor.Key(c.Group), StringComparer.Ordinal)];
    }

    /// <summary>How a group's favourable and above-median counts are read (both are published for reported groups).</summary>
    /// <param name="Favourable">The number of the group's scored subjects in a favourable band.</param>
    /// <param name="AboveMedian">The number whose overall score is above the median, or null when no median is published.</param>
    internal sealed record Outcomes(Func<GroupStats, long> Favourable, Func<GroupStats, long>? AboveMedian)
    {
        /// <summary>Sizes only (no outcome counts are published).</summary>
        public static Outcomes None { get; } = new(_ => 0, null);
    }

    /// <summary>The outcome counts the outcome audit publishes for a reported group.</summary>
    internal static Outcomes OutcomesOf(IReadOnlySet<string> favourable, double? median) => new(
        g => g.Bands.Where(b => favourable.Contains(b.Key)).Sum(b => b.Value),
        median is { } m ? g => BiasAuditor.AboveMedian(g, m) : null);

    /// <summary>
    /// What the report would publish under the current decisions, as whole-number constraints over the finest
    /// cells (one value or "unknown" per attribute; without an intersection, the groups of one analysis and its
    /// unknowns). Each cell that is not published on its own has three unknowns — its scored count n, favourable
    /// count f ≤ n and above-median count m ≤ n — and every published n, favourable and scoring-rate count, every
    /// unknown or unreported figure and the scored total is an equation over them; a listed small group's n is in
    /// [1, k − 1], a complementary one's at least k. Cells of the intersection that are not listed have nobody, as
    /// a reader sees.
    /// </summary>
    private sealed class PublishedSystem
    {
        private readonly IntegerFeasibility _feasibility = new();
        private readonly Dictionary<(int, string), (List<int> Vars, long Constant)> _sizes = [];

        public bool Allows(int a, GroupStats group, long target, int nodeLimit)
        {
            var (vars, constant) = _sizes[(a, BiasAuditor.Key(group))];
            _feasibility.Equal(vars, target - constant);
            var found = _feasibility.Solve(nodeLimit) is not null;
            _feasibility.RemoveLastConstraint();
            return found;
        }

        public static PublishedSystem Build(AuditAccumulator acc, AnalysisDecision[] decisions, int k, Outcomes outcomes, int a, bool withEmptyPatterns)
        {
            var system = new PublishedSystem();
            var atoms = new List<Atom>();
            int[] analyses;
            var width = acc.Attributes.Count;
            if (acc.UnknownPatterns is { } patterns)
            {
                var intersection = acc.Analyses.Count - 1;
                analyses = [.. Enumerable.Range(0, acc.Analyses.Count)];
                foreach (var g in Listed(acc, intersection))
                {
                    atoms.Add(new Atom(g.Values, g, decisions[intersection].Suppressed.ContainsKey(BiasAuditor.Key(g))));
                }

                foreach (var p in patterns.Values.Where(p => p.Scored > 0 && p.Cell is not null))
                {
                    atoms.Add(new Atom(p.Values, p.Cell!, Hidden: true));
                }

                if (withEmptyPatterns)
                {
                    atoms.AddRange(EmptyPatterns(acc, decisions, patterns));
                }
            }
            else
            {
                analyses = [a];
                var position = acc.Analyses[a][0];
                foreach (var g in Listed(acc, a))
                {
                    var values = new string?[width];
                    values[position] = g.Values[0];
                    atoms.Add(new Atom(values, g, decisions[a].Suppressed.ContainsKey(BiasAuditor.Key(g))));
                }

                // The analysis' unknowns: their outcomes appear in no published figure.
                atoms.Add(new Atom(new string?[width], null, Hidden: true) { UnknownScored = acc.UnknownScored[a] });
            }

            system.Add(acc, decisions, k, outcomes, atoms, analyses);
            return system;
        }

        /// <summary>The cells a reader cannot rule out that have nobody: patterns with an unknown, and cells inside a small single-attribute group.</summary>
        private static IEnumerable<Atom> EmptyPatterns(AuditAccumulator acc, AnalysisDecision[] decisions, IReadOnlyDictionary<string, AuditAccumulator.PatternStats> patterns)
        {
            var cells = acc.Groups[acc.Analyses.Count - 1];
            var values = Enumerable.Range(0, acc.Attributes.Count)
                .Select(i => Listed(acc, i).Select(g => (string?)g.Values[0]).Append(null).ToArray())
                .ToArray();
            if (values.Aggregate(1L, (n, v) => n * v.Length) > MaxEmptyPatterns)
            {
                yield break;   // fixing them at 0 only narrows the search: a witness found is still a true one
            }

            var current = new string?[values.Length];
            var index = new int[values.Length];
            while (true)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    current[i] = values[i][index[i]];
                }

                var key = AuditAccumulator.KeyOf(current);
                if (Array.IndexOf(current, null) >= 0
                    ? !(patterns.TryGetValue(key, out var p) && p.Scored > 0)
                    : !(cells.TryGetValue(key, out var c) && c.Scored > 0) && InsideSmallSingle(acc, decisions, current))
                {
                    yield return new Atom((string?[])current.Clone(), null, Hidden: true);
                }

                var d = values.Length - 1;
                while (d >= 0 && ++index[d] == values[d].Length)
                {
                    index[d] = 0;
                    d--;
                }

                if (d < 0)
                {
                    yield break;
                }
            }
        }

        private void Add(AuditAccumulator acc, AnalysisDecision[] decisions, int k, Outcomes outcomes, List<Atom> atoms, int[] analyses)
        {
            var total = acc.Scored;
            for (var i = 0; i < atoms.Count; i++)
            {
                var atom = atoms[i];
                if (atom.Hidden)
                {
                    var (n, f, m) = atom.Truth(outcomes);
                    atom.N = _feasibility.Add(0, total, n);
                    atom.F = _feasibility.Add(0, total, f);
                    _feasibility.Constrain([atom.F], [atom.N], long.MinValue / 4, 0);
                    if (outcomes.AboveMedian is not null)
                    {
                        atom.M = _feasibility.Add(0, total, m);
                        _feasibility.Constrain([atom.M], [atom.N], long.MinValue / 4, 0);
                    }
                }
            }

            foreach (var b in analyses)
            {
                var positions = acc.Analyses[b];
                var inReported = new bool[atoms.Count];
                var unknownAtoms = new List<int>();
                var byGroup = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                var values = new string?[positions.Length];
                for (var i = 0; i < atoms.Count; i++)
                {
                    var known = true;
                    for (var j = 0; j < positions.Length; j++)
                    {
                        values[j] = atoms[i].Values[positions[j]];
                        known &= values[j] is not null;
                    }

                    if (!known)
                    {
                        unknownAtoms.Add(i);
                        continue;
                    }

                    var groupKey = AuditAccumulator.KeyOf(values);
                    if (!byGroup.TryGetValue(groupKey, out var list))
                    {
                        byGroup[groupKey] = list = [];
                    }

                    list.Add(i);
                }

                long reported = 0;
                foreach (var g in Listed(acc, b))
                {
                    var inGroup = byGroup.GetValueOrDefault(BiasAuditor.Key(g)) ?? [];
                    var n = Sum(atoms, inGroup, x => x.N, x => x.Stats!.Scored);
                    if (decisions[b].Suppressed.TryGetValue(BiasAuditor.Key(g), out var reason))
                    {
                        _sizes[(b, BiasAuditor.Key(g))] = n;
                        if (decisions[b].Unlisted.Contains(BiasAuditor.Key(g)))
                        {
                            continue;   // not listed: a reader knows nothing of it but what its small group says
                        }

                        if (reason == SuppressionReason.SmallGroup)
                        {
                            _feasibility.Constrain(n.Vars, [], 1 - n.Constant, k - 1 - n.Constant);
                        }
                        else if (reason == SuppressionReason.EarlierReport)
                        {
                            // Listed, so it has a scored member; its reason says nothing of its size now.
                            _feasibility.Constrain(n.Vars, [], 1 - n.Constant, total - n.Constant);
                        }
                        else
                        {
                            _feasibility.Constrain(n.Vars, [], k - n.Constant, total - n.Constant);
                        }

                        continue;
                    }

                    reported += g.Scored;
                    foreach (var i in inGroup)
                    {
                        inReported[i] = true;
                    }

                    if (n.Vars.Count == 0)
                    {
                        continue;   // published as it is: nothing unknown in it
                    }

                    _feasibility.Equal(n.Vars, g.Scored - n.Constant);
                    var f = Sum(atoms, inGroup, x => x.F, x => outcomes.Favourable(x.Stats!));
                    _feasibility.Equal(f.Vars, outcomes.Favourable(g) - f.Constant);
                    if (outcomes.AboveMedian is { } above)
                    {
                        var m = Sum(atoms, inGroup, x => x.M, x => above(x.Stats!));
                        _feasibility.Equal(m.Vars, above(g) - m.Constant);
                    }
                }

                if (decisions[b].Suppressed.Count > 0)
                {
                    // The unreported figure: everyone not in a reported group (suppressed, unlisted and unknown).
                    var hidden = Sum(atoms, [.. Enumerable.Range(0, atoms.Count).Where(i => !inReported[i])], x => x.N, x => x.Stats!.Scored);
                    _feasibility.Equal(hidden.Vars, total - reported - hidden.Constant);
                }
                else
                {
                    var unknown = Sum(atoms, unknownAtoms, x => x.N, x => x.Stats!.Scored);
                    _feasibility.Equal(unknown.Vars, acc.UnknownScored[b] - unknown.Constant);
                }
            }

            var everyone = Sum(atoms, [.. Enumerable.Range(0, atoms.Count)], x => x.N, x => x.Stats!.Scored);
            _feasibility.Equal(everyone.Vars, total - everyone.Constant);
        }

        /// <summary>The variables of the hidden atoms among <paramref name="members"/>, and the sum of the published ones.</summary>
        private static (List<int> Vars, long Constant) Sum(List<Atom> atoms, List<int> members, Func<Atom, int> variable, Func<Atom, long> published)
        {
            var vars = new List<int>();
            long constant = 0;
            foreach (var i in members)
            {
                if (atoms[i].Hidden)
                {
                    vars.Add(variable(atoms[i]));
                }
                else
                {
                    constant += published(atoms[i]);
                }
            }

            return (vars, constant);
        }

        /// <summary>A finest cell: its values (null for unknown), its statistics (null when empty or not kept), and whether a reader sees its figures.</summary>
        private sealed record Atom(IReadOnlyList<string?> Values, GroupStats? Stats, bool Hidden)
        {
            public long? UnknownScored { get; init; }

            public int N { get; set; } = -1;

            public int F { get; set; } = -1;

            public int M { get; set; } = -1;

            public (long N, long F, long M) Truth(Outcomes outcomes) => Stats is { } s
                ? (s.Scored, outcomes.Favourable(s), outcomes.AboveMedian?.Invoke(s) ?? 0)
                : (UnknownScored ?? 0, 0, 0);
        }
    }
}
