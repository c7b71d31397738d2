using System.CommandLine;
using FairRubrics.Cli.Output;
using FairRubrics.Schema;

namespace FairRubrics.Cli.Commands;

/// <summary><c>fairrubrics schema [--out FILE]</c>: prints the JSON Schema of the rubric format.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var outOption = new Option<FileInfo?>("--out") { Description = "Write the schema to this file instead of standard output." };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the rubric YAML format, for editor completion and validation.") { outOption };
        command.SetAction(parse =>
        {
            var json = RubricSchema.GetJson();
            var file = parse.GetValue(outOption);
            if (file is null)
            {
                stdout.Write(json);
                if (!json.EndsWith('\n'))
                {
                    stdout.WriteLine();
                }
            }
            else
            {
                AtomicFile.WriteAllText(file.FullName, json);
                stderr.WriteLine($"schema written to {file.FullName}");
            }

            return CliApp.ExitOk;
        });
        return command;
    }
}
