using System.Collections.ObjectModel;
using System.Globalization;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>
/// What a scoring rule says a path needs to reach a level (<see cref="ScoringRule{TSettings}.Guide"/>): evidence to
/// add — every need together, dated on the scoring date — or why the path cannot reach that level.
/// </summary>
public sealed class PathAdvice
{
    private PathAdvice(IReadOnlyList<EvidenceNeed> needs, string? reason, string? reasonKey = null, (string Name, object Value)[]? reasonValues = null)
    {
        Needs = needs;
        Reason = reason;
        ReasonKey = reasonKey;
        ReasonValues = reasonValues ?? [];
    }

    /// <summary>Gets a value indicating whether the path can reach the level by adding <see cref="Needs"/>.</summary>
    public bool IsReachable => Reason is null;

    /// <summary>Gets the evidence to add, all of it together; empty when the level is not reachable.</summary>
    public IReadOnlyList<EvidenceNeed> Needs { get; }

    /// <summary>Gets why the path cannot reach the level (e.g. "the highest level this path gives is 3"), or null when it can.</summary>
    public string? Reason { get; }

    /// <summary>Gets the key of the built-in text (<c>guidance.unreachable.*</c>) that words <see cref="Reason"/> in other languages, or null (a custom rule's own words).</summary>
    internal string? ReasonKey { get; }

    /// <summary>Gets the values that <see cref="ReasonKey"/>'s text fills in.</summary>
    internal (string Name, object Value)[] ReasonValues { get; }

    /// <summary>The path reaches the level when all of <paramref name="needs"/> are added.</summary>
    /// <param name="needs">At least one need; all of them are needed together.</param>
    /// <returns>The advice.</returns>
    /// <exception cref="ArgumentException">No need is given.</exception>
    public static PathAdvice ByAdding(params EvidenceNeed[] needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        if (needs.Length == 0)
        {
            throw new ArgumentException("Give at least one need; a path that needs nothing more already has the level.", nameof(needs));
        }

        foreach (var need in needs)
        {
            ArgumentNullException.ThrowIfNull(need, nameof(needs));
        }

        return new PathAdvice(Array.AsReadOnly((EvidenceNeed[])needs.Clone()), null);
    }

    /// <summary>The path cannot reach the level with more evidence (it is capped below it, or evidence already counted prevents it).</summary>
    /// <param name="reason">Why, in plain words for a manager or the person assessed.</param>
    /// <returns>The advice.</returns>
    public static PathAdvice Unreachable(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new PathAdvice(ReadOnlyCollection<EvidenceNeed>.Empty, reason);
    }

    /// <summary>A built-in reason: the English <paramref name="reason"/>, and the text key that words it in every language.</summary>
    internal static PathAdvice Unreachable(string reason, string key, params (string Name, object Value)[] values) =>
        new(ReadOnlyCollection<EvidenceNeed>.Empty, reason, key, values);

    /// <summary>Returns the needs, or the reason the level is not reachable.</summary>
    /// <returns>Text for logs and debugging (the employee-facing text is <c>GuidanceText</c>).</returns>
    public override string ToString() => Reason is null ? "add " + string.Join(" and ", Needs) : "unreachable: " + Reason;
}

/// <summary>
/// One kind of evidence a path needs: <see cref="OccurrenceNeed"/>, <see cref="RatingNeed"/>, or a
/// <see cref="DescribedNeed"/> that a custom rule words itself.
/// </summary>
public abstract class EvidenceNeed
{
    private protected EvidenceNeed()
    {
    }
}

/// <summary>
/// <see cref="Count"/> more occurrences (each of quantity 1, dated on the scoring date) of any of <see cref="Types"/>,
/// in any mix: e.g. 2 more of mentoring, cross-team-help or onboarding-buddy.
/// </summary>
public sealed class OccurrenceNeed : EvidenceNeed
{
    /// <summary>Creates the need.</summary>
    /// <param name="types">The occurrence types that count (at least one; not <c>rating</c>), in the rubric's order.</param>
    /// <param name="count">How many more items (at least 1).</param>
    public OccurrenceNeed(IEnumerable<string> types, int count)
    {
        ArgumentNullException.ThrowIfNull(types);
        var list = types.ToArray();
        if (list.Length == 0 || list.Any(t => string.IsNullOrWhiteSpace(t) || t == EvidenceItem.RatingType))
        {
            throw new ArgumentException("Give at least one occurrence type; 'rating' is not an occurrence type (use RatingNeed).", nameof(types));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Types = Array.AsReadOnly(list);
        Count = count;
    }

    /// <summary>Gets the occurrence types that count, in the rubric's order.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>Gets how many more items are needed, in any mix of <see cref="Types"/>.</summary>
    public int Count { get; }

    /// <summary>Returns e.g. <c>2 more of mentoring|cross-team-help</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} more of {string.Join('|', Types)}");
}

/// <summary>
/// <see cref="Count"/> more ratings for the path (dated on the scoring date) from one of <see cref="Sources"/>, of which
/// <see cref="CountAtMinimum"/> are at <see cref="MinimumLevel"/> or higher and the rest at any level.
/// </summary>
public sealed class RatingNeed : EvidenceNeed
{
    /// <summary>Creates the need.</summary>
    /// <param name="sources">The rater sources that count; empty means any source.</param>
    /// <param name="count">How many more ratings (at least 1).</param>
    /// <param name="minimumLevel">The level the high ratings need (at least 1).</param>
    /// <param name="countAtMinimum">How many of them need <paramref name="minimumLevel"/> or higher (1 to <paramref name="count"/>).</param>
    public RatingNeed(IEnumerable<RaterSource> sources, int count, int minimumLevel, int countAtMinimum)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumLevel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(countAtMinimum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(countAtMinimum, count);
        Sources = Array.AsReadOnly(sources.Distinct().ToArray());
        Count = count;
        MinimumLevel = minimumLevel;
        CountAtMinimum = countAtMinimum;
    }

    /// <summary>Gets the rater sources that count; empty means any source.</summary>
    public IReadOnlyList<RaterSource> Sources { get; }

    /// <summary>Gets how many more ratings are needed.</summary>
    public int Count { get; }

    /// <summary>Gets the level that <see cref="CountAtMinimum"/> of the ratings need (or higher).</summary>
    public int MinimumLevel { get; }

    /// <summary>Gets how many of the ratings need <see cref="MinimumLevel"/> or higher; the others may be at any level.</summary>
    public int CountAtMinimum { get; }

    /// <summary>Returns e.g. <c>2 rating(s), 1 at 4+, from manager|peer</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count} rating(s), {CountAtMinimum} at {MinimumLevel}+, from {(Sources.Count == 0 ? "any source" : string.Join('|', Sources.Select(s => s.ToString().ToLowerInvariant())))}");
}

/// <summary>A need that a custom rule words itself, e.g. "complete the internal certification" (shown as written).</summary>
public sealed class DescribedNeed : EvidenceNeed
{
    /// <summary>Creates the need.</summary>
    /// <param name="text">What to do, as a verb phrase that fits after "To reach Advanced: ", e.g. "complete the internal certification".</param>
    public DescribedNeed(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text;
    }

    /// <summary>Gets the text.</summary>
    public string Text { get; }

    /// <summary>Returns the text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
