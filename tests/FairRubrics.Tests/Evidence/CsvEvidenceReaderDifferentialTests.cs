using System.Globalization;
using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Loading;

namespace FairRubrics.Tests.Evidence;

/// <summary>
/// The fast CSV evidence reader (<see cref="CsvEvidenceReader"/>, what <see cref="EvidenceReader.ReadCsv"/> uses) against
/// the general one it hands over to (CsvHelper, <see cref="EvidenceReader.ReadCsvGeneral"/>): the same rows, items,
/// rejections, row and line numbers, ignored columns and format errors, over generated files, mutated files and edge cases.
/// </summary>
public sealed class CsvEvidenceReaderDifferentialTests
{
    private const string Header = "subject,type,competency,path,value,source,rater,date,id";

    public static TheoryData<string> EdgeCases() =>
    [
        Header + "\na,talk,,,,,,2025-01-01,x\n\nb,talk,,,,,,2025-01-01,y\n",
        Header + "\na,talk,,,,,,2025-01-01,x\n   \nb,talk,,,,,,2025-01-01,y\n",
        Header + "\na,talk,,,,,,2025-01-01,x\rb,talk,,,,,,2025-01-01,y\rc,talk\n",
        Header + "\r\na,talk,,,,,,2025-01-01,x\r\nb,talk,,,,,,2025-01-01,y\r\nc,talk\r\n",
        Header + "\r\n\r\n\r\na,talk,,,,,,2025-01-01,x\r\r\nb,talk,,,,,,,\n\r",
        "\uFEFFfoo," + Header + "\n1,a,talk,,,,,,2025-01-01,x\n",
        "\uFEFF" + Header + "\na,talk,,,,,,2025-01-01,x\n",
        Header + "\na, \"talk\",,,,,,2025-01-01,x\nb,\"ta\"\"lk\" ,,,,,,2025-01-01,y\nc,ta\"lk,,,,,,,\nd,talk,,,,,,,\n",
        Header + "\na,\"ta\nlk\",,,,,,2025-01-01,x\nb,talk,,,,,,2025-01-01,y\nc,\"unterminated,,,,,,,\nd,talk,,,,,,,\n",
        Header + "\na,talk\nb,talk,,,,,,2025-01-01,y,extra\nc,talk,,,,,,,\n",
        Header + "\na,talk,,,,,,,",
        Header + "\na,talk,,,,,,,\n\n\n",
        Header + "\na\0,talk,,,,,,,\nb,talk,co\0,,,,,,\nc,talk,,,,,,2025-01-01\0,\n",
        Header + "\na,\"talk\"x,,,,,,,\nb,talk,,,,,,,\n",
        Header + "\n\"a\",\"rating\",\"c1\",\"p1\",\"3.5\",\"peer\",\"r1\",\"2025-02-28\",\"say \"\"hi\"\"\"\n\"\",\"\",,,,,,,\n",
        Header + "\na,rating,c1,p1,3,,r1,2025-02-29,e1\nb,rating,c1,,3,,,,\nc,rating,c1,p1,,,,,\nd,talk,,,-1,,,,\ne,talk,,,0,,,,\nf,talk,,,1e400,,,,\ng,talk,,,NaN,,,,\nh,talk,,,3,1,,,\n",
        Header + "\na,talk,,,+2.5e1,MANAGER,,2025-01-01T10:00:00Z,\nb,talk,,,2,Self,,2025-01-01 10:00,\nc,talk,,,.5,sYsTeM,,0000-01-01,\nd,talk,,,5.,ReporT,,2025-13-01,\ne,talk,,,5,peers,,2025-1-01,\n",
        Header + "\n a ,\ttalk\t, c , p , 2 , peer , r , 2025-01-01 , id \n\u00A0a\u00A0,talk,,,,,,,\u2003x\u2003\n",
        Header + "\nJosé,talk,,,,,,,\nJosé,talk,,,,,,,ünïcode\nZoë,rating,c,p,2,ſelf,,,\n",
        Header + "\n\"a\nb\",talk,,,,,,,\n\"c\",talk,,,,,,,\n",
        Header + ",\na,talk,,,,,,,,\n",
        "subject,type,SUBJECT\na,b,c\n",
        "subject,value\na,1\n",
        "",
        "\n" + Header + "\na,talk,,,,,,,\n",
        Header,
        Header + "\n",
        "\"subject\",type\na,talk\n",
        "Type , Subject,note\ntalk,a,\"x\"\n",
        Header + "\na,talk,,,,,,,\n\"b\",talk,,,,,,,\"\n",
        Header + "\na,talk,,,\"1\"\"\",,,,\n\",\"talk,,,,,,,,\n",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void EdgeCase_FastAndGeneralReaders_GiveTheSameRows(string text) => AssertSame(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void InvalidUtf8AndUtf16_FastAndGeneralReaders_GiveTheSameRows()
    {
        AssertSame([.. Encoding.UTF8.GetBytes(Header + "\na,talk,,,,,,,\nb,t"), 0xFF, .. Encoding.UTF8.GetBytes(",,,,,,,\nc,talk,,,,,,,x"), 0xC3, .. "\n"u8]);
        AssertSame([.. Encoding.UTF8.GetBytes(Header + "\n\"a"), 0xE9, .. Encoding.UTF8.GetBytes("\nb\",talk,,,,,,,\nc,talk,,,,,,,\n")]);
        AssertSame([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + "\na,talk,,,,,,,\n")]);
        AssertSame([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Header + "\na,talk,,,,,,,\n")]);
    }

    [Fact]
    public void CommaOrQuoteAtEveryPositionOfALongLine_FastAndGeneralReaders_GiveTheSameRows()
    {
        // Plain lines are cut 16 bytes at a time, the last block overlapping the one before: a comma, a quote or a NUL
        // at each position on both sides of the block edges, in lines of lengths around them.
        foreach (var length in new[] { 15, 16, 17, 31, 32, 33, 47, 48, 49, 70 })
        {
            var cells = "e1,talk,,,2,peer,r1,2025-01-01,";
            var line = cells + new string('x', Math.Max(1, length - cells.Length));
            foreach (var put in new[] { ',', '"', '\0', ' ' })
            {
                for (var at = 0; at < line.Length; at++)
                {
                    var changed = line[..at] + put + line[(at + 1)..];
                    AssertSame(Encoding.UTF8.GetBytes(Header + "\n" + changed + "\n" + line + "\n"), because: $"'{put}' at {at} of {changed.Length}");
                }
            }
        }
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-0")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("007.250")]
    [InlineData("0.1")]
    [InlineData("999999999999999")]
    [InlineData("1234567890123456")]
    [InlineData("0.30000000000000004")]
    [InlineData("+2")]
    [InlineData("2e3")]
    [InlineData(".")]
    [InlineData("-")]
    public void ShortDecimal_EvidenceValue_IsTheValueDoubleTryParseGives(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var expected = double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed);
        if (DecimalText.TryParseShort(bytes, out var fast))
        {
            expected.Should().BeTrue(text);
            BitConverter.DoubleToInt64Bits(fast).Should().Be(BitConverter.DoubleToInt64Bits(parsed), text);
        }
        else
        {
            (text.Length > 15 || text.Contains('e', StringComparison.Ordinal) || text.Contains('+', StringComparison.Ordinal) || !text.Any(char.IsAsciiDigit)).Should().BeTrue(text + " is left to the parser only when it is not a short decimal");
        }
    }

    [Fact]
    public void ShortDecimal_RandomEvidenceValues_AreTheValuesDoubleTryParseGives()
    {
        var random = new Random(31);
        for (var n = 0; n < 100_000; n++)
        {
            var text = new StringBuilder();
            if (random.Next(5) == 0)
            {
                text.Append('-');
            }

            var whole = random.Next(0, 9);
            for (var d = 0; d < whole; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            var fraction = random.Next(0, 16 - whole);
            if (fraction > 0 || random.Next(4) == 0)
            {
                text.Append('.');
                for (var d = 0; d < fraction; d++)
                {
                    text.Append((char)('0' + random.Next(10)));
                }
            }

            var s = text.ToString();
            if (!DecimalText.TryParseShort(Encoding.ASCII.GetBytes(s), out var fast))
            {
                s.Any(char.IsAsciiDigit).Should().BeFalse(s);
                continue;
            }

            double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed).Should().BeTrue(s);
            BitConverter.DoubleToInt64Bits(fast).Should().Be(BitConverter.DoubleToInt64Bits(parsed), s);
        }
    }

    [Fact]
    public void GeneratedSample_FastAndGeneralReaders_GiveTheSameRows_WithAndWithoutTheRubric()
    {
        var bytes = Encoding.UTF8.GetBytes(Generate(new Random(7), 300, quoteSome: false));
        AssertSame(bytes);
        AssertSame(bytes, withRubric: true);
        AssertSame(Encoding.UTF8.GetBytes(Generate(new Random(8), 300, quoteSome: true)), withRubric: true);
        AssertSame(Encoding.UTF8.GetBytes(Generate(new Random(9), 300, quoteSome: true).ReplaceLineEndings("\r\n")));
    }

    [Fact]
    public void MutatedFiles_FastAndGeneralReaders_GiveTheSameRows()
    {
        var random = new Random(18);
        var baseline = Encoding.UTF8.GetBytes(Generate(new Random(3), 12, quoteSome: true));
        byte[] alphabet = [.. ",\"\n\r \t\0x-1.e"u8, 0xFF, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF];
        for (var round = 0; round < 1500; round++)
        {
            var bytes = new List<byte>(baseline);
            for (var edits = random.Next(1, 5); edits > 0 && bytes.Count > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0:
                        bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    case 1:
                        bytes.RemoveAt(at);
                        break;
                    default:
                        bytes[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                }
            }

            AssertSame([.. bytes], because: $"round {round}");
        }
    }

    [Fact]
    public void LineOverOneMebibyte_HandsTheRestOver_WithTheRecordNumberOfTheWholeFile()
    {
        var text = Header + "\na,talk,,,,,,,\nb,talk,,,,,,," + new string('x', 3 << 20) + "\nc,talk,,,,,,,\n";

        var act = () => EvidenceReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

        act.Should().Throw<EvidenceFormatException>().WithMessage("line 3: the CSV cannot be read further: Record 3 is longer than MaxRecordSize*");
        AssertSame(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void ValuesOfTheRubric_AreItsOwnInstances_WhenReadByTheFastPath()
    {
        var rubric = Rubric();
        var competency = rubric.Competencies[0];
        var path = competency.Paths[0];
        var text = $"{Header}\ne1,rating,{competency.Id},{path.Id},3,peer,r1,2026-01-01,x\ne1,rating,{competency.Id},{path.Id},4,peer,r1,2026-01-02,y\n";

        var items = EvidenceReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), null, rubric).Select(r => r.Item!.Value).ToList();

        items.Should().HaveCount(2);
        items.Should().OnlyContain(i => ReferenceEquals(i.Competency, competency.Id) && ReferenceEquals(i.Path, path.Id) && ReferenceEquals(i.Type, EvidenceItem.RatingType));
        ReferenceEquals(items[0].Subject, items[1].Subject).Should().BeTrue();
        ReferenceEquals(items[0].Rater, items[1].Rater).Should().BeTrue();
    }

    private static void AssertSame(byte[] bytes, bool withRubric = false, string because = "")
    {
        var rubric = withRubric ? Rubric() : null;
        var (fastRows, fastIgnored, fastError) = Read(ignored => EvidenceReader.ReadCsv(new MemoryStream(bytes), ignored, rubric));
        var (generalRows, generalIgnored, generalError) = Read(ignored => EvidenceReader.ReadCsvGeneral(new MemoryStream(bytes), leaveOpen: true, ignored, new EvidenceStringPool(rubric)));

        fastError.Should().Be(generalError, because);
        fastIgnored.Should().Equal(generalIgnored, because);
        fastRows.Should().Equal(generalRows, because);
    }

    private static (List<EvidenceRow> Rows, List<string> Ignored, string? Error) Read(Func<Action<string>, IEnumerable<EvidenceRow>> read)
    {
        var rows = new List<EvidenceRow>();
        var ignored = new List<string>();
        try
        {
            foreach (var row in read(ignored.Add))
            {
                rows.Add(row);
            }

            return (rows, ignored, null);
        }
        catch (FairRubricsException ex)
        {
            return (rows, ignored, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static FairRubrics.Model.Rubric Rubric() =>
        new RubricLoader().LoadString(File.ReadAllText(Path.Combine(RepositoryRoot(), "rubrics", "professional-relationships.yaml")), "professional-relationships.yaml").GetRubricOrThrow();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "rubrics")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("no rubrics folder above the test binaries");
    }

    /// <summary>Evidence as <c>fairrubrics sample</c> writes it (ratings and occurrences by subject), some fields quoted.</summary>
    private static string Generate(Random random, int subjects, bool quoteSome)
    {
        string[] competencies = ["collaboration", "communication", "delivery", "quality-of-work"];
        string[] paths = ["outcomes", "network", "work-review", "peer-feedback"];
        string[] types = ["rating", "rating", "talk", "mentoring", "doc", "review"];
        string[] sources = ["manager", "peer", "self", "report", "system", ""];
        var text = new StringBuilder(Header).Append('\n');
        var id = 0;
        for (var s = 1; s <= subjects; s++)
        {
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                var type = types[random.Next(types.Length)];
                var rating = type == "rating";
                string[] fields =
                [
                    "E" + s.ToString("D6", CultureInfo.InvariantCulture),
                    type,
                    rating || random.Next(3) == 0 ? competencies[random.Next(competencies.Length)] : "",
                    rating || random.Next(3) == 0 ? paths[random.Next(paths.Length)] : "",
                    rating ? random.Next(1, 6).ToString(CultureInfo.InvariantCulture) : random.Next(3) == 0 ? (random.NextDouble() * 3).ToString("0.##", CultureInfo.InvariantCulture) : "",
                    sources[random.Next(sources.Length)],
                    random.Next(2) == 0 ? "R" + random.Next(50).ToString(CultureInfo.InvariantCulture) : "",
                    new DateOnly(2025, 1, 1).AddDays(random.Next(600)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "ev" + (++id).ToString("D6", CultureInfo.InvariantCulture),
                ];
                for (var f = 0; f < fields.Length; f++)
                {
                    if (quoteSome && random.Next(6) == 0)
                    {
                        fields[f] = "\"" + (random.Next(4) == 0 ? fields[f] + " \"\"q\"\", x" : fields[f]) + "\"";
                    }
                }

                text.AppendJoin(',', fields).Append('\n');
            }
        }

        return text.ToString();
    }
}
