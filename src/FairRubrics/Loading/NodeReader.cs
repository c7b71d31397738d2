using System.Globalization;
using System.Text.RegularExpressions;

namespace FairRubrics.Loading;

/// <summary>
/// Typed reading of YAML nodes with precise diagnostics. Every reader reports at most one problem per node
/// and returns null for a value it rejected, so that one mistake never cascades into several errors.
/// </summary>
internal sealed partial class NodeReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Gets or sets the scale's top level once known; null while the scale is unknown or invalid.</summary>
    public int? ScaleMax { get; set; }

    public static bool IsIdentifier(string value) => IdentifierPattern().IsMatch(value);

    public void Error(string id, RubricNode at, string message)
    {
        if (!Diagnostics.IsPoisoned(at))
        {
            Diagnostics.Error(id, at.Location, message);
            Diagnostics.Poison(at);
        }
    }

    public RubricMappingNode? Mapping(RubricNode node, string what)
    {
        if (node is RubricMappingNode mapping)
        {
            return mapping;
        }

        Error(DiagnosticIds.WrongNodeType, node, $"{what} must be a mapping of keys and values, not {node.KindName}");
        return null;
    }

    public RubricSequenceNode? Sequence(RubricNode node, string what)
    {
        if (node is RubricSequenceNode sequence)
        {
            return sequence;
        }

        Error(DiagnosticIds.WrongNodeType, node, $"{what} must be a list (items starting with '- ' or written as [a, b]), not {node.KindName}");
        return null;
    }

    public RubricScalarNode? Scalar(RubricNode node, string what)
    {
        if (node is RubricScalarNode scalar)
        {
            return scalar;
        }

        Error(DiagnosticIds.WrongNodeType, node, $"{what} must be a single value, not {node.KindName}");
        return null;
    }

    /// <summary>Reports every key not in <paramref name="allowed"/> (with a suggestion) and returns the known entries.</summary>
    public void CheckKeys(RubricMappingNode mapping, string where, IReadOnlyCollection<string> allowed)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!allowed.Contains(entry.Key.Value))
            {
                Error(DiagnosticIds.UnknownKey, entry.Key, $"unknown key '{entry.Key.Value}' in {where}{Suggestions.Hint(entry.Key.Value, allowed)}");
                Diagnostics.Poison(entry.Value);
            }
        }
    }

    /// <summary>Gets a key's value; reports FR005 at the mapping's first key when it is required and missing.</summary>
    public RubricNode? Get(RubricMappingNode mapping, string key, string where, bool required)
    {
        if (mapping.TryGetValue(key, out var value))
        {
            return value;
        }

        if (required && !HasMisspeltKey(mapping, key))
        {
            Diagnostics.Error(DiagnosticIds.MissingKey, mapping.FirstKeyLocation, $"{where} has no '{key}'; add '{key}:'");
        }

        return null;
    }

    /// <summary>Gets a value indicating whether an unknown key of the mapping is a misspelling of <paramref name="key"/> (already reported as FR003).</summary>
    private bool HasMisspeltKey(RubricMappingNode mapping, string key) =>
        mapping.Entries.Any(e => Diagnostics.IsPoisoned(e.Key) && Suggestions.Closest(e.Key.Value, [key]) is not null);

    /// <summary>Reads non-empty text.</summary>
    public string? Text(RubricNode node, string what)
    {
        if (Diagnostics.IsPoisoned(node))
        {
            return null;
        }

        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(DiagnosticIds.EmptyText, node, $"{what} is empty; write the text");
            return null;
        }

        return scalar.Value;
    }

    /// <summary>Reads optional text: null or empty means absent.</summary>
    public string? OptionalText(RubricNode node, string what)
    {
        if (Diagnostics.IsPoisoned(node))
        {
            return null;
        }

        var scalar = Scalar(node, what);
        if (scalar is null || scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Value))
        {
            return null;
        }

        return scalar.Value;
    }

    public string? Identifier(RubricNode node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (!IsIdentifier(text))
        {
            var suggestion = ToIdentifier(text);
            var hint = suggestion is not null && suggestion != text ? $", e.g. '{suggestion}'" : string.Empty;
            Error(DiagnosticIds.InvalidIdentifier, node, $"{what} '{text}' is not lower-case kebab-case; use letters a-z, digits and single '-' between words, starting with a letter{hint}");
            return null;
        }

        return text;
    }

    /// <summary>Reads a finite decimal number written with '.' (plain scalar, no exponent, no '_').</summary>
    public double? Number(RubricNode node, string what)
    {
        if (Diagnostics.IsPoisoned(node))
        {
            return null;
        }

        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.IsPlain || !NumberPattern().IsMatch(scalar.Value)
            || !double.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            // A finite number in another notation (1.7976931348623157e308, 5e-324) is not told it is not finite.
            var finiteExponent = scalar.IsPlain && ExponentPattern().IsMatch(scalar.Value)
                && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var written) && double.IsFinite(written);
            var quoted = !scalar.IsPlain ? " (without quotes)" : string.Empty;
            Error(
                DiagnosticIds.InvalidNumber,
                node,
                finiteExponent
                    ? $"{what} must be written as a plain decimal with '.', without an exponent, e.g. 1500 or 0.0015; got '{Shorten(scalar.Value)}'"
                    : $"{what} must be a finite number written with '.'{quoted}, e.g. 2.5; got '{Shorten(scalar.Value)}'");
            return null;
        }

        return value;
    }

    /// <summary>Reads a whole number.</summary>
    public int? Integer(RubricNode node, string what)
    {
        if (Diagnostics.IsPoisoned(node))
        {
            return null;
        }

        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.IsPlain || !IntegerPattern().IsMatch(scalar.Value)
            || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            var quoted = !scalar.IsPlain ? " (without quotes)" : string.Empty;
            Error(DiagnosticIds.InvalidInteger, node, $"{what} must be a whole number{quoted}, e.g. 3; got '{Shorten(scalar.Value)}'");
            return null;
        }

        return value;
    }

    public int? IntegerInRange(RubricNode node, string what, int min, int max)
    {
        var value = Integer(node, what);
        if (value is null)
        {
            return null;
        }

        if (value < min || value > max)
        {
            var range = max == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"at least {min}")
                : string.Create(CultureInfo.InvariantCulture, $"from {min} to {max}");
            Error(DiagnosticIds.OutOfRange, node, string.Create(CultureInfo.InvariantCulture, $"{what} must be {range}; got {value}"));
            return null;
        }

        return value;
    }

    /// <summary>Reads a level that must be on the scale (when the scale is known).</summary>
    public int? Level(RubricNode node, string what)
    {
        var value = Integer(node, what);
        if (value is null)
        {
            return null;
        }

        if (value < 1 || (ScaleMax is { } max && value > max))
        {
            var range = ScaleMax is { } top ? string.Create(CultureInfo.InvariantCulture, $"1 to {top}") : "1 or more";
            Error(DiagnosticIds.LevelNotOnScale, node, string.Create(CultureInfo.InvariantCulture, $"{what} {value} is not on the scale; use a level from {range}"));
            return null;
        }

        return value;
    }

    public T? Enum<T>(RubricNode node, string what, IReadOnlyDictionary<string, T> allowed)
        where T : struct
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (allowed.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(DiagnosticIds.InvalidEnumValue, node, $"{what} '{Shorten(text)}' is not allowed{Suggestions.Hint(text, allowed.Keys.ToArray())}");
        return null;
    }

    /// <summary>Reads a non-empty list of unique identifiers.</summary>
    public IReadOnlyList<string>? IdentifierList(RubricNode node, string what, string itemWhat)
    {
        if (Diagnostics.IsPoisoned(node))
        {
            return null;
        }

        var sequence = Sequence(node, what);
        if (sequence is null)
        {
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            Error(DiagnosticIds.EmptyList, node, $"{what} is empty; list at least one {itemWhat}");
            return null;
        }

        var result = new List<string>(sequence.Items.Count);
        var ok = true;
        foreach (var item in sequence.Items)
        {
            var id = Identifier(item, itemWhat);
            if (id is null)
            {
                ok = false;
                continue;
            }

            if (result.Contains(id, StringComparer.Ordinal))
            {
                Error(DiagnosticIds.DuplicateId, item, $"{itemWhat} '{id}' is listed twice in {what}; list it once");
                ok = false;
                continue;
            }

            result.Add(id);
        }

        return ok ? result : null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";

    private static string? ToIdentifier(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed.Any(c => c > 127 && char.IsLetter(c)))
        {
            return null;
        }

        var lowered = Regex.Replace(trimmed, "[^a-z0-9]+", "-", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Trim('-');
        return lowered.Length > 0 && IsIdentifier(lowered) ? lowered : null;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?[eE][-+]?[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExponentPattern();

    [GeneratedRegex(@"^-?[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();
}
