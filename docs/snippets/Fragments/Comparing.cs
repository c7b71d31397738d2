using FairRubrics.Audit;
using FairRubrics.Comparison;
using FairRubrics.Evidence;
using FairRubrics.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Snippets;

public static class Comparing
{
    public static RubricComparison Compare(IServiceProvider services, Rubric current, Rubric proposed, IEnumerable<EvidenceItem> evidence, AttributeTable attributeTable)
    {
        // begin-snippet: compare-library
        var comparer = services.GetRequiredService<IRubricComparer>();
        var options = new ComparisonOptions { AsOf = new DateOnly(2026, 6, 30) };
        options.Attributes.Add("gender");
        RubricComparison result = comparer.Compare(current, proposed, evidence, options, attributeTable);
        // end-snippet
        return result;
    }
}
