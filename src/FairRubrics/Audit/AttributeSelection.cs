namespace FairRubrics.Audit;

/// <summary>Chooses the analysed columns of an attributes table from the names a caller gives (as <c>--by</c> does).</summary>
internal static class AttributeSelection
{
    /// <summary>Reads an attributes table from <paramref name="stream"/> or, when it is null, the file <paramref name="path"/>.</summary>
    /// <exception cref="Evidence.EvidenceFormatException">The table cannot be read; the message starts with the file's name (or "attributes").</exception>
    public static AttributeTable Read(Stream? stream, string? path)
    {
        using var file = stream is null ? File.OpenRead(path!) : null;
        try
        {
            return AuditInputReader.ReadAttributes(stream ?? file!);
        }
        catch (Evidence.EvidenceFormatException ex)
        {
            throw new Evidence.EvidenceFormatException($"{path ?? "attributes"}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The columns named by <paramref name="names"/> (matched ignoring case, written as in the table), in the order
    /// given; every column when <paramref name="names"/> is null.
    /// </summary>
    /// <exception cref="AttributeSelectionException">A name is not a column, or (with <paramref name="rejectTwice"/>) is given twice.</exception>
    public static List<string> Choose(AttributeTable table, IEnumerable<string>? names, string source, bool rejectTwice)
    {
        var columns = table.Columns.ToList();
        var chosen = new List<string>();
        foreach (var name in names ?? columns)
        {
            var column = columns.Find(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new AttributeSelectionException(name, source, columns, twice: false);
            if (rejectTwice && chosen.Contains(column, StringComparer.Ordinal))
            {
                throw new AttributeSelectionException(name, source, columns, twice: true);
            }

            chosen.Add(column);
        }

        return chosen;
    }
}

/// <summary>An attribute to analyse is not a column of the attributes table, or is named twice.</summary>
public sealed class AttributeSelectionException : FairRubricsException
{
    internal AttributeSelectionException(string attribute, string source, IReadOnlyList<string> columns, bool twice)
        : base(twice
            ? $"the attribute '{attribute}' is named twice"
            : $"the attribute '{attribute}' is not a column of {source} (columns: {string.Join(", ", columns)})")
    {
        Attribute = attribute;
        Columns = columns;
        Twice = twice;
    }

    /// <summary>Gets the name as the caller gave it.</summary>
    public string Attribute { get; }

    /// <summary>Gets the columns of the attributes table.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets a value indicating whether the name is a column given twice (rather than not a column).</summary>
    public bool Twice { get; }
}
