using System.Diagnostics;
using System.Globalization;

namespace FairRubrics.Cli;

/// <summary>
/// Shows the progress of a long run on a terminal, on standard error: the share of the input's bytes read, the
/// speed and the time left, redrawn a few times a second on one line that is cleared at the end. Silent when
/// standard error is redirected (a log or a CI job gets nothing extra) and with <c>--quiet</c>.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    // Nothing is shown in the first moment: a quick run draws no progress at all.
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    private readonly TextWriter? _writer;
    private readonly long _total;
    private readonly string _what;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _last;
    private bool _shown;
    private int _calls;

    private ProgressReporter(TextWriter? writer, long total, string what)
    {
        _writer = writer;
        _total = total;
        _what = what;
    }

    /// <summary>Gets whether anything can be shown (standard error is a terminal and the run is not quiet).</summary>
    public bool IsActive => _writer is not null;

    /// <summary>The reporter as an <see cref="IProgress{T}"/> told synchronously (not through a synchronization context), or null when it is not active.</summary>
    public IProgress<long>? AsProgress() => IsActive ? new Synchronous(this) : null;

    /// <summary>A reporter for reading <paramref name="totalBytes"/> bytes of <paramref name="what"/>.</summary>
    /// <param name="stderr">Standard error: progress is shown only when it is the console's and not redirected.</param>
    /// <param name="quiet">Whether <c>--quiet</c> was given.</param>
    /// <param name="totalBytes">The size of the input, or 0 when unknown.</param>
    /// <param name="what">What is read, e.g. the file name.</param>
    /// <returns>The reporter.</returns>
    public static ProgressReporter For(TextWriter stderr, bool quiet, long totalBytes, string what) =>
        new(!quiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null, totalBytes, what);

    /// <summary>The size of a file, or of the files of a folder (0 when it cannot be known).</summary>
    /// <param name="path">The file or folder.</param>
    /// <returns>The bytes.</returns>
    public static long SizeOf(string path)
    {
        try
        {
            return File.Exists(path) ? new FileInfo(path).Length
                : Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length)
                : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Tells how many bytes have been read; cheap enough to call for every row.</summary>
    /// <param name="bytes">The bytes read so far.</param>
    public void Report(long bytes)
    {
        if (_writer is null || (++_calls & 0x3FF) != 0)
        {
            return;
        }

        ReportNow(bytes);
    }

    /// <summary>Tells how many bytes have been read (called a few times a second at most; any thread).</summary>
    /// <param name="bytes">The bytes read so far.</param>
    public void ReportNow(long bytes)
    {
        if (_writer is null)
        {
            return;
        }

        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (now < Delay || now - _last < Interval)
            {
                return;
            }

            _last = now;
            _shown = true;
            _writer.Write("\r\u001b[K" + Line(bytes, _total, now, _what));
        }
    }

    /// <summary>Clears the progress line.</summary>
    public void Done()
    {
        lock (_gate)
        {
            if (_shown)
            {
                _writer!.Write("\r\u001b[K");
                _shown = false;
            }
        }
    }

    /// <summary>The progress line, e.g. <c>evidence.csv: 42.0% of 1.2 GB, 85.3 MB/s, about 0:09 left</c>.</summary>
    internal static string Line(long bytes, long total, TimeSpan elapsed, string what)
    {
        var speed = elapsed.TotalSeconds > 0 ? bytes / elapsed.TotalSeconds : 0;
        if (total <= 0 || bytes > total)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what}: {Size(bytes)} read, {Size((long)speed)}/s");
        }

        var share = (double)bytes / total;
        var left = speed > 0 ? TimeSpan.FromSeconds((total - bytes) / speed) : (TimeSpan?)null;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {share * 100:0.0}% of {Size(total)}, {Size((long)speed)}/s{(left is { } l ? ", about " + Duration(l) + " left" : string.Empty)}");
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    private static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");

    private sealed class Synchronous(ProgressReporter reporter) : IProgress<long>
    {
        public void Report(long value) => reporter.Report(value);
    }
}
