using FairRubrics;
using FairRubrics.Checks;
using FairRubrics.Model;

namespace Acme.Rubrics;

/// <summary><c>ACME010</c>: every competency tells employees, in a description, what it is about.</summary>
public sealed class DescribedCompetencyCheck : IRubricCheck
{
    private static readonly CheckDescriptor[] All =
    [
        new("ACME010", "Competency without a description", DiagnosticSeverity.Warning, "https://intranet.acme.example/rubric-style#acme010"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<CheckDescriptor> Descriptors => All;

    /// <inheritdoc/>
    public void Check(Rubric rubric, RubricCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var competency in rubric.Competencies)
        {
            if (string.IsNullOrWhiteSpace(competency.Description))
            {
                context.Report(
                    "ACME010",
                    competency.Location,
                    $"competency '{competency.Id}' has no description; say in one sentence what it covers",
                    at: "competencies." + competency.Id);
            }
        }
    }
}
