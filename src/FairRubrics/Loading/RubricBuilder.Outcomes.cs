using System.Globalization;
using FairRubrics.Model;

namespace FairRubrics.Loading;

/// <summary>What turns scores into outcomes: the bands, the favourable bands and the evidence window.</summary>
internal sealed partial class RubricBuilder
{
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
}
