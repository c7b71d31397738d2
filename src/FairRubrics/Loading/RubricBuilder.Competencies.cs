using System.Globalization;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Loading;

/// <summary>The rubric's competencies and their paths: ids, weights, anchors and each path's scoring rule.</summary>
internal sealed partial class RubricBuilder
{
    private List<Competency>? ReadCompetencies(RubricNode node, RatingScale? scale)
    {
        var sequence = _r.Sequence(node, "'competencies'");
        if (sequence is null)
        {
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            _r.Error(DiagnosticIds.EmptyList, node, "'competencies' is empty; a rubric assesses at least one competency");
            return null;
        }

        var result = new List<Competency>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var item in sequence.Items)
        {
            var competency = ReadCompetency(item, scale, ids);
            ok &= competency is not null;
            if (competency is not null)
            {
                result.Add(competency);
            }
        }

        ok &= WeightsAddUp(result.Select(c => (c.Weight, c.WeightLocation)), "the competencies' weights");
        return ok ? result : null;
    }

    /// <summary>
    /// Checks that weights add up, times the top of any scale, to a finite number: the overall score and a
    /// weighted mean sum weight × level, and each weight's share is divided by the total (issue #24 item 4).
    /// </summary>
    private bool WeightsAddUp(IEnumerable<(double Weight, SourceLocation At)> weights, string what)
    {
        var total = 0.0;
        foreach (var (weight, at) in weights)
        {
            total += weight;
            if (!double.IsFinite(total * MaxScaleLevel))
            {
                _r.Diagnostics.Error(DiagnosticIds.OutOfRange, at, $"{what} add up to more than FairRubrics can compute with (about 1.8e307); only their ratios matter: use smaller numbers, such as 1, 2 and 3");
                return false;
            }
        }

        return true;
    }

    private Competency? ReadCompetency(RubricNode node, RatingScale? scale, HashSet<string> ids)
    {
        var mapping = _r.Mapping(node, "a competency");
        if (mapping is null)
        {
            return null;
        }

        _r.CheckKeys(mapping, "a competency", CompetencyKeys);
        var id = ReadUniqueId(mapping, "competency", ids, "the rubric");
        var where = id is null ? "this competency" : $"competency '{id}'";
        var at = "competencies." + (id ?? "?");
        var titleNode = _r.Get(mapping, "title", where, required: true);
        var title = titleNode is null ? null : LocalText(titleNode, "the competency 'title'", at + ".title", titleNode.Location, required: true);
        var descriptionNode = _r.Get(mapping, "description", where, required: false);
        var description = descriptionNode is null ? null : LocalText(descriptionNode, "'description'", at + ".description", descriptionNode.Location, required: false);

        var category = CompetencyCategory.Other;
        if (_r.Get(mapping, "category", where, required: false) is { } categoryNode)
        {
            category = _r.Enum(categoryNode, "'category'", Categories) ?? category;
        }

        var weightNode = _r.Get(mapping, "weight", where, required: false);
        var weight = weightNode is null ? 1.0 : ReadWeight(weightNode, where);

        var combine = CombineMode.BestOf;
        if (_r.Get(mapping, "combine", where, required: false) is { } combineNode)
        {
            combine = _r.Enum(combineNode, "'combine'", CombineModes) ?? combine;
        }

        List<EvidencePath>? paths = null;
        if (_r.Get(mapping, "paths", where, required: true) is { } pathsNode && _r.Sequence(pathsNode, "'paths'") is { } pathSequence)
        {
            if (pathSequence.Items.Count == 0)
            {
                _r.Error(DiagnosticIds.EmptyList, pathSequence, $"'paths' of {where} is empty; give at least one evidence path");
            }
            else
            {
                paths = [];
                var pathIds = new HashSet<string>(StringComparer.Ordinal);
                foreach (var pathNode in pathSequence.Items)
                {
                    var path = ReadPath(pathNode, scale, id ?? "?", pathIds, where);
                    if (path is null)
                    {
                        paths = null;
                        continue;
                    }

                    paths?.Add(path);
                }
            }
        }

        if (id is null || title is null || weight is null || paths is null
            || !WeightsAddUp(paths.Select(p => (p.Weight, p.Location)), $"the weights of the paths of {where}"))
        {
            return null;
        }

        return new Competency(id, title, description, category, weight.Value, combine, paths, mapping.FirstKeyLocation, titleNode!.Location, description is null ? null : descriptionNode!.Location, weightNode?.Location ?? mapping.FirstKeyLocation);
    }

    private EvidencePath? ReadPath(RubricNode node, RatingScale? scale, string competencyId, HashSet<string> ids, string competencyWhere)
    {
        var mapping = _r.Mapping(node, "an evidence path");
        if (mapping is null)
        {
            return null;
        }

        _r.CheckKeys(mapping, "an evidence path", PathKeys);
        var id = ReadUniqueId(mapping, "path", ids, competencyWhere);
        var where = id is null ? "this path" : $"path '{id}'";
        var at = "competencies." + competencyId + ".paths." + (id ?? "?");
        var titleNode = _r.Get(mapping, "title", where, required: true);
        var title = titleNode is null ? null : LocalText(titleNode, "the path 'title'", at + ".title", titleNode.Location, required: true);
        var descriptionNode = _r.Get(mapping, "description", where, required: false);
        var description = descriptionNode is null ? null : LocalText(descriptionNode, "'description'", at + ".description", descriptionNode.Location, required: false);
        var weightNode = _r.Get(mapping, "weight", where, required: false);
        var weight = weightNode is null ? 1.0 : ReadWeight(weightNode, where);

        IReadOnlyList<Anchor>? anchors = [];
        if (_r.Get(mapping, "anchors", where, required: false) is { } anchorsNode)
        {
            anchors = ReadAnchors(anchorsNode, at + ".anchors.");
        }

        ScoreSpec? score = null;
        if (_r.Get(mapping, "score", where, required: true) is { } scoreNode)
        {
            score = ReadScore(scoreNode, scale, competencyId, id ?? "?", where);
        }

        if (id is null || title is null || weight is null || anchors is null || score is null)
        {
            return null;
        }

        return new EvidencePath(id, title, description, weight.Value, anchors, score, mapping.FirstKeyLocation, titleNode!.Location, description is null ? null : descriptionNode!.Location);
    }

    private string? ReadUniqueId(RubricMappingNode mapping, string what, HashSet<string> ids, string scope)
    {
        var node = _r.Get(mapping, "id", $"this {what}", required: true);
        if (node is null)
        {
            return null;
        }

        var id = _r.Identifier(node, $"the {what} 'id'");
        if (id is null)
        {
            return null;
        }

        if (!ids.Add(id))
        {
            _r.Error(DiagnosticIds.DuplicateId, node, $"{scope} already has a {what} with id '{id}'; give each {what} a unique id");
            return null;
        }

        return id;
    }

    private double? ReadWeight(RubricNode node, string where)
    {
        var weight = _r.Number(node, $"the 'weight' of {where}");
        if (weight is null)
        {
            return null;
        }

        if (weight <= 0)
        {
            _r.Error(DiagnosticIds.OutOfRange, node, string.Create(CultureInfo.InvariantCulture, $"the 'weight' of {where} must be greater than 0 (weights are relative; 1 is the default); got {weight}"));
            return null;
        }

        return weight;
    }

    private List<Anchor>? ReadAnchors(RubricNode node, string at)
    {
        var mapping = _r.Mapping(node, "'anchors'");
        if (mapping is null)
        {
            return null;
        }

        var anchors = new List<Anchor>();
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            var level = _r.Level(keyNode, "anchor level");
            var text = LocalText(valueNode, "the anchor text", at + keyNode.Value, valueNode.Location, required: true);
            if (level is null || text is null)
            {
                ok = false;
                continue;
            }

            if (anchors.Any(a => a.Level == level))
            {
                _r.Error(DiagnosticIds.DuplicateKey, keyNode, string.Create(CultureInfo.InvariantCulture, $"level {level} has two anchors; keep one"));
                ok = false;
                continue;
            }

            anchors.Add(new Anchor(level.Value, text, valueNode.Location));
        }

        anchors.Sort((a, b) => a.Level.CompareTo(b.Level));
        return ok ? anchors : null;
    }

    private ScoreSpec? ReadScore(RubricNode node, RatingScale? scale, string competencyId, string pathId, string where)
    {
        var mapping = _r.Mapping(node, $"the 'score' of {where}");
        if (mapping is null)
        {
            return null;
        }

        var ruleNode = _r.Get(mapping, "rule", $"the 'score' of {where}", required: true);
        if (ruleNode is null)
        {
            return null;
        }

        var ruleName = _r.Text(ruleNode, "'rule'");
        if (ruleName is null)
        {
            return null;
        }

        if (!_rules.TryGet(ruleName, out var rule))
        {
            _r.Error(DiagnosticIds.UnknownRule, ruleNode, $"no scoring rule is named '{ruleName}'{Suggestions.Hint(ruleName, _rules.Names)} (custom rules must be registered by the host application)");
            return null;
        }

        var context = new ScoringRuleContext(_r, scale, competencyId, pathId);
        var parameters = new ScoringRuleParameters(mapping, ruleNode.Location);
        var errorsBefore = _r.Diagnostics.Items.Count;
        object? settings;
        try
        {
            settings = rule.BindSettings(parameters, context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _r.Diagnostics.Error(DiagnosticIds.InvalidRuleParameter, ruleNode.Location, $"the scoring rule '{ruleName}' failed while checking its parameters ({ex.GetType().Name}); this is a defect in that rule");
            return null;
        }

        if (settings is null)
        {
            if (_r.Diagnostics.Items.Count == errorsBefore && !ContainsReported(mapping))
            {
                _r.Diagnostics.Error(DiagnosticIds.InvalidRuleParameter, ruleNode.Location, $"the scoring rule '{ruleName}' rejected its parameters without saying why");
            }

            return null;
        }

        return new ScoreSpec(ruleName, rule, mapping, settings, mapping.FirstKeyLocation, ruleNode.Location);
    }

    private bool ContainsReported(RubricNode node)
    {
        var stack = new Stack<RubricNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (_r.Diagnostics.IsPoisoned(current))
            {
                return true;
            }

            switch (current)
            {
                case RubricSequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        stack.Push(item);
                    }

                    break;
                case RubricMappingNode map:
                    foreach (var entry in map.Entries)
                    {
                        stack.Push(entry.Value);
                    }

                    break;
            }
        }

        return false;
    }
}
