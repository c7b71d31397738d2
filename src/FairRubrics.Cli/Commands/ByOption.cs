using FairRubrics.Audit;

namespace FairRubrics.Cli.Commands;

/// <summary>What the commands with <c>--by a,b</c> share: splitting the list and wording an attribute that is not a column.</summary>
internal static class ByOption
{
    /// <summary>The names of a comma-separated list, trimmed, without empty ones; empty for null.</summary>
    public static string[] Split(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The usage error for an attribute of <c>--by</c> that the attributes file does not have, or that is named twice.</summary>
    public static CliUsageException Error(AttributeSelectionException ex, string? attributesFile) => new(ex.Twice
        ? $"--by names '{ex.Attribute}' twice"
        : $"--by names '{ex.Attribute}', which is not a column of {attributesFile} (columns: {string.Join(", ", ex.Columns)})");
}
