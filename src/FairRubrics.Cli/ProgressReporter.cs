using System.Diagnostics;
using System.Globalization;

namespace FairRubrics.Cli;

/// <summary>Shows progress of long runs on a terminal, at most a few times a second; silent when output is redirected.</summary>
internal sealed class ProgressReporter
{
    private readonly TextWriter? _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private bool _shown;

    private ProgressReporter(TextWriter? writer) => _writer = writer;

    public static ProgressReporter For(TextWriter stderr) =>
        new(ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null);

    public void Tick(long count, string what)
    {
        if (_writer is null || (count & 0x3FFF) != 0)
        {
            return;
        }

        var now = _clock.Elapsed;
        if (now - _last < TimeSpan.FromMilliseconds(250))
        {
            return;
        }

        _last = now;
        _shown = true;
        _writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r{count:N0} {what}…"));
    }

    public void Done()
    {
        if (_shown)
        {
            _writer!.Write("\r\u001b[K");
        }
    }
}
