using System.Globalization;
using SharpFuzz;

namespace FairRubrics.Fuzz;

/// <summary>
/// <c>FairRubrics.Fuzz TARGET</c> runs one target under afl-fuzz (SharpFuzz's out-of-process fork server, input
/// on standard input); <c>FairRubrics.Fuzz TARGET FILE...</c> replays files once each and prints each distinct
/// exception with the files that cause it. fuzz/run.sh is the documented way to start it.
/// Exit codes: 0 no crash, 1 a replayed file crashed, 2 usage.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        GiveTraceMapABuffer();
        if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
        {
            Console.Error.WriteLine($"usage: FairRubrics.Fuzz TARGET [FILE...]; TARGET is one of {string.Join(", ", FuzzTargets.Names)}");
            return 2;
        }

        var target = args[0];
        if (args.Length > 1)
        {
            return Replay(target, args[1..]);
        }

        // Out of process: the fork server restarts the .NET process that runs the target after a stack
        // overflow or a time-out, so one such input does not end the fuzzing session.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            FuzzTargets.Run(target, memory.ToArray());
        });
        return 0;
    }

    /// <summary>
    /// Instrumented assemblies (fuzz/run.sh) record every branch in SharpFuzz's trace map, which SharpFuzz points
    /// at afl-fuzz's shared memory only in the process that runs the target. Until then (static initialisers, the
    /// fork server's own process, replays outside afl-fuzz) they write into this private map instead of a null pointer.
    /// </summary>
    private static unsafe void GiveTraceMapABuffer()
    {
        if (SharpFuzz.Common.Trace.SharedMem is null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
        }
    }

    private static int Replay(string target, string[] files)
    {
        // One report per distinct crash (exception type and throwing frame), with the files that cause it.
        var crashes = new Dictionary<string, (Exception First, List<string> Files)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                FuzzTargets.Run(target, File.ReadAllBytes(file));
            }
            catch (Exception ex) when (ex is not (IOException or UnauthorizedAccessException))
            {
                var frame = ex.StackTrace?.Split('\n', 2)[0].Trim() ?? string.Empty;
                var signature = ex.GetType().FullName + " " + frame;
                if (!crashes.TryGetValue(signature, out var crash))
                {
                    crash = (ex, []);
                    crashes.Add(signature, crash);
                }

                crash.Files.Add(file);
            }
        }

        foreach (var (first, crashFiles) in crashes.Values)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crash: {first.GetType().FullName}: {first.Message} ({crashFiles.Count} input(s))"));
            Console.WriteLine(first.StackTrace);
            foreach (var file in crashFiles)
            {
                Console.WriteLine("  input: " + file);
            }
        }

        return crashes.Count == 0 ? 0 : 1;
    }
}
