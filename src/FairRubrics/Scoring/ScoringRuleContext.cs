using FairRubrics.Loading;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>
/// What a scoring rule gets while it validates its parameters: the rubric's scale and typed readers that
/// report problems at the parameter's YAML position. Readers return null for a missing or invalid value
/// (after reporting it), so a rule can read every parameter and report all problems in one pass.
/// </summary>
public sealed class ScoringRuleContext
{
    private readonly NodeReader _reader;

    internal ScoringRuleContext(NodeReader reader, RatingScale? scale, string competencyId, string pathId)
    {
        _reader = reader;
        Scale = scale;
        CompetencyId = competencyId;
        PathId = pathId;
    }

    /// <summary>Gets the rubric's scale, or null when the scale itself is invalid (level checks are then skipped).</summary>
    public RatingScale? Scale { get; }

    /// <summary>Gets the id of the competency whose path is being bound.</summary>
    public string CompetencyId { get; }

    /// <summary>Gets the id of the path being bound.</summary>
    public string PathId { get; }

    /// <summary>Gets a value indicating whether any problem has been reported for this rubric so far.</summary>
    public bool HasErrors => _reader.Diagnostics.HasErrors;

    /// <summary>Reports a problem with a parameter (id <c>FR018</c> unless another load id fits better).</summary>
    /// <param name="at">The node the problem is about.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="id">A load diagnostic id (<c>FR001</c>–<c>FR099</c>); default <c>FR018</c>.</param>
    public void ReportError(RubricNode at, string message, string id = DiagnosticIds.InvalidRuleParameter)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _reader.Error(id, at, message);
    }

    /// <summary>Reports a problem that belongs to no single parameter, at the <c>rule</c> value.</summary>
    /// <param name="parameters">The parameters being bound.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public void ReportError(ScoringRuleParameters parameters, string message)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _reader.Diagnostics.Error(DiagnosticIds.InvalidRuleParameter, parameters.RuleLocation, message);
    }

    /// <summary>Reports every parameter not in <paramref name="allowed"/> as an unknown key, with a suggestion.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="allowed">The parameter names the rule accepts (besides <c>rule</c>).</param>
    public void RejectUnknownParameters(ScoringRuleParameters parameters, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _reader.CheckKeys(parameters.Node, $"the '{RuleName(parameters)}' rule's parameters", [.. allowed, "rule"]);
    }

    /// <summary>Gets a parameter's node, reporting it as missing when required.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="required">Whether a missing parameter is an error.</param>
    /// <returns>The node, or null.</returns>
    public RubricNode? Get(ScoringRuleParameters parameters, string name, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return _reader.Get(parameters.Node, name, $"a '{RuleName(parameters)}' score", required);
    }

    /// <summary>Reads a whole number in a range.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">How to name the value in messages.</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="max">Largest allowed value.</param>
    /// <returns>The value, or null after reporting.</returns>
    public int? ReadInteger(RubricNode node, string what, int min = int.MinValue, int max = int.MaxValue) =>
        _reader.IntegerInRange(node, what, min, max);

    /// <summary>Reads a finite number written with '.'.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">How to name the value in messages.</param>
    /// <returns>The value, or null after reporting.</returns>
    public double? ReadNumber(RubricNode node, string what) => _reader.Number(node, what);

    /// <summary>Reads non-empty text.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">How to name the value in messages.</param>
    /// <returns>The text, or null after reporting.</returns>
    public string? ReadText(RubricNode node, string what) => _reader.Text(node, what);

    /// <summary>Reads a level that must be on the rubric's scale.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">How to name the value in messages.</param>
    /// <returns>The level, or null after reporting.</returns>
    public int? ReadLevel(RubricNode node, string what) => _reader.Level(node, what);

    /// <summary>Reads a non-empty list of unique kebab-case names (e.g. evidence types).</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">How to name the list in messages.</param>
    /// <param name="itemWhat">How to name one item in messages.</param>
    /// <returns>The names, or null after reporting.</returns>
    public IReadOnlyList<string>? ReadNameList(RubricNode node, string what, string itemWhat) => _reader.IdentifierList(node, what, itemWhat);

    /// <summary>Reads a list; an empty list is reported unless <paramref name="allowEmpty"/>.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">How to name the list in messages.</param>
    /// <param name="allowEmpty">Whether an empty list is acceptable.</param>
    /// <returns>The items, or null after reporting.</returns>
    public IReadOnlyList<RubricNode>? ReadList(RubricNode node, string what, bool allowEmpty = false)
    {
        var sequence = _reader.Sequence(node, what);
        if (sequence is null)
        {
            return null;
        }

        if (!allowEmpty && sequence.Items.Count == 0)
        {
            _reader.Error(DiagnosticIds.EmptyList, node, $"{what} is empty; list at least one item");
            return null;
        }

        return sequence.Items;
    }

    /// <summary>Reads one of a fixed set of words.</summary>
    /// <typeparam name="T">The value type the words map to.</typeparam>
    /// <param name="node">The node.</param>
    /// <param name="what">How to name the value in messages.</param>
    /// <param name="allowed">The allowed words and their values.</param>
    /// <returns>The value, or null after reporting (with a "did you mean").</returns>
    public T? ReadChoice<T>(RubricNode node, string what, IReadOnlyDictionary<string, T> allowed)
        where T : struct => _reader.Enum(node, what, allowed);

    /// <summary>Reads a mapping whose keys are scale levels (e.g. <c>thresholds</c>), in ascending level order.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">How to name the mapping in messages.</param>
    /// <returns>The entries (level, value node), or null after reporting.</returns>
    public IReadOnlyList<KeyValuePair<int, RubricNode>>? ReadLevelMap(RubricNode node, string what)
    {
        var mapping = _reader.Mapping(node, what);
        if (mapping is null)
        {
            return null;
        }

        if (mapping.Entries.Count == 0)
        {
            _reader.Error(DiagnosticIds.EmptyList, node, $"{what} is empty; give at least one level");
            return null;
        }

        var result = new List<KeyValuePair<int, RubricNode>>();
        var ok = true;
        foreach (var entry in mapping.Entries)
        {
            var level = _reader.Level(entry.Key, $"the level key in {what}");
            if (level is null)
            {
                _reader.Diagnostics.Poison(entry.Value);
                ok = false;
                continue;
            }

            if (result.Any(r => r.Key == level))
            {
                _reader.Error(DiagnosticIds.DuplicateKey, entry.Key, $"level {level} appears twice in {what}; keep one");
                ok = false;
                continue;
            }

            result.Add(new KeyValuePair<int, RubricNode>(level.Value, entry.Value));
        }

        result.Sort((a, b) => a.Key.CompareTo(b.Key));
        return ok ? result : null;
    }

    private static string RuleName(ScoringRuleParameters parameters) =>
        parameters.Node.TryGetValue("rule", out var rule) && rule is RubricScalarNode s ? s.Value : "?";
}
