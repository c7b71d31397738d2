using Acme.HrService.Api;
using Acme.HrService.Storage;
using FairRubrics.Audit;
using FairRubrics.Catalog;

namespace Acme.HrService;

/// <summary>Registers the service's parts: FairRubrics with the rubric folder, the database and the attribute source audits read.</summary>
internal static class HrServiceSetup
{
    /// <summary>The configuration section of the sample's own settings.</summary>
    public const string Section = "HrService";

    public static IServiceCollection AddHrService(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton(TimeProvider.System);

        // Settings are read when the services are first built, after every configuration source (tests' too) is in.
        services.AddFairRubrics();
        services.AddSingleton(sp => RubricSource.FromDirectory(RubricFolder(sp)));
        services.AddSingleton(sp => HrDatabase.Create(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<IEvidenceStore, SqlEvidenceStore>();
        services.AddSingleton<IProtectedAttributeStore, SqlProtectedAttributeStore>();
        services.AddSingleton<IAuditStore, SqlAuditStore>();
        services.AddSingleton<ISubjectAttributeSource, ProtectedAttributeSource>();
        return services;
    }

    public static void MapHrServiceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        EvidenceEndpoints.Map(endpoints);
        AttributeEndpoints.Map(endpoints);
        ScoreEndpoints.Map(endpoints);
        AuditEndpoints.Map(endpoints);
    }

    /// <summary>
    /// <c>HrService:Rubrics</c> (default <c>rubrics</c>): a folder of rubric YAML, relative to the content root;
    /// when it is not there, beside the program (where the build copies the shipped rubric).
    /// </summary>
    private static string RubricFolder(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()[$"{Section}:Rubrics"] ?? "rubrics";
        var underContentRoot = Path.GetFullPath(configured, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (Directory.Exists(underContentRoot) || Path.IsPathRooted(configured))
        {
            return underContentRoot;
        }

        var besideProgram = Path.GetFullPath(configured, AppContext.BaseDirectory);
        return Directory.Exists(besideProgram) ? besideProgram : underContentRoot;
    }
}
