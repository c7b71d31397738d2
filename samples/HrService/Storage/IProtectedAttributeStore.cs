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
    /// Fills <paramref name="values"/> with the subject's value of each of <paramref name="names"/> (null: unknown);
    /// false when the subject has no attributes at all.
    /// </summary>
    Task<bool> TryGetAsync(string subject, IReadOnlyList<string> names, string?[] values, CancellationToken cancellationToken);
}
