using FairRubrics.Loading;

namespace FairRubrics.Model;

/// <summary>
/// How a path is scored: the rule's name, the parameters written under <c>score</c> (every key except
/// <c>rule</c>), and the settings the rule made from them when the rubric was loaded.
/// </summary>
public sealed class ScoreSpec
{
    internal ScoreSpec(string rule, Scoring.ScoringRule implementation, RubricMappingNode parameters, object settings, SourceLocation location, SourceLocation ruleLocation)
    {
        Implementation = implementation;
        Rule = rule;
        Parameters = parameters;
        Settings = settings;
        Location = location;
        RuleLocation = ruleLocation;
    }

    /// <summary>Gets the rule name, e.g. <c>rating</c>, <c>count</c>, <c>presence</c> or <c>acme/tenure-weighted</c>.</summary>
    public string Rule { get; }

    /// <summary>Gets the parameters as written (every key under <c>score</c> except <c>rule</c>), with positions.</summary>
    public RubricMappingNode Parameters { get; }

    /// <summary>
    /// Gets the validated settings the rule bound from <see cref="Parameters"/> at load time, e.g.
    /// <see cref="Scoring.CountRuleSettings"/> for <c>count</c>.
    /// </summary>
    public object Settings { get; }

    /// <summary>Gets where the <c>score</c> mapping is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>Gets the rule that bound the settings (and scores the path).</summary>
    internal Scoring.ScoringRule Implementation { get; }

    /// <summary>Gets where the <c>rule</c> value is written.</summary>
    public SourceLocation RuleLocation { get; }
}
