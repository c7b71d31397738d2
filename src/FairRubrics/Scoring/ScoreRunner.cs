using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FairRubrics.Evidence;
using FairRubrics.Guidance;

namespace FairRubrics.Scoring;

/// <summary>The <see cref="IScoreRunner"/> registered by <c>AddFairRubrics()</c>: the engine of <c>fairrubrics score</c>.</summary>
public sealed class ScoreRunner : IScoreRunner
{
    private readonly IRubricScorer _scorer;
    private readonly IGuidanceAdvisor _advisor;

    /// <summary>Creates the runner.</summary>
    /// <param name="scorer">Scores each subject.</param>
    /// <param name="advisor">Gives guidance when a request asks for it without its own phrases.</param>
    public ScoreRunner(IRubricScorer scorer, IGuidanceAdvisor advisor)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(advisor);
        _scorer = scorer;
        _advisor = advisor;
    }

    /// <inheritdoc />
    public async Task<ScoreRunResult> RunAsync(ScoreRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.Evidence is null && request.EvidencePath is null)
        {
            throw new ArgumentException("the request has neither an evidence stream nor an evidence path", nameof(request));
        }

        if (!output.CanSeek || !output.CanWrite)
        {
            throw new ArgumentException("the output must be writable and seekable", nameof(output));
        }

        var run = new Run(this, request, output, cancellationToken);
        var result = run.Execute();
        await run.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>One run's state: its writer, its counts, its rejections.</summary>
    private sealed class Run(ScoreRunner runner, ScoreRequest request, Stream output, CancellationToken cancellationToken)
    {
        private readonly long _start = output.Position;
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);
        private readonly IGuidanceAdvisor? _advisor = !request.Guidance ? null : request.Phrases is null ? runner._advisor : new GuidanceAdvisor(request.Phrases);
        private readonly ScoringOptions _options = new() { AsOf = request.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow) };
        private RejectionSummary _rejections = new(keepAll: request.KeepAllRejections);
        private long _read, _used, _insufficient, _subjects;

        private readonly byte[] _newLine = Encoding.UTF8.GetBytes(request.NewLine);

        /// <summary>Gets the buffered output: each result's UTF-8 bytes are written as they are (flushed, never disposed: the output stays open).</summary>
        public BufferedStream Writer { get; } = new(output, 1 << 16);

        public ScoreRunResult Execute()
        {
            using var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            var evidenceStart = request.Evidence is { CanSeek: true } s ? s.Position : 0;
            bool sorted;
            using (var file = OpenFile())
            {
                var input = request.Evidence ?? file;
                sorted = Streamed(Rows(input, request.IgnoredField), json, input);
            }

            if (sorted)
            {
                return Result(true);
            }

            // Not sorted by subject: the first pass's lines and counts are dropped, and the evidence is read again through
            // an external sort (batches sorted in memory, spilled to temporary files removed also on an error or a
            // cancellation), so memory stays bounded and the output is the same bytes as for the sorted evidence.
            if (request.Evidence is { CanSeek: false })
            {
                throw new FairRubricsException("the evidence is not sorted by subject and its stream cannot be read again; give a seekable stream or a file");
            }

            Writer.Flush();
            output.SetLength(_start);
            output.Position = _start;
            _rejections = new RejectionSummary(keepAll: request.KeepAllRejections);
            _read = _used = _insufficient = _subjects = 0;
            request.Evidence?.Seek(evidenceStart, SeekOrigin.Begin);
            using var sort = new ExternalSubjectSort(request.Rubric);
            using (var file = OpenFile())
            {
                foreach (var row in Rows(request.Evidence ?? file, null))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _read++;
                    _rejections.Observe(row);
                    if (row.IsValid)
                    {
                        sort.Add(row.Item.Value);
                    }
                }
            }

            foreach (var items in sort.Groups(cancellationToken))
            {
                Write(json, items[0].Subject, items);
            }

            return Result(false);
        }

        private ScoreRunResult Result(bool sorted)
        {
            Writer.Flush();
            return new ScoreRunResult(_read, _used, _subjects, _insufficient, sorted, _rejections);
        }

        /// <summary>
        /// The streaming pass: while the subjects come sorted (each subject's rows together, subjects in ascending ordinal
        /// order, as <c>fairrubrics sample</c> and most exports write them), each subject is scored and written as soon
        /// as its rows end, so memory holds one subject's rows (and a few batches in flight) whatever the size of the
        /// evidence. Returns false, having stopped, at the first subject that is not after the one before.
        /// </summary>
        /// <remarks>
        /// Two threads share the work: this one reads and parses the rows and cuts them into batches at subject ends;
        /// a thread of its own takes the batches in order, notes every row's problems and scores and writes each subject,
        /// in the same order as one thread would (the output and the rejection summary are the same bytes).
        /// </remarks>
        private bool Streamed(IEnumerable<EvidenceRow> rows, Utf8JsonWriter json, Stream? input)
        {
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var queue = new BlockingCollection<Batch>(BatchesInFlight);
            var free = new ConcurrentQueue<Batch>();
            var scorer = Task.Factory.StartNew(() => Score(queue, free, json, failed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var batch = new Batch();
            string? current = null;
            var sorted = true;
            try
            {
                foreach (var row in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _read++;
                    if (input is not null)
                    {
                        request.Progress?.Report(input.Position);
                    }

                    if (row.IsValid)
                    {
                        var subject = row.Item!.Value.Subject;
                        if (!string.Equals(subject, current, StringComparison.Ordinal))
                        {
                            if (current is not null)
                            {
                                if (string.CompareOrdinal(subject, current) < 0)
                                {
                                    sorted = false;
                                    break;
                                }

                                batch.Ends.Add((batch.Rows.Count, current));
                                if (batch.Rows.Count >= BatchRows)
                                {
                                    queue.Add(batch, failed.Token);
                                    batch = free.TryDequeue(out var reused) ? reused : new Batch();
                                }
                            }

                            current = subject;
                        }
                    }

                    batch.Rows.Add(row);
                }

                if (sorted && current is not null)
                {
                    batch.Ends.Add((batch.Rows.Count, current));
                }

                if (sorted || batch.Ends.Count > 0)
                {
                    queue.Add(batch, failed.Token);
                }
            }
            catch (OperationCanceledException) when (scorer.IsFaulted && !cancellationToken.IsCancellationRequested)
            {
                // The scorer failed and stopped taking batches: its exception is thrown below.
            }
            catch (Exception e) when (e is not OperationCanceledException && batch.Ends.Count > 0 && !failed.IsCancellationRequested)
            {
                // The evidence failed to read (after the last batch handed over): the subjects that ended before it are
                // written, as one thread would have written them, before the exception goes on.
                queue.Add(batch, failed.Token);
                throw;
            }
            finally
            {
                queue.CompleteAdding();
                try
                {
                    scorer.Wait(CancellationToken.None);
                }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }
            }

            return sorted;
        }

        /// <summary>
        /// Rows per batch handed from the reading thread to the scoring one (a batch ends at a subject's end); batches are
        /// reused, and small enough to stay off the large-object heap.
        /// </summary>
        private const int BatchRows = 512;

        /// <summary>Batches read ahead of the scoring thread: memory holds at most this many besides the one being filled.</summary>
        private const int BatchesInFlight = 16;

        /// <summary>
        /// The scoring thread: notes each row as the single-threaded pass would (its line, its problems), and scores
        /// and writes a subject at each end. On a failure the reading thread is told to stop, and the exception ends
        /// the task.
        /// </summary>
        private void Score(BlockingCollection<Batch> queue, ConcurrentQueue<Batch> free, Utf8JsonWriter json, CancellationTokenSource failed)
        {
            try
            {
                var items = new List<EvidenceItem>();
                foreach (var batch in queue.GetConsumingEnumerable(cancellationToken))
                {
                    var at = 0;
                    foreach (var (end, subject) in batch.Ends)
                    {
                        at = Take(batch.Rows, at, end, items);
                        Write(json, subject, CollectionsMarshal.AsSpan(items));
                        items.Clear();
                    }

                    Take(batch.Rows, at, batch.Rows.Count, items);
                    batch.Rows.Clear();
                    batch.Ends.Clear();
                    free.Enqueue(batch);
                }
            }
            catch
            {
                failed.Cancel();
                throw;
            }
        }

        /// <summary>Notes rows <paramref name="from"/> to <paramref name="to"/> (exclusive) and adds the valid ones' items; returns <paramref name="to"/>.</summary>
        private int Take(List<EvidenceRow> rows, int from, int to, List<EvidenceItem> items)
        {
            for (var at = from; at < to; at++)
            {
                var row = rows[at];
                _rejections.Observe(row);
                if (row.IsValid)
                {
                    items.Add(row.Item!.Value);
                }
            }

            return to;
        }

        /// <summary>Rows in file order, and where subjects end: after <c>Rows[End - 1]</c> the subject is scored.</summary>
        private sealed class Batch
        {
            public List<EvidenceRow> Rows { get; } = new(BatchRows);

            public List<(int End, string Subject)> Ends { get; } = [];
        }

        private void Write(Utf8JsonWriter json, string subject, ReadOnlySpan<EvidenceItem> items)
        {
            var score = runner._scorer.Score(request.Rubric, subject, items, _options);
            _subjects++;
            _used += score.UsedItems;
            foreach (var issue in score.Issues)
            {
                _rejections.Add(issue);
            }

            if (score.Status == ScoreStatus.InsufficientEvidence)
            {
                _insufficient++;
            }

            _buffer.Clear();
            json.Reset(_buffer);
            if (_advisor is null)
            {
                ScoreJson.Write(json, score, request.Explain);
            }
            else
            {
                ScoreJson.Write(json, score, request.Texts is { } texts ? _advisor.Advise(score, texts) : _advisor.Advise(score), request.Explain);
            }

            json.Flush();
            Writer.Write(_buffer.WrittenSpan);
            Writer.Write(_newLine);
        }

        private IEnumerable<EvidenceRow> Rows(Stream? input, Action<string>? ignored)
        {
            // A file opened here for its progress is read by its extension, as ReadFile would.
            var format = request.Evidence is not null ? request.Format
                : request.EvidencePath!.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? EvidenceFormat.Csv : EvidenceFormat.JsonLines;
            return EvidenceReader.Read(input, format, request.EvidencePath, ignored, request.Rubric);
        }

        /// <summary>
        /// The evidence file as a stream, so that progress can follow its position; null for a request with a stream, or
        /// for a file format the readers do not know (then <see cref="EvidenceReader.ReadFile"/> says so).
        /// </summary>
        private FileStream? OpenFile() =>
            request.Evidence is not null ? null
            : Path.GetExtension(request.EvidencePath!).ToLowerInvariant() is ".csv" or ".jsonl" or ".ndjson" or ".json"
                ? new FileStream(request.EvidencePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
                : null;
    }
}
