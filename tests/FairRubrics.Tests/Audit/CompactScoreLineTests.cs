using System.Globalization;
using System.Text;
using System.Text.Json;
using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Model;
using FairRubrics.Scoring;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// The compact fast path against the general <see cref="System.Text.Json.Utf8JsonReader"/> path: whenever the fast
/// path reads a line, the record and the verdict are exactly the general path's; lines it leaves are the general
/// path's alone. Lines written by the scorer without explanations are always read by the fast path (explanations
/// quote rubric text, which the writer escapes, and go to the general path when they do).
/// </summary>
public sealed class CompactScoreLineTests
{
    public static TheoryData<int> Seeds() => RandomSeeds.UpTo(40);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CompactLine_WrittenByTheScorer_IsReadByTheFastPathAsByTheGeneralOne(int seed)
    {
        foreach (var (line, explained) in ScoreLineSamples.ScorerLines(seed))
        {
            var read = Compare(line);
            if (!explained)
            {
                read.Should().BeTrue(Encoding.UTF8.GetString(line));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CompactLine_MutatedLines_AreReadAsTheGeneralPathReadsThem(int seed)
    {
        var random = new Random(seed);
        var read = 0;
        foreach (var (line, _) in ScoreLineSamples.ScorerLines(seed))
        {
            for (var m = 0; m < 150; m++)
            {
                read += Compare(ScoreLineSamples.Mutate(random, line)) ? 1 : 0;
            }
        }

        read.Should().BePositive("some mutated lines are still compact");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":-0}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":-0.0e-0}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1e400}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":-1E+308}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":0.1234567890123456789012345678901234567890}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":01}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1.}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":.5}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":-}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1e}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1e+}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":+1}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":NaN}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":Infinity}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":true}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":nul}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"band":"A",}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1}}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1]""")]
    [InlineData("""{"subject":"x""status":"scored","overall":1}""")]
    [InlineData("""{"subject""x","status":"scored","overall":1}""")]
    [InlineData("""{subject:"x","status":"scored","overall":1}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[,]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"id":"c"},]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"id":"c","level":2,"level":"x"}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"id":"c","level":1e999}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"id":"c","id":5}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[[],{"id":"c"}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"id":"c","paths":[{"a":[[[[[[[[[[[[1]]]]]]]]]]]}]}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"id":"c","paths":[{"a":[[[[[[[[[[[[[1]]]]]]]]]]]]}]}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"id":"c","paths":[{"a":[[[[[[[[[[[[[[1]]]]]]]]]]]]]]}]}]}""")]
    [InlineData("""{"a":[[[[[[[[[[[[[[1]]]]]]]]]]]]]],"subject":"x","status":"scored","overall":1}""")]
    [InlineData("""{"a":[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]],"subject":"x","status":"scored","overall":1}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"x":[true,false,null,"s",-2.5e3,{}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"x":[tru]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"x":"tab	here"}""")]
    [InlineData("""{"subject":"x\u0041","status":"scored","overall":1}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1} """)]
    [InlineData("""{"subject":"  ","status":"scored","overall":1}""")]
    [InlineData("""{"subject":"","status":"insufficient-evidence"}""")]
    [InlineData("""{"subject":"x","status":"Scored","overall":1}""")]
    [InlineData("""{"subject":"x","status":"insufficient-evidence","overall":null,"band":null,"competencies":[{"id":"c","level":null,"path":null}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"id":"c","level":"2"}],"competencies":7}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"competencies":[{"level":1}],"competencies":[{"id":"c"}]}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"band":"AB"}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"":2}""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1}""" + "\r")]
    [InlineData("""{"subject":"x","status":"scored","overall":1,"band":"a""" + "\u0001" + """b"}""")]
    [InlineData("")]
    public void CompactLine_EdgeCase_IsReadAsTheGeneralPathReadsIt(string line)
    {
        Compare(Encoding.UTF8.GetBytes(line));
    }

    [Theory]
    [InlineData("""{"subject":"x","status":"scored","overall":1} """)]
    [InlineData("""{"subject":"x\u0041","status":"scored","overall":1}""")]
    [InlineData("""{"subject":"é","status":"scored","overall":1}""")]
    [InlineData("""[{"subject":"x"}]""")]
    [InlineData("""{"subject":"x","status":"scored","overall":1}{}""")]
    [InlineData("""{"a":[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]],"subject":"x","status":"scored","overall":1}""")]
    public void CompactLine_NotCompact_IsLeftToTheGeneralPath(string line)
    {
        CompactScoreLine.TryParse(Encoding.UTF8.GetBytes(line), new ScoreRecord(), out _).Should().BeFalse();
    }

    /// <summary>Reads the line both ways; when the fast path reads it, the results must be identical. Returns whether it did.</summary>
    [Fact]
    public void CompactLine_NonPlainByteAtAnyPositionOfAString_IsReadAsTheGeneralPathReadsIt()
    {
        // Strings are read eight bytes at a time and their last few bytes one by one: each kind of byte that is not
        // plain, at every position of strings of every length up to 40, and at the end of the line.
        byte[] notPlain = [(byte)'"', (byte)'\\', 0x00, 0x1F, 0x7F, 0x80, 0xFF, (byte)'\t'];
        for (var length = 0; length <= 40; length++)
        {
            foreach (var bad in notPlain)
            {
                for (var at = -1; at < length; at++)
                {
                    var text = Enumerable.Range(0, length).Select(i => i == at ? bad : (byte)('a' + (i % 26))).ToArray();
                    byte[] line = [.. "{\"subject\":\"s-1\",\"band\":\""u8, .. text, .. "\",\"status\":\"scored\",\"overall\":2.5}"u8];
                    var read = Compare(line);
                    if (at < 0)
                    {
                        read.Should().BeTrue("a line of plain strings is compact");
                    }

                    byte[] cut = [.. "{\"subject\":\""u8, .. text];
                    Compare(cut).Should().BeFalse("a string that does not end is left to the general path");
                }
            }
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("3.5")]
    [InlineData("999999999999999")]
    [InlineData("0.00000000000001")]
    [InlineData("-123456789.012345")]
    [InlineData("0.30000000000000")]
    public void ShortDecimal_Edge_IsTheParsersValueBitForBit(string text)
    {
        var number = Encoding.ASCII.GetBytes(text);
        CompactScoreLine.ShortDecimal(number, out var fast).Should().BeTrue();
        System.Buffers.Text.Utf8Parser.TryParse(number, out double parsed, out _).Should().BeTrue();
        BitConverter.DoubleToInt64Bits(fast).Should().Be(BitConverter.DoubleToInt64Bits(parsed), text);
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("2.8333333333333335")]
    [InlineData("1234567890123456")]
    [InlineData("0.1234567890123456")]
    public void ShortDecimal_ExponentOrMoreThan15Digits_IsLeftToTheParser(string text) =>
        CompactScoreLine.ShortDecimal(Encoding.ASCII.GetBytes(text), out _).Should().BeFalse();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ShortDecimal_RandomDecimals_AreTheParsersValuesBitForBit(int seed)
    {
        // Numbers as the JSON grammar allows them (no leading zeros), up to 15 digits on either side of the point.
        var random = new Random(seed);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new StringBuilder();
            if (random.Next(4) == 0)
            {
                text.Append('-');
            }

            var whole = random.Next(0, 9);
            text.Append(whole == 0 ? "0" : random.NextInt64(1, 10).ToString(CultureInfo.InvariantCulture));
            for (var d = 1; d < whole; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            var fraction = random.Next(0, 16 - Math.Max(1, whole));
            if (fraction > 0)
            {
                text.Append('.');
                for (var d = 0; d < fraction; d++)
                {
                    text.Append((char)('0' + random.Next(10)));
                }
            }

            var number = Encoding.ASCII.GetBytes(text.ToString());
            CompactScoreLine.ShortDecimal(number, out var fast).Should().BeTrue(text.ToString());
            System.Buffers.Text.Utf8Parser.TryParse(number, out double parsed, out var consumed).Should().BeTrue();
            consumed.Should().Be(number.Length);
            BitConverter.DoubleToInt64Bits(fast).Should().Be(BitConverter.DoubleToInt64Bits(parsed), text.ToString());
        }
    }

    private static bool Compare(byte[] line) => ScoreLineSamples.Compare(line, CompactScoreLine.TryParse);
}
