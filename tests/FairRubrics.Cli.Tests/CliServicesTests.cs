using FairRubrics.Audit;
using FairRubrics.Checks;
using FairRubrics.Comparison;
using FairRubrics.Demo;
using FairRubrics.Language;
using FairRubrics.Pages;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Tests;

/// <summary>
/// The container the commands use is built without validation (it would cost every command its start-up time), so
/// the same registrations are validated here: every service can be built, and no singleton holds a scoped service.
/// </summary>
public sealed class CliServicesTests
{
    [Fact]
    public void Collection_ValidatedOnBuild_BuildsEveryServiceTheCommandsUse()
    {
        using var validated = CliServices.Collection().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        validated.GetRequiredService<IAuditRunner>().Should().NotBeNull();
        validated.GetRequiredService<IScoreRunner>().Should().NotBeNull();
        validated.GetRequiredService<ILintRunner>().Should().NotBeNull();
        validated.GetRequiredService<ICompareRunner>().Should().NotBeNull();
        validated.GetRequiredService<IStatementRunner>().Should().NotBeNull();
        validated.GetRequiredService<IReviewTextRunner>().Should().NotBeNull();
        validated.GetRequiredService<IDemoRunner>().Should().NotBeNull();
    }

    [Fact]
    public void Create_ResolvesTheSameRunnersAsTheValidatedContainer()
    {
        using var services = CliServices.Create();
        using var validated = CliServices.Collection().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        services.GetRequiredService<IAuditRunner>().GetType().Should().Be(validated.GetRequiredService<IAuditRunner>().GetType());
        services.GetRequiredService<IScoreRunner>().GetType().Should().Be(validated.GetRequiredService<IScoreRunner>().GetType());
    }
}
