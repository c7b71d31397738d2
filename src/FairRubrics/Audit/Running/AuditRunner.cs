using System.Globalization;
using FairRubrics.Evidence;
using FairRubrics.Loading;

namespace FairRubrics.Audit;

/// <summary>The <see cref="IAuditRunner"/> registered by <c>AddFairRubrics()</c>: the engine of <c>fairrubrics audit</c>.</summary>
public sealed class AuditRunner : IAuditRunner
{
    private readonly IBiasAuditor _auditor;
    private readonly RubricLoader _loader;

    /// <summary>Creates the runner.</summary>
    /// <param name="auditor">Makes the report.</param>
    /// <param name="loader">Loads <see cref="AuditRequest.Rubric"/> for its favourable bands.</param>
    public AuditRunner(IBiasAuditor auditor, RubricLoader loader)
    {
        ArgumentNullException.ThrowIfNull(auditor);
        ArgumentNullException.ThrowIfNull(loader);
        _auditor = auditor;
        _loader = loader;
    }

    /// <inheritdoc />
    public async Task<AuditRunResult> RunAsync(AuditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        // The attributes table is read on a thread of its own from now on (not the pool's, whose few threads the
        // results' readers would wait for), while the options are checked and the results parsed (its errors are
        // reported when the results need it).
        var reading = Task.Factory.StartNew(
            () =>
            {
                using var stream = File.OpenRead(request.Attributes);
                return AuditInputReader.ReadAttributes(stream);
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        var options = new AuditOptions
        {
            MinGroupSize = request.MinGroupSize,
            Intersect = request.Intersect,
            PValueAdjustment = request.PValueAdjustment,
            ExcludeCategoriesBelowShare = request.ExcludeCategoriesBelowShare,
            ReferenceRule = request.ReferenceRule,
        };
        options.Baseline = Earlier(request.Baseline, nameof(AuditRequest.Baseline));
        options.ConsistentWith = request.ConsistentWith is not null && request.ConsistentWith == request.Baseline
            ? options.Baseline
            : Earlier(request.ConsistentWith, nameof(AuditRequest.ConsistentWith));
        foreach (var band in Favourable(request))
        {
            options.FavourableBands.Add(band);
        }

        Prepare(request);
        var indexes = Columns(request, options);
        ApplyReferences(request, options);
        cancellationToken.ThrowIfCancellationRequested();

        AuditFileResult read;
        AttributeTable table;
        try
        {
            read = AuditFiles.Accumulate(request.Scores, reading, [.. options.Attributes], options.Intersect, new AuditFileOptions { ByteProgress = request.ByteProgress });
            table = await reading.ConfigureAwait(false);
        }
        catch (EvidenceFormatException ex)
        {
            throw new FairRubricsException($"{request.Attributes}: {ex.Message}", ex);
        }

        var rejections = new RejectionSummary(keepAll: request.KeepAllRejections);
        foreach (var problem in read.Problems)
        {
            rejections.Add(new RowRejection(problem.File, problem.Line, problem.Line, RejectionKind.Rejected, problem.Reason));
        }

        if (request.Evidence is not null)
        {
            AddRatings(request.Evidence, table, indexes, read.Accumulator);
        }

        var report = _auditor.Report(read.Accumulator, options);
        return new AuditRunResult(report, rejections, table, read.WithoutAttributes, table.Count - read.AttributeRowsWithResult) { Rejected = read.Problems.Count };
    }

    private static PublishedAudit? Earlier(string? path, string field)
    {
        if (path is null)
        {
            return null;
        }

        return File.Exists(path)
            ? PublishedAudit.ReadFile(path)
            : throw new AuditRequestException($"no such audit report: {path}") { Problem = AuditRequestProblem.NoSuchFile, Name = path, Field = field };
    }

    private IReadOnlyList<string> Favourable(AuditRequest request)
    {
        if (request.FavourableBands.Count > 0)
        {
            return request.FavourableBands;
        }

        if (request.Rubric is not { } path)
        {
            throw new AuditRequestException("no favourable bands: name them, or a rubric whose 'favourable' list to use") { Problem = AuditRequestProblem.NoFavourableBands };
        }

        if (!File.Exists(path))
        {
            throw new AuditRequestException($"no such rubric file: {path}") { Problem = AuditRequestProblem.NoSuchFile, Name = path, Field = nameof(AuditRequest.Rubric) };
        }

        var load = _loader.LoadFile(path);
        if (!load.Succeeded)
        {
            throw new FairRubricsException($"the rubric {path} does not load: {load.Diagnostics.First(d => d.IsError)}");
        }

        return load.Rubric.Favourable.Count > 0
            ? load.Rubric.Favourable
            : throw new AuditRequestException($"the rubric {path} names no 'favourable' bands") { Problem = AuditRequestProblem.RubricWithoutFavourableBands, Name = path, Field = nameof(AuditRequest.Rubric) };
    }

    /// <summary>Reads the header (the rows are being read on another thread) and adds the analysed attributes as the header spells them; returns their column indexes.</summary>
    private static List<int> Columns(AuditRequest request, AuditOptions options)
    {
        IReadOnlyList<string> columns;
        using (var stream = File.OpenRead(request.Attributes))
        {
            try
            {
                columns = AuditInputReader.ReadAttributeColumns(stream);
            }
            catch (EvidenceFormatException ex)
            {
                throw new FairRubricsException($"{request.Attributes}: {ex.Message}", ex);
            }
        }

        var indexes = new List<int>();
        foreach (var name in request.By ?? columns)
        {
            var index = columns.ToList().FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new AuditRequestException($"'{name}' is not a column of {request.Attributes} (columns: {string.Join(", ", columns)})") { Problem = AuditRequestProblem.NotAColumn, Name = name, Field = nameof(AuditRequest.By), Choices = columns };
            }

            if (indexes.Contains(index))
            {
                throw new AuditRequestException($"the attribute '{name}' is named twice") { Problem = AuditRequestProblem.NamedTwice, Name = name, Field = nameof(AuditRequest.By) };
            }

            indexes.Add(index);
            options.Attributes.Add(columns[index]);
        }

        return indexes;
    }

    private static void ApplyReferences(AuditRequest request, AuditOptions options)
    {
        foreach (var (name, value) in request.ReferenceGroups)
        {
            var attribute = options.Attributes.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new AuditRequestException($"the reference group names the attribute '{name}', which is not analysed (attributes: {string.Join(", ", options.Attributes)})") { Problem = AuditRequestProblem.ReferenceNotAnalysed, Name = name, Field = nameof(AuditRequest.ReferenceGroups), Choices = [.. options.Attributes] };
            if (value.Length == 0)
            {
                throw new AuditRequestException($"no value for the reference attribute '{name}'") { Problem = AuditRequestProblem.ReferenceWithoutValue, Name = name, Field = nameof(AuditRequest.ReferenceGroups) };
            }

            if (!options.ReferenceGroups.TryAdd(attribute, value))
            {
                throw new AuditRequestException($"two reference groups name the attribute '{name}'") { Problem = AuditRequestProblem.ReferenceTwice, Name = name, Field = nameof(AuditRequest.ReferenceGroups) };
            }
        }
    }

    private static void AddRatings(string path, AttributeTable table, List<int> indexes, AuditAccumulator accumulator)
    {
        if (!File.Exists(path))
        {
            throw new AuditRequestException($"no such evidence file: {path}") { Problem = AuditRequestProblem.NoSuchFile, Name = path, Field = nameof(AuditRequest.Evidence) };
        }

        var values = new string?[indexes.Count];
        try
        {
            foreach (var row in EvidenceReader.ReadFile(path))
            {
                if (row.Item is { IsRating: true, Rater: { } rater, Value: { } value } item && table.TryGetValues(item.Subject, indexes, values))
                {
                    accumulator.AddRating(new AuditRating(item.Subject, rater, value), values);
                }
            }
        }
        catch (EvidenceFormatException ex)
        {
            throw new FairRubricsException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// For large inputs, compiles the report code on a spare processor while the files are read: the report is
    /// made once, at the end, when nothing else runs, and compiling its code then (methods with loops fully
    /// optimised at first call) would add a quarter of a second to a million-result audit. It audits a made-up
    /// population of 48 subjects, hands the report to <see cref="AuditRequest.Prepare"/> and throws it away.
    /// </summary>
    private void Prepare(AuditRequest request)
    {
        var size = File.Exists(request.Scores)
            ? new FileInfo(request.Scores).Length
            : Directory.Exists(request.Scores) ? new DirectoryInfo(request.Scores).EnumerateFiles().Sum(f => f.Length) : 0;
        if (size < 16 << 20 || Environment.ProcessorCount < 2)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            var accumulator = new AuditAccumulator(["a", "b"], intersect: true);
            for (var i = 0; i < 48; i++)
            {
                var high = i % 3 == 0;
                var level = high ? 4.0 : 2.5;
                accumulator.Add(
                    new AuditSubject("s" + i.ToString(CultureInfo.InvariantCulture), i % 11 != 0, level, high ? "High" : "Low", [new AuditCompetency("c1", level, i % 2 == 0 ? "p" : "q"), new AuditCompetency("c2", i % 5 == 0 ? null : level, "r")], "warm-up"),
                    [i % 2 == 0 ? "x" : "y", i % 7 == 0 ? null : i % 3 == 0 ? "u" : "v"]);
            }

            var options = new AuditOptions { MinGroupSize = 3, Intersect = true, FavourableBands = { "High" } };
            options.Attributes.Add("a");
            options.Attributes.Add("b");
            var report = _auditor.Report(accumulator, options);
            request.Prepare?.Invoke(report);
        });
    }
}
