using System.Globalization;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Pages;

/// <summary>
/// The rubric page for the people assessed: title and description, the scale, each competency with every way to show
/// it as an equal alternative (in the rubric's order, never ranked), the level descriptions of each way, what it counts
/// and over which window, and how competencies combine into the overall result and band.
/// </summary>
internal static class RubricPageBuilder
{
    public static PageDocument Build(Rubric rubric, PageWording w)
    {
        var blocks = new List<PageBlock>
        {
            new PageParagraph(w.T("rubric.intro", ("title", w.Title(rubric)))),
        };
        if (w.Description(rubric) is { } description)
        {
            blocks.Add(new PageParagraph(description.Trim()));
        }

        if (rubric.Competencies.Any(c => c.Paths.Count > 1))
        {
            blocks.Add(new PageParagraph(w.T("rubric.equal-ways")));
        }

        blocks.Add(Scale(rubric.Scale, w));
        var totalWeight = rubric.Competencies.Sum(c => c.Weight);
        var competencies = new List<PageBlock>();
        foreach (var competency in rubric.Competencies)
        {
            competencies.Add(Competency(rubric, competency, totalWeight, w));
        }

        blocks.Add(new PageSection(w.T("rubric.competencies.heading"), 2, competencies));
        blocks.Add(Overall(rubric, totalWeight, w));
        return new PageDocument(w.Texts.Locale, w.T("rubric.title", ("title", w.Title(rubric))), blocks, Footer(rubric, w));
    }

    internal static string Footer(Rubric rubric, PageWording w) =>
        w.T("page.version", ("version", rubric.Version), ("reference", rubric.ContentHash[..12]));

    private static string Share(double weight, double total, PageWording w) =>
        w.T("page.percent", ("value", Math.Round(100 * weight / total, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)));

    private static PageSection Scale(RatingScale scale, PageWording w)
    {
        var items = scale.Levels.Select(l => new PageListItem(w.T("rubric.scale.level", ("level", l.Level), ("label", w.LevelLabel(scale, l.Level))))).ToList();
        return new PageSection(
            w.T("rubric.scale.heading"),
            2,
            [
                new PageParagraph(w.T("rubric.scale.intro", ("count", scale.MaxLevel), ("lowest", w.LevelLabel(scale, 1)), ("highest", w.LevelLabel(scale, scale.MaxLevel)))),
                new PageList(items),
            ]);
    }

    private static PageSection Competency(Rubric rubric, Competency competency, double totalWeight, PageWording w)
    {
        var blocks = new List<PageBlock>();
        if (w.Description(competency) is { } description)
        {
            blocks.Add(new PageParagraph(description.Trim()));
        }

        if (rubric.Competencies.Count > 1)
        {
            blocks.Add(new PageParagraph(w.T("rubric.competency.share", ("share", Share(competency.Weight, totalWeight, w)))));
        }

        var n = competency.Paths.Count;
        blocks.Add(new PageParagraph(n == 1 || competency.Combine == CombineMode.BestOf
            ? w.T("rubric.competency.best-of", ("count", n))
            : w.T(competency.Combine == CombineMode.Mean ? "rubric.competency.mean" : "rubric.competency.weighted-mean", ("count", n))));
        var ways = competency.Paths.Select(p => Way(rubric, competency, p, w)).ToList();
        blocks.Add(new PageEqualGroup(w.T("rubric.ways.heading"), ways));
        return new PageSection(w.Title(competency), 3, blocks);
    }

    private static PageSection Way(Rubric rubric, Competency competency, EvidencePath path, PageWording w)
    {
        var blocks = new List<PageBlock>();
        if (w.Description(path) is { } description)
        {
            blocks.Add(new PageParagraph(description.Trim()));
        }

        if (competency.Combine == CombineMode.WeightedMean && competency.Paths.Count > 1)
        {
            blocks.Add(new PageParagraph(w.T("rubric.way.weight", ("weight", PageWording.Number(path.Weight)))));
        }

        blocks.Add(new PageSection(w.T("rubric.way.counts.heading"), 5, [new PageParagraph(string.Join(" ", w.Counts(path)))]));
        blocks.Add(new PageSection(w.T("rubric.way.window.heading"), 5, [new PageParagraph(w.Window(rubric.Window))]));
        blocks.Add(new PageSection(w.T("rubric.way.levels.heading"), 5, [Levels(rubric.Scale, path, w)]));
        return new PageSection(w.Title(path), 4, blocks);
    }

    /// <summary>Each level the way describes or can give: its anchor, and for counted evidence how many are needed.</summary>
    private static PageBlock Levels(RatingScale scale, EvidencePath path, PageWording w)
    {
        var thresholds = path.Score.Settings is CountRuleSettings count && path.Score.Implementation is CountRule
            ? count.Thresholds.ToDictionary(t => t.Level, t => t.MinCount)
            : [];
        var presence = path.Score.Settings is PresenceRuleSettings p && path.Score.Implementation is PresenceRule ? p.Level : (int?)null;
        var items = new List<PageListItem>();
        foreach (var level in scale.Levels)
        {
            var anchor = path.Anchors.FirstOrDefault(a => a.Level == level.Level);
            string? note = thresholds.TryGetValue(level.Level, out var min)
                ? w.T("rubric.way.needs", ("count", min))
                : presence == level.Level ? w.T("rubric.way.gives") : null;
            if (anchor is null && note is null)
            {
                continue;
            }

            var lead = w.T("rubric.scale.level", ("level", level.Level), ("label", w.LevelLabel(scale, level.Level))) + (anchor is null ? string.Empty : ":");
            items.Add(new PageListItem((anchor is null ? null : w.Anchor(anchor).Trim()) ?? string.Empty, lead, note));
        }

        return items.Count == 0 ? new PageParagraph(w.T("rubric.way.no-levels")) : new PageList(items);
    }

    private static PageSection Overall(Rubric rubric, double totalWeight, PageWording w)
    {
        var blocks = new List<PageBlock>();
        if (rubric.Competencies.Count == 1)
        {
            blocks.Add(new PageParagraph(w.T("rubric.overall.single", ("competency", w.Title(rubric.Competencies[0])))));
        }
        else
        {
            blocks.Add(new PageParagraph(w.T("rubric.overall.intro")));
            blocks.Add(new PageList([.. rubric.Competencies.Select(c => new PageListItem(w.T("rubric.overall.weight", ("competency", w.Title(c)), ("share", Share(c.Weight, totalWeight, w)))))]));
        }

        blocks.Add(new PageParagraph(w.T(rubric.MissingEvidence switch
        {
            MissingEvidencePolicy.Zero => "rubric.missing.zero",
            MissingEvidencePolicy.Fail => "rubric.missing.fail",
            _ => "rubric.missing.exclude",
        })));
        if (rubric.Bands.Count == 0)
        {
            blocks.Add(new PageParagraph(w.T("rubric.bands.none")));
        }
        else
        {
            blocks.Add(new PageParagraph(w.T("rubric.bands.intro")));
            var bands = new List<PageListItem>();
            for (var i = 0; i < rubric.Bands.Count; i++)
            {
                var band = rubric.Bands[i];
                bands.Add(new PageListItem(i == 0
                    ? w.T("rubric.bands.top", ("band", w.Band(band.Label)), ("min", PageWording.Number(band.Min)))
                    : w.T("rubric.bands.range", ("band", w.Band(band.Label)), ("min", PageWording.Number(band.Min)), ("next", PageWording.Number(rubric.Bands[i - 1].Min)))));
            }

            blocks.Add(new PageList(bands));
            if (rubric.Bands[^1].Min > 0)
            {
                blocks.Add(new PageParagraph(w.T("rubric.bands.below", ("min", PageWording.Number(rubric.Bands[^1].Min)))));
            }
        }

        return new PageSection(w.T("rubric.overall.heading"), 2, blocks);
    }
}
