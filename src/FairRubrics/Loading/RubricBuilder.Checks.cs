using FairRubrics.Model;

namespace FairRubrics.Loading;

/// <summary>The rubric's <c>checks</c> section: suppressed findings, severities and allowed words.</summary>
internal sealed partial class RubricBuilder
{
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
}
