using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

public sealed class AuditMergeTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Audit_MergedPartitions_MatchSinglePass(int seed)
    {
        var (attributes, people) = AuditPopulation.Random(seed, size: 600);
        var options = AuditPopulation.Options(attributes);
        var single = AuditPopulation.Accumulate(attributes, people);
        AddRatings(single, people);

        // One accumulator per business unit, merged into an empty one in an arbitrary order.
        var merged = new AuditAccumulator(attributes, intersect: true);
        foreach (var unit in people.GroupBy(p => p.Unit).OrderByDescending(g => g.Key))
        {
            var partition = AuditPopulation.Accumulate(attributes, unit);
            AddRatings(partition, [.. unit]);
            merged.Merge(partition);
        }

        var expected = new BiasAuditor().Report(single, options);
        var actual = new BiasAuditor().Report(merged, options);

        expected.Findings.Should().NotBeEmpty("the population must exercise the checks");
        actual.Findings.Select(f => (f.Id, f.Severity, string.Join("/", f.Attributes), string.Join("/", f.Values), f.Competency, f.Path, f.Rater))
            .Should().Equal(expected.Findings.Select(f => (f.Id, f.Severity, string.Join("/", f.Attributes), string.Join("/", f.Values), f.Competency, f.Path, f.Rater)));
        using var a = JsonDocument.Parse(AuditPopulation.Json(actual));
        using var e = JsonDocument.Parse(AuditPopulation.Json(expected));
        SameJson(a.RootElement, e.RootElement, "$");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void Accumulator_WithIntersection_DerivesTheSameSingleAttributeGroupsFromItsCells(int seed)
    {
        // With an intersection, subjects are added once to their cell and the analyses derived from the cells;
        // without, to each analysis' group. Both must give the same single-attribute figures.
        var (attributes, people) = AuditPopulation.Random(seed, size: 700, attributeCount: 3);
        var cells = new AuditAccumulator(attributes, intersect: true);
        var groups = new AuditAccumulator(attributes, intersect: false);
        foreach (var person in people)
        {
            cells.Add(person.Subject, person.Values);
            groups.Add(person.Subject, person.Values);
        }

        for (var a = 0; a < attributes.Length; a++)
        {
            cells.UnknownAll[a].Should().Be(groups.UnknownAll[a]);
            cells.UnknownScored[a].Should().Be(groups.UnknownScored[a]);
            Figures(cells.Groups[a]).Should().Equal(Figures(groups.Groups[a]));
        }

        cells.Groups[attributes.Length].Values.Sum(g => g.Subjects).Should().Be(cells.Subjects - cells.UnknownAll[attributes.Length]);
        cells.UnknownPatterns!.Values.Sum(p => p.Subjects).Should().Be(cells.UnknownAll[attributes.Length]);
    }

    [Fact]
    public void Accumulator_WithIntersection_ReadAgainAfterMoreSubjects_CountsThemToo()
    {
        var (attributes, people) = AuditPopulation.Random(4, size: 200, attributeCount: 2);
        var accumulator = new AuditAccumulator(attributes, intersect: true);
        foreach (var person in people.Take(100))
        {
            accumulator.Add(person.Subject, person.Values);
        }

        var before = accumulator.Groups[0].Values.Sum(g => g.Subjects) + accumulator.UnknownAll[0];
        foreach (var person in people.Skip(100))
        {
            accumulator.Add(person.Subject, person.Values);
        }

        before.Should().Be(100);
        (accumulator.Groups[0].Values.Sum(g => g.Subjects) + accumulator.UnknownAll[0]).Should().Be(200);
    }

    /// <summary>Each group's values, counts, and moments rounded to 12 digits (cells merge moments in another order).</summary>
    private static List<string> Figures(Dictionary<string, AuditAccumulator.GroupStats> groups) =>
        [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Join(
            "|",
            g.Key,
            g.Value.Subjects,
            g.Value.Scored,
            g.Value.InsufficientSubjects,
            string.Join(",", g.Value.Bands.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Key + "=" + b.Value)),
            g.Value.Overall.Count,
            g.Value.Overall.Mean.ToString("G12", System.Globalization.CultureInfo.InvariantCulture),
            (g.Value.Overall.StandardDeviation ?? double.NaN).ToString("G12", System.Globalization.CultureInfo.InvariantCulture),
            string.Join(",", g.Value.CompetencyInsufficient),
            string.Join(",", g.Value.CompetencyLevels.Select(m => m.Count + ":" + m.Mean.ToString("G12", System.Globalization.CultureInfo.InvariantCulture))),
            string.Join(",", g.Value.PathWins.OrderBy(p => p.Key.Competency).ThenBy(p => p.Key.Path, StringComparer.Ordinal).Select(p => p.Key.Path + "=" + p.Value))))];

    [Fact]
    public void Audit_WithoutFavourableBands_IsRejected()
    {
        var (attributes, people) = AuditPopulation.Random(5, size: 50);
        var options = new AuditOptions();
        options.Attributes.Add(attributes[0]);

        var act = () => new BiasAuditor().Report(AuditPopulation.Accumulate(attributes, people), options);

        act.Should().Throw<ArgumentException>().WithMessage("*FavourableBands*");
    }

    [Fact]
    public void Audit_IntersectionGroups_StayApartWhateverTheirValuesContain()
    {
        // Joined with a separator, ("a\u001Fb", "c") and ("a", "b\u001Fc") would be one group.
        var accumulator = new AuditAccumulator(["x", "y"], intersect: true);
        for (var i = 0; i < 6; i++)
        {
            accumulator.Add(AuditPopulation.Scored("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 4), ["a\u001Fb", "c"]);
            accumulator.Add(AuditPopulation.Scored("q" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 2), ["a", "b\u001Fc"]);
        }

        var report = new BiasAuditor().Report(accumulator, AuditPopulation.Options(["x", "y"]));

        report.Analyses[2].Groups.Select(g => (g.Values[0], g.Values[1], g.N, g.Favourable))
            .Should().Equal(("a", "b\u001Fc", (long?)6, (long?)0), ("a\u001Fb", "c", (long?)6, (long?)6));
    }

    [Fact]
    public void Audit_AttributeNamedTwice_IsRejected()
    {
        var act = () => new AuditAccumulator(["gender", "gender"], intersect: true);

        act.Should().Throw<ArgumentException>().WithMessage("*named twice*");
    }

    [Fact]
    public void Audit_MergeOfDifferentAudits_IsRejected()
    {
        var a = new AuditAccumulator(["gender"], intersect: false);
        var b = new AuditAccumulator(["ethnicity"], intersect: false);

        a.Invoking(x => x.Merge(b)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Audit_Json_IsByteIdenticalInEveryCulture()
    {
        var (attributes, people) = AuditPopulation.Random(21, size: 200);
        string Run()
        {
            var accumulator = AuditPopulation.Accumulate(attributes, people);
            AddRatings(accumulator, people);
            var report = new BiasAuditor().Report(accumulator, AuditPopulation.Options(attributes));
            return AuditPopulation.Json(report) + AuditMarkdown.Render(report) + AuditHtml.Render(report);
        }

        string invariant;
        using (new CultureScope("en-US"))
        {
            invariant = Run();
        }

        invariant.Should().Contain("0.").And.Contain("FR20");
        foreach (var culture in new[] { "tr-TR", "de-DE", "ar-SA" })
        {
            using var scope = new CultureScope(culture);
            Run().Should().Be(invariant, culture);
        }
    }

    /// <summary>Each person rated twice by their unit's rater; the rater in unit 0 rates the first gender value lower.</summary>
    private static void AddRatings(AuditAccumulator accumulator, List<AuditPerson> people)
    {
        foreach (var p in people)
        {
            var rater = "rater-" + p.Unit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var low = p.Unit == 0 && p.Values[0] == "female" ? 1 : 0;
            accumulator.AddRating(new AuditRating(p.Subject.Subject, rater, 3 - low + (p.Subject.Subject.Length % 2)), p.Values);
            accumulator.AddRating(new AuditRating(p.Subject.Subject, rater, 4 - low), p.Values);
        }
    }

    /// <summary>Integers exactly, other numbers to 1e-12 relative, everything else exactly.</summary>
    private static void SameJson(JsonElement actual, JsonElement expected, string path)
    {
        actual.ValueKind.Should().Be(expected.ValueKind, path);
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                actual.EnumerateObject().Select(p => p.Name).Should().Equal(expected.EnumerateObject().Select(p => p.Name), path);
                foreach (var property in expected.EnumerateObject())
                {
                    SameJson(actual.GetProperty(property.Name), property.Value, path + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                actual.GetArrayLength().Should().Be(expected.GetArrayLength(), path);
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    SameJson(actual[i], expected[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number when expected.TryGetInt64(out var count) && actual.TryGetInt64(out _):
                actual.GetInt64().Should().Be(count, path);
                break;
            case JsonValueKind.Number:
                var x = expected.GetDouble();
                actual.GetDouble().Should().BeApproximately(x, Math.Max(Math.Abs(x) * 1e-12, 1e-300), path);
                break;
            case JsonValueKind.String when path.EndsWith(".message", StringComparison.Ordinal):
                break;   // rounded numbers in words; the findings themselves are compared above
            default:
                actual.GetRawText().Should().Be(expected.GetRawText(), path);
                break;
        }
    }
}
