using FairRubrics.Scoring;

namespace FairRubrics.Tests.Scoring;

public sealed class OrdinalStringIndexTests
{
    public static TheoryData<string[]> KeySets() => new()
    {
        Array.Empty<string>(),
        new[] { "a" },
        new[] { "competency-0", "competency-1", "competency-2", "competency-10", "competency-11" },
        Enumerable.Range(0, 10).SelectMany(c => Enumerable.Range(0, 4).Select(k => $"type-{c}-{k}")).ToArray(),
        new[] { "talk", "doc", "mentoring", "cross-team-help", "x", "ÄÖÜ", "talks", "Talk" },
        Enumerable.Range(0, 300).Select(i => $"k{i * 7919 % 1000}-{i}").ToArray(),
        new[] { "ab", "ba", "aab", "aba", "baa", "abab" },
        new[] { string.Empty, "a", "bb" },
        new[] { string.Empty },
        Enumerable.Range(0, 20).Select(i => new string('x', 30) + (char)('a' + i) + new string('y', 30)).ToArray(),
    };

    [Theory]
    [MemberData(nameof(KeySets))]
    public void Index_FindsEveryKeyByValue_AndNothingElse(string[] keys)
    {
        var index = new OrdinalStringIndex([.. keys.Select((k, i) => KeyValuePair.Create(k, i * 3))]);

        for (var i = 0; i < keys.Length; i++)
        {
            index.Find(new string(keys[i].AsSpan())).Should().Be(i * 3, keys[i]);
        }

        foreach (var other in new[] { string.Empty, "zz", new string('x', 30) + "z" + new string('y', 30), "competency-3", "type-3-4", "type-10-1", "TALK", "talk ", "k1000-0", "b", "abba" })
        {
            if (!keys.Contains(other, StringComparer.Ordinal))
            {
                index.Find(other).Should().Be(-1, other);
            }
        }

        foreach (var key in keys)
        {
            // Every near miss: each character changed, and one character more or less.
            for (var p = 0; p < key.Length; p++)
            {
                var changed = key[..p] + (char)(key[p] + 1) + key[(p + 1)..];
                if (!keys.Contains(changed, StringComparer.Ordinal))
                {
                    index.Find(changed).Should().Be(-1, changed);
                }
            }

            if (!keys.Contains(key + "-", StringComparer.Ordinal))
            {
                index.Find(key + "-").Should().Be(-1);
            }

            if (key.Length > 0 && !keys.Contains(key[..^1], StringComparer.Ordinal))
            {
                index.Find(key[..^1]).Should().Be(-1);
            }
        }
    }
}
