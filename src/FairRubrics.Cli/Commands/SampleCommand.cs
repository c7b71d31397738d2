using System.CommandLine;
using System.Globalization;
using FairRubrics.Cli.Demo;

namespace FairRubrics.Cli.Commands;

/// <summary><c>fairrubrics sample --people N --seed S --out DIR</c>: writes a synthetic organisation (attributes and evidence).</summary>
internal static class SampleCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var people = new Option<int>("--people") { Description = "Number of people (10 to 1,000,000).", DefaultValueFactory = _ => 400 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Folder to write attributes.csv, evidence.csv and README.md into.", Required = true };
        var command = new Command("sample", "Write a synthetic sample organisation: attributes and the evidence people produce (behaviour, never outcomes).") { people, seed, output };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(people);
            if (n is < 10 or > 1_000_000)
            {
                throw new CliUsageException("--people must be from 10 to 1,000,000");
            }

            var dir = parse.GetValue(output)!;
            var organisation = new SampleOrganisation(n, parse.GetValue(seed));
            organisation.Write(dir);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote a synthetic organisation of {n} people ({organisation.EvidenceRows} evidence rows) to {dir}"));
            _ = stderr;
            return CliApp.ExitOk;
        });
        return command;
    }
}
