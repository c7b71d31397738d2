namespace FairRubrics.Audit;

/// <summary>An <see cref="AuditRequest"/> cannot be run as it stands; <see cref="Problem"/> says what, <see cref="Name"/> about what.</summary>
public sealed class AuditRequestException : FairRubricsException
{
    /// <summary>Creates the exception.</summary>
    public AuditRequestException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public AuditRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AuditRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets what is wrong.</summary>
    public AuditRequestProblem Problem { get; init; }

    /// <summary>Gets the attribute, band or file the problem is about.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the property of <see cref="AuditRequest"/> the problem is in (e.g. <c>Baseline</c>).</summary>
    public string Field { get; init; } = string.Empty;

    /// <summary>Gets the names the problem chose from (the table's columns, or the analysed attributes), or empty.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
}

/// <summary>What is wrong with an <see cref="AuditRequest"/>.</summary>
public enum AuditRequestProblem
{
    /// <summary>An attribute of <see cref="AuditRequest.By"/> is not a column of the attributes table.</summary>
    NotAColumn,

    /// <summary>An attribute of <see cref="AuditRequest.By"/> is named twice.</summary>
    NamedTwice,

    /// <summary>A reference group names an attribute that is not analysed.</summary>
    ReferenceNotAnalysed,

    /// <summary>Two reference groups name one attribute.</summary>
    ReferenceTwice,

    /// <summary>A reference group has an empty value.</summary>
    ReferenceWithoutValue,

    /// <summary>No favourable bands are given and there is no rubric to take them from.</summary>
    NoFavourableBands,

    /// <summary>The rubric names no favourable bands.</summary>
    RubricWithoutFavourableBands,

    /// <summary>A file of the request does not exist (<see cref="AuditRequestException.Name"/> is the path).</summary>
    NoSuchFile,
}
