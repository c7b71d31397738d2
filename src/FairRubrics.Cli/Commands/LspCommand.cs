using System.CommandLine;
using FairRubrics.Checks;
using FairRubrics.Cli.LanguageServer;
using FairRubrics.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace FairRubrics.Cli.Commands;

/// <summary>
/// <c>fairrubrics lsp [--stdio] [--word-list FILE]... [--help-base-uri URI]</c>: a language server for rubric YAML over
/// stdin/stdout, for editors (docs/editors.md).
/// </summary>
internal static class LspCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        _ = stdout;
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin and stdout (the default and only transport; accepted because editors pass it)." };
        var wordLists = new Option<string[]>("--word-list")
        {
            Description = "A word-list file (fairrubrics-words: 1) to use besides the built-in lists; repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var helpBase = new Option<string?>("--help-base-uri") { Description = "Base URI of the docs folder, to link each diagnostic to its help page (e.g. https://example.org/fairrubrics/docs/)." };
        var command = new Command("lsp", "Run a Language Server Protocol server over stdin/stdout: lint diagnostics as you type, explanations on hover, completion from the schema, and a quick fix to suppress a finding with a reason.")
        {
            stdio, wordLists, helpBase,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(wordLists) ?? [], parse.GetValue(helpBase), stderr, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] wordListFiles, string? helpBaseUri, TextWriter stderr, CancellationToken cancellationToken)
    {
        Uri? helpBase = null;
        if (helpBaseUri is not null && !Uri.TryCreate(helpBaseUri.EndsWith('/') ? helpBaseUri : helpBaseUri + "/", UriKind.Absolute, out helpBase))
        {
            throw new CliUsageException($"--help-base-uri must be an absolute URI, e.g. https://example.org/fairrubrics/docs/; got '{helpBaseUri}'");
        }

        var lists = WordListFiles.Load(wordListFiles, stderr);
        using var services = CliServices.Create(o =>
        {
            foreach (var list in lists)
            {
                o.DesignChecks.WordLists.Add(list);
            }
        });
        var analysis = new DocumentAnalysis(services.GetRequiredService<RubricLoader>(), services.GetRequiredService<IRubricLinter>(), helpBase);
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        return await RubricLanguageServer.RunAsync(input, output, analysis, cancellationToken).ConfigureAwait(false);
    }
}
