using System.Globalization;
using System.Text;

namespace FairRubrics.Benchmarks;

/// <summary>The rubric texts the benchmarks load: a shipped rubric and a larger generated one.</summary>
public static class BenchmarkInputs
{
    /// <summary>The shipped rubric <c>rubrics/software-engineer.yaml</c>, the main input.</summary>
    public const string SoftwareEngineer = "software-engineer";

    /// <summary>A generated rubric: 10 competencies x 3 paths, five anchors per path.</summary>
    public const string Synthetic = "synthetic-10x3";

    /// <summary>Gets the YAML text of an input by name.</summary>
    /// <param name="name">One of <see cref="SoftwareEngineer"/> or <see cref="Synthetic"/>.</param>
    /// <returns>The YAML text.</returns>
    public static string Get(string name) => name switch
    {
        SoftwareEngineer => File.ReadAllText(FindRubric("software-engineer.yaml")),
        Synthetic => GenerateSynthetic(competencies: 10, pathsPerCompetency: 3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown benchmark input"),
    };

    /// <summary>Finds <c>rubrics/{fileName}</c> by walking up from the working folder and from the assembly's folder.</summary>
    private static string FindRubric(string fileName)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "rubrics", fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Could not find rubrics/{fileName} above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; run the benchmarks from inside the repository.", fileName);
    }

    /// <summary>
    /// Generates a valid rubric with the given number of competencies and paths, each path with five anchors,
    /// alternating <c>rating</c> and <c>count</c> scoring, written in the same style as the shipped rubrics.
    /// </summary>
    public static string GenerateSynthetic(int competencies, int pathsPerCompetency)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("# Synthetic rubric generated for the loading benchmarks.\n");
        sb.Append("fairrubrics: 1\n");
        sb.Append("id: synthetic-benchmark\n");
        sb.Append("version: 1.0.0\n");
        sb.Append("title: Synthetic benchmark rubric\n");
        sb.Append("description: >\n  A generated rubric used to measure how loading scales with the number of\n  competencies, paths and anchors.\n");
        sb.Append("scale:\n  1: Emerging\n  2: Developing\n  3: Proficient\n  4: Advanced\n  5: Role model\n");
        sb.Append("competencies:\n");
        string[] categories = ["technical", "delivery", "interpersonal", "leadership", "other"];
        for (var c = 1; c <= competencies; c++)
        {
            sb.Append(inv, $"  - id: competency-{c}\n");
            sb.Append(inv, $"    title: Competency number {c}\n");
            sb.Append(inv, $"    description: Describes the observable work and effects expected for competency {c}.\n");
            sb.Append(inv, $"    category: {categories[(c - 1) % categories.Length]}\n");
            sb.Append(inv, $"    weight: {1 + (c % 3)}\n");
            sb.Append("    combine: best-of\n");
            sb.Append("    paths:\n");
            for (var p = 1; p <= pathsPerCompetency; p++)
            {
                sb.Append(inv, $"      - id: path-{p}\n");
                sb.Append(inv, $"        title: Route {p} to competency {c}\n");
                sb.Append(inv, $"        description: One of several equivalent routes; evidence for route {p} of competency {c} is gathered over the window.\n");
                sb.Append("        anchors:\n");
                for (var level = 1; level <= 5; level++)
                {
                    sb.Append(inv, $"          {level}: At level {level} the person completes work of scope {level} for route {p}, and colleagues can point to concrete results such as shipped changes, closed incidents or unblocked teams.\n");
                }

                sb.Append("        score:\n");
                if (p % 2 == 1)
                {
                    sb.Append("          rule: rating\n");
                    sb.Append("          sources: [peer, manager]\n");
                    sb.Append("          aggregate: median\n");
                    sb.Append("          min-ratings: 2\n");
                }
                else
                {
                    sb.Append("          rule: count\n");
                    sb.Append(inv, $"          of: [work-{c}-{p}-a, work-{c}-{p}-b, work-{c}-{p}-c]\n");
                    sb.Append("          thresholds: { 1: 1, 2: 3, 3: 6, 4: 10, 5: 15 }\n");
                }
            }

            sb.Append('\n');
        }

        sb.Append("bands:\n");
        sb.Append("  - { label: Exceptional, min: 4.5 }\n");
        sb.Append("  - { label: Strong, min: 3.5 }\n");
        sb.Append("  - { label: Solid, min: 2.5 }\n");
        sb.Append("  - { label: Developing, min: 0 }\n");
        sb.Append("favourable: [Exceptional, Strong]\n");
        sb.Append("missing-evidence: exclude\n");
        sb.Append("window: { months: 12 }\n");
        return sb.ToString();
    }
}
