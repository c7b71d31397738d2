using System.Text.Json;
using Google.OrTools.Sat;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// The strongest reader of an audit JSON: an integer program over the finest cells (one value or "unknown" per
/// attribute; without an intersection, the groups of each analysis and its unknowns), solved exactly by OR-Tools'
/// CP-SAT, independently of the audit's own check. Every cell has a scored count n, a favourable count f ≤ n and
/// an above-median count m ≤ n, all whole and not negative. Every published figure is an equation: a reported
/// group's n, favourable and scoring-rate count (m = scoringRate × n), each analysis' unknown or unreported
/// figure, the scored total. What the report says implicitly is known too: a listed small group has 1 to k − 1
/// scored members, a complementary one at least k, and a cell of the intersection that is not listed has nobody.
/// <see cref="Bounds"/> minimises and maximises a small group's n over all of that.
/// </summary>
internal sealed class IntegerAttacker
{
    private readonly long _scored;
    private readonly string[] _attributes;
    private readonly List<string>[] _values;
    private readonly List<Analysis> _analyses = [];
    private readonly bool _intersection;

    public IntegerAttacker(JsonElement root)
    {
        _scored = root.GetProperty("scored").GetInt64();
        K = root.GetProperty("minGroupSize").GetInt32();
        foreach (var a in root.GetProperty("analyses").EnumerateArray())
        {
            var groups = a.GetProperty("groups").EnumerateArray().Select(g => new Group(
                [.. g.GetProperty("values").EnumerateArray().Select(v => v.GetString()!)],
                Long(g.GetProperty("n")),
                Long(g.GetProperty("favourable")),
                g.GetProperty("scoringRate") is { ValueKind: JsonValueKind.Number } rate && Long(g.GetProperty("n")) is { } n ? (long)Math.Round(rate.GetDouble() * n) : null,
                g.GetProperty("suppression").ValueKind == JsonValueKind.String ? g.GetProperty("suppression").GetString() : null)).ToList();
            _analyses.Add(new Analysis([.. a.GetProperty("attributes").EnumerateArray().Select(v => v.GetString()!)], Long(a.GetProperty("unknown")), Long(a.GetProperty("unreported")), groups));
        }

        _attributes = _analyses.OrderByDescending(a => a.Attributes.Length).First().Attributes;
        _intersection = _attributes.Length > 1;
        if (!_intersection)
        {
            _attributes = [.. _analyses.Select(a => a.Attributes[0])];
        }

        _values = [.. _attributes.Select(name => _analyses.Single(a => a.Attributes.Length == 1 && a.Attributes[0] == name).Groups.Select(g => g.Values[0]).ToList())];
        foreach (var analysis in _analyses)
        {
            foreach (var g in analysis.Groups.Where(g => g.Suppression == "small-group"))
            {
                SmallGroups.Add(new SmallGroup(analysis.Attributes, g.Values));
            }

            foreach (var g in analysis.Groups.Where(g => g.Suppression == "earlier-report"))
            {
                EarlierReportGroups.Add(new SmallGroup(analysis.Attributes, g.Values));
            }
        }
    }

    public int K { get; }

    public List<SmallGroup> SmallGroups { get; } = [];

    /// <summary>Gets the groups withheld as in an earlier report (listed, so at least 1; their cells are not listed).</summary>
    public List<SmallGroup> EarlierReportGroups { get; } = [];

    /// <summary>The least and greatest size of the group over every population that publishes the same report.</summary>
    public (long Lower, long Upper) Bounds(SmallGroup group) => (Solve(group, maximise: false), Solve(group, maximise: true));

    private long Solve(SmallGroup target, bool maximise)
    {
        var model = new CpModel();
        var systems = _intersection
            ? [(Enumerable.Range(0, _attributes.Length).ToArray(), _analyses)]
            : _analyses.Where(a => a.Attributes.SequenceEqual(target.Attributes)).Select(a => (new[] { Array.IndexOf(_attributes, a.Attributes[0]) }, new List<Analysis> { a })).ToList();
        LinearExpr? objective = null;
        foreach (var (positions, analyses) in systems)
        {
            // Atoms: every combination of a listed value or unknown (null) on the system's attributes.
            var atoms = new List<(string?[] Values, IntVar N, IntVar F, IntVar M)>();
            foreach (var values in Combinations(positions))
            {
                if (_intersection && values.All(v => v is not null) && !InsideSmallSingle(values!) && !_analyses.Single(a => a.Attributes.Length == _attributes.Length).Groups.Any(g => g.Values.SequenceEqual(values!)))
                {
                    continue;   // not listed, and not inside a small group (whose cells are never listed): nobody scored has these values
                }

                var n = model.NewIntVar(0, _scored, "n");
                var f = model.NewIntVar(0, _scored, "f");
                var m = model.NewIntVar(0, _scored, "m");
                model.Add(f <= n);
                model.Add(m <= n);
                atoms.Add((values, n, f, m));
            }

            model.Add(LinearExpr.Sum(atoms.Select(x => x.N)) == _scored);
            foreach (var analysis in analyses)
            {
                var at = analysis.Attributes.Select(a => Array.IndexOf(_attributes, a)).ToArray();
                bool In(string?[] values, string[] group) => at.Select((p, i) => values[p] == group[i]).All(x => x);
                var unknown = atoms.Where(x => at.Any(p => x.Values[p] is null)).ToList();
                if (analysis.Unknown is { } u)
                {
                    model.Add(LinearExpr.Sum(unknown.Select(x => x.N)) == u);
                }

                if (analysis.Unreported is { } unreported)
                {
                    // Everyone not in a reported group.
                    var hidden = atoms.Where(x => !analysis.Groups.Any(g => g.N is not null && In(x.Values, g.Values)));
                    model.Add(LinearExpr.Sum(hidden.Select(x => x.N)) == unreported);
                }

                foreach (var g in analysis.Groups)
                {
                    var members = atoms.Where(x => In(x.Values, g.Values)).ToList();
                    var size = LinearExpr.Sum(members.Select(x => x.N));
                    if (g.N is { } count)
                    {
                        model.Add(size == count);
                    }

                    if (g.Favourable is { } favourable)
                    {
                        model.Add(LinearExpr.Sum(members.Select(x => x.F)) == favourable);
                    }

                    if (g.AboveMedian is { } above)
                    {
                        model.Add(LinearExpr.Sum(members.Select(x => x.M)) == above);
                    }

                    if (g.Suppression == "small-group")
                    {
                        model.Add(size >= 1);
                        model.Add(size <= K - 1);
                    }
                    else if (g.Suppression == "complementary")
                    {
                        model.Add(size >= K);
                    }
                    else if (g.Suppression == "earlier-report")
                    {
                        model.Add(size >= 1);
                    }

                    if (analysis.Attributes.SequenceEqual(target.Attributes) && g.Values.SequenceEqual(target.Values))
                    {
                        objective = size;
                    }
                }
            }
        }

        if (maximise)
        {
            model.Maximize(objective!);
        }
        else
        {
            model.Minimize(objective!);
        }

        var solver = new CpSolver { StringParameters = "num_workers:1,max_time_in_seconds:30" };
        var status = solver.Solve(model);
        status.Should().Be(CpSolverStatus.Optimal, $"the attacker must solve {target} exactly");
        return (long)solver.ObjectiveValue;
    }

    /// <summary>Whether a value of the combination is a small single-attribute group (docs/audit.md: its cells are not listed).</summary>
    private bool InsideSmallSingle(string[] values) =>
        values.Select((v, i) => _analyses.Single(a => a.Attributes.Length == 1 && a.Attributes[0] == _attributes[i]).Groups.Single(g => g.Values[0] == v).Suppression is "small-group" or "earlier-report").Any(x => x);

    private List<string?[]> Combinations(int[] positions)
    {
        var result = new List<string?[]> { new string?[_attributes.Length] };
        foreach (var p in positions)
        {
            result = [.. result.SelectMany(prefix => _values[p].Select(v => (string?)v).Append(null).Select(v =>
            {
                var next = (string?[])prefix.Clone();
                next[p] = v;
                return next;
            }))];
        }

        return result;
    }

    private static long? Long(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();

    internal sealed record Group(string[] Values, long? N, long? Favourable, long? AboveMedian, string? Suppression);

    internal sealed record Analysis(string[] Attributes, long? Unknown, long? Unreported, List<Group> Groups);

    internal sealed record SmallGroup(string[] Attributes, string[] Values)
    {
        public override string ToString() => string.Join(" x ", Attributes) + " '" + string.Join("/", Values) + "'";
    }
}
