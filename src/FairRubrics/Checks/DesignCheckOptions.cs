using System.Globalization;
using FairRubrics.Language;

namespace FairRubrics.Checks;

/// <summary>Settings of the built-in rubric design checks (FR101–FR111), set in code by the host.</summary>
public sealed class DesignCheckOptions
{
    /// <summary>
    /// Gets or sets the largest share of the overall weight that interpersonal and visibility-dependent
    /// competencies may carry before FR107 reports it. Default 0.4 (40%); range greater than 0 up to 1.
    /// </summary>
    public double MaxInterpersonalWeightShare { get; set; } = 0.4;

    /// <summary>Gets or sets the fewest words an anchor may have before FR105 calls it vague. Default 4; range 1 to 50.</summary>
    public int MinAnchorWords { get; set; } = 4;

    /// <summary>Gets or sets a value indicating whether the word lists shipped with the package are used (default true).</summary>
    public bool UseBuiltInWordLists { get; set; } = true;

    /// <summary>Gets the host's own word lists, used besides the built-in ones (see <see cref="WordListLoader"/>).</summary>
    public IList<WordList> WordLists { get; } = [];

    /// <summary>Gets words or phrases that the word-list checks (FR102, FR104, FR106) never report, in any rubric.</summary>
    public ISet<string> AllowedWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks the documented ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public void Validate()
    {
        if (!(MaxInterpersonalWeightShare > 0 && MaxInterpersonalWeightShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInterpersonalWeightShare), MaxInterpersonalWeightShare, string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxInterpersonalWeightShare)} must be greater than 0 and at most 1 (a share of the overall weight, e.g. 0.4)."));
        }

        if (MinAnchorWords is < 1 or > 50)
        {
            throw new ArgumentOutOfRangeException(nameof(MinAnchorWords), MinAnchorWords, $"{nameof(MinAnchorWords)} must be between 1 and 50.");
        }
    }
}
