using System.Globalization;
using FairRubrics.Evidence;
using FairRubrics.Guidance;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Pages;

/// <summary>
/// One person's statement: band and overall score, each competency's level and the way it came through, the evidence
/// that counted (by id and date) on every way, the evidence that did not count and why, and the routes to the next
/// level from guidance. Built from that person's score alone: items of anyone else are never shown, nor raters' ids.
/// </summary>
internal static class StatementPageBuilder
{
    public static PageDocument Build(SubjectScore score, SubjectGuidance guidance, PageWording w)
    {
        var rubric = score.Rubric;
        var date = score.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var blocks = new List<PageBlock>
        {
            new PageParagraph(w.T("statement.for", ("subject", score.Subject), ("date", date))),
            new PageParagraph(w.T("statement.intro")),
            Result(score, w),
        };
        var competencies = score.Competencies;
        var sections = new List<PageBlock>();
        foreach (var competency in competencies)
        {
            sections.Add(Competency(rubric, competency, w));
        }

        blocks.Add(new PageSection(w.T("statement.competencies.heading"), 2, sections));
        blocks.Add(Unused(score, w));
        blocks.Add(Next(guidance, w));
        return new PageDocument(w.Texts.Locale, w.T("statement.title", ("title", w.Title(rubric))), blocks, RubricPageBuilder.Footer(rubric, w));
    }

    private static PageSection Result(SubjectScore score, PageWording w)
    {
        var rubric = score.Rubric;
        var blocks = new List<PageBlock>();
        if (score.Overall is { } overall)
        {
            blocks.Add(new PageParagraph(w.T("statement.overall", ("score", PageWording.Number(overall)), ("max", rubric.Scale.MaxLevel))));
            if (rubric.Bands.Count > 0)
            {
                blocks.Add(new PageParagraph(score.Band is { } band ? w.T("statement.band", ("band", w.Band(band))) : w.T("statement.band.below")));
            }
        }
        else
        {
            var none = score.Competencies.All(c => c.Level is null);
            blocks.Add(new PageParagraph(w.T(none ? "statement.insufficient.all" : "statement.insufficient")));
        }

        return new PageSection(w.T("statement.result.heading"), 2, blocks);
    }

    private static PageSection Competency(Rubric rubric, CompetencyScore competency, PageWording w)
    {
        var blocks = new List<PageBlock>();
        var paths = competency.Paths;
        if (competency.Level is { } level)
        {
            blocks.Add(new PageParagraph(w.T("statement.competency.level", ("level", w.Level(level, rubric.Scale)))));
            if (paths.Count > 1)
            {
                blocks.Add(new PageParagraph(competency.Competency.Combine switch
                {
                    CombineMode.BestOf => w.T("statement.competency.via", ("way", w.Title(competency.WinningPath!))),
                    CombineMode.Mean => w.T("statement.competency.mean"),
                    _ => w.T("statement.competency.weighted-mean"),
                }));
            }
        }
        else
        {
            blocks.Add(new PageParagraph(w.T("statement.competency.no-level")));
            if (rubric.MissingEvidence != MissingEvidencePolicy.Fail)
            {
                blocks.Add(new PageParagraph(w.T(rubric.MissingEvidence == MissingEvidencePolicy.Zero ? "statement.competency.zero" : "statement.competency.left-out")));
            }
        }

        var ways = paths.Select(p => Way(rubric, p, w)).ToList();
        blocks.Add(new PageEqualGroup(w.T("rubric.ways.heading"), ways));
        return new PageSection(w.Title(competency.Competency), 3, blocks);
    }

    private static PageSection Way(Rubric rubric, PathScore path, PageWording w)
    {
        var blocks = new List<PageBlock>();
        var items = path.Evidence;
        if (path.Level is { } level)
        {
            blocks.Add(new PageParagraph(w.T("statement.way.level", ("level", w.Level(level, rubric.Scale)))));
        }
        else
        {
            blocks.Add(new PageParagraph(w.T("statement.way.no-level")));
            if (items.Count > 0 && WhyNoLevel(path, items, w) is { } why)
            {
                blocks.Add(new PageParagraph(why));
            }
        }

        var evidence = items.OrderBy(i => i.Date ?? DateOnly.MinValue).ThenBy(i => i.Row).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new PageListItem(w.ItemLine(i))).ToList();
        blocks.Add(new PageSection(
            w.T("statement.way.evidence.heading"),
            5,
            [evidence.Count == 0 ? new PageParagraph(w.T("statement.way.evidence.none")) : new PageList(evidence)]));
        return new PageSection(w.Title(path.Path), 4, blocks);
    }

    /// <summary>Why a way with evidence has no level yet: too few ratings, a count below the first threshold, or the rule's note.</summary>
    private static string? WhyNoLevel(PathScore path, IReadOnlyList<EvidenceItem> items, PageWording w)
    {
        var spec = path.Path.Score;
        if (spec.Implementation is RatingRule && spec.Settings is RatingRuleSettings rating && items.Count < rating.MinRatings)
        {
            return w.T("statement.way.needs-ratings", ("min", rating.MinRatings), ("count", items.Count));
        }

        if (spec.Implementation is CountRule && spec.Settings is CountRuleSettings count && count.Thresholds.Count > 0)
        {
            return w.T("statement.way.needs-count", ("min", count.Thresholds[0].MinCount), ("count", PageWording.Number(items.Sum(i => i.Quantity))));
        }

        return path.Note is { } note && spec.Implementation is not (RatingRule or CountRule or PresenceRule) ? w.T("statement.way.note", ("note", note)) : null;
    }

    private static PageSection Unused(SubjectScore score, PageWording w)
    {
        var issues = score.Issues
            .Where(i => i.Kind != EvidenceIssueKind.OtherSubject && string.Equals(i.Item.Subject, score.Subject, StringComparison.Ordinal))
            .OrderBy(i => i.Item.Row).ThenBy(i => i.Item.Date ?? DateOnly.MinValue).ThenBy(i => i.Item.Id, StringComparer.Ordinal)
            .ToList();
        var blocks = new List<PageBlock>();
        if (issues.Count == 0)
        {
            blocks.Add(new PageParagraph(w.T("statement.unused.none")));
        }
        else
        {
            blocks.Add(new PageParagraph(w.T("statement.unused.intro")));
            blocks.Add(new PageList([.. issues.Select(i => new PageListItem(w.T("statement.unused.item", ("item", w.ItemLine(i.Item)), ("reason", Reason(score, i, w)))))]));
        }

        return new PageSection(w.T("statement.unused.heading"), 2, blocks);
    }

    private static string Reason(SubjectScore score, EvidenceIssue issue, PageWording w)
    {
        var rubric = score.Rubric;
        var item = issue.Item;
        var competency = item.Competency is null ? null : rubric.FindCompetency(item.Competency);
        var path = item.Path is null ? null : competency?.FindPath(item.Path);
        var name = w.Phrases.NameOf(item.Type, plural: true);
        string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return issue.Kind switch
        {
            EvidenceIssueKind.AfterScoringDate => w.T("reason.after-date", ("date", Date(score.AsOf))),
            EvidenceIssueKind.OutsideWindow when rubric.Window is { } window => w.T("reason.outside-window", ("date", Date(window.EarliestCountedDate(score.AsOf)))),
            EvidenceIssueKind.NoDate => w.T("reason.no-date"),
            EvidenceIssueKind.RatingWithoutPath => w.T("reason.rating-without-way"),
            EvidenceIssueKind.UnknownCompetency => competency is null && item.Competency is not null ? w.T("reason.unknown-competency") : w.T("reason.rating-without-way"),
            EvidenceIssueKind.UnknownPath when competency is not null => w.T("reason.unknown-way", ("competency", w.Title(competency))),
            EvidenceIssueKind.PathNotRated when path is not null => w.T("reason.way-not-rated", ("way", w.Title(path))),
            EvidenceIssueKind.OffScale => w.T("reason.off-scale", ("value", PageWording.Number(item.Value ?? 0)), ("max", rubric.Scale.MaxLevel)),
            EvidenceIssueKind.TypeNotCounted when path is not null => w.T("reason.type-not-counted", ("way", w.Title(path)), ("name", name)),
            EvidenceIssueKind.NotCounted when path is not null => item.IsRating
                ? w.T("reason.source-not-counted", ("way", w.Title(path)), ("source", w.SourceName(item.Source)))
                : w.T("reason.not-counted", ("way", w.Title(path))),
            EvidenceIssueKind.NoPathForType when competency is not null => w.T("reason.no-way-in-competency", ("competency", w.Title(competency)), ("name", name)),
            EvidenceIssueKind.NoPathForType or EvidenceIssueKind.NoPathCountsItem => w.T("reason.no-way", ("name", name)),
            _ => w.T("reason.other"),
        };
    }

    private static PageSection Next(SubjectGuidance guidance, PageWording w)
    {
        var rubric = guidance.Rubric;
        var blocks = new List<PageBlock>();
        if (guidance.Competencies.Count == 0)
        {
            blocks.Add(new PageParagraph(w.T("statement.next.top")));
        }

        foreach (var competency in guidance.Competencies)
        {
            var parts = new List<PageBlock>();
            if (competency.Routes.Count == 0)
            {
                parts.Add(new PageParagraph(w.T("statement.next.none")));
            }
            else
            {
                if (competency.Routes.Count > 1)
                {
                    parts.Add(new PageParagraph(w.T("statement.next.any")));
                }

                parts.Add(new PageList([.. competency.Routes.Select(r => new PageListItem(w.T("statement.next.route", ("way", w.Title(r.Path)), ("text", r.Text)), Note: Expiring(r, w)))]));
            }

            if (competency.Unreachable.Count > 0)
            {
                parts.Add(new PageList([.. competency.Unreachable.Select(r => new PageListItem(w.T("statement.next.unreachable", ("way", w.Title(r.Path)), ("reason", r.Text))))]));
            }

            var target = w.Level(competency.TargetLevel, rubric.Scale);
            blocks.Add(new PageSection(w.T("statement.next.competency", ("target", target), ("competency", w.Title(competency.Competency))), 3, parts));
        }

        if (rubric.Bands.Count > 0)
        {
            var band = new List<PageBlock> { new PageParagraph(guidance.Band is { } now ? w.T("statement.next.band.now", ("band", w.Band(now))) : w.T("statement.next.band.none")) };
            if (guidance.BandSteps.Count > 0)
            {
                band.Add(new PageList([.. guidance.BandSteps.Select(s => new PageListItem(s.Text))]));
            }

            blocks.Add(new PageSection(w.T("statement.next.band"), 3, band));
        }

        return new PageSection(w.T("statement.next.heading"), 2, blocks);
    }

    private static string? Expiring(PathRoute route, PageWording w)
    {
        if (route.Expiring.Count == 0)
        {
            return null;
        }

        var first = route.Expiring[0];
        var total = route.Expiring.Sum(e => e.Count);
        var date = first.StopsCountingOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return first.Count == total
            ? w.T("statement.next.expiring.all", ("count", total), ("date", date))
            : w.T("statement.next.expiring", ("count", first.Count), ("total", total), ("date", date));
    }
}
