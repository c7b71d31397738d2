using Acme.HouseStyle;
using Acme.Scoring;
using FairRubrics;
using FairRubrics.Checks;
using FairRubrics.Language;
using FairRubrics.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Snippets;

/// <summary>The code quoted in docs/checks/README.md and the samples' READMEs.</summary>
public static class Samples
{
    public static void ConfigureChecks(IServiceCollection services)
    {
        // begin-snippet: checks-configure
        services.AddFairRubrics(o =>
        {
            o.Linter.Severities["FR105"] = DiagnosticSeverity.Warning;   // null switches a check off
            o.Linter.Suppressed.Add("FR109");
            o.DesignChecks.MaxInterpersonalWeightShare = 0.3;            // FR107, default 0.4
            o.DesignChecks.MinAnchorWords = 5;                           // FR105, default 4
            o.DesignChecks.AllowedWords.Add("assertive");
            o.DesignChecks.WordLists.Add(WordListLoader.LoadFile("acme-words.yaml").GetListOrThrow());
        });
        // end-snippet
    }

    public static void RegisterRecentCount(IServiceCollection services)
    {
        // begin-snippet: sample-recent-count-register
        services.AddFairRubrics().AddScoringRule<RecentCountRule>();
        // end-snippet
    }

    public static void RegisterHouseStyle(IServiceCollection services, IServiceProvider provider, Rubric rubric)
    {
        // begin-snippet: sample-house-style-register
        services.AddFairRubrics()
                .AddRubricCheck<Acme.HouseStyle.HouseStyleCheck>();

        var linter = provider.GetRequiredService<IRubricLinter>();
        foreach (var finding in linter.Lint(rubric)) Console.WriteLine(finding); // file:line:col: warning ACME001: ...
        // end-snippet
        GC.KeepAlive(typeof(HouseStyleCheck));
    }
}
