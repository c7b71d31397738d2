using System.Globalization;
using SharpFuzz;

namespace FairRubrics.Fuzz;

/// <summary>
/// <c>FairRubrics.Fuzz TARGET</c> runs one target under afl-fuzz (SharpFuzz's persistent fork server, input on
/// standard input); <c>FairRubrics.Fuzz TARGET FILE...</c> replays files once each and prints the exception
/// of every crashing file (exit code 1 when any crashed). fuzz/run.sh is the documented way to start it.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
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

        Fuzzer.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            FuzzTargets.Run(target, memory.ToArray());
        });
        return 0;
    }

    private static int Replay(string target, string[] files)
    {
        var crashed = 0;
        foreach (var file in files)
        {
            try
            {
                FuzzTargets.Run(target, File.ReadAllBytes(file));
            }
            catch (Exception ex) when (ex is not (IOException or UnauthorizedAccessException))
            {
                crashed++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crash: {file}: {ex.GetType().FullName}: {ex.Message}"));
                Console.WriteLine(ex.StackTrace);
            }
        }

        return crashed == 0 ? 0 : 1;
    }
}
