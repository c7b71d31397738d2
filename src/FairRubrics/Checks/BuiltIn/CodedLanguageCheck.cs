using FairRubrics.Language;
using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>
/// FR104: gender-coded or personality words in competency and path titles, descriptions and anchors
/// (the word-list entries used by FR104: personality and fit words, and the trait words of the masculine-
/// and feminine-coded lists). One finding per text, naming every word found.
/// </summary>
internal sealed class CodedLanguageCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr104 = Describe(
        DesignCheckIds.CodedLanguage,
        "CodedOrPersonalityLanguage",
        "Gender-coded or personality language",
        DiagnosticSeverity.Warning,
        "A title, description or anchor uses gender-coded or personality words (e.g. \"assertive\", \"abrasive\", \"outgoing\", \"culture fit\"): they ask raters to judge who someone is rather than what they do, which is where stereotypes decide the rating.");

    protected override CheckDescriptor Descriptor => Fr104;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        foreach (var competency in rubric.Competencies)
        {
            var competencyAt = RubricFacts.At(competency);
            Scan(rubric, context, competency.Title, competency.TitleLocation, $"the title of competency '{competency.Id}'", competencyAt + ".title");
            Scan(rubric, context, competency.Description, competency.Location, $"the description of competency '{competency.Id}'", competencyAt + ".description");
            foreach (var path in competency.Paths)
            {
                var pathAt = RubricFacts.At(competency, path);
                Scan(rubric, context, path.Title, path.TitleLocation, $"the title of path '{path.Id}'", pathAt + ".title");
                Scan(rubric, context, path.Description, path.TitleLocation, $"the description of path '{path.Id}'", pathAt + ".description");
                foreach (var anchor in path.Anchors)
                {
                    Scan(rubric, context, anchor.Text, anchor.Location, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"anchor {anchor.Level} of path '{path.Id}'"), RubricFacts.At(competency, path, anchor));
                }
            }
        }
    }

    private void Scan(Rubric rubric, RubricCheckContext context, string? text, SourceLocation location, string what, string at)
    {
        var hits = Environment.Find(Fr104.Id, text, rubric);
        if (hits.Count == 0)
        {
            return;
        }

        var words = string.Join(", ", hits
            .GroupBy(h => h.Text, StringComparer.OrdinalIgnoreCase)
            .Select(g => $"'{g.First().Text}' ({string.Join(", ", g.Select(h => Kind(h.List)).Distinct(StringComparer.Ordinal))})"));
        // Advice written for a word wins over a list's general advice.
        var instead = hits.Select(h => h.Entry.Instead).FirstOrDefault(i => i is not null)
            ?? hits.Select(h => h.List.Instead).FirstOrDefault(i => i is not null)
            ?? "describe what the person does and the effect it has";
        context.Report(
            Fr104.Id,
            location,
            $"{what} uses {words}: words that judge who someone is rather than what they do, so raters fill them in with stereotypes; {instead.TrimEnd('.')}",
            at);
    }

    private static string Kind(WordList list) => list.Id switch
    {
        "masculine-coded" => "masculine-coded, Gaucher et al. 2011",
        "feminine-coded" => "feminine-coded, Gaucher et al. 2011",
        "personality" => "personality",
        _ => list.Title,
    };
}
