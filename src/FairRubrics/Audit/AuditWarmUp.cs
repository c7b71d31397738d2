using System.Reflection;
using System.Runtime.CompilerServices;
using FairRubrics.Audit.Statistics;

namespace FairRubrics.Audit;

/// <summary>
/// Compiles the audit's hot path ahead, on a thread of its own, while a command line is still starting. The
/// methods that read and accumulate results line by line are marked <see cref="MethodImplOptions.AggressiveOptimization"/>:
/// optimised code from their first call, which precompiled (ReadyToRun) code is not, so they are compiled when the
/// audit first calls them, on the processor that would parse. Started before the command line is parsed, that
/// compilation runs on the other processor, which is idle until the audit's workers start.
/// </summary>
internal static class AuditWarmUp
{
    /// <summary>The types whose line-by-line methods are compiled ahead (with their nested types).</summary>
    private static readonly Type[] Hot =
    [
        typeof(ScorerShapeLine), typeof(CompactScoreLine), typeof(ScoreLineParser), typeof(ScoreRecord), typeof(Utf8LineReader), typeof(Utf8KeyIndex),
        typeof(AuditInputReader), typeof(CellStore), typeof(AuditFiles), typeof(AuditAccumulator), typeof(Moments),
    ];

    /// <summary>Starts compiling on a background thread and returns at once; nothing waits for it.</summary>
    public static void Start() => new Thread(Run) { IsBackground = true, Name = "FairRubrics audit warm-up" }.Start();

    /// <summary>The methods compiled ahead: those of <see cref="Hot"/> marked for optimisation from their first call.</summary>
    /// <returns>The methods, in declaration order per type.</returns>
    internal static List<MethodInfo> Methods()
    {
        var methods = new List<MethodInfo>();
        foreach (var type in Hot)
        {
            Add(type, methods);
        }

        return methods;
    }

    private static void Run()
    {
        try
        {
            foreach (var method in Methods())
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }
#pragma warning disable CA1031 // Compiling ahead is an optimisation only: whatever fails here is compiled at its first call.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static void Add(Type type, List<MethodInfo> methods)
    {
        const BindingFlags all = BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        methods.AddRange(type.GetMethods(all).Where(m => !m.ContainsGenericParameters && !m.IsAbstract
            && (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0));
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Where(t => !t.ContainsGenericParameters))
        {
            Add(nested, methods);
        }
    }
}
