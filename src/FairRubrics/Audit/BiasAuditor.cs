using FairRubrics.Audit.Statistics;
using FairRubrics.Checks;

namespace FairRubrics.Audit;

/// <summary>Turns score results joined with attributes into an audit report with findings.</summary>
public interface IBiasAuditor
{
    /// <summary>Computes the report from accumulated statistics (one audit, or merged partitions).</summary>
    /// <param name="accumulator">The statistics.</param>
    /// <param name="options">The audit options; <see cref="AuditOptions.FavourableBands"/> must name the favourable bands.</param>
    /// <returns>The report with findings.</returns>
    /// <exception cref="ArgumentException">No favourable band is named.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    AuditReport Report(AuditAccumulator accumulator, AuditOptions options);

    /// <summary>Audits results in memory: joins each result with its attributes and reports.</summary>
    /// <param name="results">The score results.</param>
    /// <param name="attributes">Attribute values by subject id (a missing subject or empty value is unknown).</param>
    /// <param name="options">The audit options.</param>
    /// <returns>The report with findings.</returns>
    AuditReport Audit(IEnumerable<AuditSubject> results, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> attributes, AuditOptions options);

    /// <summary>
    /// Audits a stream of results (for example <see cref="Scoring.IRubricScorer.ScoreAllAsync"/> through
    /// <see cref="AuditSubject.From"/>, or results read from a database), looking attributes up in batches from a
    /// source the host implements. Memory holds one batch of results and the aggregates, never the population.
    /// </summary>
    /// <param name="results">The score results; enumerated once, with <paramref name="cancellationToken"/>.</param>
    /// <param name="attributes">Where the attributes of each batch of subjects come from.</param>
    /// <param name="options">The audit options; <see cref="AuditOptions.Attributes"/> and <see cref="AuditOptions.FavourableBands"/> must not be empty.</param>
    /// <param name="cancellationToken">Stops the audit: the task ends with <see cref="OperationCanceledException"/> and no report.</param>
    /// <returns>The report with findings, once every result is read.</returns>
    /// <exception cref="ArgumentException">No attribute or no favourable band is named.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    Task<AuditReport> AuditAsync(IAsyncEnumerable<AuditSubject> results, ISubjectAttributeSource attributes, AuditOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Audits a stream of results as <see cref="AuditAsync(IAsyncEnumerable{AuditSubject}, ISubjectAttributeSource, AuditOptions, CancellationToken)"/>
    /// does, then a stream of ratings for the rater-effect check (FR206), for example every rating of the evidence that
    /// names its rater. A rating counts only when the source knows its subject, as <c>fairrubrics audit --evidence</c>
    /// counts ratings only for subjects in the attributes table. The ratings' subjects are looked up in batches as the
    /// results' are; a stream grouped by subject asks for each subject once.
    /// </summary>
    /// <param name="results">The score results; enumerated once, with <paramref name="cancellationToken"/>.</param>
    /// <param name="ratings">The ratings, enumerated once after the results; null for none.</param>
    /// <param name="attributes">Where the attributes of each batch of subjects come from.</param>
    /// <param name="options">The audit options; <see cref="AuditOptions.Attributes"/> and <see cref="AuditOptions.FavourableBands"/> must not be empty.</param>
    /// <param name="cancellationToken">Stops the audit: the task ends with <see cref="OperationCanceledException"/> and no report.</param>
    /// <returns>The report with findings, once every result and rating is read.</returns>
    /// <exception cref="ArgumentException">No attribute or no favourable band is named.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    Task<AuditReport> AuditAsync(IAsyncEnumerable<AuditSubject> results, IAsyncEnumerable<AuditRating>? ratings, ISubjectAttributeSource attributes, AuditOptions options, CancellationToken cancellationToken = default);
}

/// <summary>
/// The outcome auditor: selection rates, reference group, impact ratios (exact four-fifths decision), Fisher
/// exact and pooled z tests, Wilson intervals, scoring rates, Hedges' g, per-competency gaps, path mix, with
/// small-group and complementary suppression; then the registered outcome checks. Thread-safe.
/// </summary>
public sealed partial class BiasAuditor : IBiasAuditor
{
    private readonly IReadOnlyList<IOutcomeCheck> _checks;
    private readonly IReadOnlyDictionary<string, CheckDescriptor> _descriptors;
    private readonly Hosting.FairRubricsTelemetry? _telemetry;
    private readonly Microsoft.Extensions.Logging.ILogger? _logger;

    /// <summary>Creates an auditor with the built-in checks FR201–FR206.</summary>
    public BiasAuditor()
        : this(BuiltInOutcomeChecks.All())
    {
    }

    /// <summary>Creates an auditor with the given outcome checks.</summary>
    /// <param name="checks">The checks (typically the built-ins plus integrators' own).</param>
    /// <exception cref="FairRubricsConfigurationException">Two checks describe the same finding id.</exception>
    public BiasAuditor(IEnumerable<IOutcomeCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        _checks = [.. checks.DistinctBy(c => c.GetType())];
        var descriptors = new Dictionary<string, CheckDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in _checks.SelectMany(c => c.Descriptors))
        {
            if (!descriptors.TryAdd(descriptor.Id, descriptor))
            {
                throw new FairRubricsConfigurationException($"Two registered outcome checks report the finding id '{descriptor.Id}'; each id belongs to one check.");
            }
        }

        _descriptors = descriptors;
    }

    /// <summary>Creates an auditor that reports counts and durations (never a group's values) to a host's logs and metrics.</summary>
    internal BiasAuditor(IEnumerable<IOutcomeCheck> checks, Hosting.FairRubricsTelemetry? telemetry, Microsoft.Extensions.Logging.ILogger? logger)
        : this(checks)
    {
        _telemetry = telemetry;
        _logger = logger;
    }

    /// <summary>Gets the descriptors of every registered check's findings, by id.</summary>
    public IReadOnlyDictionary<string, CheckDescriptor> Descriptors => _descriptors;

    /// <inheritdoc/>
    public AuditReport Audit(IEnumerable<AuditSubject> results, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> attributes, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(options);
        var names = options.Attributes.Count > 0
            ? options.Attributes.ToArray()
            : attributes.Values.SelectMany(a => a.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var accumulator = new AuditAccumulator(names, options.Intersect);
        var values = new string?[names.Length];
        foreach (var result in results)
        {
            attributes.TryGetValue(result.Subject, out var row);
            for (var i = 0; i < names.Length; i++)
            {
                values[i] = row is not null && row.TryGetValue(names[i], out var v) ? v : null;
            }

            accumulator.Add(result, values);
        }

        return Report(accumulator, options);
    }

    /// <inheritdoc/>
    public AuditReport Report(AuditAccumulator accumulator, AuditOptions options)
    {
        if (_telemetry is null && _logger is null)
        {
            return ReportCore(accumulator, options);
        }

        using var activity = _telemetry?.ActivitySource.StartActivity("FairRubrics.Audit");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var report = ReportCore(accumulator, options);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        _telemetry?.AuditDuration.Record(elapsed.TotalSeconds);
        activity?.SetTag("fairrubrics.subjects", report.Subjects)
            .SetTag("fairrubrics.attributes", accumulator.Attributes.Count)
            .SetTag("fairrubrics.findings", report.Findings.Count);
        if (_logger is not null)
        {
            Hosting.Log.AuditCompleted(_logger, report.Subjects, accumulator.Attributes.Count, report.Findings.Count, (long)elapsed.TotalMilliseconds);
        }

        return report;
    }

    private AuditReport ReportCore(AuditAccumulator accumulator, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.FavourableBands.Count == 0)
        {
            throw new ArgumentException("AuditOptions.FavourableBands is empty: name the bands that count as favourable (the rubric's 'favourable' list); without them every selection rate would be 0.", nameof(options));
        }

        options.Baseline?.RequireRubric(accumulator.Rubric, "the baseline");
        options.ConsistentWith?.RequireRubric(accumulator.Rubric, "the earlier report to be consistent with");

        var favourable = new HashSet<string>(options.FavourableBands, StringComparer.Ordinal);
        var k = options.MinGroupSize;
        var median = MedianOf(accumulator.Scores);

        // Sizes of every group, then primary (small-group) and complementary suppression across analyses.
        var suppression = Suppression.Decide(accumulator, k, options.ComplementarySuppression, Suppression.OutcomesOf(favourable, median), options.ConsistentWith);

        var analyses = new List<AuditAnalysis>();
        var paths = PathEquivalenceOf(accumulator);
        var multiPath = paths.Select(p => p.Competency).ToHashSet(StringComparer.Ordinal);
        for (var a = 0; a < accumulator.Analyses.Count; a++)
        {
            analyses.Add(Analyse(accumulator, a, suppression[a], favourable, median, options, multiPath));
        }

        var report = new AuditReport(accumulator.Subjects, accumulator.Scored, [.. options.FavourableBands], median, k, accumulator.Rubric, analyses, paths)
        {
            ExcludeCategoriesBelowShare = options.ExcludeCategoriesBelowShare,
            PValueAdjustment = options.PValueAdjustment,
            Baseline = options.Baseline,
            ConsistentWith = options.ConsistentWith,
            OverallInsufficientEvidenceRate = accumulator.Subjects == 0 || accumulator.Competencies.Count == 0
                ? null
                : accumulator.InsufficientCompetencies / (double)(accumulator.Subjects * accumulator.Competencies.Count),
            OverallInsufficientEvidence = (accumulator.InsufficientCompetencies, accumulator.Subjects * accumulator.Competencies.Count),
        };
        var context = new OutcomeCheckContext(options, RaterEffectsOf(accumulator, report, options), _descriptors);
        foreach (var check in _checks)
        {
            check.Check(report, context);
        }

        report.Findings = [.. context.Findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => string.Join("\u001F", f.Attributes), StringComparer.Ordinal)
            .ThenBy(f => string.Join("\u001F", f.Values), StringComparer.Ordinal)
            .ThenBy(f => f.Competency ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Rater ?? string.Empty, StringComparer.Ordinal)];
        return report;
    }

    private static double? MedianOf(IReadOnlyDictionary<double, long> histogram)
    {
        if (histogram.Count == 0)
        {
            return null;
        }

        var values = histogram.Keys.Order().ToArray();
        var counts = values.Select(v => histogram[v]).ToArray();
        return Median.OfCounts(values, counts);
    }

    private static AuditAnalysis Analyse(AuditAccumulator acc, int a, Suppression.AnalysisDecision decision, HashSet<string> favourable, double? median, AuditOptions options, HashSet<string> multiPath)
    {
        var attributes = acc.Analyses[a].Select(i => acc.Attributes[i]).ToArray();
        // Only combinations with a scored member are listed (one whose members all lack evidence is left out
        // entirely), and no cell inside a small single-attribute group (Suppression.AnalysisDecision.Unlisted).
        var groups = acc.Groups[a].Values.Where(g => g.Scored > 0 && !decision.Unlisted.Contains(Key(g))).OrderBy(g => g.Values, ValuesComparer.Instance).ToList();
        long Fav(AuditAccumulator.GroupStats g) => g.Bands.Where(b => favourable.Contains(b.Key)).Sum(b => b.Value);

        var reported = groups.Where(g => !decision.Suppressed.ContainsKey(Key(g))).ToList();
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        if (options.ExcludeCategoriesBelowShare is { } share && acc.Scored > 0)
        {
            // On counts, so that a group of exactly the share (7 of 100 at 0.07) stays in, although 0.07 * 100 is 7.000000000000001.
            foreach (var g in reported.Where(g => ExactShare.Below(g.Scored, acc.Scored, share)))
            {
                excluded.Add(Key(g));
            }
        }

        var candidates = reported.Where(g => !excluded.Contains(Key(g))).ToList();
        var (reference, referenceRule, unavailable) = ChooseReference(attributes, candidates, options, Fav);
        // The highest scoring rate, chosen and divided by on counts (as the selection ratio is), so that a ratio of
        // exactly 0.8 is 0.8 and not 0.7999999999999999 (FR202 flags strictly below 0.8).
        var bestScoring = candidates.Count == 0 || median is null
            ? null
            : candidates.OrderByDescending(g => g, RateComparer.For(g => AboveMedian(g, median.Value))).First();

        var results = new List<GroupResult>();
        foreach (var g in groups)
        {
            var key = Key(g);
            if (decision.Suppressed.TryGetValue(key, out var reason))
            {
                results.Add(new GroupResult { Values = g.Values, Suppression = reason });
                continue;
            }

            var n = g.Scored;
            var fav = Fav(g);
            var isReference = ReferenceEquals(g, reference);
            var isExcluded = excluded.Contains(key);
            var wilson = Proportions.Wilson(checked((int)fav), checked((int)n));
            var result = new GroupResult
            {
                Values = g.Values,
                IsReference = isReference,
                ExcludedFromImpactRatios = isExcluded,
                N = n,
                Favourable = fav,
                SelectionRate = fav / (double)n,
                SelectionRateLower = wilson.Lower,
                SelectionRateUpper = wilson.Upper,
                ImpactRatio = isReference ? FourFifthsRule.ImpactRatio(fav, n, fav, n) : null,
                ScoringRate = median is null ? null : ScoringRate(g, median.Value),
                ScoringImpactRatio = isExcluded || median is null || bestScoring is null ? null : FourFifthsRule.ImpactRatio(AboveMedian(g, median.Value), n, AboveMedian(bestScoring, median.Value), bestScoring.Scored),
                MeanScore = g.Overall.Count > 0 ? g.Overall.Mean : null,
                ScoreStandardDeviation = g.Overall.StandardDeviation,
                InsufficientEvidenceRate = g.Subjects == 0 || acc.Competencies.Count == 0 ? null : g.CompetencyInsufficient.Sum() / (double)(g.Subjects * acc.Competencies.Count),
                InsufficientEvidence = (g.CompetencyInsufficient.Sum(), g.Subjects * acc.Competencies.Count),
                Competencies = [.. acc.Competencies.Select((id, c) => new CompetencyGap(
                    id,
                    g.CompetencyLevels[c].Count > 0 ? g.CompetencyLevels[c].Mean : null,
                    reference is null || isReference ? null : EffectSize.HedgesG(g.CompetencyLevels[c], reference.CompetencyLevels[c])))],
                PathMix = [.. PathMixOf(acc, g, multiPath)],
            };

            // A category left out of impact ratios (--exclude-small-categories) keeps its tests against the reference:
            // Local Law 144 takes it out of the impact ratios only.
            if (reference is not null && !isReference)
            {
                var aRef = Fav(reference);
                var nRef = reference.Scored;
                var z = Proportions.TwoProportionZ(checked((int)fav), checked((int)n), checked((int)aRef), checked((int)nRef));
                var flip = PracticalSignificance.FlipFlop(checked((int)fav), checked((int)n), checked((int)aRef), checked((int)nRef));
                result = result with
                {
                    ImpactRatio = isExcluded ? null : FourFifthsRule.ImpactRatio(fav, n, aRef, nRef),
                    BelowFourFifths = isExcluded ? null : FourFifthsRule.BelowFourFifths(fav, n, aRef, nRef),
                    FisherP = FisherExact.TwoSidedP(checked((int)fav), checked((int)(n - fav)), checked((int)aRef), checked((int)(nRef - aRef))),
                    Z = z?.Z,
                    ZP = z?.P,
                    Shortfall = PracticalSignificance.Shortfall(fav, n, aRef, nRef),
                    FlipFlopFourFifths = isExcluded ? null : flip.FourFifthsPeople,
                    FlipFlopSignificance = flip.SignificancePeople,
                    HedgesG = EffectSize.HedgesG(g.Overall, reference.Overall),
                };
            }

            results.Add(result);
        }

        var fisher = MultipleTesting.Adjust([.. results.Select(r => r.FisherP)], options.PValueAdjustment);
        var zp = MultipleTesting.Adjust([.. results.Select(r => r.ZP)], options.PValueAdjustment);
        for (var i = 0; i < results.Count; i++)
        {
            if (fisher[i] is not null || zp[i] is not null)
            {
                results[i] = results[i] with { FisherPAdjusted = fisher[i], ZPAdjusted = zp[i] };
            }
        }

        AttachBaseline(results, attributes, options.Baseline);

        return new AuditAnalysis(
            attributes,
            decision.WithholdUnknown ? null : acc.UnknownScored[a],
            decision.WithholdUnknown ? decision.Unreported : null,
            reference?.Values,
            results,
            [.. groups.Where(g => excluded.Contains(Key(g))).Select(g => (IReadOnlyList<string>)g.Values)])
        {
            ReferenceRule = referenceRule,
            UnavailableReference = unavailable,
        };
    }

    private static double ScoringRate(AuditAccumulator.GroupStats g, double median) =>
        g.Scored == 0 ? 0 : AboveMedian(g, median) / (double)g.Scored;

    /// <summary>The number of the group's scored subjects whose overall score is strictly above the median.</summary>
    internal static long AboveMedian(AuditAccumulator.GroupStats g, double median)
    {
        long above = 0;
        foreach (var (score, count) in g.Scores)
        {
            if (score > median)
            {
                above += count;
            }
        }

        return above;
    }

    private static IEnumerable<PathShare> PathMixOf(AuditAccumulator acc, AuditAccumulator.GroupStats g, HashSet<string> multiPath)
    {
        for (var c = 0; c < acc.Competencies.Count; c++)
        {
            var id = acc.Competencies[c];
            if (!multiPath.Contains(id))
            {
                continue;
            }

            var total = g.PathWins.Where(p => p.Key.Competency == c).Sum(p => p.Value);
            var allPaths = acc.PathWins.Keys.Where(k => k.Competency == c).Select(k => k.Path).Order(StringComparer.Ordinal);
            foreach (var path in allPaths)
            {
                var count = g.PathWins.GetValueOrDefault((c, path));
                yield return new PathShare(id, path, total == 0 ? 0 : count / (double)total) { Count = count, Total = total };
            }
        }
    }

    private static List<PathEquivalence> PathEquivalenceOf(AuditAccumulator acc)
    {
        var result = new List<PathEquivalence>();
        for (var c = 0; c < acc.Competencies.Count; c++)
        {
            var paths = acc.PathLevels.Where(p => p.Key.Competency == c).OrderBy(p => p.Key.Path, StringComparer.Ordinal).ToList();
            if (paths.Count < 2)
            {
                continue;
            }

            var total = paths.Sum(p => p.Value.Count);
            foreach (var (key, moments) in paths)
            {
                var others = paths.Where(p => p.Key.Path != key.Path).Aggregate(Moments.Empty, (m, p) => Moments.Merge(m, p.Value));
                result.Add(new PathEquivalence(acc.Competencies[c], key.Path, moments.Count, total == 0 ? 0 : moments.Count / (double)total, moments.Count > 0 ? moments.Mean : null, EffectSize.HedgesG(moments, others)) { Total = total });
            }
        }

        return result;
    }

    private static List<RaterEffect> RaterEffectsOf(AuditAccumulator acc, AuditReport report, AuditOptions options)
    {
        var effects = new List<RaterEffect>();
        foreach (var (rater, stats) in acc.Raters.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            for (var a = 0; a < acc.Attributes.Count; a++)
            {
                var analysis = report.Analyses.FirstOrDefault(x => x.Attributes.Count == 1 && x.Attributes[0] == acc.Attributes[a]);
                foreach (var (value, moments) in stats.ByValue[a].OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    // Only groups that the audit reports, so that no small group is described through a rater.
                    var group = analysis?.Groups.FirstOrDefault(g => g.Values.Count == 1 && g.Values[0] == value);
                    if (group is null || group.Suppressed)
                    {
                        continue;
                    }

                    // The others are the reported groups too: ratings of a suppressed group would otherwise be
                    // published through the comparison (as the whole "others" side, or by difference).
                    var others = stats.ByValue[a]
                        .Where(v => v.Key != value && analysis!.Groups.Any(g => !g.Suppressed && g.Values.Count == 1 && g.Values[0] == v.Key))
                        .Aggregate(Moments.Empty, (m, v) => Moments.Merge(m, v.Value));
                    if (moments.Count < options.MinRatingsForRaterEffect || others.Count < options.MinRatingsForRaterEffect)
                    {
                        continue;
                    }

                    effects.Add(new RaterEffect(rater, acc.Attributes[a], value, moments.Count, others.Count, moments.Mean, others.Mean, EffectSize.HedgesG(moments, others)));
                }
            }
        }

        return effects;
    }

    internal static string Key(AuditAccumulator.GroupStats g) => AuditAccumulator.KeyOf(g.Values);

    private sealed class ValuesComparer : IComparer<IReadOnlyList<string>>
    {
        public static ValuesComparer Instance { get; } = new();

        public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }

    /// <summary>Compares selection rates exactly on counts (a/n vs b/m as a·m vs b·n), so ties are real ties.</summary>
    private sealed class RateComparer(Func<AuditAccumulator.GroupStats, long> favourable) : IComparer<AuditAccumulator.GroupStats>
    {
        public static RateComparer For(Func<AuditAccumulator.GroupStats, long> favourable) => new(favourable);

        public int Compare(AuditAccumulator.GroupStats? x, AuditAccumulator.GroupStats? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            return ((Int128)favourable(x) * y.Scored).CompareTo((Int128)favourable(y) * x.Scored);
        }
    }
}
