namespace FairRubrics.Audit;

/// <summary>
/// An audit report as it was published, read back from its JSON (<see cref="AuditJson"/>): the counts and rates of
/// every listed group and which groups were suppressed, for <see cref="AuditOptions.Baseline"/> (how each group
/// changed since). Immutable; holds only what the report published.
/// </summary>
public sealed class PublishedAudit
{
    internal PublishedAudit(string source, string? rubric, long subjects, long scored, int minGroupSize, IReadOnlyList<PublishedAnalysis> analyses)
    {
        Source = source;
        Rubric = rubric;
        Subjects = subjects;
        Scored = scored;
        MinGroupSize = minGroupSize;
        Analyses = analyses;
    }

    /// <summary>Gets where the report was read from (a file name), for messages.</summary>
    public string Source { get; }

    /// <summary>Gets the rubric id of the audited results, or null when the report names none.</summary>
    public string? Rubric { get; }

    /// <summary>Gets the number of score results audited then.</summary>
    public long Subjects { get; }

    /// <summary>Gets the number of scored subjects then.</summary>
    public long Scored { get; }

    /// <summary>Gets the minimum group size of that audit.</summary>
    public int MinGroupSize { get; }

    /// <summary>Gets the analyses as published.</summary>
    public IReadOnlyList<PublishedAnalysis> Analyses { get; }

    /// <summary>Reads an audit JSON report.</summary>
    /// <param name="json">The report's UTF-8 JSON (read to its end, not closed).</param>
    /// <param name="source">The file name to use in messages.</param>
    /// <returns>The report as published.</returns>
    /// <exception cref="AuditReportFormatException">The text is not JSON, or not an audit JSON report (with its line and column).</exception>
    public static PublishedAudit Read(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        return PublishedAuditReader.Read(json, source);
    }

    /// <summary>Reads an audit JSON report from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The report as published.</returns>
    /// <exception cref="AuditReportFormatException">The file is not JSON, or not an audit JSON report.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static PublishedAudit ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Finds the analysis of exactly these attributes (ordinal, in order), or null.</summary>
    /// <param name="attributes">The attribute names.</param>
    /// <returns>The analysis, or null.</returns>
    public PublishedAnalysis? Find(IReadOnlyList<string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return Analyses.FirstOrDefault(a => a.Attributes.SequenceEqual(attributes, StringComparer.Ordinal));
    }

    /// <summary>Throws unless the report is an audit of the given rubric (both null counts as the same).</summary>
    internal void RequireRubric(string? rubric, string use)
    {
        if (!string.Equals(Rubric, rubric, StringComparison.Ordinal))
        {
            throw new FairRubricsException($"{Source}: {use} is an audit of {Describe(Rubric)}, but the results audited now are of {Describe(rubric)}; compare audits of one rubric only.");
        }

        static string Describe(string? id) => id is null ? "no named rubric" : $"rubric '{id}'";
    }
}

/// <summary>One analysis of a published audit.</summary>
/// <param name="Attributes">The analysis' attributes.</param>
/// <param name="Groups">The listed groups.</param>
public sealed record PublishedAnalysis(IReadOnlyList<string> Attributes, IReadOnlyList<PublishedGroup> Groups)
{
    /// <summary>Finds the group with exactly these values (ordinal), or null.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The group, or null.</returns>
    public PublishedGroup? Find(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Groups.FirstOrDefault(g => g.Values.SequenceEqual(values, StringComparer.Ordinal));
    }
}

/// <summary>One group of a published audit; its figures are null when it was suppressed.</summary>
public sealed record PublishedGroup
{
    /// <summary>Gets the attribute values.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>Gets a value indicating whether the group's figures were withheld.</summary>
    public bool Suppressed { get; init; }

    /// <summary>Gets a value indicating whether the group was the reference group.</summary>
    public bool IsReference { get; init; }

    /// <summary>Gets the number of scored subjects, or null when suppressed.</summary>
    public long? N { get; init; }

    /// <summary>Gets the number of favourable outcomes, or null.</summary>
    public long? Favourable { get; init; }

    /// <summary>Gets the selection rate, or null.</summary>
    public double? SelectionRate { get; init; }

    /// <summary>Gets the impact ratio, or null (suppressed, left out of impact ratios, or no reference).</summary>
    public double? ImpactRatio { get; init; }

    /// <summary>Gets the exact four-fifths decision as published, or null.</summary>
    public bool? BelowFourFifths { get; init; }
}

/// <summary>A file given as an earlier audit report is not JSON, or not an audit JSON report; the message names the file, line and column.</summary>
public sealed class AuditReportFormatException : FairRubricsException
{
    /// <summary>Creates the exception.</summary>
    public AuditReportFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, with the file position.</param>
    public AuditReportFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong, with the file position.</param>
    /// <param name="innerException">The cause.</param>
    public AuditReportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the 1-based line of the problem (0 when unknown).</summary>
    public int Line { get; init; }

    /// <summary>Gets the 1-based column of the problem (0 when unknown).</summary>
    public int Column { get; init; }
}
