using System.Collections.ObjectModel;
using System.Globalization;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Pages;
using FairRubrics.Scoring;

namespace FairRubrics.Guidance;

/// <summary>Turns a score into development guidance: the routes to each competency's next level. Thread-safe.</summary>
public interface IGuidanceAdvisor
{
    /// <summary>Works out the routes to the next level of every competency below the scale's top, and the single steps that change the band.</summary>
    /// <param name="score">A score made by <see cref="IRubricScorer"/>.</param>
    /// <returns>The guidance.</returns>
    SubjectGuidance Advise(SubjectScore score);

    /// <summary>
    /// Works out the guidance with its texts in a language: the <c>guidance.*</c> texts of <paramref name="texts"/>
    /// (a key the language lacks is English, see <see cref="PageTexts.MissingKeys"/>), and the rubric's titles and labels
    /// in <see cref="PageTexts.Locale"/> where the rubric has them. An advisor that cannot word other languages returns
    /// <see cref="Advise(SubjectScore)"/>, which is what this default does.
    /// </summary>
    /// <param name="score">A score made by <see cref="IRubricScorer"/>.</param>
    /// <param name="texts">The texts of the language, e.g. <c>PageTexts.ForLocale("de")</c>.</param>
    /// <returns>The guidance.</returns>
    SubjectGuidance Advise(SubjectScore score, PageTexts texts) => Advise(score);
}

/// <summary>
/// The guidance advisor. For each competency below the top, the next level is the current level rounded down plus
/// one (level 1 without evidence); each path's rule says what evidence, dated on the scoring date, takes the path to
/// the level the competency needs from it (<see cref="ScoringRule{TSettings}.Guide"/>). Paths are listed in the
/// rubric's order and never ranked. Stateless and thread-safe.
/// </summary>
public sealed class GuidanceAdvisor : IGuidanceAdvisor
{
    /// <summary>Creates an advisor.</summary>
    /// <param name="phrases">How evidence types are worded in the texts; default <see cref="EvidencePhrases.BuiltIn"/>.</param>
    public GuidanceAdvisor(EvidencePhrases? phrases = null) => Phrases = phrases ?? EvidencePhrases.BuiltIn;

    /// <summary>Gets how evidence types are worded in the texts.</summary>
    public EvidencePhrases Phrases { get; }

    /// <inheritdoc/>
    public SubjectGuidance Advise(SubjectScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Advise(score, GuidanceWords.English(Phrases, score.Rubric));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Evidence types are worded by the package's phrases in that language (<see cref="EvidencePhrases.ForLocale"/>)
    /// when this advisor uses the built-in phrases, and by <see cref="Phrases"/> as given otherwise.
    /// </remarks>
    public SubjectGuidance Advise(SubjectScore score, PageTexts texts)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(texts);
        var phrases = ReferenceEquals(Phrases, EvidencePhrases.BuiltIn) ? EvidencePhrases.ForLocale(texts.Locale) : Phrases;
        return Advise(score, new GuidanceWords(texts, phrases, score.Rubric, texts.Locale));
    }

    private static SubjectGuidance Advise(SubjectScore score, GuidanceWords words)
    {
        var plan = score.Plan;
        var rubric = plan.Rubric;
        var top = rubric.Scale.MaxLevel;
        var pathLevels = score.PathLevels.ToArray();
        var competencyLevels = score.CompetencyLevels.ToArray();
        var competencies = new List<CompetencyGuidance>();
        var steps = new List<BandStep>();
        for (var c = 0; c < rubric.Competencies.Count; c++)
        {
            var current = competencyLevels[c];
            if (current >= top)
            {
                continue;
            }

            var competency = rubric.Competencies[c];
            var target = double.IsNaN(current) ? 1 : (int)Math.Floor(current) + 1;
            var guidance = ForCompetency(score, c, competency, pathLevels, target, words);
            competencies.Add(guidance);
            if (guidance.Routes.Count > 0 && BandStepFor(plan, competency, c, competencyLevels, target, score.Band, words) is { } step)
            {
                steps.Add(step);
            }
        }

        return new SubjectGuidance(score, competencies.AsReadOnly(), steps.AsReadOnly());
    }

    private static CompetencyGuidance ForCompetency(SubjectScore score, int c, Competency competency, double[] pathLevels, int target, GuidanceWords words)
    {
        var plan = score.Plan;
        var rubric = plan.Rubric;
        var start = plan.CompetencyStarts[c];
        var count = plan.CompetencyStarts[c + 1] - start;
        var routes = new List<PathRoute>();
        var unreachable = new List<PathRoute>();
        for (var i = 0; i < count; i++)
        {
            var pathPlan = plan.Paths[start + i];
            var items = score.EvidenceArrayOf(start + i);
            var level = double.IsNaN(pathLevels[start + i]) ? (double?)null : pathLevels[start + i];
            var expiring = Expiring(items, rubric.Window);
            var (required, reachable) = RequiredLevel(plan, competency, pathLevels.AsSpan(start, count), start, i, target, rubric.Scale.MaxLevel);
            PathAdvice? advice;
            if (!reachable)
            {
                advice = PathAdvice.Unreachable(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"even level {rubric.Scale.MaxLevel} on this path would not bring the {(competency.Combine == CombineMode.Mean ? "mean" : "weighted mean")} of the paths to {target}"),
                    competency.Combine == CombineMode.Mean ? "guidance.unreachable.mean" : "guidance.unreachable.weighted-mean",
                    ("top", rubric.Scale.MaxLevel),
                    ("target", target));
            }
            else
            {
                advice = pathPlan.Rule.GuidePath(pathPlan.Settings, new PathEvidence(items, rubric.Scale, score.AsOf), required);
                if (advice is not null)
                {
                    Validate(advice, pathPlan, rubric.Scale.MaxLevel);
                    if (advice.IsReachable && competency.Combine != CombineMode.BestOf)
                    {
                        advice = WithoutSideEffects(advice, plan, start, count, i, pathLevels);
                    }
                }
            }

            var text = GuidanceText.Route(pathPlan.Path, advice, rubric.Scale, words);
            var route = new PathRoute(pathPlan.Path, level, required, advice, expiring, text);
            (advice is null || advice.IsReachable ? routes : unreachable).Add(route);
        }

        var sentence = GuidanceText.Sentence(competency, rubric.Scale, target, routes, words);
        var current = double.IsNaN(score.CompetencyLevels[c]) ? (double?)null : score.CompetencyLevels[c];
        return new CompetencyGuidance(competency, current, target, rubric.Scale.LabelOf(target), routes.AsReadOnly(), unreachable.AsReadOnly(), sentence);
    }

    /// <summary>
    /// The level path <paramref name="index"/> needs for the competency to reach <paramref name="target"/>, the others
    /// as they are: the target under best-of; under a mean, the smallest level that lifts the scorer's own mean there
    /// (found algebraically, then confirmed on the scorer's arithmetic one representable number at a time).
    /// </summary>
    private static (double Required, bool Reachable) RequiredLevel(ScoringPlan plan, Competency competency, ReadOnlySpan<double> levels, int start, int index, int target, int top)
    {
        if (competency.Combine == CombineMode.BestOf)
        {
            return (target, true);
        }

        var trial = levels.ToArray();
        double WeightOf(int i) => competency.Combine == CombineMode.WeightedMean ? plan.Paths[start + i].Path.Weight : 1;
        bool Reaches(double level)
        {
            trial[index] = level;
            return RubricScorer.Combine(plan, competency, trial, start).Level >= target;
        }

        double others = 0, otherWeights = 0;
        for (var i = 0; i < trial.Length; i++)
        {
            if (i != index && !double.IsNaN(trial[i]))
            {
                others += WeightOf(i) * trial[i];
                otherWeights += WeightOf(i);
            }
        }

        var required = ((target * (otherWeights + WeightOf(index))) - others) / WeightOf(index);
        if (!Reaches(top))
        {
            return (Math.Max(required, top), false);
        }

        required = Math.Clamp(required, 0, top);
        for (var step = 0; step < 64 && !Reaches(required); step++)
        {
            required = Math.Min(Math.BitIncrement(required), top);
        }

        for (var step = 0; step < 64 && required > 0 && Reaches(Math.BitDecrement(required)); step++)
        {
            required = Math.BitDecrement(required);
        }

        return (Presentable(required, top, Reaches), true);
    }

    /// <summary>
    /// The shortest decimal at most 1e-9 above <paramref name="required"/> that still reaches the target (4 rather than
    /// 3.9999999999999996, which rounding of the mean also accepts), so that hosts show clean numbers.
    /// </summary>
    private static double Presentable(double required, int top, Func<double, bool> reaches)
    {
        for (var decimals = 0; decimals <= 12; decimals++)
        {
            var candidate = Math.Round(Math.Ceiling(Math.Round(required * Math.Pow(10, decimals), 6)) / Math.Pow(10, decimals), decimals);
            if (candidate >= required && candidate - required <= 1e-9 && candidate <= top && reaches(candidate))
            {
                return candidate;
            }
        }

        return required;
    }

    /// <summary>
    /// Under a mean, items of a type that another path of the competency also counts would give that path its first
    /// level if it has none, and a low first level lowers the mean: such types are left out of the advice, so that
    /// whatever mix of the remaining types is added, the competency reaches the target.
    /// </summary>
    private static PathAdvice WithoutSideEffects(PathAdvice advice, ScoringPlan plan, int start, int count, int index, double[] pathLevels)
    {
        var needs = new EvidenceNeed[advice.Needs.Count];
        for (var n = 0; n < needs.Length; n++)
        {
            if (advice.Needs[n] is not OccurrenceNeed occurrences)
            {
                needs[n] = advice.Needs[n];
                continue;
            }

            var kept = new List<string>();
            ScoringPlan.PathPlan? blocker = null;
            foreach (var type in occurrences.Types)
            {
                var other = FirstOtherPathWithoutLevel(plan, start, count, index, pathLevels, type);
                if (other is null)
                {
                    kept.Add(type);
                }
                else
                {
                    blocker ??= other;
                }
            }

            if (kept.Count == 0)
            {
                return PathAdvice.Unreachable(
                    $"its evidence also counts for '{blocker!.Path.Title}', which has no level yet, so how far more of it moves the mean of the paths depends on both; ask your manager",
                    "guidance.unreachable.shared",
                    ("way", blocker.Path));
            }

            needs[n] = kept.Count == occurrences.Types.Count ? occurrences : new OccurrenceNeed(kept, occurrences.Count);
        }

        return PathAdvice.ByAdding(needs);
    }

    private static ScoringPlan.PathPlan? FirstOtherPathWithoutLevel(ScoringPlan plan, int start, int count, int index, double[] pathLevels, string type)
    {
        for (var i = 0; i < count; i++)
        {
            if (i != index && double.IsNaN(pathLevels[start + i]) && plan.Paths[start + i].Types.Contains(type))
            {
                return plan.Paths[start + i];
            }
        }

        return null;
    }

    /// <summary>Advice from a rule must be addable evidence for its own path; anything else is a defect in the rule.</summary>
    private static void Validate(PathAdvice advice, ScoringPlan.PathPlan path, int top)
    {
        foreach (var need in advice.Needs)
        {
            var problem = need switch
            {
                OccurrenceNeed o when o.Types.FirstOrDefault(t => !path.Types.Contains(t)) is { } type => $"names the type '{type}', which the path does not count",
                RatingNeed when !path.UsesRatings => "asks for ratings, which the path does not score",
                RatingNeed r when r.MinimumLevel > top => string.Create(CultureInfo.InvariantCulture, $"asks for ratings of {r.MinimumLevel}, above the scale's top {top}"),
                _ => null,
            };
            if (problem is not null)
            {
                throw new FairRubricsException($"The scoring rule '{path.Path.Score.Rule}' advised path '{path.Path.Id}' with a need that {problem}; this is a defect in that rule's Guide.");
            }
        }
    }

    private static ReadOnlyCollection<ExpiringEvidence> Expiring(EvidenceItem[] items, EvidenceWindow? window)
    {
        if (window is null || items.Length == 0)
        {
            return ReadOnlyCollection<ExpiringEvidence>.Empty;
        }

        var groups = new SortedDictionary<DateOnly, List<EvidenceItem>>();
        foreach (var item in items)
        {
            if (item.Date is { } date && window.StopsCountingOn(date) is { } stops)
            {
                if (!groups.TryGetValue(stops, out var list))
                {
                    groups[stops] = list = [];
                }

                list.Add(item);
            }
        }

        var result = new List<ExpiringEvidence>(groups.Count);
        foreach (var (stops, list) in groups)
        {
            var ordered = list.OrderBy(i => i.Row).ThenBy(i => i.Label, StringComparer.Ordinal).ToArray();
            var quantities = ordered.Select(i => i.IsRating ? 1 : i.Quantity).Order().ToArray();
            var quantity = 0.0;
            foreach (var q in quantities)
            {
                quantity += q;
            }

            result.Add(new ExpiringEvidence(stops, ordered.Length, quantity, Array.AsReadOnly(ordered.Select(i => i.Label).ToArray())));
        }

        return result.AsReadOnly();
    }

    private static BandStep? BandStepFor(ScoringPlan plan, Competency competency, int c, double[] competencyLevels, int target, string? band, GuidanceWords words)
    {
        if (plan.Bands.Length == 0)
        {
            return null;
        }

        var trial = (double[])competencyLevels.Clone();
        trial[c] = target;
        var (_, overall, newBand) = RubricScorer.Overall(plan, trial);
        if (string.Equals(newBand, band, StringComparison.Ordinal))
        {
            return null;
        }

        var raises = Rank(plan, newBand) < Rank(plan, band);
        var text = GuidanceText.Step(competency, plan.Rubric.Scale, target, band, newBand, raises, words);
        return new BandStep(competency, target, plan.Rubric.Scale.LabelOf(target), band, newBand, overall, raises, text);
    }

    /// <summary>A band's position, best first; no band ranks last.</summary>
    private static int Rank(ScoringPlan plan, string? band)
    {
        for (var i = 0; i < plan.Bands.Length; i++)
        {
            if (string.Equals(plan.Bands[i].Label, band, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
