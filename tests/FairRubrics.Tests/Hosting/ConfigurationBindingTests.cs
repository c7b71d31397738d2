using FairRubrics.Catalog;
using FairRubrics.DependencyInjection;
using FairRubrics.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FairRubrics.Tests.Hosting;

public sealed class ConfigurationBindingTests : IDisposable
{
    private readonly string _root = TempFolder.Create();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AddFairRubrics_FromAppSettingsJson_BindsOptionsAndLoadsTheFolderUnderTheContentRoot()
    {
        Directory.CreateDirectory(Path.Combine(_root, "rubrics"));
        File.WriteAllText(Path.Combine(_root, "rubrics", "minimal.yaml"), TestRubrics.Minimal());
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """
            { "FairRubrics": { "Rubrics": [ { "Directory": "rubrics", "Watch": true } ],
                               "Loader": { "MaxDepth": 30 },
                               "Linter": { "Severities": { "FR107": "Error" } },
                               "DesignChecks": { "MaxInterpersonalWeightShare": 0.3 } } }
            """);

        // The working directory is not the content root: the folder must still be found.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddJsonFile(Path.Combine(_root, "appsettings.json"));
        builder.Services.AddFairRubrics(builder.Configuration.GetSection("FairRubrics"));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<FairRubricsOptions>();
        options.Loader.MaxDepth.Should().Be(30);
        options.Linter.Severities["FR107"].Should().Be(DiagnosticSeverity.Error);
        options.DesignChecks.MaxInterpersonalWeightShare.Should().Be(0.3);
        options.Rubrics.Should().ContainSingle().Which.Watch.Should().BeTrue();
        var catalog = host.Services.GetRequiredService<IRubricCatalog>();
        catalog.Diagnostics.Should().BeEmpty();
        catalog.GetRubric("minimal").Source.Should().Be(Path.Combine(_root, "rubrics", "minimal.yaml"));
    }

    [Fact]
    public void AddFairRubrics_CodeAfterConfiguration_WinsAndBothApplyInCallOrder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FairRubrics:Loader:MaxDepth"] = "30", ["FairRubrics:Loader:MaxNodes"] = "5000" }).Build();
        var services = new ServiceCollection();

        services.AddFairRubrics(configuration.GetSection("FairRubrics"));
        services.AddFairRubrics(o => o.Loader.MaxNodes = 1000);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<FairRubricsOptions>();
        options.Loader.MaxDepth.Should().Be(30);
        options.Loader.MaxNodes.Should().Be(1000);
        provider.GetRequiredService<IOptions<FairRubricsOptions>>().Value.Should().BeSameAs(options);
    }

    [Theory]
    [InlineData("FairRubrics:Loader:MaxDepth", "1000", "FairRubrics:Loader:MaxDepth")]
    [InlineData("FairRubrics:DesignChecks:MinAnchorWords", "0", "FairRubrics:DesignChecks:MinAnchorWords")]
    [InlineData("FairRubrics:Rubrics:0:Watch", "true", "FairRubrics:Rubrics:0:Directory is required")]
    public async Task StartAsync_InvalidValue_StopsTheHostWithAMessageNamingTheKey(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddFairRubrics(builder.Configuration.GetSection("FairRubrics"));
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("FairRubrics:Loader:MaxDeph", "30", "MaxDeph")]
    [InlineData("FairRubrics:Loader:MaxDepth", "thirty", "FairRubrics:Loader:MaxDepth")]
    public async Task StartAsync_UnknownKeyOrWrongType_StopsTheHostNamingTheKey(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddFairRubrics(builder.Configuration.GetSection("FairRubrics"));
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void MissingRelativeFolder_TheDiagnosticNamesTheAbsolutePathTried()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Services.AddFairRubrics().AddRubricsFromDirectory("no-such-rubrics");
        using var host = builder.Build();

        var problem = host.Services.GetRequiredService<IRubricCatalog>().Diagnostics.Should().ContainSingle().Subject;

        problem.IsError.Should().BeTrue();
        problem.Location.File.Should().Be(Path.Combine(_root, "no-such-rubrics"));
        problem.Message.Should().Be($"the rubric folder does not exist ('no-such-rubrics' resolved against the content root {_root})");
    }

    [Fact]
    public void SameFolderFromCodeAndConfiguration_LoadsOnce()
    {
        Directory.CreateDirectory(Path.Combine(_root, "rubrics"));
        File.WriteAllText(Path.Combine(_root, "rubrics", "minimal.yaml"), TestRubrics.Minimal());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["FairRubrics:Rubrics:0:Directory"] = "rubrics" });
        builder.Services.AddFairRubrics(builder.Configuration.GetSection("FairRubrics")).AddRubricsFromDirectory(Path.Combine(_root, "rubrics"));
        using var host = builder.Build();

        var catalog = host.Services.GetRequiredService<IRubricCatalog>();

        catalog.Diagnostics.Should().BeEmpty("a second copy of the folder would report duplicate rubrics");
        catalog.Rubrics.Should().ContainSingle();
    }
}
