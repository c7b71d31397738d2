using System.Text;
using FairRubrics.Audit;
using FairRubrics.Checks;
using FairRubrics.Evidence;
using FairRubrics.Loading;
using FairRubrics.Scoring;

namespace FairRubrics.Fuzz;

/// <summary>
/// The fuzz targets. Each feeds one input to the public API that reads untrusted files and consumes the result
/// fully (every row, every diagnostic, the rubric's hash and design checks). FairRubrics' documented exceptions
/// (<see cref="FairRubricsException"/> and its subclasses, such as <see cref="EvidenceFormatException"/>) are the
/// expected answer to a bad file and are swallowed; any other exception escapes and is a crash.
/// </summary>
/// <remarks>
/// This file is compiled into the fuzzing harness (run under afl-fuzz by fuzz/run.sh) and into
/// FairRubrics.Tests, which replays fuzz/corpus and fuzz/regressions through the same targets.
/// </remarks>
internal static class FuzzTargets
{
    /// <summary>The loader with the default limits.</summary>
    private static readonly RubricLoader DefaultLoader = new();

    /// <summary>A loader with the smallest limits, so that small inputs reach every limit check.</summary>
    private static readonly RubricLoader TightLoader = new(
        new RubricLoaderOptions { MaxFileBytes = 2048, MaxScalarLength = 40, MaxDepth = 4, MaxNodes = 48 },
        ScoringRuleSet.BuiltInOnly);

    private static readonly RubricLinter Linter = new(BuiltInChecks.Create());

    /// <summary>Gets the names of the targets, as fuzz/run.sh and the fuzz/corpus folders spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rubric", "evidence-csv", "evidence-jsonl", "scores-jsonl", "attributes-csv"];

    /// <summary>Runs one target on one input.</summary>
    /// <param name="target">One of <see cref="Names"/>.</param>
    /// <param name="input">The input bytes.</param>
    /// <exception cref="ArgumentException">The target name is unknown.</exception>
    /// <exception cref="Exception">Any exception other than a <see cref="FairRubricsException"/>: a crash.</exception>
    public static void Run(string target, byte[] input)
    {
        Action<byte[]> run = target switch
        {
            "rubric" => Rubric,
            "evidence-csv" => EvidenceCsv,
            "evidence-jsonl" => EvidenceJsonLines,
            "scores-jsonl" => ScoresJsonLines,
            "attributes-csv" => AttributesCsv,
            _ => throw new ArgumentException($"unknown fuzz target '{target}'; use one of {string.Join(", ", Names)}", nameof(target)),
        };

        try
        {
            run(input);
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            // Documented: the input is not a rubric or evidence file FairRubrics can read.
        }
    }

    /// <summary>Tells whether an exception is one the public API documents for bad input (not a crash).</summary>
    /// <param name="exception">The exception that escaped a target.</param>
    /// <returns>True for <see cref="FairRubricsException"/> and its subclasses.</returns>
    public static bool IsExpected(Exception exception) => exception is FairRubricsException;

    private static void Rubric(byte[] input)
    {
        Consume(DefaultLoader.LoadStream(new MemoryStream(input, writable: false), "fuzz.yaml"));
        Consume(DefaultLoader.LoadStream(new ForwardOnlyStream(input), "fuzz.yaml"));
        Consume(DefaultLoader.LoadString(Encoding.UTF8.GetString(input), "fuzz.yaml"));
        Consume(TightLoader.LoadStream(new MemoryStream(input, writable: false), "fuzz.yaml"));
    }

    private static void Consume(RubricLoadResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            _ = diagnostic.ToString();
        }

        if (result.Succeeded == result.Diagnostics.Any(d => d.IsError))
        {
            throw new InvalidOperationException("a rubric loaded although the loader reported errors, or did not load without any error");
        }

        if (result.Rubric is not { } rubric)
        {
            _ = result.GetRubricOrThrow();
            return;
        }

        _ = rubric.ContentHash;
        foreach (var finding in Linter.Lint(rubric))
        {
            _ = finding.ToString();
        }
    }

    private static void EvidenceCsv(byte[] input)
    {
        foreach (var row in EvidenceReader.ReadCsv(new MemoryStream(input, writable: false), name => _ = name.Length))
        {
            _ = row.ToString();
        }
    }

    /// <summary>The line bound the JSON Lines targets also read with (the readers' own is 1 MiB, more than a fuzz input), read in 7-byte pieces so lines cross the reads.</summary>
    private const int SmallLineBound = 64;

    private static void EvidenceJsonLines(byte[] input)
    {
        foreach (var row in EvidenceReader.ReadJsonLines(new MemoryStream(input, writable: false), name => _ = name.Length))
        {
            _ = row.ToString();
        }

        foreach (var row in EvidenceReader.ReadJsonLines(new ForwardOnlyStream(input), SmallLineBound))
        {
            _ = row.ToString();
        }
    }

    private static void ScoresJsonLines(byte[] input)
    {
        foreach (var line in AuditInputReader.ReadScores(new MemoryStream(input, writable: false)).Concat(AuditInputReader.ReadScores(new ForwardOnlyStream(input), SmallLineBound)))
        {
            _ = line.ToString();
            if (line.Subject is { } subject)
            {
                _ = subject.Competencies.Count;
            }
        }
    }

    private static void AttributesCsv(byte[] input)
    {
        var table = AuditInputReader.ReadAttributes(new MemoryStream(input, writable: false));
        var indexes = Enumerable.Range(0, table.Columns.Count).ToArray();
        var values = new string?[indexes.Length];
        _ = table.TryGetValues("e1", indexes, values);
        _ = table.Problems.Count + table.Count;
    }

    /// <summary>A stream that can only be read forwards (like a pipe), so the loader's unseekable path is fuzzed too.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
