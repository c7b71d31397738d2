using System.Runtime.InteropServices;
using FairRubrics.Audit;
using FairRubrics.Checks;
using FairRubrics.Evidence;
using FairRubrics.Model;
using FairRubrics.Scoring;

namespace FairRubrics.Comparison;

/// <summary>
/// The built-in <see cref="IRubricComparer"/>. Evidence is read once and grouped by subject; each subject is scored
/// with both rubrics from the same items. The group analyses are the audit's own: every subject enters one
/// <see cref="AuditAccumulator"/> with the pair of outcomes as its "band", and <see cref="IBiasAuditor"/> reports it once
/// per side — so group sizes, small-group and complementary suppression, reference groups and impact ratios are
/// exactly the audit's, and because both sides are decided on one table of sizes, a group withheld on one side is
/// withheld on the other and the two sides together publish nothing about a small group that one audit would not.
/// </summary>
public sealed class RubricComparer : IRubricComparer
{
    // Each subject's pair of outcomes, as the band the audit tables count: favourable (+) or not (-) under each rubric.
    private const string Both = "from+to+";
    private const string FromOnly = "from+to-";
    private const string ToOnly = "from-to+";
    private const string Neither = "from-to-";

    private readonly IRubricScorer _scorer;
    private readonly IRubricLinter _linter;
    private readonly IBiasAuditor _auditor;

    /// <summary>Creates the comparer from the services it uses.</summary>
    /// <param name="scorer">Scores each subject with each rubric.</param>
    /// <param name="linter">Finds each rubric's design findings.</param>
    /// <param name="auditor">Reports the group tables (and suppresses small groups) as the audit does.</param>
    public RubricComparer(IRubricScorer scorer, IRubricLinter linter, IBiasAuditor auditor)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(linter);
        ArgumentNullException.ThrowIfNull(auditor);
        _scorer = scorer;
        _linter = linter;
        _auditor = auditor;
    }

    /// <inheritdoc/>
    public RubricComparison Compare(Rubric current, Rubric proposed, IEnumerable<EvidenceItem> evidence, ComparisonOptions options, AttributeTable? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var (from, to) = (current, proposed);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var fromFavourable = FavourableOf(from, options);
        var toFavourable = FavourableOf(to, options);
        var columns = ColumnsOf(options, attributes);

        var bySubject = new Dictionary<string, List<EvidenceItem>>(StringComparer.Ordinal);
        foreach (var item in evidence)
        {
            if (!bySubject.TryGetValue(item.Subject, out var list))
            {
                bySubject[item.Subject] = list = [];
            }

            list.Add(item);
        }

        var scoring = new ScoringOptions { AsOf = options.AsOf };
        var transitions = new Dictionary<(string? From, string? To), long>();
        var competencies = new CompetencyTally(from, to);
        var people = new List<PersonChange>();
        var accumulator = columns is null ? null : new AuditAccumulator([.. options.Attributes], options.Intersect);
        var values = new string?[columns?.Length ?? 0];
        long changed = 0;
        foreach (var subject in bySubject.Keys.Order(StringComparer.Ordinal))
        {
            var items = CollectionsMarshal.AsSpan(bySubject[subject]);
            var before = _scorer.Score(from, subject, items, scoring);
            var after = _scorer.Score(to, subject, items, scoring);
            var key = (before.Band, after.Band);
            transitions[key] = transitions.GetValueOrDefault(key) + 1;
            var levels = competencies.Add(before, after);
            if (!string.Equals(before.Band, after.Band, StringComparison.Ordinal))
            {
                changed++;
                if (options.IncludePeople)
                {
                    people.Add(new PersonChange(subject, new PersonOutcome(before.Band, before.Overall), new PersonOutcome(after.Band, after.Overall), levels()));
                }
            }

            if (accumulator is not null)
            {
                Array.Clear(values);
                attributes!.TryGetValues(subject, columns!, values);
                var pair = (Favourable(before, fromFavourable), Favourable(after, toFavourable)) switch
                {
                    (true, true) => Both,
                    (true, false) => FromOnly,
                    (false, true) => ToOnly,
                    _ => Neither,
                };
                accumulator.Add(new AuditSubject(subject, Scored: true, Overall: 0, Band: pair, Competencies: []), values);
            }
        }

        var (analyses, introduced) = accumulator is null ? ([], []) : Analyse(accumulator, options);
        var notes = new List<string>();
        if (!string.Equals(from.Id, to.Id, StringComparison.Ordinal))
        {
            notes.Add($"the two rubrics have different ids ('{from.Id}' and '{to.Id}'): '{to.Id}' is compared as a replacement of '{from.Id}'");
        }

        if (from.ContentHash == to.ContentHash)
        {
            notes.Add("the two rubrics have the same content: nobody can move");
        }

        if (options.FavourableBands.Count > 0)
        {
            notes.Add($"favourable bands given for both rubrics: {string.Join(", ", options.FavourableBands)}");
        }

        return new RubricComparison(Describe(from), Describe(to), bySubject.Count, changed, [.. transitions
            .OrderByDescending(t => t.Value)
            .ThenBy(t => t.Key.From ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(t => t.Key.To ?? string.Empty, StringComparer.Ordinal)
            .Select(t => new BandTransition(t.Key.From, t.Key.To, t.Value))])
        {
            FromBands = [.. from.Bands.OrderByDescending(b => b.Min).Select(b => b.Label)],
            ToBands = [.. to.Bands.OrderByDescending(b => b.Min).Select(b => b.Label)],
            FromFavourable = fromFavourable,
            ToFavourable = toFavourable,
            MinGroupSize = options.MinGroupSize,
            Analyses = analyses,
            Design = DesignDiffer.Diff(Findings(from), Findings(to)),
            Competencies = competencies.Result(),
            People = people,
            IntroducedAdverseImpact = introduced,
            Notes = notes,
        };
    }

    private static ComparedRubric Describe(Rubric rubric) => new(rubric.Id, rubric.Version, rubric.ContentHash);

    private static bool Favourable(SubjectScore score, IReadOnlyList<string> favourable) =>
        score.Band is { } band && favourable.Contains(band, StringComparer.Ordinal);

    private static string[] FavourableOf(Rubric rubric, ComparisonOptions options)
    {
        if (options.FavourableBands.Count > 0)
        {
            return [.. options.FavourableBands];
        }

        if (rubric.Favourable.Count == 0)
        {
            throw new ArgumentException($"the rubric '{rubric.Id}' names no favourable bands; add 'favourable: [...]' to it or give the favourable bands for both rubrics (ComparisonOptions.FavourableBands, --favourable)", nameof(options));
        }

        return [.. rubric.Favourable];
    }

    private static int[]? ColumnsOf(ComparisonOptions options, AttributeTable? attributes)
    {
        if (options.Attributes.Count == 0)
        {
            return null;
        }

        if (attributes is null)
        {
            throw new ArgumentException("ComparisonOptions.Attributes names attributes but no attribute table was given.", nameof(attributes));
        }

        var columns = attributes.Columns.ToList();
        var missing = options.Attributes.Where(a => !columns.Contains(a, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"the attributes file has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; its columns are {string.Join(", ", columns.Select(c => $"'{c}'"))}", nameof(options));
        }

        return [.. options.Attributes.Select(a => columns.IndexOf(a))];
    }

    private IReadOnlyList<RubricFinding> Findings(Rubric rubric) =>
        _linter is RubricLinter linter ? linter.LintFindings(rubric) : [.. _linter.Lint(rubric).Select(d => new RubricFinding(d, null))];

    private (IReadOnlyList<ComparisonAnalysis> Analyses, IReadOnlyList<AuditFinding> Introduced) Analyse(AuditAccumulator accumulator, ComparisonOptions options)
    {
        AuditReport View(params string[] favourable)
        {
            var audit = new AuditOptions { MinGroupSize = options.MinGroupSize, Intersect = options.Intersect };
            foreach (var a in options.Attributes)
            {
                audit.Attributes.Add(a);
            }

            foreach (var f in favourable)
            {
                audit.FavourableBands.Add(f);
            }

            return _auditor.Report(accumulator, audit);
        }

        var before = View(Both, FromOnly);
        var after = View(Both, ToOnly);
        var both = View(Both);
        var analyses = new List<ComparisonAnalysis>();
        for (var a = 0; a < before.Analyses.Count; a++)
        {
            var groups = new List<ComparisonGroup>();
            for (var g = 0; g < before.Analyses[a].Groups.Count; g++)
            {
                var b = before.Analyses[a].Groups[g];
                var t = after.Analyses[a].Groups[g];
                var f = both.Analyses[a].Groups[g];
                if (b.Suppressed || t.Suppressed || f.Suppressed)
                {
                    groups.Add(new ComparisonGroup { Values = b.Values, Suppressed = true });
                    continue;
                }

                var gained = t.Favourable!.Value - f.Favourable!.Value;
                var lost = b.Favourable!.Value - f.Favourable!.Value;
                groups.Add(new ComparisonGroup
                {
                    Values = b.Values,
                    N = b.N,
                    From = Side(b),
                    To = Side(t),
                    Gained = gained,
                    Lost = lost,
                    McNemarP = Audit.Statistics.McNemar.ExactTwoSidedP(gained, lost),
                });
            }

            analyses.Add(new ComparisonAnalysis(before.Analyses[a].Attributes, groups)
            {
                FromReference = before.Analyses[a].Reference,
                ToReference = after.Analyses[a].Reference,
                Unreported = before.Analyses[a].Unreported,
                Unknown = before.Analyses[a].Unknown,
            });
        }

        static string Key(AuditFinding f) => string.Join('\u001F', f.Attributes) + '\u001E' + string.Join('\u001F', f.Values);
        var adverseBefore = before.Findings.Where(f => f.Id == OutcomeCheckIds.AdverseImpact && f.Severity == DiagnosticSeverity.Error).Select(Key).ToHashSet(StringComparer.Ordinal);
        var introduced = after.Findings
            .Where(f => f.Id == OutcomeCheckIds.AdverseImpact && f.Severity == DiagnosticSeverity.Error && !adverseBefore.Contains(Key(f)))
            .ToList();
        return (analyses, introduced);
    }

    private static SideOutcome Side(GroupResult g) =>
        new(g.Favourable!.Value, g.SelectionRate!.Value, g.ImpactRatio) { IsReference = g.IsReference, BelowFourFifths = g.BelowFourFifths };
}
