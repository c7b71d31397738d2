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

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SemVerPattern();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    private readonly record struct SeverityChoice(DiagnosticSeverity? Severity);
}
