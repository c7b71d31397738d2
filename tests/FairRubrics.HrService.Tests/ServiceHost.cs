using FairRubrics.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FairRubrics.HrService.Tests;

/// <summary>The service on a backend, with the repository's rubrics folder, reached over HTTP.</summary>
public sealed class ServiceHost(Backend backend) : WebApplicationFactory<Program>
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Gets every log line of the service (the host's own logging configuration, appsettings.json, applies).</summary>
    internal CapturingLoggerProvider Logs { get; } = new();

    public static string Rubric => Path.Combine(RepositoryRoot, "rubrics", "professional-relationships.yaml");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The default environment of WebApplicationFactory is Development, where ASP.NET Core would show exception
        // pages; the service must still answer with problem details only.
        builder.UseSetting("HrService:Rubrics", Path.GetDirectoryName(Rubric));
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        foreach (var (key, value) in backend.Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FairRubrics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FairRubrics.sln not found");
    }
}
