using System.Globalization;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// An attacker who reads only the audit JSON tries to work out a suppressed small group's size or favourable count
/// by subtraction, within an analysis and across the single-attribute and intersection analyses (PRODUCT.md 5.2:
/// "No suppressed figure may be derivable by subtraction from what the report publishes").
/// </summary>
public sealed class SuppressionAttackTests
{
    public static TheoryData<int> Seeds() => RandomSeeds.UpTo(40);

    public static TheoryData<int> IntegerSeeds() => RandomSeeds.UpTo(30);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Audit_Suppression_NoSmallGroupDerivableBySubtraction(int seed)
    {
        var (attributes, people) = AuditPopulation.Random(seed);
        var k = seed % 3 == 0 ? 3 : 5;
        var report = AuditPopulation.Report(attributes, people, AuditPopulation.Options(attributes, minGroupSize: k));
        using var json = JsonDocument.Parse(AuditPopulation.Json(report));

        var attack = new SubtractionAttacker(json.RootElement);
        var context = $"seed {seed}, k {k}";

        // Ground truth: every group with 1 to k - 1 scored subjects is published as a small-group suppression
        // (but for the cells of a small single-attribute group, which are not listed at all).
        var truth = TrueGroups(attributes, people).ToList();
        foreach (var (analysisAttributes, values, scored) in truth)
        {
            if (scored > 0 && scored < k && !InsideSmallSingle(truth, analysisAttributes, values, k))
            {
                attack.Suppression(analysisAttributes, values).Should().Be("small-group", $"{context}: {string.Join("/", values)} has {scored} scored");
            }
        }

        attack.SmallGroups.Should().NotBeEmpty(context + ": the population must have something to protect");
        foreach (var residual in attack.Residuals.Where(r => r.ContainsSuppressed))
        {
            residual.Value.Should().BeGreaterThanOrEqualTo(k, $"{context}: {residual.What} contains a suppressed group, so it must hold at least k subjects");
        }

        foreach (var small in attack.SmallGroups)
        {
            attack.SizeDerivable(small).Should().BeFalse($"{context}: the size of {small} is derivable");
            attack.FavourableDerivable(small).Should().BeFalse($"{context}: the favourable count of {small} is derivable");
        }
    }

    [Fact]
    public void Audit_Suppression_SingleHiddenCellInALine_IsNotDerivable()
    {
        // No unknowns, so every slice total is the exact sum of its cells. (female, c) has 2 people: its row
        // hides (female, b) too and its column (male, c). Column b then hides (female, b) alone: n(b) minus
        // (male, b) gives (female, b) exactly, and row female minus its reported cell minus that gives (female, c).
        var people = new List<AuditPerson>();
        void Cell(string gender, string ethnicity, int count, int favourable)
        {
            for (var i = 0; i < count; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{gender}-{ethnicity}-{i}");
                people.Add(new AuditPerson(AuditPopulation.Scored(id, i < favourable ? 4 : 2), [gender, ethnicity], 0));
            }
        }

        Cell("female", "a", 10, 4);
        Cell("female", "b", 6, 3);
        Cell("female", "c", 2, 1);
        Cell("male", "a", 10, 5);
        Cell("male", "b", 10, 5);
        Cell("male", "c", 7, 3);
        string[] attributes = ["gender", "ethnicity"];

        var report = AuditPopulation.Report(attributes, people);
        using var json = JsonDocument.Parse(AuditPopulation.Json(report));
        var attack = new SubtractionAttacker(json.RootElement);

        attack.SmallGroups.Should().ContainSingle();
        attack.SizeDerivable(attack.SmallGroups[0]).Should().BeFalse();
        attack.FavourableDerivable(attack.SmallGroups[0]).Should().BeFalse();
    }

    [Fact]
    public void Audit_Suppression_GroupWithoutScoredSubjects_DoesNotRevealItHasNone()
    {
        // 'non-binary' has two people, both with insufficient evidence: publishing 'unreported: 0' would say so.
        var people = new List<AuditPerson>();
        for (var i = 0; i < 30; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"p{i}");
            people.Add(new AuditPerson(AuditPopulation.Scored(id, i % 3 == 0 ? 4 : 2), [i % 2 == 0 ? "female" : "male"], 0));
        }

        people.Add(new AuditPerson(AuditPopulation.Insufficient("q1"), ["non-binary"], 0));
        people.Add(new AuditPerson(AuditPopulation.Insufficient("q2"), ["non-binary"], 0));
        string[] attributes = ["gender"];

        var report = AuditPopulation.Report(attributes, people, AuditPopulation.Options(attributes, intersect: false));
        var text = AuditPopulation.Json(report);

        // Not listed at all, not even as suppressed (#17 item 2): nothing in the report names the combination.
        report.Analyses.Single().Groups.Select(g => g.Values[0]).Should().BeEquivalentTo(["female", "male"]);
        text.Should().NotContain("non-binary");
        report.Analyses.Single().Unknown.Should().Be(0, "with nothing suppressed, the unknown count is published, and it counts scored subjects only");
    }

    [Theory]
    [MemberData(nameof(IntegerSeeds))]
    public void Audit_Suppression_IntegerAttackerCannotNarrowAnySmallGroup(int seed)
    {
        var (attributes, people) = AuditPopulation.Random(seed, attributeCount: seed % 2 == 0 ? 3 : 2);
        var k = seed % 3 == 0 ? 3 : 5;
        if (seed % 4 != 1)
        {
            // A reported group whose members all fall in small cells (as in issue #17): 'Y' has k to k + 2 members,
            // spread one by one over the other attributes' values.
            var count = k + (seed % 3);
            for (var i = 0; i < count; i++)
            {
                var values = new string?[attributes.Length];
                values[0] = "Y";
                var spread = i;
                for (var a = 1; a < attributes.Length; a++)
                {
                    var others = people.Select(p => p.Values[a]).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                    values[a] = others[spread % others.Length];
                    spread /= others.Length;
                }

                var id = string.Create(CultureInfo.InvariantCulture, $"y{i}");
                people.Add(new AuditPerson(AuditPopulation.Scored(id, i % 2 == 0 ? 4 : 2), values, 0));
            }
        }

        var intersect = seed % 10 != 7;
        var report = AuditPopulation.Report(attributes, people, AuditPopulation.Options(attributes, intersect, minGroupSize: k));
        var context = $"seed {seed}, k {k}, {attributes.Length} attributes{(intersect ? ", intersect" : string.Empty)}";
        AssertEverySmallGroupSpansTheInterval(report, context);

        using var json = JsonDocument.Parse(AuditPopulation.Json(report));
        var listed = json.RootElement.GetProperty("analyses").EnumerateArray()
            .SelectMany(a => a.GetProperty("groups").EnumerateArray().Select(g => (
                string.Join(" x ", a.GetProperty("attributes").EnumerateArray().Select(v => v.GetString())),
                string.Join("/", g.GetProperty("values").EnumerateArray().Select(v => v.GetString())))))
            .ToHashSet();
        var truth = TrueGroups(attributes, people).Where(g => intersect || g.Attributes.Length == 1).ToList();
        foreach (var (analysisAttributes, values, scored) in truth)
        {
            listed.Contains((string.Join(" x ", analysisAttributes), string.Join("/", values))).Should().Be(
                scored > 0 && !InsideSmallSingle(truth, analysisAttributes, values, k),
                $"{context}: {string.Join("/", values)} has {scored} scored; only combinations with a scored member outside a small single-attribute group are listed");
        }
    }

    [Fact]
    public void Audit_Suppression_IssueSeventeenCase_GroupSpreadOverSmallCellsIsNotPinned()
    {
        // The case of issue #17: 300,000 people by gender x ethnicity x age with the intersection, k = 5. Gender 'Y'
        // has 6 people and ethnicity 'Z' 5, each person alone in a cell; nobody has an unknown value. Publishing 'Y'
        // with n = 6 beside its six small cells told that each held exactly one person.
        var random = new Random(17);
        string[] genders = ["female", "male"];
        string[] ethnicities = ["Asian", "Black", "Hispanic", "White", "Mixed"];
        string[] ages = ["<30", "30-39", "40-49", "50+"];
        var people = new List<AuditPerson>(300_000);
        void Add(string gender, string ethnicity, string age)
        {
            var id = "p" + people.Count.ToString(CultureInfo.InvariantCulture);
            var subject = random.Next(40) == 0 ? AuditPopulation.Insufficient(id) : AuditPopulation.Scored(id, 1 + (random.Next(9) / 2.0));
            people.Add(new AuditPerson(subject, [gender, ethnicity, age], 0));
        }

        for (var i = 0; i < 6; i++)
        {
            Add("Y", ethnicities[i % ethnicities.Length], ages[(i / ethnicities.Length) + 1]);
        }

        for (var i = 0; i < 5; i++)
        {
            Add(genders[i % 2], "Z", ages[i % ages.Length]);
        }

        while (people.Count < 300_000)
        {
            Add(genders[random.Next(2)], ethnicities[random.Next(ethnicities.Length)], ages[random.Next(ages.Length)]);
        }

        string[] attributes = ["gender", "ethnicity", "age"];
        var report = AuditPopulation.Report(attributes, people, AuditPopulation.Options(attributes, intersect: true, minGroupSize: 5));

        var attack = AssertEverySmallGroupSpansTheInterval(report, "issue #17");
        // Y's cells are listed as small; Z is small itself, so its cells are not listed at all.
        attack.SmallGroups.Select(g => string.Join("/", g.Values)).Should().Contain(["Y/Asian/30-39", "Z"]).And.NotContain("female/Z/<30");
        report.Analyses.Single(a => a.Attributes.Count == 3).Groups.Count(g => !g.Suppressed).Should().BeGreaterThan(30, "the large cells stay reported");
    }

    [Fact]
    public void Audit_Suppression_SingleAnalysisWithTwoSmallGroups_LeavesEachTheWholeInterval()
    {
        // Without an intersection each analysis stands alone: 'a' (1) and 'b' (2) are small and nobody is unknown;
        // 'c' (6) is withheld to protect them, but then 'unreported' = 9 with c >= 5 would leave a + b <= 4 and
        // neither could be 4 (k - 1): more must be withheld.
        var people = new List<AuditPerson>();
        void Group(string value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{value}{i}");
                people.Add(new AuditPerson(AuditPopulation.Scored(id, i % 2 == 0 ? 4 : 2), [value], 0));
            }
        }

        Group("a", 1);
        Group("b", 2);
        Group("c", 6);
        Group("d", 7);
        Group("e", 40);
        string[] attributes = ["team"];
        var report = AuditPopulation.Report(attributes, people, AuditPopulation.Options(attributes, intersect: false));

        AssertEverySmallGroupSpansTheInterval(report, "one analysis").SmallGroups.Should().HaveCount(2);
    }

    /// <summary>The integer attacker bounds every small group from the report's JSON alone; each must span [1, k - 1].</summary>
    private static IntegerAttacker AssertEverySmallGroupSpansTheInterval(AuditReport report, string context)
    {
        using var json = JsonDocument.Parse(AuditPopulation.Json(report));
        var attack = new IntegerAttacker(json.RootElement);
        foreach (var small in attack.SmallGroups)
        {
            attack.Bounds(small).Should().Be((1L, (long)attack.K - 1), $"{context}: the size of {small} must stay anywhere in [1, k - 1]");
        }

        return attack;
    }

    /// <summary>Whether a cell of the intersection has a value whose single-attribute group has 1 to k - 1 scored.</summary>
    private static bool InsideSmallSingle(List<(string[] Attributes, string[] Values, int Scored)> truth, string[] attributes, string[] values, int k) =>
        attributes.Length > 1 && attributes.Select((a, i) => truth.Single(t => t.Attributes.Length == 1 && t.Attributes[0] == a && t.Values[0] == values[i]).Scored).Any(n => n > 0 && n < k);

    private static IEnumerable<(string[] Attributes, string[] Values, int Scored)> TrueGroups(string[] attributes, List<AuditPerson> people)
    {
        var analyses = Enumerable.Range(0, attributes.Length).Select(i => new[] { i }).Append([.. Enumerable.Range(0, attributes.Length)]);
        foreach (var positions in analyses)
        {
            var groups = people
                .Where(p => positions.All(i => p.Values[i] is not null))
                .GroupBy(p => string.Join("\u001F", positions.Select(i => p.Values[i])), StringComparer.Ordinal);
            foreach (var g in groups)
            {
                yield return ([.. positions.Select(i => attributes[i])], [.. positions.Select(i => g.First().Values[i]!)], g.Count(p => p.Subject.Scored));
            }
        }
    }
}

/// <summary>
/// Everything an attacker can compute from the audit JSON by adding and subtracting published figures. The unknowns
/// are the counts of the finest cells (one value or "unknown" per attribute); every published n, favourable, unknown
/// and unreported figure, and the scored total, is a linear equation over them. A figure is derivable exactly when
/// its equation is a linear combination of the published ones (Gaussian elimination modulo a prime, which finds
/// every rational combination). Cells that do not appear in the intersection have no subjects; a published or
/// derived count of 0 makes each of its cells 0 (and their favourable counts 0).
/// </summary>
/// <remarks>
/// Not modelled: a reported group whose favourable count is 0 or equals its n tells that every member of it, in
/// suppressed cells too, had that outcome. That is inherent in publishing any rate of 0% or 100% (it says the same
/// of every member of the reported group itself), not something suppression by subtraction could prevent.
/// </remarks>
internal sealed class SubtractionAttacker
{
    private const long Prime = 2147483647;

    private readonly string[] _attributes;
    private readonly List<string>[] _values;
    private readonly int _atoms;
    private readonly List<Analysis> _analyses = [];
    private readonly Dictionary<int, long[]> _basis = [];

    public SubtractionAttacker(JsonElement root)
    {
        var scored = root.GetProperty("scored").GetInt64();
        foreach (var a in root.GetProperty("analyses").EnumerateArray())
        {
            var groups = a.GetProperty("groups").EnumerateArray().Select(g => new Group(
                [.. g.GetProperty("values").EnumerateArray().Select(v => v.GetString()!)],
                Long(g.GetProperty("n")),
                Long(g.GetProperty("favourable")),
                g.GetProperty("suppression").ValueKind == JsonValueKind.String ? g.GetProperty("suppression").GetString() : null)).ToList();
            _analyses.Add(new Analysis([.. a.GetProperty("attributes").EnumerateArray().Select(v => v.GetString()!)], Long(a.GetProperty("unknown")), Long(a.GetProperty("unreported")), groups));
        }

        _attributes = _analyses.OrderByDescending(a => a.Attributes.Length).First().Attributes;
        _values = [.. _attributes.Select(name => _analyses.Single(a => a.Attributes.Length == 1 && a.Attributes[0] == name).Groups.Select(g => g.Values[0]).ToList())];
        _atoms = _values.Aggregate(1, (product, v) => product * (v.Count + 1));

        var equations = new List<(bool[] Atoms, long Value, bool Favourable)> { (All(), scored, false) };
        foreach (var analysis in _analyses)
        {
            var positions = analysis.Attributes.Select(a => Array.IndexOf(_attributes, a)).ToArray();
            foreach (var g in analysis.Groups)
            {
                var atoms = Atoms(positions, g.Values);
                if (g.N is { } n)
                {
                    equations.Add((atoms, n, false));
                }

                if (g.Favourable is { } f)
                {
                    equations.Add((atoms, f, true));
                }

                if (g.Suppression == "small-group")
                {
                    SmallGroups.Add(new SmallGroup(analysis.Attributes, g.Values, atoms));
                }
            }

            var unknown = UnknownAtoms(positions);
            if (analysis.Unknown is { } u)
            {
                equations.Add((unknown, u, false));
            }

            // Everyone not in a reported group: suppressed groups, unknowns and cells that are not listed.
            var hidden = analysis.Groups.Where(g => g.Suppression is null).Aggregate(All(), (set, g) => set.Zip(Atoms(positions, g.Values), (h, x) => h && !x).ToArray());
            if (analysis.Unreported is { } unreported)
            {
                equations.Add((hidden, unreported, false));
            }

            // Residual 1: the scored total minus the reported groups minus the published unknown.
            var residual = scored - analysis.Groups.Sum(g => g.N ?? 0) - (analysis.Unknown ?? 0);
            Residuals.Add(new Residual($"{string.Join(" x ", analysis.Attributes)}: scored - reported groups - unknown", residual, analysis.Groups.Any(g => g.Suppression is not null)));
            equations.Add((analysis.Unknown is null ? hidden : hidden.Zip(unknown, (h, x) => h && !x).ToArray(), residual, false));

            if (analysis.Attributes.Length == _attributes.Length && _attributes.Length > 1)
            {
                // Cells missing from the intersection have nobody in them.
                // (The cells of a small single-attribute group are never listed, so nothing is known of them.)
                var listed = new HashSet<int>(analysis.Groups.Select(g => Indexes(Atoms(positions, g.Values)).Single()));
                var small = _attributes.Select((name, i) => _analyses.Single(s => s.Attributes.Length == 1 && s.Attributes[0] == name).Groups.Where(g => g.Suppression == "small-group").Select(g => _values[i].IndexOf(g.Values[0])).ToHashSet()).ToArray();
                for (var atom = 0; atom < _atoms; atom++)
                {
                    var digits = Decode(atom);
                    if (!listed.Contains(atom) && !digits.Contains(-1) && !digits.Select((d, i) => small[i].Contains(d)).Any(x => x))
                    {
                        equations.Add((Single(atom), 0, false));
                    }
                }

                // Residual 2: a reported single-attribute group minus the reported cells of its slice.
                foreach (var single in _analyses.Where(s => s.Attributes.Length == 1))
                {
                    var position = Array.IndexOf(_attributes, single.Attributes[0]);
                    foreach (var margin in single.Groups.Where(m => m.N is not null))
                    {
                        var slice = analysis.Groups.Where(c => c.Values[position] == margin.Values[0]).ToList();
                        var value = margin.N!.Value - slice.Sum(c => c.N ?? 0);
                        var atoms = Atoms([position], margin.Values);
                        foreach (var cell in slice.Where(c => c.N is not null))
                        {
                            atoms = atoms.Zip(Atoms(positions, cell.Values), (m, c) => m && !c).ToArray();
                        }

                        Residuals.Add(new Residual($"{single.Attributes[0]} '{margin.Values[0]}' minus the reported cells of its slice", value, slice.Any(c => c.Suppression is not null)));
                        equations.Add((atoms, value, false));
                    }
                }
            }
        }

        foreach (var (atoms, value, favourable) in equations)
        {
            Add(Row(atoms, favourable));
            if (value == 0 && !favourable)
            {
                foreach (var atom in Indexes(atoms))
                {
                    Add(Unit(atom));
                    Add(Unit(atom + _atoms));
                }
            }
        }
    }

    public List<SmallGroup> SmallGroups { get; } = [];

    public List<Residual> Residuals { get; } = [];

    public string? Suppression(string[] attributes, string[] values) =>
        _analyses.Single(a => a.Attributes.SequenceEqual(attributes)).Groups.Single(g => g.Values.SequenceEqual(values)).Suppression;

    public bool SizeDerivable(SmallGroup group) => InSpan(Row(group.Atoms, favourable: false));

    public bool FavourableDerivable(SmallGroup group) => InSpan(Row(group.Atoms, favourable: true));

    private static long? Long(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();

    private static IEnumerable<int> Indexes(bool[] atoms) => Enumerable.Range(0, atoms.Length).Where(i => atoms[i]);

    private bool[] All() => Enumerable.Repeat(true, _atoms).ToArray();

    private bool[] Single(int atom)
    {
        var atoms = new bool[_atoms];
        atoms[atom] = true;
        return atoms;
    }

    /// <summary>The value index per attribute of an atom, -1 for unknown.</summary>
    private int[] Decode(int atom)
    {
        var result = new int[_attributes.Length];
        for (var i = _attributes.Length - 1; i >= 0; i--)
        {
            var radix = _values[i].Count + 1;
            var digit = atom % radix;
            result[i] = digit == _values[i].Count ? -1 : digit;
            atom /= radix;
        }

        return result;
    }

    private bool[] Atoms(int[] positions, string[] values)
    {
        var wanted = positions.Select((p, i) => _values[p].IndexOf(values[i])).ToArray();
        return [.. Enumerable.Range(0, _atoms).Select(atom =>
        {
            var digits = Decode(atom);
            return positions.Select((p, i) => digits[p] == wanted[i]).All(x => x);
        })];
    }

    private bool[] UnknownAtoms(int[] positions) =>
        [.. Enumerable.Range(0, _atoms).Select(atom => positions.Any(p => Decode(atom)[p] == -1))];

    private long[] Row(bool[] atoms, bool favourable)
    {
        var row = new long[2 * _atoms];
        foreach (var atom in Indexes(atoms))
        {
            row[atom + (favourable ? _atoms : 0)] = 1;
        }

        return row;
    }

    private long[] Unit(int variable)
    {
        var row = new long[2 * _atoms];
        row[variable] = 1;
        return row;
    }

    private void Add(long[] row)
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
            reduced[c] = reduced[c] * inverse % Prime;
        }

        _basis[pivot] = reduced;
    }

    private bool InSpan(long[] row) => Reduce(row).All(x => x == 0);

    private long[] Reduce(long[] row)
    {
        var v = (long[])row.Clone();
        for (var c = 0; c < v.Length; c++)
        {
            if (v[c] == 0 || !_basis.TryGetValue(c, out var b))
            {
                continue;
            }

            var factor = v[c];
            for (var j = c; j < v.Length; j++)
            {
                if (b[j] != 0)
                {
                    v[j] = (v[j] - (factor * b[j] % Prime) + Prime) % Prime;
                }
            }
        }

        return v;
    }

    private static long Power(long x, long e)
    {
        long result = 1;
        x %= Prime;
        while (e > 0)
        {
            if ((e & 1) == 1)
            {
                result = result * x % Prime;
            }

            x = x * x % Prime;
            e >>= 1;
        }

        return result;
    }

    internal sealed record Group(string[] Values, long? N, long? Favourable, string? Suppression);

    internal sealed record Analysis(string[] Attributes, long? Unknown, long? Unreported, List<Group> Groups);

    internal sealed record SmallGroup(string[] Attributes, string[] Values, bool[] Atoms)
    {
        public override string ToString() => string.Join(" x ", Attributes) + " '" + string.Join("/", Values) + "'";
    }

    internal sealed record Residual(string What, long Value, bool ContainsSuppressed);
}
