using System.Reflection;
using System.Runtime.CompilerServices;
using FairRubrics.Audit;

namespace FairRubrics.Tests.Audit;

/// <summary>
/// The command line compiles the audit's line-by-line methods ahead on another thread: every method of the audit
/// marked for optimisation from its first call is in that list (a new one is not forgotten), and each compiles.
/// </summary>
public sealed class AuditWarmUpTests
{
    [Fact]
    public void Methods_IncludeEveryAggressivelyOptimisedMethodOfTheAudit()
    {
        const BindingFlags all = BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var marked = typeof(AuditFiles).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("FairRubrics.Audit", StringComparison.Ordinal) && !t.ContainsGenericParameters)
            .SelectMany(t => t.GetMethods(all))
            .Where(m => !m.ContainsGenericParameters && (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0)
            .Select(Name)
            .ToList();

        marked.Should().HaveCountGreaterThan(20, "the parser, the join and the accumulator are marked");
        AuditWarmUp.Methods().Select(Name).Should().BeEquivalentTo(marked);
    }

    private static string Name(MethodInfo method) => method.DeclaringType!.FullName + "::" + method;

    [Fact]
    public void Methods_EachCompiles()
    {
        foreach (var method in AuditWarmUp.Methods())
        {
            var prepare = () => RuntimeHelpers.PrepareMethod(method.MethodHandle);
            prepare.Should().NotThrow(method.DeclaringType + "." + method.Name);
        }
    }
}
