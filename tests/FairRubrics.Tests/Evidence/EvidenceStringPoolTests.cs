using System.Text;
using FairRubrics.Evidence;

namespace FairRubrics.Tests.Evidence;

public sealed class EvidenceStringPoolTests
{
    [Fact]
    public void Pool_EqualValues_ShareOneInstance()
    {
        var pool = new EvidenceStringPool();
        var first = pool.Intern(new string("mentoring".AsSpan()));
        var second = pool.Intern(new string("mentoring".AsSpan()));

        second.Should().BeSameAs(first);
        pool.Intern(null).Should().BeNull();
        pool.Intern("Mentoring").Should().NotBeSameAs(first, "values are compared ordinally");
    }

    [Fact]
    public void Pool_BeyondMaxEntries_ReturnsNewValuesAsTheyAre()
    {
        var pool = new EvidenceStringPool();
        for (var i = 0; i < EvidenceStringPool.MaxEntries; i++)
        {
            pool.Intern("v" + i);
        }

        var late = "late" + 1;
        pool.Intern(late).Should().BeSameAs(late);
        pool.Intern("late" + 1).Should().NotBeSameAs(late, "a full pool keeps no new values");
        pool.Intern("v" + 0).Should().Be("v0");
    }

    [Fact]
    public void Pool_FullPool_AsciiValueRepeatedInNearbyRows_IsOneInstance()
    {
        var pool = new EvidenceStringPool();
        for (var i = 0; i < EvidenceStringPool.MaxEntries; i++)
        {
            pool.InternAscii(System.Text.Encoding.ASCII.GetBytes("v" + i));
        }

        var first = pool.InternAscii("M80307"u8);
        first.Should().Be("M80307");
        pool.InternAscii("M80307"u8).Should().BeSameAs(first, "the value stays in its slot though the table is full");
        pool.InternAscii("M80308"u8).Should().Be("M80308");
        pool.InternAscii("v0"u8).Should().Be("v0");
    }

    [Fact]
    public void Pool_Subject_ReusesThePreviousRowsInstanceOnly()
    {
        var pool = new EvidenceStringPool();
        var a = pool.Subject(new string("e1".AsSpan()));

        pool.Subject(new string("e1".AsSpan())).Should().BeSameAs(a);
        pool.Subject("e2").Should().Be("e2");
        pool.Subject(new string("e1".AsSpan())).Should().NotBeSameAs(a, "only consecutive rows share the subject");
    }

    [Fact]
    public void Reader_EqualFieldValues_ShareOneInstance()
    {
        const string csv = "subject,type,competency,path,value,source,rater\ne1,rating,rel,net,3,peer,r1\ne1,rating,rel,net,4,peer,r1\ne2,talk,rel,,,,\n";
        var rows = EvidenceReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv))).Select(r => r.Item!.Value).ToList();
        const string jsonl = "{\"subject\":\"e1\",\"type\":\"rating\",\"competency\":\"rel\",\"path\":\"net\",\"value\":3}\n{\"subject\":\"e1\",\"type\":\"rating\",\"competency\":\"rel\",\"path\":\"net\",\"value\":4}\n";
        var lines = EvidenceReader.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(jsonl))).Select(r => r.Item!.Value).ToList();

        foreach (var items in new[] { rows, lines })
        {
            items[1].Subject.Should().BeSameAs(items[0].Subject);
            items[1].Type.Should().BeSameAs(items[0].Type);
            items[1].Competency.Should().BeSameAs(items[0].Competency);
            items[1].Path.Should().BeSameAs(items[0].Path);
        }

        rows[1].Rater.Should().BeSameAs(rows[0].Rater);
        rows[2].Competency.Should().BeSameAs(rows[0].Competency);
        rows[2].Should().Be(new EvidenceItem("e2", "talk", "rel", Row: 3));
    }

    [Fact]
    public void Reader_ForARubric_SharesTheRubricsIdsAndTypes()
    {
        var rubric = new FairRubrics.Loading.RubricLoader().LoadFile(Path.Combine(TestSupport.TestRubrics.RepositoryRoot, "rubrics", "professional-relationships.yaml")).GetRubricOrThrow();
        var competency = rubric.Competencies[0];
        var rated = competency.Paths.First(p => p.Score.Rule == "rating");
        var counted = rubric.Competencies.SelectMany(c => c.Paths).First(p => p.Score.Rule == "count");
        var type = counted.Score.Implementation.OccurrenceTypesOf(counted.Score.Settings).First();
        var csv = $"subject,type,competency,path,value,source\ne1,rating,{competency.Id},{rated.Id},3,peer\ne1,{type},,,,\n";

        var items = EvidenceReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), rubric: rubric).Select(r => r.Item!.Value).ToList();
        var plain = EvidenceReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv))).Select(r => r.Item!.Value).ToList();

        items[0].Competency.Should().BeSameAs(competency.Id);
        items[0].Path.Should().BeSameAs(rated.Id);
        items[1].Type.Should().BeSameAs(type);
        plain[0].Competency.Should().NotBeSameAs(competency.Id, "without a rubric the reader keeps its own instances");
        items.Should().Equal(plain, "sharing instances never changes a value");
    }
}
