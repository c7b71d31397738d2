using System.Globalization;
using System.Text;
using FairRubrics.Cli.Output;

namespace FairRubrics.Cli.Demo;

/// <summary>
/// Generates a synthetic organisation: attributes and the evidence people produce. It models behaviour — how
/// much each person networks overtly, helps others, shares knowledge, and how well they deliver — never scores
/// or outcomes. One group (here, by gender) more often builds relationships by helping others and sharing
/// knowledge than by collecting contacts; delivery, quality and improvement do not depend on any attribute.
/// Deterministic for a given seed.
/// </summary>
internal sealed class SampleOrganisation
{
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly string[] Ethnicities = ["Asian", "Black", "Hispanic", "White", "Mixed or other"];
    private static readonly double[] EthnicityShares = [0.15, 0.13, 0.14, 0.52, 0.06];
    private static readonly string[] AgeBands = ["<30", "30-39", "40-49", "50+"];
    private static readonly string[] Departments = ["Engineering", "Operations", "Sales", "Support", "Finance"];

    private readonly Random _random;
    private readonly int _people;
    private long _evidenceId;

    public SampleOrganisation(int people, int seed)
    {
        _people = people;
        _random = new Random(seed);
    }

    public int EvidenceRows { get; private set; }

    /// <summary>
    /// The id of person <paramref name="index"/> (1-based) of <paramref name="people"/>: as wide as the largest (E0001,
    /// or E000001 for 100,000 people and more), so that the ids sort as written and <c>score</c> streams the evidence
    /// subject by subject.
    /// </summary>
    public static string SubjectId(int index, int people) =>
        "E" + index.ToString("D" + Math.Max(4, people.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes <c>attributes.csv</c>, <c>evidence.csv</c> and a README into a folder. The rows stream out person by
    /// person (one person's rows in memory), so any size up to the documented 1,000,000 people runs in the same memory;
    /// each file replaces its old content only when it is whole.
    /// </summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        using var attributesFile = AtomicFile.Create(Path.Combine(directory, "attributes.csv"));
        using var evidenceFile = AtomicFile.Create(Path.Combine(directory, "evidence.csv"));
        var attributes = new StringBuilder("subject,gender,ethnicity,age-band,department\n");
        var evidence = new StringBuilder("subject,type,competency,path,value,source,rater,date,id\n");
        var managers = Enumerable.Range(1, Math.Max(3, _people / 8)).Select(i => "M" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        for (var i = 1; i <= _people; i++)
        {
            var subject = SubjectId(i, _people);
            var person = NewPerson(subject, managers);
            attributes.Append(CultureInfo.InvariantCulture, $"{subject},{Unknown(person.Gender)},{Unknown(person.Ethnicity)},{Unknown(person.AgeBand)},{person.Department}\n");
            Evidence(person, evidence);
            Drain(attributes, attributesFile.Text, FlushAt);
            Drain(evidence, evidenceFile.Text, FlushAt);
        }

        Drain(attributes, attributesFile.Text, 0);
        Drain(evidence, evidenceFile.Text, 0);
        attributesFile.Commit();
        evidenceFile.Commit();
        AtomicFile.WriteAllText(Path.Combine(directory, "README.md"), Readme());
    }

    /// <summary>How many characters of rows gather before they are written out.</summary>
    private const int FlushAt = 1 << 15;

    private static void Drain(StringBuilder rows, TextWriter file, int atLeast)
    {
        if (rows.Length > atLeast)
        {
            file.Write(rows);
            rows.Clear();
        }
    }

    private string Unknown(string value) => _random.NextDouble() < 0.03 ? string.Empty : value;

    private Person NewPerson(string subject, string[] managers)
    {
        var r = _random.NextDouble();
        var gender = r < 0.47 ? "female" : r < 0.96 ? "male" : "non-binary";
        var ethnicity = Pick(Ethnicities, EthnicityShares);
        var age = AgeBands[_random.Next(AgeBands.Length)];
        var department = Departments[_random.Next(Departments.Length)];

        // How people build relationships: the behaviour differs by group, the ability to deliver does not.
        var networkerShare = gender switch { "male" => 0.60, "female" => 0.22, _ => 0.30 };
        var style = _random.NextDouble() < networkerShare ? Style.Networker : _random.NextDouble() < 0.5 ? Style.Helper : Style.Sharer;
        var ability = Normal();
        var activity = _random.NextDouble() < 0.04 ? 0.2 : 1.0;   // a few people leave little evidence (new joiners, long leave)
        return new Person(subject, gender, ethnicity, age, department, style, ability, activity, managers[_random.Next(managers.Length)]);
    }

    private void Evidence(Person p, StringBuilder sb)
    {
        // Ratings of delivery, quality and improvement follow ability, the same for every group.
        Ratings(p, sb, "delivery", "outcomes", p.Ability, peers: 2);
        Ratings(p, sb, "quality-of-work", "work-review", p.Ability, peers: 1);
        Ratings(p, sb, "continuous-improvement", "improvement-rating", p.Ability * 0.8, peers: 1);
        Occurrences(p, sb, "process-improvement", 1.5 + p.Ability);
        Occurrences(p, sb, "review-action-completed", 1 + (p.Ability * 0.5));

        // Relationships: what people do depends on how they build them.
        var networker = p.Style == Style.Networker;
        Occurrences(p, sb, "new-contact", networker ? 45 : 8);
        Occurrences(p, sb, "linkedin-connection", networker ? 30 : 5);
        Occurrences(p, sb, "networking-event-attended", networker ? 9 : 1.5);
        Occurrences(p, sb, "senior-leader-meeting", networker ? 5 : 0.8);
        Occurrences(p, sb, "mentoring", p.Style == Style.Helper ? 7 : 1.5);
        Occurrences(p, sb, "cross-team-help", p.Style == Style.Helper ? 6 : 1.5);
        Occurrences(p, sb, "onboarding-buddy", p.Style == Style.Helper ? 1.5 : 0.3);
        Occurrences(p, sb, "talk", p.Style == Style.Sharer ? 3 : 0.5);
        Occurrences(p, sb, "doc", p.Style == Style.Sharer ? 6 : 1);
        Occurrences(p, sb, "answered-question", p.Style == Style.Sharer ? 7 : 1.5);

        // How well people draw on their network to get things done, as raters see it: visible networkers a little higher.
        var network = (p.Ability * 0.5) + (networker ? 1.0 : 0);
        Ratings(p, sb, "relationships", "broad-network", network, peers: 1, report: true);
    }

    private void Ratings(Person p, StringBuilder sb, string competency, string path, double signal, int peers, bool report = false)
    {
        if (p.Activity < 1 && _random.NextDouble() < 0.6)
        {
            return;
        }

        Rating(p, sb, competency, path, signal, "manager", p.Manager);
        for (var i = 0; i < peers; i++)
        {
            Rating(p, sb, competency, path, signal, "peer", "P" + _random.Next(1, 400).ToString("D3", CultureInfo.InvariantCulture));
        }

        if (report && _random.NextDouble() < 0.5)
        {
            Rating(p, sb, competency, path, signal, "report", "R" + _random.Next(1, 400).ToString("D3", CultureInfo.InvariantCulture));
        }
    }

    private void Rating(Person p, StringBuilder sb, string competency, string path, double signal, string source, string rater)
    {
        var level = Math.Clamp((int)Math.Round(3 + (signal * 0.9) + (Normal() * 0.6), MidpointRounding.AwayFromZero), 1, 5);
        Row(sb, p.Subject, "rating", competency, path, level.ToString(CultureInfo.InvariantCulture), source, rater);
    }

    /// <summary>Occurrences over the year, as quarterly rows whose value is the number of items.</summary>
    private void Occurrences(Person p, StringBuilder sb, string type, double yearlyMean)
    {
        var mean = Math.Max(0, yearlyMean * p.Activity);
        for (var quarter = 0; quarter < 4; quarter++)
        {
            var count = Poisson(mean / 4);
            if (count > 0)
            {
                Row(sb, p.Subject, type, string.Empty, string.Empty, count.ToString(CultureInfo.InvariantCulture), "system", string.Empty, quarter);
            }
        }
    }

    private void Row(StringBuilder sb, string subject, string type, string competency, string path, string value, string source, string rater, int? quarter = null)
    {
        var daysBack = quarter is { } q ? (q * 91) + _random.Next(0, 91) : _random.Next(0, 330);
        var date = AsOf.AddDays(-daysBack);
        _evidenceId++;
        EvidenceRows++;
        sb.Append(CultureInfo.InvariantCulture, $"{subject},{type},{competency},{path},{value},{source},{rater},{date:yyyy-MM-dd},ev{_evidenceId:D6}\n");
    }

    private int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        // Knuth's method: fine for the small means used here.
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= _random.NextDouble();
        }

        return k;
    }

    private double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private string Pick(string[] values, double[] shares)
    {
        var r = _random.NextDouble();
        for (var i = 0; i < values.Length; i++)
        {
            r -= shares[i];
            if (r <= 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    private string Readme() => string.Create(CultureInfo.InvariantCulture, $"""
        # Synthetic sample organisation

        **This data is synthetic.** It was generated by `fairrubrics sample --people {_people}` and describes no real
        person. Every report made from it says so.

        - `attributes.csv`: `subject`, `gender`, `ethnicity`, `age-band`, `department` (about 3% of cells empty = unknown).
        - `evidence.csv`: ratings and occurrences dated in the year before {AsOf:yyyy-MM-dd} ({EvidenceRows} rows).

        The generator models behaviour, never outcomes: each person has an ability (the same distribution for every
        group) and a way of building professional relationships — collecting contacts and attending events, helping
        others succeed, or sharing knowledge. Men are modelled as networking overtly more often than women; delivery,
        quality and improvement do not depend on any attribute. A rubric that counts contacts therefore rewards one
        group's style; a rubric with alternative paths counts all three.
        """);

    private enum Style
    {
        Networker,
        Helper,
        Sharer,
    }

    private sealed record Person(string Subject, string Gender, string Ethnicity, string AgeBand, string Department, Style Style, double Ability, double Activity, string Manager);
}
