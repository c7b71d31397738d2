using FairRubrics.Checks.BuiltIn;

namespace FairRubrics.Checks;

/// <summary>
/// The built-in rubric design checks FR101–FR111, for use without a container
/// (<c>new RubricLinter(BuiltInChecks.Create())</c>). <c>AddFairRubrics()</c> registers the same checks
/// through <c>AddRubricCheck&lt;T&gt;()</c>.
/// </summary>
public static class BuiltInChecks
{
    /// <summary>Creates the built-in checks.</summary>
    /// <param name="options">Thresholds and word lists (copied), or null for the defaults.</param>
    /// <returns>One check per built-in id, in id order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public static IReadOnlyList<IRubricCheck> Create(DesignCheckOptions? options = null)
    {
        var environment = new DesignCheckEnvironment(options ?? new DesignCheckOptions());
        return
        [
            new SinglePathInterpersonalCheck(environment),
            new ContactAccumulationCheck(environment),
            new UnequalPathCeilingsCheck(environment),
            new CodedLanguageCheck(environment),
            new VagueAnchorCheck(environment),
            new VisibilityDependenceCheck(environment),
            new WeightConcentrationCheck(environment),
            new SingleRaterSourceCheck(environment),
            new CountWithoutWindowCheck(environment),
            new UnanchoredRatingPathCheck(environment),
            new MissingTranslationCheck(environment),
        ];
    }
}
