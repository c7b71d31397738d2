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

    internal sealed override object? BindSettings(ScoringRuleParameters parameters, ScoringRuleContext context) => Bind(parameters, context);
}
