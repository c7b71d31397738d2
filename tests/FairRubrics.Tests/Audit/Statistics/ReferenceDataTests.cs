namespace FairRubrics.Tests.Audit.Statistics;

public sealed class ReferenceDataTests
{
    [Fact]
    public void ReferenceData_EverySection_IsLoadedAndNonEmpty()
    {
        var values = ReferenceData.Values;

        values.Fisher.Should().HaveCountGreaterThan(400).And.OnlyContain(c => c.Table.Length == 4);
        values.ZTest.Should().NotBeEmpty();
        values.NormalTail.Should().NotBeEmpty();
        values.Wilson.Should().NotBeEmpty();
        values.Hedges.Should().NotBeEmpty();
        values.HedgesSummary.Should().ContainSingle();
        values.Erfc.Should().NotBeEmpty();
        values.LogFactorial.Should().NotBeEmpty();
        values.HypergeometricLogPmf.Should().NotBeEmpty();
        values.Practical.Should().NotBeEmpty();
    }

    [Fact]
    public void ReferenceData_FisherTables_AreUniqueAndNamed()
    {
        var fisher = ReferenceData.Values.Fisher;

        fisher.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        fisher.Select(c => string.Join(",", c.Table)).Should().OnlyHaveUniqueItems();
        fisher.Should().OnlyContain(c => c.P >= 0 && c.P <= 1);
    }
}
