namespace FairRubrics.Loading;

/// <summary>
/// A node of a rubric's YAML text, with its position. Scoring rules receive their parameters as nodes so
/// that they can report problems at the exact line and column.
/// </summary>
public abstract class RubricNode
{
    private protected RubricNode(SourceLocation location) => Location = location;

    /// <summary>Gets where the node starts in the source text.</summary>
    public SourceLocation Location { get; }

    /// <summary>Gets a short name of the node's kind for messages ("a text", "a list", "a mapping").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: a single text value, as written.</summary>
public sealed class RubricScalarNode : RubricNode
{
    internal RubricScalarNode(string value, bool isPlain, SourceLocation location)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
    }

    /// <summary>Gets the scalar's text after YAML unescaping.</summary>
    public string Value { get; }

    /// <summary>Gets a value indicating whether the scalar was written without quotes or block style.</summary>
    public bool IsPlain { get; }

    /// <summary>Gets a value indicating whether the scalar is a YAML null (<c>~</c>, <c>null</c> or nothing, unquoted).</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");

    /// <inheritdoc/>
    public override string KindName => "a single value";

    /// <summary>Returns the scalar's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value;
}

/// <summary>A sequence (YAML list).</summary>
public sealed class RubricSequenceNode : RubricNode
{
    internal RubricSequenceNode(IReadOnlyList<RubricNode> items, SourceLocation location)
        : base(location) => Items = items;

    /// <summary>Gets the items in order.</summary>
    public IReadOnlyList<RubricNode> Items { get; }

    /// <inheritdoc/>
    public override string KindName => "a list";
}

/// <summary>A mapping (YAML keys and values) with scalar keys; keys are unique.</summary>
public sealed class RubricMappingNode : RubricNode
{
    internal RubricMappingNode(IReadOnlyList<KeyValuePair<RubricScalarNode, RubricNode>> entries, SourceLocation location)
        : base(location) => Entries = entries;

    /// <summary>Gets the entries in source order.</summary>
    public IReadOnlyList<KeyValuePair<RubricScalarNode, RubricNode>> Entries { get; }

    /// <inheritdoc/>
    public override string KindName => "a mapping";

    /// <summary>Gets the location of the first key, or of the mapping itself when it is empty.</summary>
    public SourceLocation FirstKeyLocation => Entries.Count > 0 ? Entries[0].Key.Location : Location;

    /// <summary>Finds the value of a key (ordinal, case-sensitive).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value when found.</param>
    /// <returns><see langword="true"/> when the key exists.</returns>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RubricNode? value)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}
