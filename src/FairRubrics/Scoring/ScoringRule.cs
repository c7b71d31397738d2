using System.Text.RegularExpressions;
using FairRubrics.Loading;

namespace FairRubrics.Scoring;

/// <summary>
/// A scoring rule: turns a path's evidence into a level. The built-in rules (<c>rating</c>, <c>count</c>,
/// <c>presence</c>) derive from this class exactly as integrators' rules do. A rule is referenced by
/// <see cref="Name"/> from YAML (<c>rule: acme/tenure-weighted</c>), receives every other key under
/// <c>score</c> as a parameter, and validates them when the rubric is loaded.
/// </summary>
/// <remarks>Derive from <see cref="ScoringRule{TSettings}"/>; instances are shared and must be thread-safe.</remarks>
public abstract partial class ScoringRule
{
    private protected ScoringRule()
    {
    }

    /// <summary>
    /// Gets the name written after <c>rule:</c>. Lower-case kebab-case, optionally with one <c>/</c>
    /// namespace (e.g. <c>acme/tenure-weighted</c>); unique among registered rules.
    /// </summary>
    public abstract string Name { get; }

    /// <summary>Gets a one-line description of what the rule does (shown in explanations and docs).</summary>
    public virtual string Description => Name;

    /// <summary>Gets a value indicating whether a rule name is well formed.</summary>
    /// <param name="name">The name to test.</param>
    /// <returns><see langword="true"/> for names such as <c>count</c> or <c>acme/tenure-weighted</c>.</returns>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    internal abstract object? BindSettings(ScoringRuleParameters parameters, ScoringRuleContext context);

    internal abstract IReadOnlyCollection<string> OccurrenceTypesOf(object settings);

    internal abstract bool UsesRatingsOf(object settings);

    internal abstract bool CountsItem(object settings, in Evidence.EvidenceItem item);

    internal abstract PathOutcome EvaluatePath(object settings, in PathEvidence evidence);

    internal abstract PathAdvice? GuidePath(object settings, in PathEvidence evidence, double targetLevel);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*(/[a-z][a-z0-9]*(-[a-z0-9]+)*)?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>A scoring rule whose parameters are validated once, at load time, into <typeparamref name="TSettings"/>.</summary>
/// <typeparam name="TSettings">The immutable settings the rule makes from its parameters.</typeparam>
#pragma warning disable RS0022 // Intended: integrators derive from ScoringRule<TSettings>, never from ScoringRule directly.
public abstract class ScoringRule<TSettings> : ScoringRule
#pragma warning restore RS0022
    where TSettings : class
{
    /// <summary>
    /// Validates the parameters and makes the settings. Report every problem through <paramref name="context"/>
    /// (each is shown with its YAML position) and return null when any parameter is invalid.
    /// </summary>
    /// <param name="parameters">Every key under <c>score</c> except <c>rule</c>.</param>
    /// <param name="context">Typed readers that report problems with positions, and the rubric's scale.</param>
    /// <returns>The settings, or null after reporting problems.</returns>
    public abstract TSettings? Bind(ScoringRuleParameters parameters, ScoringRuleContext context);

    /// <summary>
    /// Gets the occurrence types (evidence <c>type</c> other than <c>rating</c>) the path counts: items of these
    /// types are routed to the path by type, and items addressed to the path must have one of them. Default: none.
    /// </summary>
    /// <param name="settings">The path's settings.</param>
    /// <returns>The types.</returns>
    public virtual IReadOnlyCollection<string> OccurrenceTypes(TSettings settings) => [];

    /// <summary>Gets a value indicating whether ratings addressed to the path are scored by this rule. Default: false.</summary>
    /// <param name="settings">The path's settings.</param>
    /// <returns><see langword="true"/> when the rule scores ratings.</returns>
    public virtual bool UsesRatings(TSettings settings) => false;

    /// <summary>
    /// Decides whether an item routed to the path counts (for example, whether a rating's source is one the path
    /// counts). Items that do not count are reported as unmatched, never dropped silently. Default: all count.
    /// </summary>
    /// <param name="settings">The path's settings.</param>
    /// <param name="item">The item.</param>
    /// <returns><see langword="true"/> when the item counts.</returns>
    public virtual bool Counts(TSettings settings, in Evidence.EvidenceItem item) => true;

    /// <summary>
    /// Scores the path from the subject's counted evidence for it. Must be deterministic (the same items in any
    /// order give the same outcome), thread-safe and free of per-item allocations on the hot path.
    /// </summary>
    /// <param name="settings">The path's settings bound at load time.</param>
    /// <param name="evidence">The subject's counted evidence for this path.</param>
    /// <returns>A level from 1 to the scale's top, or no level.</returns>
    public abstract PathOutcome Evaluate(TSettings settings, in PathEvidence evidence);

    /// <summary>
    /// Optional: says what evidence, added on the scoring date, takes the path to at least <paramref name="targetLevel"/>
    /// — used for development guidance (the routes to a person's next level). The advice must be exact: adding every
    /// need makes <see cref="Evaluate"/> give at least <paramref name="targetLevel"/>. Return
    /// <see cref="PathAdvice.Unreachable(string)"/> when no added evidence can (e.g. the path's highest level is lower), and
    /// null when the rule cannot say (the default); guidance then asks the person to check with their manager what
    /// evidence counts for the path. Guidance assumes that adding evidence never lowers a path's level.
    /// </summary>
    /// <param name="settings">The path's settings bound at load time.</param>
    /// <param name="evidence">The subject's counted evidence for this path at the scoring date (may be empty).</param>
    /// <param name="targetLevel">The path level needed; above the path's current level, at most the scale's top, and
    /// fractional when the competency combines paths by a mean.</param>
    /// <returns>The advice, or null when the rule cannot say.</returns>
    public virtual PathAdvice? Guide(TSettings settings, in PathEvidence evidence, double targetLevel) => null;

    internal sealed override object? BindSettings(ScoringRuleParameters parameters, ScoringRuleContext context) => Bind(parameters, context);

    internal sealed override IReadOnlyCollection<string> OccurrenceTypesOf(object settings) => OccurrenceTypes((TSettings)settings);

    internal sealed override bool UsesRatingsOf(object settings) => UsesRatings((TSettings)settings);

    internal sealed override bool CountsItem(object settings, in Evidence.EvidenceItem item) => Counts((TSettings)settings, item);

    internal sealed override PathOutcome EvaluatePath(object settings, in PathEvidence evidence) => Evaluate((TSettings)settings, evidence);

    internal sealed override PathAdvice? GuidePath(object settings, in PathEvidence evidence, double targetLevel) => Guide((TSettings)settings, evidence, targetLevel);
}
