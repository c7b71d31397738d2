using FairRubrics;
using FairRubrics.Checks;
using FairRubrics.Model;

namespace Acme.HouseStyle;

/// <summary>
/// Acme's house style for rubrics, written on the same public <see cref="IRubricCheck"/> contract as the
/// built-in checks FR101–FR110:
/// <list type="bullet">
/// <item><description><c>ACME001</c>: every evidence path has a <c>description</c> that tells employees what evidence counts.</description></item>
/// <item><description><c>ACME002</c>: a competency with several paths says in its description that the routes are equally valid.</description></item>
/// </list>
/// Register it with <c>services.AddFairRubrics().AddRubricCheck&lt;HouseStyleCheck&gt;()</c>. Stateless, so thread-safe.
/// </summary>
public sealed class HouseStyleCheck : IRubricCheck
{
    /// <summary>The id of the "path has no description" finding.</summary>
    public const string PathWithoutDescription = "ACME001";

    /// <summary>The id of the "alternative routes not explained" finding.</summary>
    public const string RoutesNotExplained = "ACME002";

    private static readonly CheckDescriptor[] All =
    [
        new(PathWithoutDescription, "Evidence path without a description", DiagnosticSeverity.Warning, "https://intranet.acme.example/hr/rubric-style#acme001")
        {
            Name = "PathWithoutDescription",
            Description = "Every evidence path says what evidence counts, so that employees know how to show the competency.",
        },
        new(RoutesNotExplained, "Alternative routes not explained", DiagnosticSeverity.Info, "https://intranet.acme.example/hr/rubric-style#acme002")
        {
            Name = "RoutesNotExplained",
            Description = "A competency with several paths tells employees that the routes are equally valid.",
        },
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
            var competencyAt = "competencies." + competency.Id;
            foreach (var path in competency.Paths)
            {
                if (string.IsNullOrWhiteSpace(path.Description))
                {
                    // `at` is the dotted path of the node, so that authors can suppress the finding in
                    // checks.suppress; the location is the node's file:line:col.
                    context.Report(
                        PathWithoutDescription,
                        path.Location,
                        $"path '{path.Id}' has no description; add one that tells employees what evidence counts, e.g. description: \"Mentoring sessions held, counted over the window\"",
                        $"{competencyAt}.paths.{path.Id}");
                }
            }

            if (competency.Paths.Count > 1
                && (competency.Description is null || !competency.Description.Contains("equally valid", StringComparison.OrdinalIgnoreCase)))
            {
                context.Report(
                    RoutesNotExplained,
                    competency.Location,
                    $"competency '{competency.Id}' has {competency.Paths.Count} paths; say in its description that the routes are equally valid, so nobody thinks one route is preferred",
                    competencyAt);
            }
        }
    }
}
