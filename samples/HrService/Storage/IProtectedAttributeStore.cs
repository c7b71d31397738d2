namespace Acme.HrService.Storage;

/// <summary>
/// Protected attributes (gender, ethnicity, age band, …) in their own table. Only the audit reads them, after
/// scoring, to place each score in its groups; nothing here is ever logged.
/// </summary>
internal interface IProtectedAttributeStore
{
    /// <summary>Replaces a subject's attributes (a null or blank value removes that attribute: unknown).</summary>
    Task ReplaceAsync(string subject, IReadOnlyDictionary<string, string?> attributes, CancellationToken cancellationToken);

    /// <summary>
    /// Gets the values of <paramref name="names"/> for each of <paramref name="subjects"/> (one query); a subject
    /// without any attribute is missing from the result.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> GetAsync(IReadOnlyList<string> subjects, IReadOnlyList<string> names, CancellationToken cancellationToken);
}
