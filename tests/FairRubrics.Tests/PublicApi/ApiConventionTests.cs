using System.Reflection;
using System.Runtime.CompilerServices;
using FairRubrics.Tests.TestSupport;

namespace FairRubrics.Tests.PublicApi;

/// <summary>
/// Conventions of the public surface that the compiler and the PublicApiAnalyzers do not check on their own
/// (see docs/public-api.md): classes are sealed unless made to be derived from, the core depends on three
/// packages only, and the tracked API files are well formed.
/// </summary>
public sealed class ApiConventionTests
{
    private static readonly Assembly Core = typeof(FairRubrics.Model.Rubric).Assembly;

    // The only public class made to be derived from: the base of the library's exceptions.
    private static readonly Type[] OpenByDesign = [typeof(FairRubricsException)];

    [Fact]
    public void Classes_AreSealedStaticOrAbstract_UnlessDerivedFromInTheLibrary()
    {
        var types = Core.GetTypes().Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.Name.Contains('<', StringComparison.Ordinal)).ToArray();
        var bases = types.Select(t => t.BaseType).Where(b => b is not null).Select(b => b!.IsGenericType ? b.GetGenericTypeDefinition() : b).ToHashSet();

        var open = types
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !bases.Contains(t) && !OpenByDesign.Contains(t))
            .Select(t => t.FullName);

        open.Should().BeEmpty("implementations are sealed (internal sealed unless a host constructs them without a container)");
    }

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract_ExceptTheExceptionBase()
    {
        var open = Core.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !OpenByDesign.Contains(t))
            .Select(t => t.FullName);

        open.Should().BeEmpty("a public class that is not sealed is an extension point, and extension points are abstract classes or interfaces");
    }

    [Fact]
    public void CoreLibrary_ReferencesOnlyTheFrameworkAndItsHostingDependencies()
    {
        // #19: a host's options, configuration, content root, logging and health checks. Options and Configuration.Binder
        // are not abstractions packages (IOptions/ValidateOnStart and Bind exist only there, and every host has them);
        // the full Diagnostics.HealthChecks package (IHealthChecksBuilder) is referenced by FairRubrics.HealthChecks only.
        string[] allowed =
        [
            "YamlDotNet", "CsvHelper", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options",
            "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.Configuration.Binder", "Microsoft.Extensions.Hosting.Abstractions",
            "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions",
        ];

        var references = Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib");

        references.Should().BeSubsetOf(allowed, "the core package depends only on YamlDotNet, CsvHelper and the Microsoft.Extensions packages a host already has");
    }

    [Fact]
    public void PublicApiFiles_StartWithNullableEnable_AndDeclareNothingTwice()
    {
        var dir = Path.Combine(TestRubrics.RepositoryRoot, "src", "FairRubrics");
        var shipped = File.ReadAllLines(Path.Combine(dir, "PublicAPI.Shipped.txt"));
        var unshipped = File.ReadAllLines(Path.Combine(dir, "PublicAPI.Unshipped.txt"));

        shipped.First().Should().Be("#nullable enable");
        unshipped.First().Should().Be("#nullable enable");
        var declared = shipped.Skip(1).Concat(unshipped.Skip(1)).Where(l => l.Length > 0 && !l.StartsWith("*REMOVED*", StringComparison.Ordinal)).ToArray();
        declared.Should().OnlyHaveUniqueItems("a symbol is either shipped or unshipped, once");
    }

    [Fact]
    public void Version_IsSetOnlyInDirectoryBuildProps()
    {
        var root = TestRubrics.RepositoryRoot;
        var projects = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        foreach (var project in projects)
        {
            var text = File.ReadAllText(project);
            text.Should().NotContainAny(["<Version>", "<VersionPrefix>", "<PackageVersion>", "<AssemblyVersion>", "<FileVersion>"], $"{Path.GetRelativePath(root, project)} must take its version from Directory.Build.props");
        }

        File.ReadAllText(Path.Combine(root, "Directory.Build.props")).Should().Contain("<VersionPrefix>");
        Core.GetName().Version.Should().NotBeNull();
    }
}
