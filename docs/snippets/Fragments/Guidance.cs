using FairRubrics.Guidance;
using FairRubrics.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace Snippets;

/// <summary>The code quoted in README.md, "Development guidance".</summary>
public static class Guidance
{
    public static void Routes(IServiceProvider services, SubjectScore score)
    {
        // begin-snippet: guidance-routes
        var guidance = services.GetRequiredService<IGuidanceAdvisor>().Advise(score);
        foreach (var competency in guidance.Competencies)
        {
            foreach (var route in competency.Routes)   // route.Advice?.Needs: OccurrenceNeed, RatingNeed, …
            {
                Console.WriteLine($"{route.Path.Title}: {route.Text}");
            }
        }

        Console.WriteLine(guidance);   // the whole page, with items that stop counting and band steps
        // end-snippet
    }
}
