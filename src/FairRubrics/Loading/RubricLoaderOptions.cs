namespace FairRubrics.Loading;

/// <summary>
/// Limits that keep rubric loading safe on untrusted files. Every limit is checked before or while parsing,
/// never after building large structures.
/// </summary>
public sealed class RubricLoaderOptions
{
    /// <summary>Gets or sets the largest file accepted, in bytes. Default 4 MiB; range 1 byte to 1 GiB.</summary>
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// Gets or sets the longest single scalar (value or key) accepted, in characters of the value as read (not of the
    /// line it is written on, so a long line of short values is fine). Checked on the raw text before the YAML
    /// parser reads the value, and again after. Default 64 Ki; at least 1.
    /// </summary>
    public int MaxScalarLength { get; set; } = 64 * 1024;

    /// <summary>
    /// Gets or sets the deepest nesting of mappings and lists accepted. Default 32 (a rubric needs about 8);
    /// range 4 to 256. Deeper brackets are found before parsing, and the parser stops at the limit.
    /// </summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Gets or sets the largest number of YAML nodes in one file. Default 200,000; at least 16.</summary>
    public int MaxNodes { get; set; } = 200_000;

    /// <summary>Checks that every limit is in its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is outside its range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFileBytes, 1L, nameof(MaxFileBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFileBytes, 1L << 30, nameof(MaxFileBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxScalarLength, 1, nameof(MaxScalarLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 4, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, 256, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNodes, 16, nameof(MaxNodes));
    }

    internal RubricLoaderOptions Clone() => new()
    {
        MaxFileBytes = MaxFileBytes,
        MaxScalarLength = MaxScalarLength,
        MaxDepth = MaxDepth,
        MaxNodes = MaxNodes,
    };
}
