using FairRubrics.Audit;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Comparison;

/// <summary>
/// What a rubric change does before it is rolled out: scores the same evidence with the current rubric and the
/// proposed one in one pass, and reports who moves between bands, whether any group loses out (paired, with the
/// exact McNemar test, small groups suppressed as in the audit), which design findings the change fixes or
/// introduces, and through which paths competency levels rise or fall. Thread-safe; sees attributes only to group
/// people, never in scoring.
/// </summary>
public interface IRubricComparer
{
    /// <summary>Compares two rubrics on the same evidence.</summary>
    /// <param name="current">The rubric in use.</param>
    /// <param name="proposed">The proposed rubric (another id is allowed: a replacement, noted in the result).</param>
    /// <param name="evidence">Evidence of any number of subjects, in any order; read once.</param>
    /// <param name="options">The date, the attributes to analyse, favourable bands and the minimum group size.</param>
    /// <param name="attributes">The subjects' protected attributes, needed when <see cref="ComparisonOptions.Attributes"/> names any.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The options are invalid, or name attributes the table does not have.</exception>
    RubricComparison Compare(Rubric current, Rubric proposed, IEnumerable<EvidenceItem> evidence, ComparisonOptions options, AttributeTable? attributes = null);
}

/// <summary>Options of <see cref="IRubricComparer.Compare"/>.</summary>
public sealed class ComparisonOptions
{
    /// <summary>Gets or sets the date both rubrics are scored at (windows end here).</summary>
    public DateOnly AsOf { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Gets the attributes to analyse by (one analysis each, plus their intersection with <see cref="Intersect"/>).</summary>
    public IList<string> Attributes { get; } = [];

    /// <summary>Gets or sets a value indicating whether the intersection of <see cref="Attributes"/> is analysed too.</summary>
    public bool Intersect { get; set; }

    /// <summary>Gets the bands counted as favourable under both rubrics; empty to use each rubric's own <c>favourable</c> list.</summary>
    public IList<string> FavourableBands { get; } = [];

    /// <summary>Gets or sets the smallest group whose figures are published (as <see cref="AuditOptions.MinGroupSize"/>).</summary>
    public int MinGroupSize { get; set; } = 5;

    /// <summary>Gets or sets a value indicating whether <see cref="RubricComparison.People"/> lists every person whose band changes.</summary>
    public bool IncludePeople { get; set; }

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        if (MinGroupSize < 2)
        {
            throw new ArgumentException($"ComparisonOptions.MinGroupSize must be at least 2 (got {MinGroupSize}); 5 is the usual minimum.", nameof(MinGroupSize));
        }

        if (Intersect && Attributes.Count < 2)
        {
            throw new ArgumentException("ComparisonOptions.Intersect needs at least two attributes.", nameof(Intersect));
        }

        if (Attributes.Distinct(StringComparer.Ordinal).Count() != Attributes.Count)
        {
            throw new ArgumentException("ComparisonOptions.Attributes names an attribute twice.", nameof(Attributes));
        }
    }
}
