using FairRubrics.Model;

namespace FairRubrics.Checks.BuiltIn;

/// <summary>
/// FR111: a locale some text of the rubric is written in is missing from another text, so a page in that language
/// mixes languages (the missing text falls back to the rubric's <c>locale</c>). One finding per text, naming every
/// locale it lacks.
/// </summary>
internal sealed class MissingTranslationCheck(DesignCheckEnvironment environment) : DesignCheck(environment)
{
    private static readonly CheckDescriptor Fr111 = Describe(
        DesignCheckIds.MissingTranslation,
        "MissingTranslation",
        "Text missing in a language the rubric is written in",
        DiagnosticSeverity.Warning,
        "A language the rubric uses elsewhere has no text here, so the page for readers of that language falls back to the rubric's own language for this text and mixes languages.");

    protected override CheckDescriptor Descriptor => Fr111;

    public override void Check(Rubric rubric, RubricCheckContext context)
    {
        if (rubric.Locales.Count < 2)
        {
            return;
        }

        foreach (var text in rubric.Texts)
        {
            var missing = rubric.Locales.Skip(1).Where(l => !text.Translations.ContainsKey(l)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var list = string.Join(", ", missing.Select(l => "'" + l + "'"));
            context.Report(
                Fr111.Id,
                text.Location,
                $"'{text.Path}' has no text in {list}, which the rubric uses elsewhere; readers of {(missing.Count == 1 ? "that language" : "those languages")} see it in '{rubric.Locale}' instead; add {string.Join(", ", missing.Select(l => l + ": …"))}",
                null);
        }
    }
}
