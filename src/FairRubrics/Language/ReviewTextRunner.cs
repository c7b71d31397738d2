using FairRubrics.Audit;
using FairRubrics.Checks;
using FairRubrics.Evidence;
using FairRubrics.Scoring;

namespace FairRubrics.Language;

/// <summary>The <see cref="IReviewTextRunner"/> registered by <c>AddFairRubrics()</c>: the engine of <c>fairrubrics review-text</c>.</summary>
public sealed class ReviewTextRunner : IReviewTextRunner
{
    private readonly IReviewTextChecker _checker;

    /// <summary>Creates the runner.</summary>
    /// <param name="checker">Checks each comment and compares the groups.</param>
    public ReviewTextRunner(IReviewTextChecker checker)
    {
        ArgumentNullException.ThrowIfNull(checker);
        _checker = checker;
    }

    /// <inheritdoc />
    public Task<ReviewTextRunResult> RunAsync(ReviewTextRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Comments is null && request.CommentsPath is null)
        {
            throw new ArgumentException("the request has neither a comments stream nor a comments path", nameof(request));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(request.MinGroupSize, 3, nameof(request));
        return Task.FromResult(new Run(_checker, request, cancellationToken).Execute());
    }

    /// <summary>One run's state: the counts, the findings kept and the population for FR304.</summary>
    private sealed class Run(IReviewTextChecker checker, ReviewTextRequest request, CancellationToken cancellationToken)
    {
        private readonly string _name = request.CommentsPath ?? "comments";
        private readonly List<ReviewTextRowFinding> _findings = [];
        private readonly List<ReviewCommentRow> _rejected = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly RejectionSummary _rejections = new(keepAll: request.KeepAllRejections);
        private long _read, _withFindings;
        private int _errors, _warnings, _infos;

        public ReviewTextRunResult Execute()
        {
            var population = request.Attributes is null && request.AttributesPath is null ? null : Population.Open(request);
            using (var file = request.Comments is null ? new FileStream(request.CommentsPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan) : null)
            {
                var input = request.Comments ?? file!;
                try
                {
                    foreach (var row in Rows(input))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        _read++;
                        request.Progress?.Report(input.Position);
                        Check(row, population);
                    }
                }
                catch (EvidenceFormatException ex)
                {
                    throw new EvidenceFormatException($"{_name}: {ex.Message}", ex);
                }
            }

            var report = population is null ? null : checker.Report(population.Accumulator, new ReviewTextAuditOptions { MinGroupSize = request.MinGroupSize });
            foreach (var finding in report?.Findings ?? [])
            {
                Count(finding.Id, finding.Severity);
            }

            var descriptors = checker.Descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
            return new ReviewTextRunResult(_read, _withFindings, _findings, _rejected, _rejections, report, population?.Accounting(), descriptors, ([.. _ids.Order(StringComparer.Ordinal)], _errors, _warnings, _infos));
        }

        private void Check(in ReviewCommentRow row, Population? population)
        {
            if (!row.IsValid)
            {
                _rejected.Add(row);
                _rejections.Add(new RowRejection(null, row.Line, row.Row, RejectionKind.Rejected, row.Error));
                return;
            }

            var result = checker.Check(row.Comment);
            population?.Add(row.Subject, result);
            if (result.IsClean)
            {
                return;
            }

            _withFindings++;
            foreach (var finding in result.Findings)
            {
                Count(finding.Id, finding.Severity);
                var found = new ReviewTextRowFinding(row.Row, row.Line, finding);
                if (request.Finding is { } told)
                {
                    told(found);
                }
                else
                {
                    _findings.Add(found);
                }
            }
        }

        private IEnumerable<ReviewCommentRow> Rows(Stream input)
        {
            if (request.Comments is not null)
            {
                return request.CommentsFormat == EvidenceFormat.Csv ? ReviewCommentReader.ReadCsv(input, request.IgnoredColumn) : ReviewCommentReader.ReadJsonLines(input, request.IgnoredColumn);
            }

            return Path.GetExtension(request.CommentsPath!).ToLowerInvariant() switch
            {
                ".csv" => ReviewCommentReader.ReadCsv(input, request.IgnoredColumn),
                ".jsonl" or ".ndjson" or ".json" => ReviewCommentReader.ReadJsonLines(input, request.IgnoredColumn),
                _ => ReviewCommentReader.ReadFile(request.CommentsPath!, request.IgnoredColumn),
            };
        }

        private void Count(string id, DiagnosticSeverity severity)
        {
            _ids.Add(id);
            switch (severity)
            {
                case DiagnosticSeverity.Error:
                    _errors++;
                    break;
                case DiagnosticSeverity.Warning:
                    _warnings++;
                    break;
                default:
                    _infos++;
                    break;
            }
        }
    }

    /// <summary>The attributes table and the per-group counts for FR304. Subject ids stay here; only aggregates leave.</summary>
    private sealed class Population
    {
        private readonly AttributeTable _table;
        private readonly int[] _indexes;
        private readonly string?[] _values;
        private readonly HashSet<string> _withComments = new(StringComparer.Ordinal);
        private long _withoutSubject;
        private long _withoutAttributes;

        private Population(AttributeTable table, List<string> chosen, bool intersect)
        {
            _table = table;
            _indexes = [.. chosen.Select(c => table.Columns.ToList().IndexOf(c))];
            _values = new string?[_indexes.Length];
            Accumulator = new ReviewTextAccumulator(chosen, intersect);
        }

        public ReviewTextAccumulator Accumulator { get; }

        public static Population Open(ReviewTextRequest request)
        {
            var name = request.AttributesPath ?? "attributes";
            var table = AttributeSelection.Read(request.Attributes, request.AttributesPath);
            request.AttributesRead?.Invoke(table);
            return new Population(table, AttributeSelection.Choose(table, request.By, name, rejectTwice: false), request.Intersect);
        }

        public void Add(string? subject, in ReviewTextResult result)
        {
            if (subject is null)
            {
                _withoutSubject++;
                Array.Clear(_values);
            }
            else if (!_table.TryGetValues(subject.Trim(), _indexes, _values))
            {
                _withoutAttributes++;
            }
            else
            {
                _withComments.Add(subject.Trim());
            }

            Accumulator.Add(subject, result, _values);
        }

        public ReviewTextPopulation Accounting() => new(_table.Count, _table.Count - _withComments.Count, _withoutAttributes, _withoutSubject);
    }
}
