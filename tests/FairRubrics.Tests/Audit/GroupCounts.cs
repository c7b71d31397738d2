using System.Globalization;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>Builds audits from counts: per cell its attribute values, size and favourable outcomes (Strong 4.0 against Solid 3.0).</summary>
internal static class GroupCounts
{
    public static List<AuditPerson> People(params (string?[] Values, int N, int Favourable)[] cells)
    {
        var people = new List<AuditPerson>();
        foreach (var (values, n, favourable) in cells)
        {
            for (var i = 0; i < n; i++)
            {
                var id = "p" + people.Count.ToString(CultureInfo.InvariantCulture);
                people.Add(new AuditPerson(AuditPopulation.Scored(id, i < favourable ? 4 : 3), values, 0));
            }
        }

        return people;
    }

    public static AuditReport Report(AuditOptions options, params (string?[] Values, int N, int Favourable)[] cells) =>
        new BiasAuditor().Report(AuditPopulation.Accumulate([.. options.Attributes], People(cells), options.Intersect), options);
}
