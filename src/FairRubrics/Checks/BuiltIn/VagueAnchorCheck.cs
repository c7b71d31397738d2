using System.Globalization;
using FairRubrics.Language;
using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>
/// FR105: an anchor that names no observable behaviour: fewer than <see cref="DesignCheckOptions.MinAnchorWords"/>
/// words, or only evaluative, filler and function words (the word lists used by FR105), e.g. "Consistently
/// exceeds expectations".
/// </summary>
internal sealed class VagueAnchorCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private const string Advice = "name what the person does at this level and its effect, e.g. \"Answers questions from other teams in the public channel within a day\"";

    private static readonly CheckDescriptor Fr105 = Describe(
        DesignCheckIds.VagueAnchor,
        "VagueAnchor",
        "Anchor names no observable behaviour",
        DiagnosticSeverity.Info,
        "An anchor is too short or uses only evaluative words (\"excellent\", \"meets expectations\"), so raters must fill in what the level means, which is where bias enters ratings.");

    protected override CheckDescriptor Descriptor => Fr105;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        var tokens = new List<WordToken>();
        foreach (var competency in rubric.Competencies)
        {
            foreach (var path in competency.Paths)
            {
                foreach (var anchor in path.Anchors)
                {
                    tokens.Clear();
                    WordTokenizer.Tokenize(anchor.Text, tokens);
                    var quoted = RubricFacts.Short(anchor.Text);
                    string? problem = null;
                    if (tokens.Count < Environment.MinAnchorWords)
                    {
                        problem = string.Create(CultureInfo.InvariantCulture, $"has {tokens.Count} word{(tokens.Count == 1 ? string.Empty : "s")} (fewer than {Environment.MinAnchorWords})");
                    }
                    else
                    {
                        var hits = Environment.Find(Fr105.Id, anchor.Text, rubric);
                        if (tokens.All(t => hits.Any(h => h.Start <= t.Start && h.Start + h.Length >= t.End)))
                        {
                            var evaluative = hits.Where(h => h.List.Id != "function-words").Select(h => h.Text).Distinct(StringComparer.OrdinalIgnoreCase);
                            problem = $"only evaluates ({RubricFacts.Quote(evaluative)}) without naming a behaviour or an outcome";
                        }
                    }

                    if (problem is not null)
                    {
                        context.Report(
                            Fr105.Id,
                            anchor.Location,
                            $"anchor {anchor.Level.ToString(CultureInfo.InvariantCulture)} of path '{path.Id}' (\"{quoted}\") {problem}, so each rater decides what it means; {Advice}",
                            RubricFacts.At(competency, path, anchor));
                    }
                }
            }
        }
    }
}
