using System.Runtime.InteropServices;
using System.Text;

namespace FairRubrics.Cli.Output;

/// <summary>
/// The one way the command line writes a file: into a temporary file beside the target, renamed over it only when
/// everything was written and flushed to disk (<see cref="Commit"/>). On an error, a full disk, or an interrupt
/// (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT) the target keeps its old content and the temporary file is removed. Two runs
/// writing the same target never interleave: each writes its own temporary file, and the last to finish wins whole.
/// A target under <c>/dev/</c> (such as <c>/dev/stdout</c>) cannot be replaced and is written directly.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly PosixSignal[] Interrupts = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    private readonly Lock _gate = new();
    private readonly string? _temporary;
    private readonly FileStream _stream;
    private readonly List<PosixSignalRegistration> _signals = [];
    private StreamWriter? _text;
    private State _state;

    private AtomicFile(string target, string? temporary, FileStream stream)
    {
        Target = target;
        _temporary = temporary;
        _stream = stream;
        if (temporary is null)
        {
            return;
        }

        foreach (var signal in Interrupts)
        {
            try
            {
                _signals.Add(PosixSignalRegistration.Create(signal, OnInterrupt));
            }
            catch (PlatformNotSupportedException)
            {
                // This signal does not exist here (e.g. SIGQUIT on some platforms): the others still clean up.
            }
        }

        // Environment.Exit (the reader of standard output went away, see StandardOutput.Watch) skips every `using`:
        // the temporary file is removed on the way out as on an interrupt.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    private enum State
    {
        Open,
        Committed,
        Abandoned,
    }

    /// <summary>Gets the file that is replaced on <see cref="Commit"/>.</summary>
    public string Target { get; }

    /// <summary>Gets the temporary file being written, or null when the target is written directly (a device).</summary>
    public string? TemporaryPath => _temporary;

    /// <summary>Gets the stream to write to.</summary>
    public Stream Stream => _stream;

    /// <summary>
    /// Starts writing <paramref name="path"/>: checks that it can be written (not a folder, its folder exists and
    /// takes new files) and creates the temporary file, so that a wrong path fails before any work is done.
    /// </summary>
    /// <param name="path">The target file.</param>
    /// <returns>The file, to write to and then <see cref="Commit"/>; disposing it without committing leaves the target as it was.</returns>
    /// <exception cref="CliUsageException">The target cannot be written.</exception>
    public static AtomicFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CliUsageException($"cannot write {path}: it is a folder");
        }

        if (full.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return new AtomicFile(full, null, new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite));
        }

        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new CliUsageException($"cannot write {path}: the folder {directory} does not exist");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid().ToString("N")[..12]}.tmp");
        FileStream stream;
        try
        {
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 1 << 16);
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write {path}: permission denied to create files in {directory}");
        }

        KeepMode(full, temporary);
        return new AtomicFile(full, temporary, stream);
    }

    /// <summary>Writes a whole text file (UTF-8 without a byte-order mark) atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The content.</param>
    public static void WriteAllText(string path, string text)
    {
        using var file = Create(path);
        file.CommitText(text);
    }

    /// <summary>Writes a whole file atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content to the stream (and does not close it).</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Gets a writer of UTF-8 text (no byte-order mark) on <see cref="Stream"/>, owned by this file: <see cref="Commit"/> flushes it.</summary>
    public TextWriter Text => _text ??= new StreamWriter(_stream, Utf8, 1 << 16, leaveOpen: true);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) and commits.</summary>
    /// <param name="text">The whole content.</param>
    public void CommitText(string text)
    {
        _stream.Write(Utf8.GetBytes(text));
        Commit();
    }

    /// <summary>Flushes everything to disk and renames the temporary file over the target.</summary>
    /// <exception cref="OperationCanceledException">The run was interrupted; the target was left as it was.</exception>
    public void Commit()
    {
        lock (_gate)
        {
            if (_state != State.Open)
            {
                throw _state == State.Committed
                    ? new InvalidOperationException("the file was already committed")
                    : new OperationCanceledException($"interrupted: {Target} was left as it was");
            }

            try
            {
                _text?.Flush();
                _stream.Flush(flushToDisk: _temporary is not null);
                _stream.Dispose();
                if (_temporary is not null)
                {
                    File.Move(_temporary, Target, overwrite: true);
                }

                _state = State.Committed;
            }
            catch
            {
                Abandon();
                throw;
            }
        }

        UnregisterSignals();
    }

    /// <summary>Removes the temporary file unless <see cref="Commit"/> succeeded: the target keeps its old content.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_state == State.Open)
            {
                Abandon();
            }
        }

        UnregisterSignals();
    }

    // The target's permissions carry over to its new content (a private report stays private).
    private static void KeepMode(string target, string temporary)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(target))
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
        }
        catch (IOException)
        {
            // The mode is a courtesy; the content is what matters.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Called with the gate held.
    private void Abandon()
    {
        _state = State.Abandoned;
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // A full disk fails the last flush too; the temporary file is removed all the same.
        }

        if (_temporary is not null)
        {
            try
            {
                File.Delete(_temporary);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    // On an interrupt the temporary file is removed at once; the signal then ends the process as it would have.
    // The gate makes the rename and the removal exclusive: the target is either the old file or the whole new one.
    private void OnInterrupt(PosixSignalContext context)
    {
        RemoveTemporary();
        _ = context;
    }

    private void OnProcessExit(object? sender, EventArgs e) => RemoveTemporary();

    // Another thread may still be writing the stream: only the file goes (the process is ending).
    private void RemoveTemporary()
    {
        lock (_gate)
        {
            if (_state != State.Open || _temporary is null)
            {
                return;
            }

            _state = State.Abandoned;
            try
            {
                File.Delete(_temporary);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private void UnregisterSignals()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }

        _signals.Clear();
    }
}
