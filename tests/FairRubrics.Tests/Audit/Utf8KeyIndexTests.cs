using System.Text;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

public sealed class Utf8KeyIndexTests
{
    [Fact]
    public void TryAdd_ManyKeysOfEveryLength_FindsEachByItsBytes()
    {
        var index = new Utf8KeyIndex();
        var keys = Enumerable.Range(0, 20_000).Select(i => new string('k', i % 20) + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        keys.Add(string.Empty);
        keys.Add("é∑😀");
        keys.Add("ab\0");
        keys.Add("ab");

        for (var i = 0; i < keys.Count; i++)
        {
            index.TryAdd(Encoding.UTF8.GetBytes(keys[i]), out var number).Should().BeTrue(keys[i]);
            number.Should().Be(i);
        }

        index.Count.Should().Be(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            index.IndexOf(Encoding.UTF8.GetBytes(keys[i])).Should().Be(i, keys[i]);
            Encoding.UTF8.GetString(index[i]).Should().Be(keys[i]);
        }

        index.IndexOf("missing"u8).Should().Be(-1);
        index.IndexOf("ab\0\0"u8).Should().Be(-1);
        index.IndexOf("kkkkkkkkkkkkkkkkkkk999999"u8).Should().Be(-1);
    }

    [Fact]
    public void TryAdd_KeyAlreadyThere_ReturnsFalseAndItsNumber()
    {
        var index = new Utf8KeyIndex();
        index.TryAdd("e-001"u8, out _);
        index.TryAdd("a-much-longer-subject-id"u8, out _);

        index.TryAdd("a-much-longer-subject-id"u8, out var number).Should().BeFalse();

        number.Should().Be(1);
        index.Count.Should().Be(2);
    }
}
