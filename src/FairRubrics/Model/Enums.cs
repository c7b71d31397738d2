namespace FairRubrics.Model;

/// <summary>What kind of competency it is; design checks treat interpersonal competencies with extra care.</summary>
public enum CompetencyCategory
{
    /// <summary>Anything else (the default).</summary>
    Other = 0,

    /// <summary>Working with and through other people (relationships, collaboration, networking).</summary>
    Interpersonal,

    /// <summary>Technical or craft skills.</summary>
    Technical,

    /// <summary>Getting results delivered.</summary>
    Delivery,

    /// <summary>Leading people or work.</summary>
    Leadership,
}

/// <summary>How a competency's level is made from its paths' levels.</summary>
public enum CombineMode
{
    /// <summary>The highest path level counts (the default): nobody is marked down for the route they prefer.</summary>
    BestOf = 0,

    /// <summary>The mean of the paths that have a level.</summary>
    Mean,

    /// <summary>The weighted mean (path <c>weight</c>) of the paths that have a level.</summary>
    WeightedMean,
}

/// <summary>What happens to competencies without enough evidence when the overall score is computed.</summary>
public enum MissingEvidencePolicy
{
    /// <summary>Leave them out and renormalise the weights (the default).</summary>
    Exclude = 0,

    /// <summary>Count them as level 0.</summary>
    Zero,

    /// <summary>The subject's whole result becomes <c>insufficient-evidence</c>.</summary>
    Fail,
}

/// <summary>Who gave a rating.</summary>
public enum RaterSource
{
    /// <summary>The subject about themselves.</summary>
    Self,

    /// <summary>The subject's manager.</summary>
    Manager,

    /// <summary>A peer.</summary>
    Peer,

    /// <summary>Someone who reports to the subject.</summary>
    Report,

    /// <summary>A system of record (the default for evidence with no source).</summary>
    System,
}

/// <summary>How the counted ratings of a <c>rating</c> path are combined.</summary>
public enum RatingAggregate
{
    /// <summary>Arithmetic mean (may be fractional, e.g. 3.5). The default.</summary>
    Mean = 0,

    /// <summary>Median (the mean of the two middle values for an even count).</summary>
    Median,

    /// <summary>The lowest rating.</summary>
    Min,

    /// <summary>The highest rating.</summary>
    Max,
}
