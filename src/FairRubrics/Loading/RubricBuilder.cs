using System.Globalization;
using System.Text.RegularExpressions;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Loading;

/// <summary>Validates a rubric's YAML tree against the <c>fairrubrics: 1</c> format and builds the model, reporting every problem.</summary>
internal sealed partial class RubricBuilder
{
    private static readonly string[] TopKeys = ["fairrubrics", "id", "version", "locale", "title", "description", "scale", "competencies", "bands", "favourable", "missing-evidence", "window", "checks"];
    private static readonly string[] CompetencyKeys = ["id", "title", "description", "category", "weight", "combine", "paths"];
    private static readonly string[] PathKeys = ["id", "title", "description", "weight", "anchors", "score"];
    private static readonly string[] BandKeys = ["label", "min"];
    private static readonly string[] WindowKeys = ["months", "days"];
    private static readonly string[] ChecksKeys = ["suppress", "severity", "allow"];
    private static readonly string[] AllowKeys = ["word", "reason"];
    private static readonly string[] SuppressKeys = ["id", "at", "reason"];

    private static readonly IReadOnlyDictionary<string, CompetencyCategory> Categories = new Dictionary<string, CompetencyCategory>(StringComparer.Ordinal)
    {
        ["interpersonal"] = CompetencyCategory.Interpersonal,
        ["technical"] = CompetencyCategory.Technical,
        ["delivery"] = CompetencyCategory.Delivery,
        ["leadership"] = CompetencyCategory.Leadership,
        ["other"] = CompetencyCategory.Other,
    };

    private static readonly IReadOnlyDictionary<string, CombineMode> CombineModes = new Dictionary<string, CombineMode>(StringComparer.Ordinal)
    {
        ["best-of"] = CombineMode.BestOf,
        ["mean"] = CombineMode.Mean,
        ["weighted-mean"] = CombineMode.WeightedMean,
    };

    private static readonly IReadOnlyDictionary<string, MissingEvidencePolicy> MissingPolicies = new Dictionary<string, MissingEvidencePolicy>(StringComparer.Ordinal)
    {
        ["exclude"] = MissingEvidencePolicy.Exclude,
        ["zero"] = MissingEvidencePolicy.Zero,
        ["fail"] = MissingEvidencePolicy.Fail,
    };

    private static readonly IReadOnlyDictionary<string, SeverityChoice> Severities = new Dictionary<string, SeverityChoice>(StringComparer.Ordinal)
    {
        ["info"] = new(DiagnosticSeverity.Info),
        ["warning"] = new(DiagnosticSeverity.Warning),
        ["error"] = new(DiagnosticSeverity.Error),
        ["none"] = new(null),
    };

    private readonly NodeReader _r;
    private readonly ScoringRuleSet _rules;
    private readonly string _file;
    private readonly List<RubricText> _texts = [];
    private string _locale = LocaleTag.Default;

    /// <summary>The top of the largest scale a rubric can have (2 to 10 levels).</summary>
    private const double MaxScaleLevel = 10;

    public RubricBuilder(DiagnosticBag diagnostics, ScoringRuleSet rules, string file)
    {
        _r = new NodeReader(diagnostics);
        _rules = rules;
        _file = file;
    }

    public Rubric? Build(RubricMappingNode root, IReadOnlyList<LineSuppression> lineSuppressions)
    {
        _r.CheckKeys(root, "the rubric", TopKeys);
        ReadFormatVersion(root);

        var id = _r.Get(root, "id", "the rubric", required: true) is { } idNode ? _r.Identifier(idNode, "the rubric 'id'") : null;
        var version = _r.Get(root, "version", "the rubric", required: true) is { } versionNode ? ReadVersion(versionNode) : null;
        _locale = ReadLocale(root);
        var titleNode = _r.Get(root, "title", "the rubric", required: true);
        var title = titleNode is null ? null : LocalText(titleNode, "the rubric 'title'", "title", titleNode.Location, required: true);
        var descriptionNode = _r.Get(root, "description", "the rubric", required: false);
        var description = descriptionNode is null ? null : LocalText(descriptionNode, "'description'", "description", descriptionNode.Location, required: false);

        var scale = _r.Get(root, "scale", "the rubric", required: true) is { } scaleNode ? ReadScale(scaleNode) : null;
        _r.ScaleMax = scale?.MaxLevel;

        var competencies = _r.Get(root, "competencies", "the rubric", required: true) is { } competenciesNode ? ReadCompetencies(competenciesNode, scale) : null;
        var bandLabels = new List<string>();
        var bands = _r.Get(root, "bands", "the rubric", required: false) is { } bandsNode ? ReadBands(bandsNode, bandLabels) : [];
        var hasBands = root.TryGetValue("bands", out _);
        var favourable = _r.Get(root, "favourable", "the rubric", required: false) is { } favourableNode ? ReadFavourable(favourableNode, hasBands, bandLabels) : [];

        var missing = MissingEvidencePolicy.Exclude;
        if (_r.Get(root, "missing-evidence", "the rubric", required: false) is { } missingNode)
        {
            missing = _r.Enum(missingNode, "'missing-evidence'", MissingPolicies) ?? missing;
        }

        var window = _r.Get(root, "window", "the rubric", required: false) is { } windowNode ? ReadWindow(windowNode) : null;
        var checks = _r.Get(root, "checks", "the rubric", required: false) is { } checksNode ? ReadChecks(checksNode, lineSuppressions) : new CheckSettings([], new Dictionary<string, DiagnosticSeverity?>(), lineSuppressions);

        if (_r.Diagnostics.HasErrors || id is null || version is null || title is null || scale is null || competencies is null || bands is null || favourable is null || checks is null)
        {
            return null;
        }

        return new Rubric(id, version, title, description, scale, competencies, bands, favourable, missing, window, checks, _file, root.FirstKeyLocation, titleNode!.Location, description is null ? null : descriptionNode!.Location, _locale, _texts.AsReadOnly());
    }

    private void ReadFormatVersion(RubricMappingNode root)
    {
        if (!root.TryGetValue("fairrubrics", out var node))
        {
            _r.Diagnostics.Error(DiagnosticIds.FormatVersion, root.FirstKeyLocation, "the file does not say which rubric format it uses; add 'fairrubrics: 1' as its first line");
            return;
        }

        if (node is RubricScalarNode { IsPlain: false } quoted && quoted.Value.Trim() == "1")
        {
            _r.Error(DiagnosticIds.FormatVersion, node, "the format version is the number 1, not the text \"1\": remove the quotes and write 'fairrubrics: 1'");
        }
        else if (node is not RubricScalarNode { IsPlain: true, Value: "1" })
        {
            var written = node is RubricScalarNode s ? $"'{s.Value}'" : node.KindName;
            _r.Error(DiagnosticIds.FormatVersion, node, $"format version {written} is not supported; this version of FairRubrics reads 'fairrubrics: 1'");
        }
    }

    private string? ReadVersion(RubricNode node)
    {
        if (_r.Diagnostics.IsPoisoned(node))
        {
            return null;
        }

        var scalar = _r.Scalar(node, "the rubric 'version'");
        if (scalar is null)
        {
            return null;
        }

        if (!SemVerPattern().IsMatch(scalar.Value))
        {
            var hint = scalar.IsPlain && NumberLike().IsMatch(scalar.Value) ? $", e.g. '{scalar.Value}{(scalar.Value.Contains('.', StringComparison.Ordinal) ? ".0" : ".0.0")}'" : ", e.g. '2.1.0'";
            _r.Error(DiagnosticIds.InvalidVersion, node, $"the rubric 'version' '{scalar.Value}' is not a semantic version; write MAJOR.MINOR.PATCH{hint}");
            return null;
        }

        return scalar.Value;
    }

    private RatingScale? ReadScale(RubricNode node)
    {
        var mapping = _r.Mapping(node, "'scale'");
        if (mapping is null)
        {
            return null;
        }

        var levels = new List<ScaleLevel>();
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            var level = _r.Integer(keyNode, "a scale level");
            var label = LocalText(valueNode, "the scale label", "scale." + keyNode.Value, keyNode.Location, required: true);
            if (level is null)
            {
                ok = false;
                continue;
            }

            if (levels.Any(l => l.Level == level))
            {
                _r.Error(DiagnosticIds.InvalidScale, keyNode, string.Create(CultureInfo.InvariantCulture, $"scale level {level} is written twice; keep one"));
                ok = false;
                continue;
            }

            levels.Add(new ScaleLevel(level.Value, label ?? string.Empty, keyNode.Location));
            ok &= label is not null;
        }

        if (!ok)
        {
            return null;
        }

        levels.Sort((a, b) => a.Level.CompareTo(b.Level));
        if (levels.Count < 2 || levels.Count > 10)
        {
            _r.Error(DiagnosticIds.InvalidScale, mapping, string.Create(CultureInfo.InvariantCulture, $"the scale has {levels.Count} level(s); a scale has from 2 to 10 levels numbered 1, 2, 3 …"));
            return null;
        }

        for (var i = 0; i < levels.Count; i++)
        {
            var expected = i + 1;
            if (levels[i].Level != expected)
            {
                var at = mapping.Entries.First(e => e.Key.Location == levels[i].Location).Key;
                var message = levels[i].Level > expected
                    ? string.Create(CultureInfo.InvariantCulture, $"scale levels must be numbered 1..N without gaps: level {expected} is missing before level {levels[i].Level}")
                    : string.Create(CultureInfo.InvariantCulture, $"scale levels start at 1; level {levels[i].Level} is not allowed");
                _r.Error(DiagnosticIds.InvalidScale, at, message);
                return null;
            }
        }

        return new RatingScale(levels, mapping.FirstKeyLocation);
    }

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

    private List<Band>? ReadBands(RubricNode node, List<string> labels)
    {
        var sequence = _r.Sequence(node, "'bands'");
        if (sequence is null)
        {
            return null;
        }

        var bands = new List<Band>();
        var ok = true;
        foreach (var item in sequence.Items)
        {
            var mapping = _r.Mapping(item, "a band");
            if (mapping is null)
            {
                ok = false;
                continue;
            }

            _r.CheckKeys(mapping, "a band", BandKeys);
            var labelNode = _r.Get(mapping, "label", "this band", required: true);
            var label = labelNode is null ? null : LocalText(labelNode, "the band 'label'", null, mapping.FirstKeyLocation, required: true);
            var minNode = _r.Get(mapping, "min", "this band", required: true);
            var min = minNode is null ? null : _r.Number(minNode, "the band 'min'");
            if (min is < 0)
            {
                _r.Error(DiagnosticIds.OutOfRange, minNode!, string.Create(CultureInfo.InvariantCulture, $"the band 'min' must be 0 or more; got {min}"));
                min = null;
            }

            if (label is not null && labels.Contains(label, StringComparer.Ordinal))
            {
                _r.Error(DiagnosticIds.DuplicateId, labelNode!, $"two bands are labelled '{label}'; give each band a unique label");
                label = null;
            }
            else if (label is not null)
            {
                labels.Add(label);
            }

            if (min is not null && bands.Any(b => b.Min == min))
            {
                _r.Error(DiagnosticIds.InvalidBands, minNode!, string.Create(CultureInfo.InvariantCulture, $"two bands start at {min}; each band needs its own 'min'"));
                min = null;
            }

            if (label is null || min is null)
            {
                ok = false;
                continue;
            }

            bands.Add(new Band(label, min.Value, mapping.FirstKeyLocation));
        }

        if (!ok)
        {
            return null;
        }

        bands.Sort((a, b) => b.Min.CompareTo(a.Min));
        return bands;
    }

    private List<string>? ReadFavourable(RubricNode node, bool hasBands, List<string> bandLabels)
    {
        var sequence = _r.Sequence(node, "'favourable'");
        if (sequence is null)
        {
            return null;
        }

        var result = new List<string>();
        var ok = true;
        foreach (var item in sequence.Items)
        {
            var label = _r.Text(item, "a favourable band");
            if (label is null)
            {
                ok = false;
                continue;
            }

            if (!hasBands)
            {
                _r.Error(DiagnosticIds.InvalidBands, item, "'favourable' names bands, but the rubric has no 'bands'; add 'bands' or remove 'favourable'");
                ok = false;
                continue;
            }

            if (!bandLabels.Contains(label, StringComparer.Ordinal))
            {
                _r.Error(DiagnosticIds.UnknownBand, item, $"'favourable' names the band '{label}', which is not in 'bands'{Suggestions.Hint(label, bandLabels)}");
                ok = false;
                continue;
            }

            if (result.Contains(label, StringComparer.Ordinal))
            {
                _r.Error(DiagnosticIds.DuplicateId, item, $"'{label}' is listed twice in 'favourable'; list it once");
                ok = false;
                continue;
            }

            result.Add(label);
        }

        return ok ? result : null;
    }

    private EvidenceWindow? ReadWindow(RubricNode node)
    {
        var mapping = _r.Mapping(node, "'window'");
        if (mapping is null)
        {
            return null;
        }

        _r.CheckKeys(mapping, "'window'", WindowKeys);
        var hasMonths = mapping.TryGetValue("months", out var monthsNode);
        var hasDays = mapping.TryGetValue("days", out var daysNode);
        if (hasMonths == hasDays)
        {
            var message = hasMonths
                ? "'window' has both 'months' and 'days'; give one of them, e.g. 'window: { months: 12 }'"
                : "'window' needs 'months' or 'days', e.g. 'window: { months: 12 }'";
            _r.Diagnostics.Error(DiagnosticIds.InvalidWindow, mapping.FirstKeyLocation, message);
            return null;
        }

        var valueNode = hasMonths ? monthsNode! : daysNode!;
        var unit = hasMonths ? "months" : "days";
        var value = _r.Integer(valueNode, $"'window' '{unit}'");
        if (value is null)
        {
            return null;
        }

        var limit = hasMonths ? 1200 : 36500;
        if (value < 1 || value > limit)
        {
            _r.Error(DiagnosticIds.InvalidWindow, valueNode, string.Create(CultureInfo.InvariantCulture, $"the window must be a positive number of {unit} (at most {limit}); got {value}"));
            return null;
        }

        return hasMonths ? new EvidenceWindow(value, null, mapping.FirstKeyLocation) : new EvidenceWindow(null, value, mapping.FirstKeyLocation);
    }

    private CheckSettings? ReadChecks(RubricNode node, IReadOnlyList<LineSuppression> lineSuppressions)
    {
        var mapping = _r.Mapping(node, "'checks'");
        if (mapping is null)
        {
            return null;
        }

        _r.CheckKeys(mapping, "'checks'", ChecksKeys);
        var suppressions = new List<CheckSuppression>();
        if (_r.Get(mapping, "suppress", "'checks'", required: false) is { } suppressNode && _r.Sequence(suppressNode, "'checks.suppress'") is { } sequence)
        {
            foreach (var item in sequence.Items)
            {
                var entry = _r.Mapping(item, "a suppression");
                if (entry is null)
                {
                    continue;
                }

                _r.CheckKeys(entry, "a suppression", SuppressKeys);
                var idNode = _r.Get(entry, "id", "this suppression", required: true);
                var id = idNode is null ? null : ReadCheckId(idNode);
                var at = _r.Get(entry, "at", "this suppression", required: false) is { } atNode ? _r.Text(atNode, "'at'") : null;
                string? reason = null;
                if (entry.TryGetValue("reason", out var reasonNode))
                {
                    reason = _r.OptionalText(reasonNode, "'reason'");
                    if (reason is null && !_r.Diagnostics.IsPoisoned(reasonNode))
                    {
                        _r.Error(DiagnosticIds.InvalidCheckSettings, reasonNode, "the suppression's 'reason' is empty; say why the finding does not apply, so reviewers can judge it");
                    }
                }
                else
                {
                    _r.Diagnostics.Error(DiagnosticIds.InvalidCheckSettings, entry.FirstKeyLocation, "a suppression needs a 'reason' saying why the finding does not apply, e.g. reason: \"Reviewed by the works council\"");
                }

                if (id is not null && reason is not null)
                {
                    suppressions.Add(new CheckSuppression(id, at, reason, entry.FirstKeyLocation));
                }
            }
        }

        var severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);
        if (_r.Get(mapping, "severity", "'checks'", required: false) is { } severityNode && _r.Mapping(severityNode, "'checks.severity'") is { } severityMap)
        {
            foreach (var (keyNode, valueNode) in severityMap.Entries)
            {
                var id = ReadCheckId(keyNode);
                var choice = _r.Enum(valueNode, "the severity", Severities);
                if (id is not null && choice is not null)
                {
                    severities[id] = choice.Value.Severity;
                }
            }
        }

        var allowed = new List<AllowedWord>();
        if (_r.Get(mapping, "allow", "'checks'", required: false) is { } allowNode && _r.Sequence(allowNode, "'checks.allow'") is { } allowSequence)
        {
            foreach (var item in allowSequence.Items)
            {
                if (_r.Mapping(item, "an allowed word (a mapping with 'word' and 'reason')") is not { } entry)
                {
                    continue;
                }

                _r.CheckKeys(entry, "an allowed word", AllowKeys);
                var word = _r.Get(entry, "word", "this allowed word", required: true) is { } wordNode ? _r.Text(wordNode, "'word'") : null;
                var reasonNode = _r.Get(entry, "reason", "this allowed word", required: false);
                var reason = reasonNode is null ? null : _r.Text(reasonNode, "'reason'");
                if (reasonNode is null && word is not null)
                {
                    _r.Diagnostics.Error(DiagnosticIds.InvalidCheckSettings, entry.FirstKeyLocation, $"allowing '{word}' needs a 'reason' saying why the word is fine in this rubric, e.g. reason: \"Defined in the glossary\"");
                }

                if (word is not null && reason is not null)
                {
                    allowed.Add(new AllowedWord(word, reason, entry.FirstKeyLocation));
                }
            }
        }

        return new CheckSettings(suppressions, severities, lineSuppressions, allowed);
    }

    private string? ReadCheckId(RubricNode node)
    {
        var id = _r.Text(node, "the check id");
        if (id is null)
        {
            return null;
        }

        if (!CheckIds.IsValid(id))
        {
            _r.Error(DiagnosticIds.InvalidCheckSettings, node, $"'{id}' is not a check id; check ids look like FR104 (or an integrator's prefix and digits, e.g. ACME001)");
            return null;
        }

        return id;
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SemVerPattern();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    private readonly record struct SeverityChoice(DiagnosticSeverity? Severity);
}
