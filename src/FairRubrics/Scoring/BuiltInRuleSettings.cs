using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>Settings of the built-in <c>rating</c> rule: a rater's level for the path.</summary>
/// <param name="Sources">The rater sources that count; empty means all sources.</param>
/// <param name="Aggregate">How the counted ratings combine (default mean).</param>
/// <param name="MinRatings">The fewest counted ratings that give the path a level (default 1).</param>
public sealed record RatingRuleSettings(IReadOnlyList<RaterSource> Sources, RatingAggregate Aggregate, int MinRatings)
{
    /// <summary>Gets a value indicating whether ratings from <paramref name="source"/> count.</summary>
    /// <param name="source">The rater source.</param>
    /// <returns><see langword="true"/> when <see cref="Sources"/> is empty or contains it.</returns>
    public bool Counts(RaterSource source) => Sources.Count == 0 || Sources.Contains(source);
}

/// <summary>One threshold of a <c>count</c> path: the minimum count that reaches a level.</summary>
/// <param name="Level">The level reached.</param>
/// <param name="MinCount">The minimum count (at least 1).</param>
public sealed record CountThreshold(int Level, int MinCount);

/// <summary>Settings of the built-in <c>count</c> rule: counts evidence items of the listed types.</summary>
/// <param name="Of">The evidence types counted.</param>
/// <param name="Thresholds">Thresholds in ascending level order; counts never decrease as levels rise.</param>
public sealed record CountRuleSettings(IReadOnlyList<string> Of, IReadOnlyList<CountThreshold> Thresholds)
{
    /// <summary>Gets the highest level the path can reach.</summary>
    public int MaxLevel => Thresholds.Count == 0 ? 0 : Thresholds[^1].Level;

    /// <summary>Gets the level a count reaches, or null when it is below the lowest threshold.</summary>
    /// <param name="count">The summed quantity of matching evidence.</param>
    /// <returns>The level, or null.</returns>
    public int? LevelFor(double count)
    {
        int? level = null;
        foreach (var threshold in Thresholds)
        {
            if (count >= threshold.MinCount)
            {
                level = threshold.Level;
            }
        }

        return level;
    }
}

/// <summary>Settings of the built-in <c>presence</c> rule: a fixed level when at least one item of the listed types exists.</summary>
/// <param name="Of">The evidence types looked for.</param>
/// <param name="Level">The level given.</param>
public sealed record PresenceRuleSettings(IReadOnlyList<string> Of, int Level);
