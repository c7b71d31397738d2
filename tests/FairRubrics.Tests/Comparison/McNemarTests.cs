using System.Text.Json;
using FairRubrics.Audit.Statistics;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.Comparison;

/// <summary>The exact McNemar test against values computed in exact rational arithmetic (Reference/mcnemar_reference.py).</summary>
public sealed class McNemarTests
{
    public static TheoryData<long, long, double> Cases()
    {
        var data = new TheoryData<long, long, double>();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRubrics.RepositoryRoot, "tests", "FairRubrics.Tests", "Comparison", "Reference", "mcnemar.json")));
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("b").GetInt64(), c.GetProperty("c").GetInt64(), c.GetProperty("p").GetDouble());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExactTwoSidedP_MatchesExactArithmetic_ToTenSignificantDigits(long b, long c, double expected)
    {
        var p = McNemar.ExactTwoSidedP(b, c);

        // Tolerance: 1e-10 relative (the printed reports show four decimals); exact for the cases that are 1.
        p.Should().BeApproximately(expected, Math.Max(expected * 1e-10, 1e-300));
    }

    [Fact]
    public void ExactTwoSidedP_IsSymmetric_AndOneWithoutDiscordantPairs()
    {
        McNemar.ExactTwoSidedP(0, 0).Should().Be(1);
        McNemar.ExactTwoSidedP(17, 40).Should().Be(McNemar.ExactTwoSidedP(40, 17));
        McNemar.ExactTwoSidedP(9, 9).Should().Be(1);
    }
}
