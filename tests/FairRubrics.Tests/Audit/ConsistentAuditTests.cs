using System.Globalization;
using System.Text;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;
using Google.OrTools.Sat;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// Two audits of overlapping populations (#24 item 9, docs/audit.md "Across reports"): without
/// <see cref="AuditOptions.ConsistentWith"/> a reader who knows the newcomers subtracts them and finds a suppressed
/// group exactly; with it, the groups suppressed in the first report stay suppressed and neither the second report
/// alone nor the two together narrow the first report's small group.
/// </summary>
public sealed class ConsistentAuditTests
{
    private const int K = 5;
    private static readonly string[] Team = ["team"];

    // March: a has 4 (small), b 6 (withheld to protect it), c 7, d 8, e 40. April: the same people plus five
    // newcomers, two in a and three in b, so that a (6) and b (9) are large enough to be reported.
    private static readonly (string Team, int Count)[] March = [("a", 4), ("b", 6), ("c", 7), ("d", 8), ("e", 40)];
    private static readonly (string Team, bool Favourable)[] Newcomers = [("a", true), ("a", false), ("b", true), ("b", true), ("b", false)];

    public static TheoryData<int> Seeds() => RandomSeeds.UpTo(8);

    [Fact]
    public void Audit_SecondReportOverFivePeopleMore_WithoutConsistentWith_RevealsTheSuppressedGroupBySubtraction()
    {
        var march = Report(People(withNewcomers: false));
        var april = Report(People(withNewcomers: true));

        Group(march, "a").Suppression.Should().Be(SuppressionReason.SmallGroup);
        var a = Group(april, "a");
        a.Suppression.Should().Be(SuppressionReason.None, "a has 6 in April and nothing makes it small");

        // The reader subtracts the two newcomers of a (one favourable) and has March's small group exactly.
        var (size, favourable) = Truth(People(withNewcomers: false), "a");
        (a.N - Newcomers.Count(n => n.Team == "a")).Should().Be(size);
        (a.Favourable - Newcomers.Count(n => n.Team == "a" && n.Favourable)).Should().Be(favourable);
        new JointAttacker(Json(march), Json(april), Newcomers).Bounds("a").Should().Be((4L, 4L), "the exact integer attacker pins it too");
    }

    [Fact]
    public void Audit_ConsistentWithTheEarlierReport_KeepsItsSuppressedGroupsSuppressed_AndNeitherReportNorTheirDifferenceGivesThem()
    {
        var march = Report(People(withNewcomers: false));
        var earlier = Read(Json(march));

        var april = Report(People(withNewcomers: true), earlier);

        // b was withheld in March to protect a; were it reported now (9), 9 - 3 newcomers = 6 and March's
        // unreported 10 would give a = 4 again. Both stay withheld.
        Group(april, "a").Suppression.Should().Be(SuppressionReason.EarlierReport);
        Group(april, "b").Suppression.Should().Be(SuppressionReason.EarlierReport);
        Group(april, "a").N.Should().BeNull();
        april.ConsistentWith.Should().BeSameAs(earlier);

        // The April report alone: a (6 now) can be anything from 6 - (k - 2) to 6 + (k - 2).
        using (var json = JsonDocument.Parse(Json(april)))
        {
            var attack = new IntegerAttacker(json.RootElement);
            var group = attack.EarlierReportGroups.Single(g => g.Values[0] == "a");
            var (lower, upper) = attack.Bounds(group);
            lower.Should().BeLessThanOrEqualTo(6 - (K - 2));
            upper.Should().BeGreaterThanOrEqualTo(6 + (K - 2));
        }

        // Both reports and the newcomers: March's a is still anywhere in [1, k - 1], its favourable count not pinned.
        var joint = new JointAttacker(Json(march), Json(april), Newcomers);
        joint.Bounds("a").Should().Be((1L, K - 1L));
        var (fewest, most) = joint.FavourableBounds("a");
        fewest.Should().BeLessThan(most);
    }

    [Fact]
    public void Audit_ConsistentWith_WritesTheEarlierReportsSummaryAndTheReasonInEveryFormat()
    {
        var march = Report(People(withNewcomers: false));
        var april = Report(People(withNewcomers: true), Read(Json(march)));

        using var json = JsonDocument.Parse(Json(april));
        json.RootElement.GetProperty("consistentWith").GetProperty("scored").GetInt64().Should().Be(65);
        json.RootElement.TryGetProperty("baseline", out _).Should().BeFalse();
        var a = json.RootElement.GetProperty("analyses")[0].GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("values")[0].GetString() == "a");
        a.GetProperty("suppression").GetString().Should().Be("earlier-report");
        a.GetProperty("n").ValueKind.Should().Be(JsonValueKind.Null);
        AuditMarkdown.Render(april, "April").Should().Contain("| a | withheld as in the earlier report |");
        AuditHtml.Render(april, "April").Should().Contain("<td>a</td><td colspan=\"10\" class=\"muted\">withheld as in the earlier report</td>");

        // The report can itself be the next one's earlier report.
        Read(Json(april)).Find(Team)!.Find(["a"])!.Suppressed.Should().BeTrue();
    }

    [Fact]
    public void Audit_WithoutConsistentWith_WritesNoConsistentWithKey()
    {
        using var json = JsonDocument.Parse(Json(Report(People(withNewcomers: false))));
        json.RootElement.TryGetProperty("consistentWith", out _).Should().BeFalse();
    }

    [Fact]
    public void Audit_ConsistentWithAReportOfAnotherRubric_IsRefusedNamingTheFileAndBothRubrics()
    {
        var other = Json(Report(People(withNewcomers: false))).Replace("\"rubric\": \"audit-test\"", "\"rubric\": \"other-rubric\"", StringComparison.Ordinal);

        var act = () => Report(People(withNewcomers: true), PublishedAudit.Read(new MemoryStream(Encoding.UTF8.GetBytes(other)), "march.json"));

        act.Should().Throw<FairRubricsException>()
            .WithMessage("march.json: the earlier report to be consistent with is an audit of rubric 'other-rubric', but the results audited now are of rubric 'audit-test'*");
    }

    [Fact]
    public void Audit_BaselineAndConsistentWithTheSameReport_ComparesReportedGroupsAndKeepsSuppressedOnesSuppressed()
    {
        var earlier = Read(Json(Report(People(withNewcomers: false))));
        var options = AuditPopulation.Options(Team, intersect: false, minGroupSize: K);
        options.Baseline = earlier;
        options.ConsistentWith = earlier;

        var april = AuditPopulation.Report(Team, People(withNewcomers: true), options);

        Group(april, "a").Suppression.Should().Be(SuppressionReason.EarlierReport);
        Group(april, "a").Baseline.Should().BeNull("a suppressed group gains nothing");
        Group(april, "e").Baseline!.N.Should().Be(40);
        Group(april, "e").Change.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Audit_ConsistentWith_RandomPopulationsPlusFive_KeepEveryEarlierSuppressionAndEverySmallGroupsInterval(int seed)
    {
        var (attributes, people) = AuditPopulation.Random(seed, size: 80);
        var earlierReport = AuditPopulation.Report(attributes, people, AuditPopulation.Options(attributes, minGroupSize: K));
        var earlier = Read(AuditPopulation.Json(earlierReport));
        var random = new Random(seed);
        var more = people.Concat(Enumerable.Range(0, 5).Select(i => new AuditPerson(
            AuditPopulation.Scored("new" + i.ToString(CultureInfo.InvariantCulture), random.Next(2, 6)),
            [.. people[random.Next(people.Count)].Values],
            0))).ToList();
        var options = AuditPopulation.Options(attributes, minGroupSize: K);
        options.ConsistentWith = earlier;

        var report = AuditPopulation.Report(attributes, more, options);

        var context = $"seed {seed}";
        foreach (var analysis in earlier.Analyses)
        {
            var now = report.Analyses.Single(a => a.Attributes.SequenceEqual(analysis.Attributes));
            foreach (var then in analysis.Groups.Where(g => g.Suppressed))
            {
                now.Groups.Where(g => g.Values.SequenceEqual(then.Values)).Should().NotContain(g => !g.Suppressed, $"{context}: {string.Join("/", then.Values)} was suppressed");
            }
        }

        using var json = JsonDocument.Parse(AuditPopulation.Json(report));
        var attack = new IntegerAttacker(json.RootElement);
        foreach (var small in attack.SmallGroups)
        {
            attack.Bounds(small).Should().Be((1L, K - 1L), $"{context}: {small} must stay anywhere in [1, k - 1]");
        }

        foreach (var group in attack.EarlierReportGroups)
        {
            var (lower, upper) = attack.Bounds(group);
            upper.Should().BeGreaterThan(lower, $"{context}: {group} must not be pinned");
        }
    }

    private static List<AuditPerson> People(bool withNewcomers)
    {
        var people = new List<AuditPerson>();
        foreach (var (team, count) in March)
        {
            for (var i = 0; i < count; i++)
            {
                people.Add(new AuditPerson(AuditPopulation.Scored(string.Create(CultureInfo.InvariantCulture, $"{team}{i}"), i % 2 == 0 ? 4 : 2), [team], 0));
            }
        }

        if (withNewcomers)
        {
            for (var i = 0; i < Newcomers.Length; i++)
            {
                people.Add(new AuditPerson(AuditPopulation.Scored(string.Create(CultureInfo.InvariantCulture, $"new{i}"), Newcomers[i].Favourable ? 4 : 2), [Newcomers[i].Team], 0));
            }
        }

        return people;
    }

    private static (long Size, long Favourable) Truth(List<AuditPerson> people, string team)
    {
        var members = people.Where(p => p.Values[0] == team).ToList();
        return (members.Count, members.Count(p => p.Subject.Overall >= 3.5));
    }

    private static AuditReport Report(List<AuditPerson> people, PublishedAudit? consistentWith = null)
    {
        var options = AuditPopulation.Options(Team, intersect: false, minGroupSize: K);
        options.ConsistentWith = consistentWith;
        return AuditPopulation.Report(Team, people, options);
    }

    private static GroupResult Group(AuditReport report, string team) => report.Analyses[0].Groups.Single(g => g.Values[0] == team);

    private static string Json(AuditReport report) => AuditPopulation.Json(report);

    private static PublishedAudit Read(string json) => PublishedAudit.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "earlier.json");

    /// <summary>
    /// A reader of two single-attribute reports who knows the newcomers (their team and outcome): an integer program
    /// over March's groups and unknowns (n, favourable f ≤ n), with April's each group's March figures plus its
    /// newcomers. Every published figure of either report is an equation, and what the reasons say is known (a small
    /// group 1 to k − 1, a complementary one at least k, one withheld as in the earlier report at least 1). Solved
    /// exactly by CP-SAT. (Scoring rates are left out: the medians of the two reports differ, so they link nothing.)
    /// </summary>
    private sealed class JointAttacker(string march, string april, (string Team, bool Favourable)[] newcomers)
    {
        public (long Lower, long Upper) Bounds(string team) => (Solve(team, favourable: false, maximise: false), Solve(team, favourable: false, maximise: true));

        public (long Lower, long Upper) FavourableBounds(string team) => (Solve(team, favourable: true, maximise: false), Solve(team, favourable: true, maximise: true));

        private long Solve(string team, bool favourable, bool maximise)
        {
            using var first = JsonDocument.Parse(march);
            using var second = JsonDocument.Parse(april);
            var model = new CpModel();
            var total = second.RootElement.GetProperty("scored").GetInt64();
            var teams = first.RootElement.GetProperty("analyses")[0].GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("values")[0].GetString()!).ToList();
            var n = teams.ToDictionary(t => t, t => model.NewIntVar(0, total, "n" + t));
            var f = teams.ToDictionary(t => t, t => model.NewIntVar(0, total, "f" + t));
            var unknownN = model.NewIntVar(0, total, "nu");
            var unknownF = model.NewIntVar(0, total, "fu");
            foreach (var t in teams)
            {
                model.Add(f[t] <= n[t]);
            }

            model.Add(unknownF <= unknownN);
            Publish(model, first.RootElement, teams, t => n[t], t => f[t], unknownN);
            Publish(model, second.RootElement, teams, t => n[t] + newcomers.Count(x => x.Team == t), t => f[t] + newcomers.Count(x => x.Team == t && x.Favourable), unknownN);
            var objective = favourable ? f[team] : n[team];
            if (maximise)
            {
                model.Maximize(objective);
            }
            else
            {
                model.Minimize(objective);
            }

            var solver = new CpSolver { StringParameters = "num_workers:1,max_time_in_seconds:30" };
            solver.Solve(model).Should().Be(CpSolverStatus.Optimal);
            return (long)solver.ObjectiveValue;
        }

        private void Publish(CpModel model, JsonElement root, List<string> teams, Func<string, LinearExpr> size, Func<string, LinearExpr> favourableOf, IntVar unknown)
        {
            var k = root.GetProperty("minGroupSize").GetInt64();
            var analysis = root.GetProperty("analyses")[0];
            var groups = analysis.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("values")[0].GetString()!);
            groups.Keys.Should().BeEquivalentTo(teams, "the newcomers joined teams that were listed in March");
            model.Add(LinearExpr.Sum(teams.Select(size)) + unknown == root.GetProperty("scored").GetInt64());
            var hidden = new List<LinearExpr> { unknown };
            foreach (var t in teams)
            {
                var g = groups[t];
                if (g.GetProperty("n").ValueKind == JsonValueKind.Number)
                {
                    model.Add(size(t) == g.GetProperty("n").GetInt64());
                    model.Add(favourableOf(t) == g.GetProperty("favourable").GetInt64());
                    continue;
                }

                hidden.Add(size(t));
                switch (g.GetProperty("suppression").GetString())
                {
                    case "small-group":
                        model.Add(size(t) >= 1);
                        model.Add(size(t) <= k - 1);
                        break;
                    case "complementary":
                        model.Add(size(t) >= k);
                        break;
                    default:
                        model.Add(size(t) >= 1);
                        break;
                }
            }

            if (analysis.GetProperty("unknown").ValueKind == JsonValueKind.Number)
            {
                model.Add(unknown == analysis.GetProperty("unknown").GetInt64());
            }

            if (analysis.GetProperty("unreported").ValueKind == JsonValueKind.Number)
            {
                model.Add(LinearExpr.Sum(hidden) == analysis.GetProperty("unreported").GetInt64());
            }
        }
    }
}
