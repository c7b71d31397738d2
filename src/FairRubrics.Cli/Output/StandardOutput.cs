using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace FairRubrics.Cli.Output;

/// <summary>
/// Standard output as the command line writes it. A closed standard output (<c>&gt;&amp;-</c>) is found before any
/// work and reported in plain words; when the reader of a pipe goes away (<c>| head -1</c>), the run stops within a
/// fraction of a second and ends with <see cref="ExitReaderGone"/> (128 + SIGPIPE, as a Unix tool ends), writing
/// nothing more and leaving every <c>--out</c> target as it was. .NET's own console stream ignores a broken pipe,
/// so that a run would otherwise go on to its end with nobody reading.
/// </summary>
internal static partial class StandardOutput
{
    /// <summary>The exit code when the reader of standard output went away (128 + SIGPIPE).</summary>
    public const int ExitReaderGone = 141;

    private const int Descriptor = 1;
    private const int EBADF = 9;
    private const int EPIPE = 32;
    private const int F_GETFL = 3;
    private const int O_ACCMODE = 3;
    private const int O_RDONLY = 0;
    private const short POLLERR = 0x008;
    private const short POLLHUP = 0x010;
    private const short POLLNVAL = 0x020;

    /// <summary>What <see cref="Probe"/> found.</summary>
    public enum State
    {
        /// <summary>Writable, or not known (not a Unix system).</summary>
        Open,

        /// <summary>There is no standard output: the descriptor is closed.</summary>
        Closed,

        /// <summary>Standard output is a pipe or socket whose reader has gone.</summary>
        ReaderGone,
    }

    /// <summary>Looks at standard output without writing to it.</summary>
    /// <returns>What it is.</returns>
    public static State Probe()
    {
        if (OperatingSystem.IsWindows())
        {
            return State.Open;
        }

        var poll = new PollDescriptor { Descriptor = Descriptor, Events = 0 };
        int ready;
        try
        {
            ready = Poll(ref poll, 1, 0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return State.Open;
        }

        if (ready < 0)
        {
            return Marshal.GetLastPInvokeError() == EBADF ? State.Closed : State.Open;
        }

        // A descriptor closed by the shell (>&-) is reused by the first file the runtime opens, read-only: that is
        // not an output either.
        if ((poll.Returned & POLLNVAL) == 0 && (FileStatusFlags(Descriptor, F_GETFL) & O_ACCMODE) == O_RDONLY)
        {
            return State.Closed;
        }

        return (poll.Returned & POLLNVAL) != 0 ? State.Closed
            : (poll.Returned & (POLLERR | POLLHUP)) != 0 ? State.ReaderGone
            : State.Open;
    }

    /// <summary>
    /// Opens standard output for writing: on Unix a stream over its descriptor, on which a broken pipe is an error
    /// (<see cref="IsReaderGone"/>); elsewhere the console's writer.
    /// </summary>
    /// <returns>The writer (flushed after every write, as the console's is).</returns>
    public static TextWriter Open()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.Out;
        }

        if (Probe() == State.Closed)
        {
            return new ClosedWriter();
        }

        var stream = new FileStream(new SafeFileHandle(Descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 14) { AutoFlush = true };
    }

    /// <summary>Tells whether an exception is a write to a pipe whose reader has gone.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True for a broken pipe.</returns>
    public static bool IsReaderGone(Exception exception) =>
        exception is IOException { HResult: EPIPE } && !OperatingSystem.IsWindows();

    /// <summary>
    /// Watches standard output on a background thread while a command runs, and ends the process with
    /// <see cref="ExitReaderGone"/> as soon as its reader has gone (process-exit handlers run, so that temporary files
    /// are removed and targets keep their old content).
    /// </summary>
    /// <returns>Disposing it stops the watching.</returns>
    public static IDisposable Watch()
    {
        if (OperatingSystem.IsWindows() || Probe() != State.Open)
        {
            return NoWatch.Instance;
        }

        var watcher = new Watcher();
        watcher.Start();
        return watcher;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Poll(ref PollDescriptor descriptors, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int FileStatusFlags(int descriptor, int command);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short Returned;
    }

    /// <summary>
    /// Standard output when there is none: a command that writes only files (<c>--out</c>) runs as usual, and the
    /// first write to standard output fails with a message that says what to do.
    /// </summary>
    private sealed class ClosedWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw Closed();

        public override void Write(char[] buffer, int index, int count) => throw Closed();

        public override void Write(ReadOnlySpan<char> buffer) => throw Closed();

        public override void Write(string? value) => throw Closed();

        private static IOException Closed() =>
            new("standard output is closed: redirect it to a file or /dev/null, or give --out FILE where the command has it");
    }

    private sealed class NoWatch : IDisposable
    {
        public static readonly NoWatch Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Watcher : IDisposable
    {
        private readonly ManualResetEventSlim _stop = new();
        private readonly Thread _thread;

        public Watcher() => _thread = new Thread(Run) { IsBackground = true, Name = "fairrubrics stdout watcher" };

        public void Start() => _thread.Start();

        public void Dispose()
        {
            _stop.Set();
            _thread.Join();
            _stop.Dispose();
        }

        private void Run()
        {
            while (!_stop.Wait(100))
            {
                if (Probe() == State.ReaderGone)
                {
                    Environment.Exit(ExitReaderGone);
                }
            }
        }
    }
}
